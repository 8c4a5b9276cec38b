"""What net immigration means in a projection (the book's Kart 2 and 3): for each kommune,
the projected population in `year` (2040) of the main alternative (SSB's MMMM) minus the
alternative with zero net immigration (MMM0), as a per cent of the base population.

Classes are 5-percentage-point bands up to 25 % and above; 10 % and 15 % are the limits
the book counts ("mer enn 15 prosent", "mindre enn 10 prosent"), the other limits are ours.
"""

import numpy as np
import pandas as pd

from .errors import MissingInput

CLASS_LIMITS = [0, 5, 10, 15, 20, 25]  # lower limits in per cent; below 0 is its own class


def effect(main: pd.DataFrame, without: pd.DataFrame, base: pd.DataFrame,
           year: int = 2040) -> pd.DataFrame:
    """`main`/`without`: `code, year, persons`; `base`: `code, persons` in the base year.
    Returns `code, main, without, base, difference, share_pct, class_index`."""
    a = main[main.year == year].set_index("code").persons
    b = without[without.year == year].set_index("code").persons
    if a.empty or b.empty:
        raise MissingInput("projection_year_missing", table="projection", year=year)
    out = pd.DataFrame({"main": a, "without": b}).dropna()
    out["base"] = base.set_index("code").persons.reindex(out.index)
    out = out.dropna()
    out["difference"] = out["main"] - out["without"]
    out["share_pct"] = np.where(out.base > 0, 100 * out.difference / out.base, np.nan)
    out["class_index"] = out.share_pct.map(class_of)
    return out.rename_axis("code").reset_index()


def class_of(share_pct: float) -> int:
    """0 for below 0 %, 1 for 0–5 %, …, 6 for 25 % and above."""
    return int(np.searchsorted(CLASS_LIMITS, share_pct, side="right"))


def counts(table: pd.DataFrame) -> list[int]:
    """Kommuner per class, from class 0 (below 0 %) to the top class."""
    tally = table.class_index.value_counts()
    return [int(tally.get(k, 0)) for k in range(len(CLASS_LIMITS) + 1)]
