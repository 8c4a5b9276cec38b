"""Our projection beside SSB's: differences after chosen horizons, and the quality figures
over all kommuner (median and 90th percentile of the absolute difference).

Frames have `code, year, persons`; `ours` and `reference` on the same borders."""

import numpy as np
import pandas as pd

from .errors import MissingInput

HORIZONS = (10, 20, 26)


def differences(ours: pd.DataFrame, reference: pd.DataFrame, base_year: int,
                horizons=HORIZONS) -> pd.DataFrame:
    """`code, horizon, year, ours, reference, difference, difference_pct` for each horizon
    both have; difference = ours − reference, in per cent of the reference."""
    years = [base_year + h for h in horizons]
    both = ours[ours.year.isin(years)].merge(reference[reference.year.isin(years)],
                                             on=["code", "year"], suffixes=("_ours", "_ref"))
    if both.empty:
        raise MissingInput("no_common_years", table="reference projection",
                           years=", ".join(map(str, years)))
    out = pd.DataFrame({"code": both.code, "horizon": both.year - base_year, "year": both.year,
                        "ours": both.persons_ours, "reference": both.persons_ref})
    out["difference"] = out.ours - out.reference
    out["difference_pct"] = np.where(out.reference > 0,
                                     100 * out.difference / out.reference, np.nan)
    return out.sort_values(["code", "year"], ignore_index=True)


def quality(ours: pd.DataFrame, reference: pd.DataFrame, years) -> pd.DataFrame:
    """Per year: kommuner compared, median and 90th percentile of |difference| in persons
    and in per cent of the reference."""
    rows = []
    for year in years:
        both = ours[ours.year == year].merge(reference[reference.year == year], on="code",
                                             suffixes=("_ours", "_ref"))
        if both.empty:
            raise MissingInput("no_common_years", table="reference projection", years=str(year))
        gap = (both.persons_ours - both.persons_ref).abs()
        share = 100 * gap / both.persons_ref
        rows.append({"year": year, "kommuner": len(both),
                     "median_abs": float(gap.median()), "p90_abs": float(gap.quantile(0.9)),
                     "median_abs_pct": float(share.median()),
                     "p90_abs_pct": float(share.quantile(0.9))})
    return pd.DataFrame(rows)
