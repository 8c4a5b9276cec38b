"""Befolkningsregnskap: what made the population change, year by year.

`components` frames have `year, code, births, deaths, immigration, emigration,
domestic_in, domestic_out` for changes during calendar `year`."""

import pandas as pd

from .errors import MissingDataError

COMPONENTS = ["births", "deaths", "immigration", "emigration", "domestic_in", "domestic_out"]


def population_accounts(
    components: pd.DataFrame, population: pd.DataFrame | None = None, code: str | None = None
) -> pd.DataFrame:
    """Per year: the components, natural increase, net immigration, net domestic migration,
    their total, and (with `population`) the observed change from 1.1. to 1.1. next year and
    the residual SSB books as corrections."""
    rows = components if code is None else components[components.code == code]
    if rows.empty:
        raise MissingDataError("no_components", table="06913")
    out = rows.groupby("year", as_index=False)[COMPONENTS].sum()
    out["natural_increase"] = out.births - out.deaths
    out["net_immigration"] = out.immigration - out.emigration
    out["net_domestic"] = out.domestic_in - out.domestic_out
    out["total_change"] = out.natural_increase + out.net_immigration + out.net_domestic
    if "estimated" in rows:  # shown on other borders: shared out by population (estimate)
        out["estimated"] = out.year.map(rows.groupby("year").estimated.any()).astype(bool)
    if population is not None:
        people = population if code is None else population[population.code == code]
        level = people.groupby("year").persons.sum()
        out["observed_change"] = out.year.map(level.shift(-1).sub(level))
        out.loc[~out.year.add(1).isin(level.index), "observed_change"] = float("nan")
        out["residual"] = out.observed_change - out.total_change
    return out
