"""Jobs and commuting for one kommune from the work × home matrix (SSB 03321).

`flows`: `work_code, home_code, persons` for one year, codes on one set of borders.
For kommune k: jobs = Σ_home flows(k, ·); employed residents = Σ_work flows(·, k);
in-commuters = jobs − those living and working in k; out-commuters = employed residents −
the same. Partners are the other kommuner ranked by persons commuting each way.
"""

from dataclasses import dataclass

import pandas as pd

from .errors import MissingInput


@dataclass(frozen=True)
class Commuting:
    jobs: float
    employed_residents: float
    live_and_work: float
    in_commuters: float
    out_commuters: float
    inbound: pd.DataFrame  # code, persons (they live there, work here), largest first
    outbound: pd.DataFrame  # code, persons (they live here, work there), largest first


def summary(flows: pd.DataFrame, code: str, partners: int = 5) -> Commuting:
    here_work = flows[flows.work_code == code]
    here_live = flows[flows.home_code == code]
    if here_work.empty and here_live.empty:
        raise MissingInput("commuting_kommune_missing", table="03321", kommune=code)
    own = float(here_work[here_work.home_code == code].persons.sum())
    jobs, residents = float(here_work.persons.sum()), float(here_live.persons.sum())

    def ranked(rows: pd.DataFrame, column: str) -> pd.DataFrame:
        others = rows[rows[column] != code].groupby(column, as_index=False).persons.sum()
        others = others.rename(columns={column: "code"})
        return others.sort_values(["persons", "code"], ascending=[False, True]).head(partners)

    return Commuting(jobs, residents, own, jobs - own, residents - own,
                     ranked(here_work, "home_code").reset_index(drop=True),
                     ranked(here_live, "work_code").reset_index(drop=True))


def to_pivot(flows: pd.DataFrame, crosswalk: pd.DataFrame, year: int) -> pd.DataFrame:
    """Flows of `year` (on its own borders) on the crosswalk's pivot borders: both ends are
    mapped with their weights (a split kommune's flows are shared by the weights, an
    estimate flagged in `estimated`). `crosswalk`: from_code, from_year, to_year,
    pivot_code, weight."""
    valid = crosswalk[(crosswalk.from_year <= year) & (crosswalk.to_year >= year)]
    mapping = valid[["from_code", "pivot_code", "weight"]]
    out = flows.merge(mapping.rename(columns={"from_code": "work_code", "pivot_code": "work",
                                              "weight": "w_work"}), on="work_code")
    out = out.merge(mapping.rename(columns={"from_code": "home_code", "pivot_code": "home",
                                            "weight": "w_home"}), on="home_code")
    out["persons"] = out.persons * out.w_work * out.w_home
    out["estimated"] = (out.w_work < 1) | (out.w_home < 1)
    grouped = out.groupby(["work", "home"], as_index=False).agg(
        persons=("persons", "sum"), estimated=("estimated", "any"))
    return grouped.rename(columns={"work": "work_code", "home": "home_code"})
