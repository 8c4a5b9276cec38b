"""Everything a projection of all kommuner needs, built from observed populations by sex and
age over past years (pure: arrays in, arrays out).

Without SSB's components of change (06913) nothing local is known about births and deaths,
so the kommune's fertility is scaled to the infants it actually had: the number aged 0 on
1 January of each following year, against what national fertility and infant survival
give (the child-to-woman ratio, an estimate). Mortality then stays national. Net migration
by sex and age is the cohort-change residual (`projection.residual_migration`).
"""

from dataclasses import dataclass

import numpy as np

from . import projection


@dataclass(frozen=True)
class Inputs:
    base_year: int
    codes: list[str]
    history: np.ndarray  # (years, kommuner, 2, AGES), the last year is the base
    rates: projection.Rates
    fertility_scale: np.ndarray
    mortality_scale: np.ndarray
    migration: np.ndarray  # (kommuner, 2, AGES) yearly, main alternative
    net_immigration: np.ndarray | None  # (kommuner,) yearly average, where known
    immigration_profile: np.ndarray  # (2, AGES), sums to 1
    rate_year: int
    fertility_from_infants: bool  # True: fertility scaled to age-0 counts (an estimate)
    net_immigration_estimated: bool = False


def prepare(base_year: int, codes: list[str], history: np.ndarray, rates: projection.Rates,
            rate_year: int, births: np.ndarray | None = None, deaths: np.ndarray | None = None,
            net_immigration: np.ndarray | None = None,
            net_immigration_estimated: bool = False,
            history_mortality: np.ndarray | None = None) -> Inputs:
    """`births`/`deaths`: (years − 1, kommuner) observed during each year, or None;
    `history_mortality` (years − 1, 2, AGES): each past year's own national death
    probabilities for the migration residual (default: `rates`' for every year)."""
    steps = len(history) - 1
    if steps < 1:
        raise ValueError("history must hold at least two years")
    unknown = np.full((steps, len(codes)), np.nan)
    births = unknown if births is None else births
    deaths = unknown if deaths is None else deaths
    fertility, mortality = projection.calibrate(history[:-1], rates, births, deaths)
    from_infants = bool(np.isnan(births).all())
    if from_infants:
        fertility = infant_fertility_scale(history, rates, mortality)
        births = None
    migration = projection.residual_migration(history, rates, births, fertility, mortality,
                                              history_mortality)
    national = projection.residual_migration(history.sum(axis=1, keepdims=True), rates,
                                             death_probabilities=history_mortality)[0]
    inflow = np.clip(national, 0, None)
    profile = inflow / inflow.sum() if inflow.sum() > 0 else np.full(inflow.shape, 1 / inflow.size)
    return Inputs(base_year, list(codes), history, rates, fertility, mortality, migration,
                  net_immigration, profile, rate_year, from_infants, net_immigration_estimated)


def infant_fertility_scale(history: np.ndarray, rates: projection.Rates,
                           mortality_scale: np.ndarray | float = 1.0) -> np.ndarray:
    """Per kommune: infants aged 0 on 1 January of the years after the first, divided by the
    births national fertility gives to the women of the year before times infant survival.
    1 where no births are expected (no women of fertile age)."""
    survival = 1 - np.minimum(1.0, rates.death_probability[:, 0][None, :]
                              * np.asarray(mortality_scale, dtype=float).reshape(-1, 1))
    boys = np.array([projection.BOYS_SHARE, 1 - projection.BOYS_SHARE])
    per_birth = (survival * boys[None, :]).sum(axis=1)  # (kommuner,)
    women = history[:-1, :, 1, :]
    expected = (women * rates.fertility[None, None, :]).sum(axis=(0, 2)) * per_birth
    observed = history[1:, :, :, 0].sum(axis=(0, 2))
    return np.divide(observed, expected, out=np.ones_like(expected), where=expected > 0)


def base_index(years: list[int], base_year: int | None, history_years: int) -> slice:
    """The slice of `years` (sorted) used as history up to `base_year` (default: the last)."""
    if not years:
        raise ValueError("no years")
    last = len(years) - 1 if base_year is None else years.index(base_year)
    return slice(max(0, last - history_years), last + 1)
