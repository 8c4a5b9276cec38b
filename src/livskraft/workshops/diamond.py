"""Kapasitetsdiamanten: five components of a kommune's capacity for development, scored 1–5
by each participant with a reason, then a jointly agreed score; compared across years."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import DiamondJoint, DiamondScore, Participant, Workshop

COMPONENTS = [
    ("utviklingsleiing", gettext_lazy("Utviklingsleiing")),
    ("utviklingskompetanse", gettext_lazy("Utviklingskompetanse")),
    ("utviklingskultur", gettext_lazy("Utviklingskultur")),
    ("utviklingsokonomi", gettext_lazy("Utviklingsøkonomi")),
    ("tidsressursar", gettext_lazy("Tidsressursar")),
]
KEYS = [key for key, _label in COMPONENTS]


class DiamondRejected(ValueError):
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


def set_joint(workshop: Workshop, component: str, score: int) -> None:
    _check(component, score)
    DiamondJoint.objects.update_or_create(workshop=workshop, component=component,
                                          defaults={"score": score})


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
