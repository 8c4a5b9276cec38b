"""`sync`: every dataset module of the registry that can fetch from SSB adds its part to one
batch (code lists first, in SYNC_ORDER); the batch is stored only when everything has arrived."""

from django.conf import settings

from livskraft.sources import registry
from livskraft.sources.batch import LoadBatch
from livskraft.sources.datasets import population_07459
from livskraft.sources.datasets.base import SyncContext
from livskraft.sources.http import Fetcher
from livskraft.sources.klass import KlassClient
from livskraft.sources.pxweb import PxWebClient

from .store import save_batch


def table_overrides() -> dict[str, str]:
    """Tables chosen in settings instead of a dataset module's default."""
    return {"employment": settings.SSB_JOBS_TABLE, "mortality": settings.SSB_MORTALITY_TABLE,
            "fertility": settings.SSB_FERTILITY_TABLE,
            "official_projection": settings.SSB_PROJECTION_TABLE}


def sync_all(start: int, end: int | None = None, progress: bool = False,
             fetcher: Fetcher | None = None) -> dict[str, int]:
    fetcher = fetcher or Fetcher(backoff=settings.SSB_RETRY_BACKOFF_SECONDS)
    context = SyncContext(
        pxweb=PxWebClient(settings.SSB_PXWEB_URL, fetcher),
        klass=KlassClient(settings.SSB_KLASS_URL, fetcher),
        start=start, end=end, batch=LoadBatch(), progress=progress, tables=table_overrides(),
    )
    context.years = population_07459.published_years(context)
    for fetch in registry.fetchers():
        fetch(context)
    return save_batch(context.batch)
