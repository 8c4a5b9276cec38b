"""Population levels, change over a period, and the age pyramid.

`population` frames have columns `year, code, persons` and optionally `estimated`."""

import numpy as np
import pandas as pd

from .errors import AnalysisError, MissingDataError


def series(population: pd.DataFrame, code: str, start: int | None = None, end: int | None = None):
    """One kommune's persons per year: `year, persons, estimated`."""
    rows = population[population.code == code]
    if start is not None:
        rows = rows[rows.year >= start]
    if end is not None:
        rows = rows[rows.year <= end]
    if rows.empty:
        raise MissingDataError("no_population_for_kommune", code=code)
    out = rows[["year", "persons"]].copy()
    out["estimated"] = rows.get("estimated", pd.Series(False, index=rows.index)).to_numpy()
    return out.sort_values("year", ignore_index=True)


def change(population: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Per kommune: persons at `start` and `end`, change and change in per cent."""
    if end <= start:
        raise AnalysisError("end_before_start", start=start, end=end)
    wide = population[population.year.isin([start, end])].pivot_table(
        index="code", columns="year", values="persons", aggfunc="sum"
    )
    for year in (start, end):
        if year not in wide:
            raise MissingDataError("no_population_in_year", year=year)
    estimated = (
        population[population.year.isin([start, end])].groupby("code").estimated.any()
        if "estimated" in population
        else pd.Series(False, index=wide.index)
    )
    out = pd.DataFrame(
        {"start": wide[start], "end": wide[end]}, index=wide.index
    ).dropna()
    out["change"] = out.end - out.start
    out["change_pct"] = np.where(out.start > 0, 100 * out.change / out.start, np.nan)
    out["estimated"] = estimated.reindex(out.index, fill_value=False).astype(bool)
    return out.reset_index()


def age_pyramid(men: list[int], women: list[int], width: int = 5, open_from: int = 90):
    """Group single-year counts (list index = age) into `width`-year bands and `open_from`+."""
    if len(men) != len(women):
        raise AnalysisError("unequal_age_lists")
    bands = [(low, low + width) for low in range(0, open_from, width)]
    bands.append((open_from, len(men)))
    return pd.DataFrame(
        {
            "age": [f"{lo}–{hi - 1}" for lo, hi in bands[:-1]] + [f"{open_from}+"],
            "men": [sum(men[lo:hi]) for lo, hi in bands],
            "women": [sum(women[lo:hi]) for lo, hi in bands],
        }
    )
