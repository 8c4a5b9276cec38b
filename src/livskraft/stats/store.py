"""Write a complete LoadBatch in one transaction, replacing what it covers: for each dataset
of the registry, the stored rows sharing its `replace_by` values with the new rows."""

import pandas as pd
from django.apps import apps
from django.db import transaction

from livskraft.sources import registry
from livskraft.sources.batch import LoadBatch

from .models import DataLoad

BATCH_SIZE = 2000


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


@transaction.atomic
def save_batch(batch: LoadBatch) -> dict[str, int]:
    """Store the batch; returns rows stored per dataset."""
    for key, dataset in registry.datasets().items():
        frame = batch.get(key)
        if frame.empty:
            continue
        model = apps.get_model(dataset.model)
        by = list(dataset.replace_by)
        if not by:
            model.objects.all().delete()
        else:
            for values in frame[by].drop_duplicates().itertuples(index=False, name=None):
                model.objects.filter(**dict(zip(by, values))).delete()
        model.objects.bulk_create((model(**r) for r in _records(frame)), batch_size=BATCH_SIZE)
    stored: dict[str, int] = {}
    for kind, source, rows in batch.origins():
        DataLoad.objects.create(dataset=kind, source=source, rows=rows)
        stored[kind] = stored.get(kind, 0) + rows
    return stored
