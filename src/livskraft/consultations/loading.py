"""Create or replace a consultation or an "Er du enig?" poll from a JSON description (see
docs/consultations.md). Everything is checked before anything is written."""

import json
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from .models import (
    Consultation,
    Membership,
    Poll,
    Question,
    RespondentType,
    Statement,
    Theme,
)

OSLO = ZoneInfo("Europe/Oslo")
KINDS = {kind for kind, _ in Question.KINDS}


class DescriptionError(ValueError):
    pass


def next_deadline(spec: dict, today: date) -> datetime:
    """{"next": "06-01", "time": "23:59"}: the next such day (this year's if still ahead,
    otherwise the coming year's), at that time in Europe/Oslo."""
    month, day = (int(part) for part in spec["next"].split("-"))
    at = time.fromisoformat(spec.get("time", "23:59"))
    deadline = datetime.combine(date(today.year, month, day), at, tzinfo=OSLO)
    if deadline.date() <= today:
        deadline = deadline.replace(year=today.year + 1)
    return deadline


def parse_deadline(value, today: date) -> datetime:
    if isinstance(value, dict):
        return next_deadline(value, today)
    deadline = datetime.fromisoformat(value)
    return deadline.replace(tzinfo=OSLO) if timezone.is_naive(deadline) else deadline


def _question(spec) -> dict:
    if isinstance(spec, str):
        return {"text": spec, "kind": Question.TEXT, "choices": []}
    kind = spec.get("kind", Question.TEXT)
    choices = [str(c) for c in spec.get("choices", [])]
    if kind not in KINDS:
        raise DescriptionError(f"Ukjent spørsmålstype «{kind}» (bruk {', '.join(sorted(KINDS))}).")
    if kind in (Question.SINGLE, Question.MULTIPLE) and len(choices) < 2:
        raise DescriptionError(f"Spørsmålet «{spec['text']}» trenger minst to svaralternativer.")
    return {"text": spec["text"], "kind": kind, "choices": choices}


def load(path: Path, today: date | None = None) -> Consultation | Poll:
    today = today or timezone.localdate()
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
        if spec.get("type") == "poll":
            return _load_poll(spec, path)
        deadline = parse_deadline(spec["deadline"], today)
        fields = {k: spec[k] for k in ("title", "organiser", "introduction")}
        fields.update({k: spec.get(k, "") for k in ("contact_email", "mandate_url", "source")})
        fields["contacts"] = [{"role": str(c["role"])} for c in spec.get("contacts", [])]
        themes = [{"title": t["title"], "introduction": t.get("introduction", ""),
                   "questions": [_question(q) for q in t.get("questions", [])]}
                  for t in spec["themes"]]
        types = [{"key": t["key"], "label": t["label"],
                  "names_organisation": bool(t.get("names_organisation", True))}
                 for t in spec.get("respondent_types", [])]
        statements = [str(s) for s in spec.get("statements", [])]
    except DescriptionError:
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DescriptionError(f"{path}: kan ikke lese høringen ({error!r})") from error
    with transaction.atomic():
        consultation, _ = Consultation.objects.update_or_create(
            slug=spec.get("slug") or path.stem,
            defaults={**fields, "deadline": deadline, "published": spec.get("published", True)})
        if consultation.submissions.exists() and consultation.themes.exists():
            raise DescriptionError("Høringen har innspill; temaer og spørsmål kan ikke byttes ut.")
        consultation.themes.all().delete()
        for position, theme in enumerate(themes):
            saved = Theme.objects.create(consultation=consultation, title=theme["title"],
                                         introduction=theme["introduction"], position=position)
            Question.objects.bulk_create(Question(theme=saved, position=number, **question)
                                         for number, question in enumerate(theme["questions"]))
        consultation.custom_respondent_types.all().delete()
        RespondentType.objects.bulk_create(
            RespondentType(consultation=consultation, position=n, **t)
            for n, t in enumerate(types))
        if statements:
            _committee_statements(consultation.poll(), statements)
        _members(spec, lambda user, role: Membership.objects.update_or_create(
            user=user, consultation=consultation, defaults={"role": role}))
    return consultation


def _load_poll(spec: dict, path: Path) -> Poll:
    try:
        fields = {k: spec.get(k, "") for k in (
            "title", "organiser", "introduction", "source", "agree_title", "agree_text",
            "agree_more_label", "disagree_title", "disagree_text", "disagree_more_label",
            "more_url", "signup_thanks", "embed_origins")}
        fields.update({"allow_pass": bool(spec.get("allow_pass", True)),
                       "newsletter": bool(spec.get("newsletter", False)),
                       "visitor_statements": bool(spec.get("visitor_statements", True)),
                       "published": bool(spec.get("published", True))})
        statements = [str(s) for s in spec["statements"]]
        if not fields["title"] or not statements:
            raise KeyError("title/statements")
    except (KeyError, TypeError, AttributeError) as error:
        raise DescriptionError(f"{path}: kan ikke lese avstemningen ({error!r})") from error
    with transaction.atomic():
        poll, _ = Poll.objects.update_or_create(slug=spec.get("slug") or path.stem,
                                                defaults=fields)
        _committee_statements(poll, statements)
        _members(spec, lambda user, role: poll.owners.add(user))
    return poll


def _committee_statements(poll: Poll, texts: list[str]) -> None:
    """The owner's own statements, approved; ones already there keep their votes."""
    for position, text in enumerate(texts):
        Statement.objects.update_or_create(poll=poll, text=text, defaults={
            "status": Statement.APPROVED, "by_committee": True, "position": position})


def _members(spec: dict, add) -> None:
    users = get_user_model().objects
    for member in spec.get("members", []):
        user = users.filter(username=member["username"]).first()
        if user is None:
            raise DescriptionError(f"Ukjent bruker {member['username']}.")
        add(user, member.get("role", Membership.MODERATOR))
