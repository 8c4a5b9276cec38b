"""Bygdekalkulatoren's ranking: how well each kommune matches what a household weighs.

`indicators` is a DataFrame indexed by kommune code with one column per criterion (NaN where
the kommune lacks data). Each criterion has a direction (+1: more is better, −1: less is
better). A kommune's score on a criterion is its percentile among all kommuner with data
(0–100, best = 100). The total is the weighted mean over the criteria the kommune has data
for; `coverage` tells how much of the chosen weight had data, so missing data is shown as
missing, never filled in.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .errors import AnalysisError

PRO_AT, CON_AT = 67.0, 33.0


@dataclass(frozen=True)
class Criterion:
    key: str
    direction: int  # +1 more is better, −1 less is better


def percentiles(indicators: pd.DataFrame, criteria: list[Criterion]) -> pd.DataFrame:
    """0–100 per criterion, 100 for the best; ties share the average rank; NaN stays NaN."""
    out = pd.DataFrame(index=indicators.index)
    for criterion in criteria:
        values = indicators[criterion.key] * criterion.direction
        known = values.notna().sum()
        ranks = values.rank(method="average")
        out[criterion.key] = 100 * (ranks - 1) / (known - 1) if known > 1 else 50.0
        out.loc[values.isna(), criterion.key] = float("nan")
    return out


def rank(indicators: pd.DataFrame, criteria: list[Criterion],
         weights: dict[str, float]) -> pd.DataFrame:
    """`score` (0–100), `coverage` (0–1) and `rank` per kommune, best first."""
    chosen = [c for c in criteria if weights.get(c.key, 0) > 0]
    if not chosen:
        raise AnalysisError("no_criterion")
    return rank_scores(percentiles(indicators, chosen), weights)


def rank_scores(scores: pd.DataFrame, weights: dict[str, float]) -> pd.DataFrame:
    """`rank` from percentiles already computed (one column per criterion): the weighted
    mean over the criteria with weight > 0 that a kommune has data for."""
    keys = [k for k in scores.columns if weights.get(k, 0) > 0]
    if not keys:
        raise AnalysisError("no_criterion")
    order, score, coverage = rank_matrix(scores[keys].to_numpy(dtype=float),
                                         np.array([float(weights[k]) for k in keys]))
    return pd.DataFrame({"score": score[order], "coverage": coverage[order],
                         "rank": np.arange(1, len(order) + 1)}, index=scores.index[order])


def rank_matrix(matrix: np.ndarray, weight: np.ndarray):
    """(order best first, score, coverage) for a places × criteria matrix of percentiles
    (NaN where missing) and positive weights; score and coverage are in the matrix's row
    order. The plain-array form of `rank_scores`, for callers that keep their own arrays."""
    has = ~np.isnan(matrix)
    present = has @ weight
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(present > 0, np.nan_to_num(matrix) @ weight / present, np.nan)
    coverage = present / weight.sum()
    # best score first, then the better coverage; no score last; ties keep the row order
    order = np.lexsort((-coverage, np.where(np.isnan(score), np.inf, -score)))
    return order, score, coverage


def pros_and_cons(indicators: pd.DataFrame, criteria: list[Criterion], weights: dict[str, float],
                  code: str) -> dict[str, list[str]]:
    """Criteria (with weight) where the kommune is in the top third, bottom third, or lacks
    data."""
    chosen = [c for c in criteria if weights.get(c.key, 0) > 0]
    row = percentiles(indicators, chosen).loc[code]
    return {
        "pros": [c.key for c in chosen if row[c.key] >= PRO_AT],
        "cons": [c.key for c in chosen if row[c.key] <= CON_AT],
        "missing": [c.key for c in chosen if pd.isna(row[c.key])],
    }
