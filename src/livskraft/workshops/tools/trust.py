"""Dialog- og tillitssjekken: a short Likert questionnaire on dialogue and trust. Results are
shown per group only when at least five have answered, and compared across rounds."""

import pandas as pd
from django.contrib import messages
from django.db import models, transaction
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import live
from ..models import Participant, Workshop
from ..participants import participant_post
from .base import Action, Rejected, Tool

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


class TrustAnswer(models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="trust_answers")
    round = models.PositiveSmallIntegerField()
    statement = models.CharField(max_length=30)
    value = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "round", "statement"],
                                               name="one_trust_answer_per_statement")]


class TrustRejected(Rejected):
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
    live.announce(workshop.id)


def new_round(workshop: Workshop, data=None) -> None:
    workshop.trust_round += 1
    workshop.save(update_fields=["trust_round"])
    live.announce(workshop.id)


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


@participant_post
def answer(request, participant):
    try:
        answers = {key: int(request.POST[key]) for key in KEYS if request.POST.get(key)}
        record(participant, answers)
    except Rejected as error:
        messages.error(request, str(error))
    except ValueError:
        messages.error(request, _("Velg en verdi fra 1 til 5 for hver påstand."))
    else:
        messages.success(request, _("Takk! Svarene er anonyme."))


class Trust(Tool):
    key = "trust"
    label = gettext_lazy("Dialog- og tillitssjekken")
    models = (TrustAnswer,)

    def participant_context(self, participant) -> dict:
        answered = dict(participant.trust_answers.filter(round=participant.workshop.trust_round)
                        .values_list("statement", "value"))
        return {"statements": [(key, label, answered.get(key)) for key, label in STATEMENTS]}

    def screen_context(self, workshop) -> dict:
        return {"trust": summary(workshop), "statements": STATEMENTS, "minimum": MIN_ANSWERS}

    def answer_count(self, workshop) -> int:
        return TrustAnswer.objects.filter(participant__workshop=workshop,
                                          round=workshop.trust_round).count()

    def actions(self) -> dict[str, Action]:
        return {"trust_round": Action(new_round, control=True)}

    def export_sheets(self, workshop) -> dict[str, pd.DataFrame]:
        checks = pd.DataFrame([{"runde": r["round"], "gruppe": r["group"] or "alle",
                                "svar": r["respondents"],
                                "snitt": round(r["overall"], 2) if r["shown"] else None}
                               for r in summary(workshop)])
        return {"Tillitssjekk": checks}

    def pdf_lines(self, workshop) -> list[str]:
        lines = []
        for row in summary(workshop):
            who = row["group"] or _("alle")
            if row["shown"]:
                lines.append(_("Runde %(r)s, %(who)s: snitt %(mean)s (%(n)s svar)") % {
                    "r": row["round"], "who": who, "mean": f"{row['overall']:.1f}",
                    "n": row["respondents"]})
            else:
                lines.append(_("Runde %(r)s, %(who)s: færre enn %(min)s svar, ikke vist") % {
                    "r": row["round"], "who": who, "min": MIN_ANSWERS})
        return lines or [_("Ingen svar ennå.")]

    def urls(self) -> list:
        return [path("verksted/delta/tillit/", answer, name="workshop-trust")]
