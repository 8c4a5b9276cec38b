"""Net migration estimated by the residual method, where SSB's components (06913) are not
loaded: the population change minus the natural change, with the natural change estimated
from the age-0 counts and national survival.

For calendar year t, with P_t[a] the population by sex and age on 1 January and q[a] the
national probability of dying within the year:
    births − deaths  ≈  P_{t+1}[0] − Σ_a P_t[a]·q[a]
(the infants alive on 1 January stand for the year's births less infant deaths), so
    net migration  ≈  Σ_{a≥1} P_{t+1}[a] − Σ_a P_t[a]·(1 − q[a]),
which is the cohort-change residual summed over ages. Infants who moved are counted as born
here. q may be one set for every year, (2, AGES), or each year's own, (years − 1, 2, AGES).
The result is an estimate and is flagged as such wherever it is shown.
"""

import numpy as np


def yearly(history: np.ndarray, death_probability: np.ndarray) -> np.ndarray:
    """`history` (years, kommuner, 2, AGES), `death_probability` (2, AGES) or
    (years − 1, 2, AGES) → net migration during each year (years − 1, kommuner)."""
    survivors = (history[:-1] * (1 - _per_year(death_probability))).sum(axis=(2, 3))
    aged_one_or_more = history[1:, :, :, 1:].sum(axis=(2, 3))
    return aged_one_or_more - survivors


def natural_change(history: np.ndarray, death_probability: np.ndarray) -> np.ndarray:
    """Estimated births − deaths during each year (years − 1, kommuner)."""
    deaths = (history[:-1] * _per_year(death_probability)).sum(axis=(2, 3))
    return history[1:, :, :, 0].sum(axis=2) - deaths


def _per_year(death_probability: np.ndarray) -> np.ndarray:
    """(years − 1 or 1, 1, 2, AGES), to multiply with (years − 1, kommuner, 2, AGES)."""
    q = np.asarray(death_probability, dtype=float)
    return (q if q.ndim == 3 else q[None])[:, None]
