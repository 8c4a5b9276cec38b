"""Create or replace a consultation from a JSON description (see docs/consultations.md)."""

import json
from datetime import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .models import Consultation, Membership, Question, Theme


class DescriptionError(ValueError):
    pass


@transaction.atomic
def load(path: Path) -> Consultation:
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
        deadline = datetime.fromisoformat(spec["deadline"])
        fields = {k: spec[k] for k in ("title", "organiser", "introduction")}
        themes = spec["themes"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DescriptionError(f"{path}: kan ikke lese høringen ({error})") from error
    if timezone.is_naive(deadline):
        deadline = timezone.make_aware(deadline)
    consultation, _ = Consultation.objects.update_or_create(
        slug=spec.get("slug") or path.stem,
        defaults={**fields, "deadline": deadline, "published": spec.get("published", True)})
    if consultation.submissions.exists() and consultation.themes.exists():
        raise DescriptionError("Høringen har innspill; temaer og spørsmål kan ikke byttes ut.")
    consultation.themes.all().delete()
    for position, theme in enumerate(themes):
        saved = Theme.objects.create(consultation=consultation, title=theme["title"],
                                     position=position)
        for number, text in enumerate(theme.get("questions", [])):
            Question.objects.create(theme=saved, text=text, position=number)
    users = get_user_model().objects
    for member in spec.get("members", []):
        user = users.filter(username=member["username"]).first()
        if user is None:
            raise DescriptionError(f"Ukjent bruker {member['username']}.")
        Membership.objects.update_or_create(user=user, consultation=consultation,
                                            defaults={"role": member.get("role", "moderator")})
    return consultation
