"""What immigration meant for growth (Østby, SSB).

For a period from 1.1.`start` to 1.1.`end`, with growth = population change and net
immigration = immigration − emigration summed over the period, each kommune is exactly one of
- declining: growth ≤ 0 (no growth counts as decline), whatever its net immigration,
- growing even without immigration: growth > 0 and growth − net immigration > 0
  (always so when net immigration ≤ 0),
- growing only because of net immigration: growth > 0 and growth − net immigration ≤ 0
  (net immigration at least as large as the growth),
- unknown: population or components missing for part of the period (never guessed).
"""

import pandas as pd

from .errors import AnalysisError, MissingDataError

GROWING_WITHOUT = "growing_without_immigration"
GROWING_ONLY_WITH = "growing_only_with_immigration"
DECLINING = "declining"
UNKNOWN = "unknown"
CATEGORIES = [GROWING_WITHOUT, GROWING_ONLY_WITH, DECLINING, UNKNOWN]


def classify(
    population: pd.DataFrame, components: pd.DataFrame, start: int, end: int
) -> pd.DataFrame:
    """Return `code, pop_start, pop_end, growth, net_immigration,
    growth_without_immigration, category, estimated` for every kommune in `population`."""
    if end <= start:
        raise AnalysisError("end_before_start", start=start, end=end)
    years = list(range(start, end))
    period = components[components.year.isin(years)]
    if period.empty:
        raise MissingDataError("no_components_in_period", table="06913", start=start,
                               end=end - 1)
    net = period.assign(net=period.immigration - period.emigration).groupby("code")
    net_immigration = net.net.sum().where(net.year.nunique() == len(years))
    levels = population[population.year.isin([start, end])]
    wide = levels.pivot_table(index="code", columns="year", values="persons", aggfunc="sum")
    out = pd.DataFrame(index=wide.index)
    out["pop_start"] = wide.get(start)
    out["pop_end"] = wide.get(end)
    out["growth"] = out.pop_end - out.pop_start
    out["net_immigration"] = net_immigration.reindex(out.index)
    out["growth_without_immigration"] = out.growth - out.net_immigration
    out["category"] = UNKNOWN
    known = out.growth.notna() & out.net_immigration.notna()
    growing = known & (out.growth > 0)
    out.loc[known & ~growing, "category"] = DECLINING
    out.loc[growing & (out.growth_without_immigration > 0), "category"] = GROWING_WITHOUT
    out.loc[growing & (out.growth_without_immigration <= 0), "category"] = GROWING_ONLY_WITH
    flagged = levels.groupby("code").estimated.any() if "estimated" in levels else None
    out["estimated"] = False if flagged is None else flagged.reindex(out.index, fill_value=False)
    if "estimated" in period:
        out["estimated"] |= period.groupby("code").estimated.any().reindex(
            out.index, fill_value=False
        )
    return out.reset_index()


def counts(classified: pd.DataFrame) -> pd.Series:
    """Number of kommuner per category, in the order of CATEGORIES."""
    return classified.category.value_counts().reindex(CATEGORIES, fill_value=0)
