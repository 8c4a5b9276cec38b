"""What every kommune page compares against, computed once per data version and kept
(`livskraft.stats.table_store`): `livskraft import-data` and `sync` call `prepare` after
storing, so the import pays for it instead of the first visitor of each server process, and
`livskraft serve` reads the kept tables from disk while it starts (`web.warm`).

These are national tables only (every kommune's figures at once); no page is rendered here.
"""

import contextlib

from django.conf import settings
from django.utils import translation

from livskraft.analysis.errors import MissingDataError
from livskraft.stats import frames, table_store, work

from . import comparisons, projection_tables, reports, views
from .attractiveness_tables import attractiveness_table
from .forms import PeriodForm

# A part whose data is missing or unusable is left out: its section says so on the page.
MISSING = (MissingDataError, ValueError, KeyError)


def refresh() -> None:
    """After an import or sync: remove the other data versions' tables, compute this one's."""
    table_store.keep_only(frames.data_version())
    prepare()


def prepare(languages: list[str] | None = None) -> None:
    """The tables of the kommune page without a query string (its default period and
    borders) for the current data version, in `languages` (default: all; a few comparison
    rows are labelled in the visitor's language): computed, or read where they are kept."""
    form = PeriodForm({})
    if not form.is_valid():  # no population loaded: the pages say so
        return
    period = views.Period(**form.cleaned_data)
    borders = period.borders
    reports.names(borders)
    for dataset in ("population_totals", "population_changes", "employment",
                    "official_projection", "population_by_age"):
        with contextlib.suppress(*MISSING):
            frames.national(dataset, borders)
    inputs = views.comparison_inputs(period, {})
    if inputs.attractiveness is not None:
        with contextlib.suppress(*MISSING):
            attractiveness_table(*inputs.attractiveness, borders)
    with contextlib.suppress(*MISSING):  # the work section
        work.jobs(borders)
        if years := work.commuting_years():
            work.commuting(years[-1], borders)
    with contextlib.suppress(*MISSING):  # the projection section, and SSB's beside it
        codes = projection_tables.inputs(borders).codes
        projection_tables.ssb_comparison(codes[0], borders)
    for language in languages or [code for code, _name in settings.LANGUAGES]:
        with translation.override(language), contextlib.suppress(*MISSING):
            comparisons.prepare(inputs)
