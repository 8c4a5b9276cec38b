"""Write a complete LoadBatch in one transaction, replacing what it covers."""

import pandas as pd
from django.db import transaction

from livskraft.places.models import Boundary, Centrality, CodeCrosswalk, Municipality
from livskraft.sources.batch import LoadBatch

from .models import (
    DataLoad,
    DemographicRate,
    Employment,
    OfficialProjection,
    PlaceIndicator,
    PopulationByAge,
    PopulationChange,
    PopulationTotal,
)

BATCH_SIZE = 2000


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _replace_by_vintage_year(model, frame: pd.DataFrame) -> None:
    for (vintage, year), _ in frame.groupby(["vintage", "year"]):
        model.objects.filter(vintage=vintage, year=year).delete()
    model.objects.bulk_create((model(**r) for r in _records(frame)), batch_size=BATCH_SIZE)


@transaction.atomic
def save_batch(batch: LoadBatch) -> dict[str, int]:
    """Store the batch; returns rows stored per dataset."""
    stored: dict[str, int] = {}
    municipalities = batch.get("municipalities")
    if not municipalities.empty:
        Municipality.objects.filter(vintage__in=municipalities.vintage.unique().tolist()).delete()
        Municipality.objects.bulk_create(Municipality(**r) for r in _records(municipalities))
    crosswalk = batch.get("crosswalk")
    if not crosswalk.empty:
        CodeCrosswalk.objects.all().delete()
        CodeCrosswalk.objects.bulk_create(CodeCrosswalk(**r) for r in _records(crosswalk))
    centrality = batch.get("centrality")
    if not centrality.empty:
        Centrality.objects.filter(code__in=centrality.code.tolist()).delete()
        Centrality.objects.bulk_create(Centrality(**r) for r in _records(centrality))
    boundaries = batch.get("boundaries")
    for (level, vintage), group in boundaries.groupby(["level", "vintage"]):
        Boundary.objects.filter(level=level, vintage=vintage).delete()
        Boundary.objects.bulk_create(Boundary(**r) for r in group.to_dict("records"))
    for kind, model in (
        ("population_totals", PopulationTotal),
        ("population_by_age", PopulationByAge),
        ("population_changes", PopulationChange),
        ("employment", Employment),
        ("official_projection", OfficialProjection),
    ):
        frame = batch.get(kind)
        if not frame.empty:
            _replace_by_vintage_year(model, frame)
    rates = batch.get("rates")
    for (kind, year), group in rates.groupby(["kind", "year"]):
        DemographicRate.objects.filter(kind=kind, year=year).delete()
        DemographicRate.objects.bulk_create(
            (DemographicRate(**r) for r in _records(group)), batch_size=BATCH_SIZE
        )
    indicators = batch.get("indicators")
    for (indicator, vintage), group in indicators.groupby(["indicator", "vintage"]):
        PlaceIndicator.objects.filter(indicator=indicator, vintage=vintage).delete()
        PlaceIndicator.objects.bulk_create(PlaceIndicator(**r) for r in _records(group))
    for kind, source, rows in batch.origins:
        DataLoad.objects.create(dataset=kind, source=source, rows=rows)
        stored[kind] = stored.get(kind, 0) + rows
    return stored
