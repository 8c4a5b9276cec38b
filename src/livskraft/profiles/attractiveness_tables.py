"""Attractiveness (Telemarksforsking-style) tables for the pages and `livskraft analyse`.

Two sources of jobs: jobs by place of work and industry (the full shift-share), or SSB 11618's
totals by place of work (no industry split: the industry-mix and population terms are marked
unavailable). Net migration comes from SSB 06913 where it covers the period; otherwise it is
estimated by the residual method (`analysis.net_migration`) and flagged as an estimate.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livskraft.analysis import attractiveness, net_migration, shift_share
from livskraft.analysis.errors import MissingDataError
from livskraft.places.models import Centrality
from livskraft.stats import frames, work
from livskraft.stats.table_store import per_data_version

from . import projection_tables
from .reports import names

LABEL = gettext_lazy(
    "Telemarksforsking-style (Livskraft-beregning, ikke Telemarksforskings egne tall)"
)
JOBS_MISSING = gettext_lazy(
    "Attraktivitet trenger sysselsatte etter arbeidssted: SSB-tabell 11618 (totalt) eller "
    "sysselsatte etter arbeidssted og næring. Kjør «livskraft sync», eller importer "
    "ssb11618_sysselsatte_arbeidssted_bosted_kommune_2017_2022.csv eller "
    "kommune_sysselsatte_arbeidssted_*.csv (se docs/data-formats.md)."
)


@dataclass(frozen=True)
class Method:
    """What the figures were computed from, for the method note."""

    by_industry: bool  # False: 11618 totals, industry-mix term unavailable
    migration_estimated: bool  # True: residual method, 06913 not loaded for the period
    job_years: tuple[int, ...]


def job_years(borders: int | None = None) -> tuple[int, ...]:
    """Years with jobs by place of work, from whichever source `attractiveness_table` uses."""
    target = borders or frames.default_borders()
    industry = frames.employment(target)
    source = industry if not industry.empty else work.jobs(target)
    return tuple(sorted(int(y) for y in source.year.unique()))


def attractiveness_table(start: int, end: int, borders: int | None = None,
                         terms: list[str] | None = None, groups_file=None, with_method=False):
    """Per kommune, sorted by total attractiveness, and the fitted regression (and the
    `Method` when `with_method`). Cached until new data is loaded: treat it as read-only."""
    target = borders or frames.default_borders()
    out, model, method = _table(start, end, target, tuple(terms) if terms else None,
                                _groups(groups_file or settings.INDUSTRY_GROUPS_FILE),
                                frames.data_version())
    return (out, model, method) if with_method else (out, model)


def _groups(path) -> tuple[str, int, int] | None:
    """A grouping file other than the built-in one, by name and version (it may be edited
    between two runs: the kept table must not outlive it)."""
    if path is None:
        return None
    stat = Path(path).stat()
    return str(path), stat.st_mtime_ns, stat.st_size


@per_data_version(maxsize=16)
def _table(start: int, end: int, target: int, terms: tuple[str, ...] | None,
           groups_file: tuple[str, int, int] | None, version: tuple):
    terms = list(terms) if terms else None
    industry = frames.employment(target)
    if not industry.empty:
        groups = shift_share.load_groups(groups_file[0] if groups_file else None)
        business = shift_share.decompose(industry, groups, frames.population(target), start, end)
    else:
        totals = work.jobs(target)
        if totals.empty:
            raise MissingDataError(str(JOBS_MISSING))
        business = shift_share.decompose_totals(totals.dropna(subset=["jobs"]), start, end)
    migration, estimated = _net_migration(target, start, end)
    table, model = attractiveness.assess(business, migration, terms)
    classes = dict(Centrality.objects.values_list("code", "centrality_class"))
    table = table.sort_values("total_attractiveness", ascending=False, ignore_index=True)
    slope = model.coefficients.get("relative_job_growth", 0.0)
    percent = 100
    out = pd.DataFrame({
        "rangering": range(1, len(table) + 1),
        "kommunenr": table.code,
        "kommune": table.code.map(names(target)),
        "sentralitetsklasse": table.code.map(classes),
        f"arbeidsplasser_{start}": table.jobs_start.round(),
        f"arbeidsplasser_{end}": table.jobs_end.round(),
        "jobbvekst_pst": (percent * table.job_growth).round(2),
        "nasjonal_vekst_pst": (percent * table.national_growth).round(2),
        "bransjeeffekt_pst": (percent * table.industry_mix).round(2),
        "befolkningseffekt_pst": (percent * table.population_effect).round(2),
        "naeringsattraktivitet_pst": (percent * table.business_attractiveness).round(2),
        "naeringsattraktivitet_som_flytting_pst":
            (percent * slope * table.business_attractiveness).round(2),
        "nettoflytting_pst": (percent * table.net_migration_rate).round(2),
        "forventet_nettoflytting_pst": (percent * table.expected_net_migration_rate).round(2),
        "bostedsattraktivitet_pst": (percent * table.residential_attractiveness).round(2),
        "samlet_attraktivitet_pst": (percent * table.total_attractiveness).round(2),
        "nettoflytting_anslag": int(estimated),
    })
    return out, model, Method(not industry.empty, estimated, job_years(target))


def regression_table(model: attractiveness.Regression) -> pd.DataFrame:
    rows = [{"ledd": name, "koeffisient": round(value, 6),
             "standardfeil": round(model.standard_errors[name], 6)}
            for name, value in model.coefficients.items()]
    rows.append({"ledd": "R²", "koeffisient": round(model.r_squared, 4), "standardfeil": None})
    rows.append({"ledd": "antall kommuner", "koeffisient": model.observations,
                 "standardfeil": None})
    return pd.DataFrame(rows)


def _net_migration(target: int, start: int, end: int) -> tuple[pd.DataFrame, bool]:
    """`code, net_migration, pop_start` and whether it is a residual-method estimate."""
    components = frames.components(target)
    period = components[(components.year >= start) & (components.year < end)]
    complete = period.groupby("code").year.nunique() == end - start
    population = frames.population(target)
    start_pop = population[population.year == start].set_index("code").persons
    if not period.empty and complete.any():
        moved = (period.domestic_in - period.domestic_out + period.immigration
                 - period.emigration)
        net = moved.groupby(period.code).sum()[complete[complete].index]
        return pd.DataFrame({"code": net.index, "net_migration": net.to_numpy(),
                             "pop_start": start_pop.reindex(net.index).to_numpy()}).dropna(), False
    return _residual_net_migration(target, start, end, start_pop), True


def _residual_net_migration(target: int, start: int, end: int, start_pop: pd.Series):
    by_age = frames.population_by_age(target)
    years = list(range(start, end + 1))
    if by_age.empty or not set(years) <= set(by_age.year):
        raise MissingDataError(_(
            "Bostedsattraktivitet trenger nettoflytting for %(first)s–%(last)s: SSB-tabell "
            "06913 (befolkningsendringer), eller folketall etter kjønn og alder for hvert år "
            "1.1.%(first)s–1.1.%(end)s til et anslag. Kjør «livskraft sync» eller importer "
            "kommune_befolkningsendringer_b2024.csv.") % {"first": start, "last": end - 1,
                                                          "end": end})
    codes = sorted(set(by_age[by_age.year == start].code))
    history = np.stack([projection_tables.population_array(by_age[by_age.year == y], codes)
                        for y in years])
    rates = projection_tables.rates_from(frames.national_rates()[1])
    q = projection_tables.yearly_death_probability(years[:-1], rates)  # each year's own
    moved = net_migration.yearly(history, q).sum(axis=0)
    return pd.DataFrame({"code": codes, "net_migration": moved,
                         "pop_start": start_pop.reindex(codes).to_numpy()}).dropna()
