"""Dialog- og tillitssjekken: a short Likert questionnaire on dialogue and trust. Results are
shown per group only when at least five have answered, and compared across rounds."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Participant, TrustAnswer, Workshop

STATEMENTS = [
    ("hort", gettext_lazy("Jeg opplever at synspunktene mine blir hørt.")),
    ("apen", gettext_lazy("Det er åpent hvordan beslutningene blir tatt.")),
    ("informasjon", gettext_lazy("Jeg får den informasjonen jeg trenger for å delta.")),
    ("uenighet", gettext_lazy("Det er rom for å være uenig.")),
    ("tid", gettext_lazy("Det er satt av nok tid til dialog.")),
    ("deltakere", gettext_lazy("Jeg har tillit til de andre deltakerne.")),
    ("oppfolging", gettext_lazy("Jeg har tillit til at det vi blir enige om, blir fulgt opp.")),
    ("nytte", gettext_lazy("Det vi gjør her, vil gjøre en forskjell.")),
]
KEYS = [key for key, _label in STATEMENTS]
MIN_ANSWERS = 5


class TrustRejected(ValueError):
    pass


@transaction.atomic
def record(participant: Participant, answers: dict[str, int]) -> None:
    workshop = Workshop.objects.get(id=participant.workshop_id)
    if workshop.locked:
        raise TrustRejected(_("Runden er låst av prosesslederen."))
    if not answers or any(k not in KEYS or not 1 <= v <= 5 for k, v in answers.items()):
        raise TrustRejected(_("Velg en verdi fra 1 til 5 for hver påstand."))
    for statement, value in answers.items():
        TrustAnswer.objects.update_or_create(participant=participant, round=workshop.trust_round,
                                             statement=statement, defaults={"value": value})


def summary(workshop: Workshop) -> list[dict]:
    """Per round and group ("" = everyone): respondents and, from five up, the mean per
    statement and overall. Smaller groups are reported without numbers."""
    answers = list(TrustAnswer.objects.filter(participant__workshop=workshop)
                   .values("round", "statement", "value", "participant_id", "participant__group"))
    out = []
    for round_ in sorted({a["round"] for a in answers}):
        in_round = [a for a in answers if a["round"] == round_]
        groups = [("", in_round)] + [
            (g, [a for a in in_round if a["participant__group"] == g])
            for g in sorted({a["participant__group"] for a in in_round if a["participant__group"]})]
        for group, rows in groups:
            people = len({a["participant_id"] for a in rows})
            entry = {"round": round_, "group": group, "respondents": people, "shown": False}
            if people >= MIN_ANSWERS:
                means = {k: _mean([a["value"] for a in rows if a["statement"] == k])
                         for k in KEYS}
                entry.update(shown=True, means=means,
                             overall=_mean([a["value"] for a in rows]))
            out.append(entry)
    return out


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None
