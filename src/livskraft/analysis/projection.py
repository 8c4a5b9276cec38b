"""Cohort-component projection, yearly, by sex and single-year age, for many kommuner at once.

Arrays have shape (kommuner, 2, AGES): sex 0 = men, 1 = women; age 0..105 (105 = 105+).
One step from 1 January of year t to year t+1:
- survivors: P'[a+1] = P[a]·(1 − q[a]); the open top group keeps its own survivors;
- births during the year: B = Σ_a f[a]·P_women[a] (women at the start of the year), split by
  the boys' share at birth, and the newborn survive their first year with 1 − q[0];
- net migration M[sex, age] (people on 1 January of t+1) is added, and no group goes below 0.
`q` is the probability of dying within the year and `f` births per woman; both come from SSB's
national rates, scaled per kommune to its observed births and deaths (see `calibrate`).
"""

from dataclasses import dataclass

import numpy as np

AGES = 106
BOYS_SHARE = 0.5122  # about 105 boys per 100 girls, SSB's long-run ratio at birth


@dataclass(frozen=True)
class Rates:
    """National rates: `death_probability` (2, AGES) and `fertility` (AGES) per woman."""

    death_probability: np.ndarray
    fertility: np.ndarray


def step(population: np.ndarray, rates: Rates, migration: np.ndarray,
         fertility_scale: np.ndarray | float = 1.0, mortality_scale: np.ndarray | float = 1.0):
    """Advance one year; returns (population next 1 January, births during the year)."""
    q = np.minimum(1.0, rates.death_probability[None] * _per_kommune(mortality_scale))
    survivors = population * (1 - q)
    following = np.zeros_like(population)
    following[:, :, 1:] = survivors[:, :, :-1]
    following[:, :, -1] += survivors[:, :, -1]
    women = population[:, 1, :]
    births = (women * rates.fertility[None, :]).sum(axis=1) * _per_kommune(fertility_scale)[:, 0, 0]
    newborn_share = np.array([BOYS_SHARE, 1 - BOYS_SHARE])
    following[:, :, 0] = births[:, None] * newborn_share[None, :] * (1 - q[:, :, 0])
    return np.maximum(following + migration, 0.0), births


def project(population: np.ndarray, rates: Rates, migration: np.ndarray, years: int,
            fertility_scale: np.ndarray | float = 1.0, mortality_scale: np.ndarray | float = 1.0):
    """Population for `years` years after the base year: shape (years + 1, kommuner, 2, AGES).
    `migration` is (kommuner, 2, AGES) every year, or (years, kommuner, 2, AGES)."""
    path = np.empty((years + 1, *population.shape))
    path[0] = population
    for t in range(years):
        yearly = migration[t] if migration.ndim == 4 else migration
        path[t + 1], _ = step(path[t], rates, yearly, fertility_scale, mortality_scale)
    return path


def _per_kommune(scale) -> np.ndarray:
    return np.asarray(scale, dtype=float).reshape(-1, 1, 1)


def calibrate(history: np.ndarray, rates: Rates, births: np.ndarray, deaths: np.ndarray):
    """Scale factors (fertility, mortality) per kommune: observed births and deaths over the
    years of `history` (years, kommuner, 2, AGES) divided by what national rates give.
    `births`/`deaths` are (years, kommuner) during each year; NaN where unknown → factor 1."""
    women = history[:, :, 1, :]
    expected_births = (women * rates.fertility[None, None, :]).sum(axis=(0, 2))
    expected_deaths = (history * rates.death_probability[None, None]).sum(axis=(0, 2, 3))
    with np.errstate(divide="ignore", invalid="ignore"):
        fertility = np.nansum(births, axis=0) / expected_births
        mortality = np.nansum(deaths, axis=0) / expected_deaths
    known_births = ~np.isnan(births).any(axis=0) & (expected_births > 0)
    known_deaths = ~np.isnan(deaths).any(axis=0) & (expected_deaths > 0)
    return np.where(known_births, fertility, 1.0), np.where(known_deaths, mortality, 1.0)


def residual_migration(history: np.ndarray, rates: Rates, births: np.ndarray | None = None,
                       fertility_scale=1.0, mortality_scale=1.0,
                       death_probabilities: np.ndarray | None = None) -> np.ndarray:
    """Average yearly net migration by sex and age (kommuner, 2, AGES) that makes the
    projection reproduce the observed populations in `history` (years, kommuner, 2, AGES):
    the residual method. With `births` (years − 1, kommuner) observed births are used.
    `death_probabilities` (years − 1, 2, AGES): each year's own national q, where known;
    without it `rates`' q stands for every year."""
    steps = []
    for t in range(len(history) - 1):
        year_rates = rates if death_probabilities is None else Rates(death_probabilities[t],
                                                                     rates.fertility)
        without, expected_births = step(history[t], year_rates, np.zeros_like(history[t]),
                                        fertility_scale, mortality_scale)
        if births is not None:
            ratio = np.divide(births[t], expected_births, out=np.ones_like(expected_births),
                              where=expected_births > 0)
            without[:, :, 0] *= np.where(np.isnan(ratio), 1.0, ratio)[:, None]
        steps.append(history[t + 1] - without)
    return np.mean(steps, axis=0)


def age_band_migration(people_per_year: float, first_age: int, last_age: int) -> np.ndarray:
    """A user scenario's extra migrants (2, AGES): spread evenly over sexes and the ages."""
    extra = np.zeros((2, AGES))
    extra[:, first_age:last_age + 1] = people_per_year / (2 * (last_age - first_age + 1))
    return extra
