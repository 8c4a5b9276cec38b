"""The measures the kommune page compares with the county, the centrality class, the
country and the chosen kommuner: each a ratio built from stored data (numerator and
denominator per point and kommune) for `livskraft.analysis.peer_comparison`. One entry per
measure; the page section that shows it, the chart kind and the download follow from it."""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from livskraft.analysis import peer_comparison
from livskraft.analysis.errors import MissingDataError
from livskraft.stats import frames, work
from livskraft.web import attribution

from .projection_tables import newest_ssb_edition

YOUNG = (20, 39)
AGE_GROUPS = ((0, 19), (20, 39), (40, 66), (67, 79), (80, 105))


@dataclass(frozen=True)
class Inputs:
    start: int
    end: int
    borders: int
    attractiveness: tuple[int, int] | None = None  # the attractiveness section's years


@dataclass(frozen=True)
class Measure:
    key: str  # in the download's name: sammenligning<key>.csv
    section: str  # the page section it stands in
    title: Promise  # may name the start year: %(start)s
    over_years: bool  # points are years (lines) or categories (bars)
    scale: float
    ratio: Callable[[Inputs], tuple[pd.DataFrame, pd.DataFrame]]
    source: Callable[[Inputs], attribution.Source]  # the SSB tables behind it
    digits: int = 1


def _wide(frame: pd.DataFrame, value: str) -> pd.DataFrame:
    return frame.pivot_table(index="year", columns="code", values=value, aggfunc="sum")


def _population(inputs: Inputs) -> pd.DataFrame:
    wide = _wide(frames.population(inputs.borders), "persons")
    return wide.loc[(wide.index >= inputs.start) & (wide.index <= inputs.end)]


def population_index(inputs: Inputs):
    persons = _population(inputs)
    if persons.empty:
        raise MissingDataError("no_population_in_year", year=inputs.start)
    return peer_comparison.index_of(persons)


def _ages(inputs: Inputs) -> pd.DataFrame:
    """Persons by single age (columns a0..a105), men and women added, per year and code."""
    ages = frames.population_by_age(inputs.borders)
    if ages.empty:
        raise MissingDataError("no_population_by_age")
    columns = [c for c in ages.columns if c.startswith("a") and c[1:].isdigit()]
    return ages.groupby(["year", "code"])[columns].sum()


def _in_group(ages: pd.DataFrame, low: int, high: int) -> pd.Series:
    return ages[[f"a{age}" for age in range(low, high + 1)]].sum(axis=1)


def young_adults(inputs: Inputs):
    ages = _ages(inputs)
    ages = ages[(ages.index.get_level_values("year") >= inputs.start)
                & (ages.index.get_level_values("year") <= inputs.end)]
    young = _in_group(ages, *YOUNG).unstack("code")
    return young, ages.sum(axis=1).unstack("code")


def age_groups(inputs: Inputs):
    ages = _ages(inputs)
    newest = ages.xs(ages.index.get_level_values("year").max(), level="year")
    groups = pd.DataFrame({_group_label(g): _in_group(newest, *g) for g in AGE_GROUPS}).T
    total = newest.sum(axis=1)
    return groups, pd.DataFrame([total] * len(groups), index=groups.index)


def _group_label(group: tuple[int, int]) -> str:
    return f"{group[0]}+" if group[1] >= 105 else f"{group[0]}–{group[1]}"


def _per_resident(column: Callable[[pd.DataFrame], pd.Series]):
    def ratio(inputs: Inputs):
        changes = frames.components(inputs.borders)
        changes = changes[(changes.year >= inputs.start) & (changes.year < inputs.end)]
        if changes.empty:
            raise MissingDataError("no_components", start=inputs.start, end=inputs.end)
        counts = changes.assign(value=column(changes)).pivot_table(
            index="year", columns="code", values="value", aggfunc="sum")
        return counts, _population(inputs).reindex(counts.index)
    return ratio


def immigration_effect(inputs: Inputs):
    """Growth and growth without net immigration over the period, per start-year person."""
    persons = _population(inputs)
    changes = frames.components(inputs.borders)
    changes = changes[(changes.year >= inputs.start) & (changes.year < inputs.end)]
    if persons.empty or changes.empty:
        raise MissingDataError("no_components", start=inputs.start, end=inputs.end)
    growth = persons.loc[persons.index.max()] - persons.loc[persons.index.min()]
    immigration = (changes.immigration - changes.emigration).groupby(changes.code).sum()
    rows = pd.DataFrame({str(_("Vekst i alt")): growth,
                         str(_("Vekst uten nettoinnvandring")): growth - immigration}).T
    start = persons.loc[persons.index.min()]
    return rows, pd.DataFrame([start] * len(rows), index=rows.index)


def jobs_per_resident(inputs: Inputs):
    jobs = work.jobs(inputs.borders).dropna(subset=["jobs"])
    if jobs.empty:
        raise MissingDataError("no_jobs")
    counts = _wide(jobs, "jobs")
    return counts, _wide(frames.population(inputs.borders), "persons").reindex(counts.index)


def attractiveness(inputs: Inputs):
    """The attractiveness measures (percentage points of the population), pooled with the
    population of the start year as weight."""
    from .attractiveness_tables import attractiveness_table

    if inputs.attractiveness is None:
        raise MissingDataError("no_jobs")
    start, end = inputs.attractiveness
    table = attractiveness_table(start, end, inputs.borders)[0].set_index("kommunenr")
    persons = _wide(frames.population(inputs.borders), "persons").loc[start]
    columns = {"naeringsattraktivitet_pst": _("Næringsattraktivitet"),
               "bostedsattraktivitet_pst": _("Bostedsattraktivitet"),
               "samlet_attraktivitet_pst": _("Samlet attraktivitet")}
    values = pd.DataFrame({str(label): table[column] for column, label in columns.items()}).T
    weight = persons.reindex(values.columns)
    return values * weight, pd.DataFrame([weight] * len(values), index=values.index)


def projection_index(inputs: Inputs):
    official = newest_ssb_edition(inputs.borders)
    official = official[official.alternative == "MMMM"]
    if official.empty:
        raise MissingDataError("no_official_projection")
    return peer_comparison.index_of(_wide(official, "persons"))


def _fixed(source: attribution.Source) -> Callable[[Inputs], attribution.Source]:
    return lambda inputs: source


def _attractiveness_source(inputs: Inputs) -> attribution.Source:
    from .attractiveness_tables import attractiveness_table

    method = attractiveness_table(*inputs.attractiveness, inputs.borders, with_method=True)[2]
    return attribution.attractiveness(method.by_industry, method.migration_estimated)


POPULATION = _fixed(attribution.POPULATION)
ACCOUNTS = _fixed(attribution.ACCOUNTS)
MEASURES = [
    Measure("", "trend", _("Folketall som indeks (1.1.%(start)s = 100)"), True, 100,
            population_index, POPULATION),
    Measure("unge", "pyramid", _("Unge voksne 20–39 år, andel av folketallet"), True, 100,
            young_adults, POPULATION),
    Measure("alder", "pyramid", _("Aldersgrupper, andel av folketallet"), False, 100,
            age_groups, POPULATION),
    Measure("fodsel", "accounts", _("Fødselsoverskudd per 1000 innbyggere"), True, 1000,
            _per_resident(lambda c: c.births - c.deaths), ACCOUNTS),
    Measure("innvandring", "accounts", _("Nettoinnvandring per 1000 innbyggere"), True, 1000,
            _per_resident(lambda c: c.immigration - c.emigration), ACCOUNTS),
    Measure("flytting", "accounts", _("Innenlandsk nettoflytting per 1000 innbyggere"), True,
            1000, _per_resident(lambda c: c.domestic_in - c.domestic_out),
            ACCOUNTS),
    Measure("innvandringseffekt", "accounts",
            _("Vekst med og uten nettoinnvandring, prosent av folketallet i startåret"),
            False, 100, immigration_effect, _fixed(attribution.IMMIGRATION_EFFECT)),
    Measure("arbeid", "work", _("Arbeidsplasser per 1000 innbyggere"), True, 1000,
            jobs_per_resident,
            _fixed(attribution.Source(("11618", "07459"), computed=True)), 0),
    Measure("attraktivitet", "attractiveness",
            _("Attraktivitet, prosentpoeng (vektet med folketallet)"), False, 1,
            attractiveness, _attractiveness_source, 2),
    Measure("framskriving", "projection",
            _("SSBs framskriving (MMMM) som indeks (første år = 100)"), True, 100,
            projection_index, _fixed(attribution.Source(("14288",)))),
]
BY_KEY = {measure.key: measure for measure in MEASURES}
