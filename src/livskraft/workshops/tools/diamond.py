"""Kapasitetsdiamanten: five components of a kommune's capacity for development, scored 1–5
by each participant with a reason, then a jointly agreed score; compared across years."""

import pandas as pd
from django.contrib import messages
from django.db import models, transaction
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import charts, live
from ..models import Participant, Workshop
from ..participants import participant_post
from .base import Action, Rejected, Tool

COMPONENTS = [
    ("utviklingsleiing", gettext_lazy("Utviklingsleiing")),
    ("utviklingskompetanse", gettext_lazy("Utviklingskompetanse")),
    ("utviklingskultur", gettext_lazy("Utviklingskultur")),
    ("utviklingsokonomi", gettext_lazy("Utviklingsøkonomi")),
    ("tidsressursar", gettext_lazy("Tidsressursar")),
]
KEYS = [key for key, _label in COMPONENTS]


class DiamondScore(models.Model):
    """A participant's score (1–5) of one capacity component, with an optional reason."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="diamond_scores")
    component = models.CharField(max_length=30)
    score = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "component"],
                                               name="one_diamond_score_per_component")]


class DiamondJoint(models.Model):
    """The score the group agreed for one component."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="diamond")
    component = models.CharField(max_length=30)
    score = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workshop", "component"],
                                               name="one_joint_score_per_component")]


class DiamondRejected(Rejected):
    pass


def _check(component: str, score: int) -> None:
    if component not in KEYS:
        raise DiamondRejected(_("Ukjent komponent."))
    if not 1 <= score <= 5:
        raise DiamondRejected(_("Velg en verdi fra 1 til 5."))


@transaction.atomic
def record(participant: Participant, component: str, score: int, reason: str = "") -> None:
    _check(component, score)
    if Workshop.objects.filter(id=participant.workshop_id, locked=True).exists():
        raise DiamondRejected(_("Runden er låst av prosesslederen."))
    DiamondScore.objects.update_or_create(participant=participant, component=component,
                                          defaults={"score": score, "reason": reason[:500]})
    live.announce(participant.workshop_id)


@transaction.atomic
def set_joint(workshop: Workshop, component: str, score: int) -> None:
    _check(component, score)
    DiamondJoint.objects.update_or_create(workshop=workshop, component=component,
                                          defaults={"score": score})
    live.announce(workshop.id)


def summary(workshop: Workshop) -> list[dict]:
    scores = DiamondScore.objects.filter(participant__workshop=workshop)
    joint = dict(workshop.diamond.values_list("component", "score"))
    out = []
    for key, label in COMPONENTS:
        mine = [s for s in scores if s.component == key]
        values = [s.score for s in mine]
        out.append({
            "component": key, "label": str(label), "answers": len(values),
            "mean": sum(values) / len(values) if values else None,
            "low": min(values) if values else None, "high": max(values) if values else None,
            "joint": joint.get(key), "reasons": [s.reason for s in mine if s.reason],
        })
    return out


def earlier_years(workshop: Workshop) -> list[tuple[str, dict[str, int]]]:
    """Agreed diamonds of the same kommune's other workshops, oldest first (År 1, År 3 …)."""
    if not workshop.municipality_code:
        return []
    others = (Workshop.objects.filter(municipality_code=workshop.municipality_code)
              .exclude(id=workshop.id).order_by("created_at"))
    out = []
    for other in others:
        joint = dict(other.diamond.values_list("component", "score"))
        if joint:
            out.append((other.year_label or other.title, joint))
    return out


def chart(workshop: Workshop):
    rows = summary(workshop)
    series = [(_("Snitt av deltakerne"), [r["mean"] for r in rows], "6 4"),
              (_("Felles skår") + (f" {workshop.year_label}" if workshop.year_label else ""),
               [r["joint"] for r in rows], "")]
    for label, joint in earlier_years(workshop):
        series.append((label, [joint.get(key) for key in KEYS], "2 3"))
    band = ([r["low"] for r in rows], [r["high"] for r in rows])
    return charts.radar([r["label"] for r in rows], series, band)


def _joint_action(workshop: Workshop, data) -> str | None:
    set_joint(workshop, data.get("component", ""), int(data["score"]))
    return None


@participant_post
def answer(request, participant):
    try:
        for key in KEYS:
            if request.POST.get(key):
                record(participant, key, int(request.POST[key]),
                       request.POST.get(f"reason_{key}", ""))
    except Rejected as error:
        messages.error(request, str(error))
    except ValueError:
        messages.error(request, _("Velg en verdi fra 1 til 5."))
    else:
        messages.success(request, _("Lagret"))


class Diamond(Tool):
    key = "diamond"
    label = gettext_lazy("Kapasitetsdiamanten")
    models = (DiamondScore, DiamondJoint)
    has_chart = True

    def participant_context(self, participant) -> dict:
        scored = {s.component: s for s in participant.diamond_scores.all()}
        return {"components": [(key, label, scored.get(key)) for key, label in COMPONENTS]}

    def screen_context(self, workshop) -> dict:
        return {"components": summary(workshop)}

    def answer_count(self, workshop) -> int:
        return DiamondScore.objects.filter(participant__workshop=workshop).count()

    def items_per_person(self, workshop) -> int:
        return len(KEYS)

    def chart(self, workshop):
        return chart(workshop)

    def panel_context(self, workshop) -> dict:
        return {"components": summary(workshop)}

    def actions(self) -> dict[str, Action]:
        return {"joint": Action(_joint_action)}

    def export_sheets(self, workshop) -> dict[str, pd.DataFrame]:
        capacity = pd.DataFrame(summary(workshop)).drop(columns=["reasons"]).rename(
            columns={"component": "komponent", "label": "navn", "answers": "svar",
                     "mean": "snitt", "low": "lavest", "high": "høyest", "joint": "felles"})
        return {"Kapasitetsdiamant": capacity}

    def pdf_lines(self, workshop) -> list[str]:
        return [_("%(label)s: snitt %(mean)s, felles %(joint)s") % {
            "label": c["label"], "mean": "–" if c["mean"] is None else f"{c['mean']:.1f}",
            "joint": c["joint"] or "–"} for c in summary(workshop)]

    def urls(self) -> list:
        return [path("verksted/delta/diamant/", answer, name="workshop-diamond")]
