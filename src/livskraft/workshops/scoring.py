"""Recording priority scores and summarising them for the big screen and exports."""

import math

import pandas as pd
from django.db import transaction
from django.db.models import Avg, Count, F
from django.utils.translation import gettext as _

from .models import Factor, Participant, PriorityScore, Workshop


class ScoreRejected(ValueError):
    pass


@transaction.atomic
def record(participant: Participant, factor_id: int, importance: int, influence: int) -> None:
    if not (1 <= importance <= 5 and 1 <= influence <= 5):
        raise ScoreRejected(_("Velg en verdi fra 1 til 5."))
    locked = (Factor.objects.filter(id=factor_id, workshop_id=participant.workshop_id)
              .values_list("workshop__locked", flat=True).first())
    if locked is None:
        raise ScoreRejected(_("Ukjent faktor."))
    if locked:
        raise ScoreRejected(_("Runden er låst av prosesslederen."))
    PriorityScore.objects.update_or_create(
        participant=participant, factor_id=factor_id,
        defaults={"importance": importance, "influence": influence})


def scores(workshop: Workshop) -> pd.DataFrame:
    rows = PriorityScore.objects.filter(factor__workshop=workshop).values(
        "participant_id", "factor_id", "factor__text", "importance", "influence")
    return pd.DataFrame(list(rows), columns=["participant_id", "factor_id", "factor__text",
                                             "importance", "influence"])


def summary(workshop: Workshop) -> list[dict]:
    """Per factor: answers, mean and spread (population standard deviation) of both scores,
    aggregated in the database so the big screen stays quick with many participants."""
    totals = {row["factor_id"]: row for row in (
        PriorityScore.objects.filter(factor__workshop=workshop).values("factor_id").annotate(
            answers=Count("id"), mean_importance=Avg("importance"),
            mean_influence=Avg("influence"),
            importance_sq=Avg(F("importance") * F("importance")),
            influence_sq=Avg(F("influence") * F("influence"))))}
    out = []
    for factor in workshop.factors.all():
        row = totals.get(factor.id)
        entry = {"id": factor.id, "text": factor.text, "answers": 0, "importance": None,
                 "influence": None, "importance_sd": None, "influence_sd": None}
        if row:
            entry.update(answers=row["answers"], importance=row["mean_importance"],
                         influence=row["mean_influence"],
                         importance_sd=_spread(row["mean_importance"], row["importance_sq"]),
                         influence_sd=_spread(row["mean_influence"], row["influence_sq"]))
        out.append(entry)
    return out


def _spread(mean: float, mean_of_squares: float) -> float:
    return math.sqrt(max(mean_of_squares - mean * mean, 0.0))


