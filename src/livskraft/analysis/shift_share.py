"""Job growth decomposition (shift-share) and næringsattraktivitet, Telemarksforsking style.

`jobs` has columns `year, code, industry, jobs`; `groups` maps industry → group, where the
groups are `basis`, `visitor` (besøk), `regional` and `local` (public/local services). Only
basis, visitor and regional jobs (the private, exposed part) enter the attractiveness measure.
For the period from `start` to `end`, per kommune, all as shares of jobs at the start:
- job_growth: own growth of those jobs;
- national_growth: the same for the whole country;
- industry_mix: Σ_g jobs_g,start · (national growth of g − national growth) / jobs_start;
- population_effect: visitor jobs_start · (own population growth − national population growth)
  / jobs_start (visitor industries follow the local population);
- business_attractiveness (næringsattraktivitet) = job_growth − national_growth −
  industry_mix − population_effect. A kommune whose every group grows at the national rate
  and whose population grows like the nation's gets exactly 0.
"""

from pathlib import Path

import pandas as pd

from .errors import AnalysisError, MissingDataError, MissingInput

GROUPS = ["basis", "visitor", "regional"]


def grouped_jobs(jobs: pd.DataFrame, groups: dict[str, str]) -> pd.DataFrame:
    """`year, code, group, jobs` for the exposed groups; unknown industries are an error."""
    unknown = sorted(set(jobs.industry) - set(groups))
    if unknown:
        raise MissingDataError("industries_without_group", industries=", ".join(unknown))
    tagged = jobs.assign(group=jobs.industry.map(groups))
    tagged = tagged[tagged.group.isin(GROUPS)]
    return tagged.groupby(["year", "code", "group"], as_index=False).jobs.sum()


def decompose(jobs: pd.DataFrame, groups: dict[str, str], population: pd.DataFrame,
              start: int, end: int) -> pd.DataFrame:
    if end <= start:
        raise AnalysisError("end_before_start", start=start, end=end)
    table = grouped_jobs(jobs, groups)
    wide = table[table.year.isin([start, end])].pivot_table(
        index=["code", "group"], columns="year", values="jobs", aggfunc="sum", fill_value=0
    )
    for year in (start, end):
        if year not in wide:
            raise MissingDataError("no_jobs_in_year", year=year)
    by_group = wide.groupby(level="group").sum()
    national_group_growth = (by_group[end] - by_group[start]) / by_group[start]
    national_growth = (by_group[end].sum() - by_group[start].sum()) / by_group[start].sum()
    start_jobs = wide[start].unstack(fill_value=0).reindex(columns=GROUPS, fill_value=0)
    end_jobs = wide[end].unstack(fill_value=0).reindex(columns=GROUPS, fill_value=0)
    total_start = start_jobs.sum(axis=1)
    out = pd.DataFrame(index=start_jobs.index)
    out["jobs_start"] = total_start
    out["jobs_end"] = end_jobs.sum(axis=1)
    out["job_growth"] = (out.jobs_end - out.jobs_start) / total_start
    out["national_growth"] = national_growth
    mix = (start_jobs * (national_group_growth.reindex(GROUPS).fillna(0) - national_growth))
    out["industry_mix"] = mix.sum(axis=1) / total_start
    people = population[population.year.isin([start, end])].pivot_table(
        index="code", columns="year", values="persons", aggfunc="sum"
    )
    if start not in people or end not in people:
        raise MissingDataError("needs_population", start=start, end=end)
    own_pop_growth = (people[end] - people[start]) / people[start]
    national_pop_growth = (people[end].sum() - people[start].sum()) / people[start].sum()
    visitor_share = start_jobs["visitor"] / total_start
    pop_gap = own_pop_growth.reindex(out.index) - national_pop_growth
    out["population_effect"] = visitor_share * pop_gap.fillna(0)
    out["business_attractiveness"] = (
        out.job_growth - out.national_growth - out.industry_mix - out.population_effect
    )
    return out[out.jobs_start > 0].reset_index()


def load_groups(path=None) -> dict[str, str]:
    """The industry → group mapping: the documented default (industry_groups.csv beside this
    module: SN2007 codes as SSB publishes them) or a user's CSV with `naering, gruppe`."""
    source = path or Path(__file__).with_name("industry_groups.csv")
    table = pd.read_csv(source, dtype=str, keep_default_na=False)
    wrong = sorted(set(table.gruppe) - {*GROUPS, "local"})
    if wrong:
        raise AnalysisError("unknown_groups", groups=", ".join(wrong),
                            known="basis, visitor, regional, local")
    return dict(zip(table.naering, table.gruppe))


def decompose_totals(jobs: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Næringsattraktivitet from total jobs by place of work only (`year, code, jobs`, e.g.
    SSB 11618): job growth − national job growth. Without jobs by industry neither the
    industry-mix term nor the population effect can be computed; both are NaN (unavailable),
    not 0, and `business_attractiveness` leaves them out."""
    if end <= start:
        raise AnalysisError("end_before_start", start=start, end=end)
    wide = jobs[jobs.year.isin([start, end])].pivot_table(
        index="code", columns="year", values="jobs", aggfunc="sum")
    for year in (start, end):
        if year not in wide:
            raise MissingInput("jobs_year_missing", table="11618", year=year)
    wide = wide.dropna()
    out = pd.DataFrame({"jobs_start": wide[start], "jobs_end": wide[end]})
    out = out[out.jobs_start > 0]
    out["job_growth"] = (out.jobs_end - out.jobs_start) / out.jobs_start
    out["national_growth"] = (out.jobs_end.sum() - out.jobs_start.sum()) / out.jobs_start.sum()
    out["industry_mix"] = float("nan")
    out["population_effect"] = float("nan")
    out["business_attractiveness"] = out.job_growth - out.national_growth
    return out.rename_axis("code").reset_index()
