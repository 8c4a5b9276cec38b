"""Jobs (SSB 11618) and commuting (SSB 03321) as tidy frames on chosen borders (cached until
new data is loaded; treat the frames as read-only)."""

import pandas as pd

from livskraft.analysis import commuting as commuting_analysis

from . import frames
from .models import CommutingFlow, PlaceIndicator
from .table_store import per_data_version

JOB_MEASURES = {"sysselsatte_arbeidssted": "jobs", "sysselsatte_bosted": "employed_residents",
                "befolkning_15_74": "population_15_74"}


def jobs(target: int | None = None) -> pd.DataFrame:
    """`year, code, jobs, employed_residents, population_15_74, estimated` (11618)."""
    return _jobs(target or frames.default_borders(), frames.data_version())


@per_data_version(maxsize=4)
def _jobs(target: int, version: tuple) -> pd.DataFrame:
    fields = ["indicator", "vintage", "year", "code", "value"]
    rows = pd.DataFrame(list(PlaceIndicator.objects.filter(indicator__in=JOB_MEASURES)
                             .values(*fields)), columns=fields)
    columns = ["year", "code", *JOB_MEASURES.values(), "estimated"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    wide = rows.pivot_table(index=["vintage", "year", "code"], columns="indicator",
                            values="value").rename(columns=JOB_MEASURES).reset_index()
    values = [c for c in JOB_MEASURES.values() if c in wide]
    return frames._on_borders(wide, values, target).reindex(columns=columns)


def commuting_years() -> list[int]:
    return sorted(CommutingFlow.objects.values_list("year", flat=True).distinct())


def commuting(year: int, target: int | None = None) -> pd.DataFrame:
    """`work_code, home_code, persons, estimated` for `year` on the pivot borders of the
    crosswalk (or the year's own borders when that is the target)."""
    return _commuting(year, target or frames.default_borders(), frames.data_version())


@per_data_version(maxsize=4)
def _commuting(year: int, target: int, version: tuple) -> pd.DataFrame:
    fields = ["vintage", "work_code", "home_code", "persons"]
    rows = pd.DataFrame(list(CommutingFlow.objects.filter(year=year).values(*fields)),
                        columns=fields)
    if rows.empty or set(rows.vintage) == {target}:
        return rows.drop(columns="vintage").assign(estimated=False)
    return commuting_analysis.to_pivot(rows.drop(columns="vintage"), frames.crosswalk(), year)


def imdi_flows(target: int | None = None) -> pd.DataFrame:
    """IMDi's gross flows per kommune (`imdi_innvandring`, `imdi_utvandring`, …) for the one
    year loaded, indexed by code on the borders of `target`."""
    return _imdi(target or frames.default_borders(), frames.data_version())


@per_data_version(maxsize=4)
def _imdi(target: int, version: tuple) -> pd.DataFrame:
    fields = ["indicator", "vintage", "year", "code", "value"]
    rows = pd.DataFrame(list(PlaceIndicator.objects.filter(indicator__startswith="imdi_")
                             .values(*fields)), columns=fields)
    if rows.empty:
        return pd.DataFrame()
    wide = rows.pivot_table(index=["vintage", "year", "code"], columns="indicator",
                            values="value").reset_index()
    values = [c for c in wide.columns if c.startswith("imdi_")]
    return frames._on_borders(wide, values, target).set_index("code")[values]
