"""Bostedsattraktivitet and samlet attraktivitet, Telemarksforsking style (Vareide).

Net migration (domestic + net immigration) over the period, as a share of the population at
the start, is compared with what a cross-kommune least-squares regression expects from the
kommune's relative job growth (job growth − national job growth) and, where chosen, its
size (log population). The residual is
residential attractiveness; total attractiveness adds the migration the regression ascribes
to business attractiveness (slope × næringsattraktivitet). Results are "Telemarksforsking-
style", not their official figures.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import AnalysisError

TERMS = {"relative_job_growth", "log_size"}


@dataclass(frozen=True)
class Regression:
    terms: list[str]
    coefficients: dict[str, float]
    standard_errors: dict[str, float]
    r_squared: float
    observations: int


def fit(table: pd.DataFrame, terms: list[str]) -> Regression:
    """OLS of `net_migration_rate` on an intercept and `terms` (columns of `table`)."""
    unknown = set(terms) - TERMS
    if unknown:
        raise AnalysisError("unknown_terms", terms=", ".join(sorted(unknown)))
    rows = table.dropna(subset=["net_migration_rate", *terms])
    if len(rows) <= len(terms) + 1:
        raise AnalysisError("too_few_kommuner", observations=len(rows))
    x = np.column_stack([np.ones(len(rows)), *[rows[t].to_numpy(float) for t in terms]])
    y = rows.net_migration_rate.to_numpy(float)
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    residual = y - x @ beta
    dof = len(y) - x.shape[1]
    sigma2 = residual @ residual / dof
    errors = np.sqrt(np.diag(sigma2 * np.linalg.pinv(x.T @ x)))
    total = ((y - y.mean()) ** 2).sum()
    names = ["intercept", *terms]
    return Regression(
        terms=list(terms),
        coefficients=dict(zip(names, beta.tolist())),
        standard_errors=dict(zip(names, errors.tolist())),
        r_squared=float(1 - (residual @ residual) / total) if total > 0 else float("nan"),
        observations=len(y),
    )


def assess(business: pd.DataFrame, migration: pd.DataFrame,
           terms: list[str] | None = None) -> tuple[pd.DataFrame, Regression]:
    """`business`: output of shift_share.decompose.
    `migration`: `code, net_migration, pop_start`. Returns per-kommune attractiveness and the
    fitted regression."""
    terms = terms or ["relative_job_growth", "log_size"]
    table = business.merge(migration, on="code", how="inner")
    table["net_migration_rate"] = table.net_migration / table.pop_start
    table["relative_job_growth"] = table.job_growth - table.national_growth
    table["log_size"] = np.log(table.pop_start)
    model = fit(table, terms)
    x = sum(model.coefficients[t] * table[t] for t in terms) + model.coefficients["intercept"]
    table["expected_net_migration_rate"] = x
    table["residential_attractiveness"] = table.net_migration_rate - x
    slope = model.coefficients.get("relative_job_growth", 0.0)
    table["total_attractiveness"] = (
        table.residential_attractiveness + slope * table.business_attractiveness
    )
    return table, model
