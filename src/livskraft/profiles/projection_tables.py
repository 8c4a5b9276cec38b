"""Projection tables: one kommune's scenarios, or every kommune at once."""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livskraft.analysis import projection
from livskraft.analysis.errors import MissingDataError
from livskraft.stats import frames

HISTORY_YEARS = 5
SCENARIOS = {
    "main": gettext_lazy("Hovedalternativ (flytting som snittet siste fem år)"),
    "zero_immigration": gettext_lazy("Null nettoinnvandring"),
    "no_migration": gettext_lazy("Ingen flytting"),
    "custom": gettext_lazy("Eget scenario"),
    "ssb_MMMM": gettext_lazy("SSBs hovedalternativ (MMMM)"),
    "ssb_MMM0": gettext_lazy("SSBs alternativ uten nettoinnvandring (MMM0)"),
}


@dataclass(frozen=True)
class Extra:
    """A user scenario: `people` more (or fewer) migrants a year aged first..last."""

    people: float
    first_age: int
    last_age: int

    def __post_init__(self):
        if not 0 <= self.first_age <= self.last_age < projection.AGES:
            raise ValueError(_("Aldersgruppen må ligge mellom 0 og 105 år, fra lavest til høyest."))


@dataclass
class Inputs:
    base_year: int
    codes: list[str]
    history: np.ndarray  # (years, kommuner, 2, AGES)
    rates: projection.Rates
    fertility_scale: np.ndarray
    mortality_scale: np.ndarray
    migration: np.ndarray  # (kommuner, 2, AGES) yearly, main alternative
    net_immigration: np.ndarray | None  # (kommuner,) yearly average, where 06913 is loaded
    immigration_profile: np.ndarray  # (2, AGES), sums to 1
    rate_year: int


def inputs(borders: int | None = None) -> Inputs:
    """Everything the projection needs for all kommuner; computed once per data load
    (every kommune page needs it) and to be treated as read-only."""
    target = borders or frames.default_borders()
    return _inputs(target, frames.data_version())


@lru_cache(maxsize=4)
def _inputs(target: int, version: tuple) -> Inputs:
    rate_year, rows = frames.national_rates()
    rates = _rates(rows)
    by_age = frames.population_by_age(target)
    if by_age.empty:
        raise MissingDataError(_("Framskrivingen trenger folketall etter kjønn og alder."))
    years = sorted(by_age.year.unique())[-HISTORY_YEARS - 1:]
    codes = sorted(set(by_age[by_age.year == years[-1]].code))
    history = np.stack([_array(by_age[by_age.year == y], codes) for y in years])
    births, deaths, net_immigration = _observed(target, codes, years)
    fertility, mortality = projection.calibrate(history[:-1], rates, births, deaths)
    migration = projection.residual_migration(history, rates, births, fertility, mortality)
    national = projection.residual_migration(history.sum(axis=1, keepdims=True), rates)[0]
    inflow = np.clip(national, 0, None)
    profile = inflow / inflow.sum() if inflow.sum() > 0 else np.full(inflow.shape, 1 / inflow.size)
    return Inputs(years[-1], codes, history, rates, fertility, mortality, migration,
                  net_immigration, profile, rate_year)


def scenario_migration(data: Inputs, scenario: str, extra: Extra | None = None) -> np.ndarray:
    if scenario == "main":
        return data.migration
    if scenario == "no_migration":
        return np.zeros_like(data.migration)
    if scenario == "zero_immigration":
        if data.net_immigration is None:
            raise MissingDataError(_("Null nettoinnvandring trenger befolkningsendringer (06913)."))
        return data.migration - data.net_immigration[:, None, None] * data.immigration_profile
    if scenario == "custom":
        if extra is None:
            raise ValueError("Eget scenario trenger antall personer og aldersgruppe.")
        added = projection.age_band_migration(extra.people, extra.first_age, extra.last_age)
        return data.migration + added[None]
    raise ValueError(f"Ukjent scenario: {scenario}")


def project_all(data: Inputs, scenario: str, years: int, extra: Extra | None = None):
    """Every kommune: (years + 1, kommuner, 2, AGES)."""
    return projection.project(data.history[-1], data.rates, scenario_migration(data, scenario,
                              extra), years, data.fertility_scale, data.mortality_scale)


def kommune_table(code: str, years: int = 30, borders: int | None = None,
                  extra: Extra | None = None) -> pd.DataFrame:
    """Total population per year and scenario, with 0–19, 20–66 and 67+ for each."""
    data = inputs(borders)
    if code not in data.codes:
        raise MissingDataError(_("Ingen aldersfordeling for kommune %(code)s.") % {"code": code})
    index = data.codes.index(code)
    chosen = ["main", "zero_immigration", "no_migration"] + (["custom"] if extra else [])
    rows = []
    for scenario in chosen:
        try:
            path = project_all(_single(data, index), scenario, years, extra)[:, 0]
        except MissingDataError:
            continue
        for step, people in enumerate(path):
            rows.append({
                "aar": data.base_year + step, "scenario": scenario,
                "scenario_navn": str(SCENARIOS[scenario]),
                "folketall": round(float(people.sum())),
                "alder_0_19": round(float(people[:, :20].sum())),
                "alder_20_66": round(float(people[:, 20:67].sum())),
                "alder_67_pluss": round(float(people[:, 67:].sum())),
            })
    official = frames.official_projection(borders)
    official = official[(official.code == code) & official.year.between(data.base_year,
                                                                          data.base_year + years)]
    for row in official.itertuples():
        scenario = f"ssb_{row.alternative}"
        rows.append({"aar": row.year, "scenario": scenario,
                     "scenario_navn": str(SCENARIOS.get(scenario, scenario)),
                     "folketall": round(row.persons), "alder_0_19": None, "alder_20_66": None,
                     "alder_67_pluss": None})
    return pd.DataFrame(rows)


def difference_from_ssb(table: pd.DataFrame) -> pd.DataFrame:
    """Years where both our main alternative and SSB's MMMM exist: ours − SSB's."""
    wide = table.pivot_table(index="aar", columns="scenario", values="folketall")
    if "ssb_MMMM" not in wide or "main" not in wide:
        return pd.DataFrame(columns=["aar", "livskraft", "ssb", "forskjell", "forskjell_pst"])
    both = wide[["main", "ssb_MMMM"]].dropna()
    return pd.DataFrame({
        "aar": both.index, "livskraft": both.main.to_numpy(), "ssb": both.ssb_MMMM.to_numpy(),
        "forskjell": (both.main - both.ssb_MMMM).to_numpy(),
        "forskjell_pst": (100 * (both.main - both.ssb_MMMM) / both.ssb_MMMM).round(2).to_numpy(),
    })


def _single(data: Inputs, index: int) -> Inputs:
    keep = slice(index, index + 1)
    return Inputs(
        data.base_year, [data.codes[index]], data.history[:, keep], data.rates,
        data.fertility_scale[keep], data.mortality_scale[keep], data.migration[keep],
        None if data.net_immigration is None else data.net_immigration[keep],
        data.immigration_profile, data.rate_year,
    )


def _rates(rows: dict[str, pd.DataFrame]) -> projection.Rates:
    mortality = rows["mortality"].pivot_table(index="sex", columns="age", values="value")
    mortality = mortality.reindex(index=["M", "K"], columns=range(projection.AGES))
    if mortality.isna().any().any():
        raise MissingDataError(_("Dødssannsynlighetene mangler for noen aldre."))
    fertility = rows["fertility"].groupby("age").value.sum().reindex(range(projection.AGES),
                                                                     fill_value=0.0)
    return projection.Rates(mortality.to_numpy(float), fertility.to_numpy(float))


def _array(rows: pd.DataFrame, codes: list[str]) -> np.ndarray:
    men = rows[rows.sex == "M"].set_index("code")[frames.AGE_COLUMNS].reindex(codes)
    women = rows[rows.sex == "K"].set_index("code")[frames.AGE_COLUMNS].reindex(codes)
    return np.stack([men.fillna(0).to_numpy(float), women.fillna(0).to_numpy(float)], axis=1)


def _observed(target: int, codes: list[str], years: list[int]):
    """Observed births and deaths (years − 1, kommuner) and average net immigration."""
    components = frames.components(target)
    period = components[components.year.isin(years[:-1])]
    if period.empty:
        missing = np.full((len(years) - 1, len(codes)), np.nan)
        return missing, missing, None
    wide = {c: period.pivot_table(index="year", columns="code", values=c, aggfunc="sum")
            .reindex(index=years[:-1], columns=codes) for c in ("births", "deaths")}
    net = (period.immigration - period.emigration).groupby(period.code).mean()
    return (wide["births"].to_numpy(float), wide["deaths"].to_numpy(float),
            net.reindex(codes).fillna(0).to_numpy(float))
