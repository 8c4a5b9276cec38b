"""Projection tables: one kommune's scenarios, or every kommune at once."""

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livskraft.analysis import projection, projection_comparison, projection_setup
from livskraft.analysis.errors import MissingDataError
from livskraft.analysis.projection_setup import Inputs
from livskraft.stats import frames, work
from livskraft.stats.table_store import per_data_version

HISTORY_YEARS = 5
SCENARIOS = {
    "main": gettext_lazy("Hovedalternativ (flytting som snittet siste fem år)"),
    "zero_immigration": gettext_lazy("Null nettoinnvandring"),
    "no_migration": gettext_lazy("Ingen flytting"),
    "custom": gettext_lazy("Eget scenario"),
    "ssb_MMMM": gettext_lazy("SSBs hovedalternativ (MMMM)"),
    "ssb_MMM0": gettext_lazy("SSBs alternativ uten nettoinnvandring (MMM0)"),
}
ESTIMATED_IMMIGRATION = gettext_lazy("(anslag: nettoinnvandring fordelt etter IMDi 2014)")


@dataclass(frozen=True)
class Extra:
    """A user scenario: `people` more (or fewer) migrants a year aged first..last."""

    people: float
    first_age: int
    last_age: int

    def __post_init__(self):
        if not 0 <= self.first_age <= self.last_age < projection.AGES:
            raise ValueError(_("Aldersgruppen må ligge mellom 0 og 105 år, fra lavest til høyest."))


def inputs(borders: int | None = None, base_year: int | None = None) -> Inputs:
    """Everything the projection needs for all kommuner from `base_year` (default: the
    newest year with population by age); computed once per data load (every kommune page
    needs it) and to be treated as read-only."""
    target = borders or frames.default_borders()
    return _inputs(target, base_year, frames.data_version())


@per_data_version(maxsize=4)
def _inputs(target: int, base_year: int | None, version: tuple) -> Inputs:
    rate_year, rows = frames.national_rates()
    rates = rates_from(rows)
    by_age = frames.population_by_age(target)
    if by_age.empty:
        raise MissingDataError(_("Framskrivingen trenger folketall etter kjønn og alder."))
    available = sorted(by_age.year.unique())
    if base_year is not None and base_year not in available:
        raise MissingDataError(_("Ingen folketall etter kjønn og alder for 1.1.%(year)s.")
                               % {"year": base_year})
    years = available[projection_setup.base_index(available, base_year, HISTORY_YEARS)]
    codes = sorted(set(by_age[by_age.year == years[-1]].code))
    history = np.stack([population_array(by_age[by_age.year == y], codes) for y in years])
    births, deaths, net_immigration = _observed(target, codes, years)
    past_mortality = yearly_death_probability(years[:-1], rates)
    estimated = False
    if net_immigration is None:
        net_immigration = _net_immigration_from_imdi(target, codes, history, rates,
                                                     past_mortality)
        estimated = net_immigration is not None
    return projection_setup.prepare(years[-1], codes, history, rates, rate_year, births, deaths,
                                    net_immigration, estimated, past_mortality)


def yearly_death_probability(years: list[int], rates: projection.Rates) -> np.ndarray:
    """(len(years), 2, AGES): each year's own national death probabilities where they are
    stored for every sex and age (HMD's file has 1990–2023), else those of `rates`."""
    stored = frames.mortality_rates(years)
    out = np.repeat(rates.death_probability[None], len(years), axis=0)
    for index, year in enumerate(years):
        table = stored[stored.year == year].pivot_table(index="sex", columns="age",
                                                        values="value")
        table = table.reindex(index=["M", "K"], columns=range(projection.AGES))
        if not table.isna().any().any():
            out[index] = table.to_numpy(float)
    return out


def scenario_migration(data: Inputs, scenario: str, extra: Extra | None = None) -> np.ndarray:
    if scenario == "main":
        return data.migration
    if scenario == "no_migration":
        return np.zeros_like(data.migration)
    if scenario == "zero_immigration":
        if data.net_immigration is None:
            raise MissingDataError(_(
                "Null nettoinnvandring trenger nettoinnvandring per kommune: SSB-tabell 06913 "
                "(«livskraft sync»), eller IMDis flyttetall "
                "(imdi_befolkning_flytting_kommune_2014.csv) som anslag."))
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


def totals(data: Inputs, scenario: str, years: int) -> pd.DataFrame:
    """`code, year, persons` for every kommune and year of one scenario."""
    path = project_all(data, scenario, years).sum(axis=(2, 3))
    return pd.DataFrame({"code": np.tile(data.codes, years + 1),
                         "year": np.repeat(np.arange(data.base_year, data.base_year + years + 1),
                                           len(data.codes)),
                         "persons": path.ravel()})


def ssb_editions(official: pd.DataFrame, alternatives: set[str]) -> list[int]:
    """SSB's stored editions that have all of `alternatives`, newest first."""
    found = official.groupby("edition").alternative.agg(set)
    return sorted((int(e) for e, alts in found.items() if alternatives <= alts), reverse=True)


def newest_ssb_edition(borders: int | None = None) -> pd.DataFrame:
    """The rows of the newest stored SSB edition with a main alternative (MMMM)."""
    official = frames.official_projection(borders)
    chosen = ssb_editions(official, {"MMMM"})
    return official[official.edition == chosen[0]] if chosen else official.iloc[:0]


def ssb_comparison(code: str, borders: int | None = None) -> pd.DataFrame:
    """Ours from SSB's base year (the newest 1 January with population by age up to SSB's
    first year) beside the MMMM of SSB's newest edition after 10, 20 and 26 years."""
    official = newest_ssb_edition(borders)
    official = official[official.alternative == "MMMM"]
    if official.empty:
        raise MissingDataError(_(
            "SSBs framskriving (tabell 14288, MMMM) er ikke lastet inn. Kjør «livskraft sync» "
            "eller importer kommune_framskriving_ssb_b2024.csv."))
    first = int(official.year.min())  # SSB's base year, or its first projected year
    known = [y for y in frames.population_by_age(borders).year.unique() if y <= first]
    if not known:
        raise MissingDataError(_("Ingen folketall etter kjønn og alder for 1.1.%(year)s.")
                               % {"year": first})
    base = int(max(known))
    data = inputs(borders, base)
    if code not in data.codes:
        raise MissingDataError(_("Ingen aldersfordeling for kommune %(code)s.") % {"code": code})
    index = data.codes.index(code)
    horizon = int(official.year.max()) - base
    ours = totals(_single(data, index), "main", horizon)
    table = projection_comparison.differences(ours, official[official.code == code], base)
    return pd.DataFrame({
        "aar": table.year, "etter_aar": table.horizon,
        "livskraft": table.ours.round().astype("int64"),
        "ssb_mmmm": table.reference.round().astype("int64"),
        "forskjell": (table.ours.round() - table.reference.round()).astype("int64"),
        "forskjell_pst": table.difference_pct.round(1),
    })


def kommune_table(code: str, years: int = 30, borders: int | None = None,
                  extra: Extra | None = None, base_year: int | None = None) -> pd.DataFrame:
    """Total population per year and scenario, with 0–19, 20–66 and 67+ for each."""
    data = inputs(borders, base_year)
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
                "scenario_navn": _scenario_name(scenario, data),
                "folketall": round(float(people.sum())),
                "alder_0_19": round(float(people[:, :20].sum())),
                "alder_20_66": round(float(people[:, 20:67].sum())),
                "alder_67_pluss": round(float(people[:, 67:].sum())),
            })
    official = newest_ssb_edition(borders)
    official = official[(official.code == code) & official.year.between(data.base_year,
                                                                          data.base_year + years)]
    for row in official.itertuples():
        scenario = f"ssb_{row.alternative}"
        rows.append({"aar": row.year, "scenario": scenario,
                     "scenario_navn": str(SCENARIOS.get(scenario, scenario)),
                     "folketall": round(row.persons), "alder_0_19": None, "alder_20_66": None,
                     "alder_67_pluss": None})
    return pd.DataFrame(rows)


def _scenario_name(scenario: str, data: Inputs) -> str:
    name = str(SCENARIOS[scenario])
    if scenario == "zero_immigration" and data.net_immigration_estimated:
        return name + " " + str(ESTIMATED_IMMIGRATION)
    return name


def _single(data: Inputs, index: int) -> Inputs:
    keep = slice(index, index + 1)
    return replace(
        data, codes=[data.codes[index]], history=data.history[:, keep],
        fertility_scale=data.fertility_scale[keep], mortality_scale=data.mortality_scale[keep],
        migration=data.migration[keep],
        net_immigration=None if data.net_immigration is None else data.net_immigration[keep],
    )


def rates_from(rows: dict[str, pd.DataFrame]) -> projection.Rates:
    mortality = rows["mortality"].pivot_table(index="sex", columns="age", values="value")
    mortality = mortality.reindex(index=["M", "K"], columns=range(projection.AGES))
    if mortality.isna().any().any():
        raise MissingDataError(_("Dødssannsynlighetene mangler for noen aldre."))
    fertility = rows["fertility"].groupby("age").value.sum().reindex(range(projection.AGES),
                                                                     fill_value=0.0)
    return projection.Rates(mortality.to_numpy(float), fertility.to_numpy(float))


def population_array(rows: pd.DataFrame, codes: list[str]) -> np.ndarray:
    men = rows[rows.sex == "M"].set_index("code")[frames.AGE_COLUMNS].reindex(codes)
    women = rows[rows.sex == "K"].set_index("code")[frames.AGE_COLUMNS].reindex(codes)
    return np.stack([men.fillna(0).to_numpy(float), women.fillna(0).to_numpy(float)], axis=1)


def _observed(target: int, codes: list[str], years: list[int]):
    """Observed births and deaths (years − 1, kommuner) and average net immigration."""
    components = frames.components(target)
    period = components[components.year.isin(years[:-1])]
    if period.empty:
        return None, None, None
    wide = {c: period.pivot_table(index="year", columns="code", values=c, aggfunc="sum")
            .reindex(index=years[:-1], columns=codes) for c in ("births", "deaths")}
    net = (period.immigration - period.emigration).groupby(period.code).mean()
    return (wide["births"].to_numpy(float), wide["deaths"].to_numpy(float),
            net.reindex(codes).fillna(0).to_numpy(float))


def _net_immigration_from_imdi(target: int, codes: list[str], history: np.ndarray,
                               rates: projection.Rates,
                               past_mortality: np.ndarray) -> np.ndarray | None:
    """Without 06913: the nation's yearly net immigration (the national cohort-change
    residual, where moves between kommuner cancel out) shared among the kommuner by their
    part of the net immigration IMDi recorded in 2014. An estimate, flagged as such."""
    flows = work.imdi_flows(target)
    if flows.empty:
        return None
    net = (flows.imdi_innvandring - flows.imdi_utvandring).reindex(codes).fillna(0.0)
    if net.sum() <= 0:
        return None
    national = projection.residual_migration(history.sum(axis=1, keepdims=True), rates,
                                             death_probabilities=past_mortality)[0]
    return (net / net.sum()).to_numpy(float) * float(national.sum())
