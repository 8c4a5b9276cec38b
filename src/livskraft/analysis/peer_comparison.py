"""A kommune's figure beside its county, the kommuner of its centrality class, the country
and kommuner chosen by name — for any figure that is a ratio (persons per start-year
persons, births per resident, jobs per resident, persons in an age group per resident …).

The county and the country are pooled: Σ numerator / Σ denominator over their kommuner, the
figure the county would have as one place. The centrality class is a distribution: the
median and quartiles (linear interpolation) of its kommuner's own ratios, so a few large
kommuner do not decide it. Kommuner without both numbers at a point are left out there."""

from dataclasses import dataclass, field

import pandas as pd

from .errors import MissingDataError

KOMMUNE, COUNTY, COUNTRY, CHOSEN = "kommune", "fylke", "landet", "valgt"
CLASS_MEDIAN, CLASS_LOW, CLASS_HIGH = "klasse_median", "klasse_p25", "klasse_p75"
SERIES = (KOMMUNE, COUNTY, CLASS_MEDIAN, CLASS_LOW, CLASS_HIGH, COUNTRY, CHOSEN)
QUARTILES = {CLASS_LOW: 0.25, CLASS_MEDIAN: 0.5, CLASS_HIGH: 0.75}


@dataclass(frozen=True)
class Peers:
    """Whom `code` is compared with: its county's codes and its class's codes (each
    including `code` itself; an empty class when the centrality is unknown)."""

    code: str
    county: str
    county_codes: tuple[str, ...]
    klass: int | None = None
    class_codes: tuple[str, ...] = ()
    chosen: tuple[str, ...] = field(default_factory=tuple)


def peers(code: str, counties: dict[str, str], classes: dict[str, int],
          chosen: list[str] | tuple[str, ...] = ()) -> Peers:
    """Peers from code → county and code → centrality class (the kommune itself is not a
    chosen peer)."""
    if code not in counties:
        raise MissingDataError("kommune_unknown", code=code)
    county = counties[code]
    klass = classes.get(code)
    return Peers(code, county, tuple(sorted(c for c, k in counties.items() if k == county)),
                 klass, tuple(sorted(c for c, k in classes.items() if k == klass))
                 if klass is not None else (),
                 tuple(dict.fromkeys(c for c in chosen if c != code)))


def compare(numerator: pd.DataFrame, denominator: pd.DataFrame, who: Peers,
            scale: float = 1.0) -> pd.DataFrame:
    """`numerator` and `denominator`: one row per point (a year, an age group …), one
    column per kommune code. Returns the long table `punkt, serie, kommunenr, verdi`
    (`verdi` = scale × ratio) with the series of `SERIES` that have data; the class's
    rows carry `klasse N` as kommunenr, the country's an empty one."""
    numerator, denominator = numerator.align(denominator, join="inner")
    if who.code not in numerator.columns:
        raise MissingDataError("comparison_no_kommune", code=who.code)
    valid = numerator.notna() & denominator.notna() & (denominator != 0)
    top, bottom = numerator.where(valid), denominator.where(valid)
    ratio = scale * top / bottom
    parts = [_rows(ratio[who.code], KOMMUNE, who.code)]
    county = [c for c in who.county_codes if c in ratio.columns]
    parts.append(_rows(_pooled(top[county], bottom[county], scale), COUNTY, who.county))
    members = [c for c in who.class_codes if c in ratio.columns]
    if members:
        for series, quantile in QUARTILES.items():
            parts.append(_rows(ratio[members].quantile(quantile, axis=1), series,
                               f"klasse {who.klass}"))
    parts.append(_rows(_pooled(top, bottom, scale), COUNTRY, ""))
    for other in who.chosen:
        if other in ratio.columns and ratio[other].notna().any():
            parts.append(_rows(ratio[other], CHOSEN, other))
    table = pd.concat(parts, ignore_index=True)
    return table.dropna(subset=["verdi"]).reset_index(drop=True)


def _pooled(top: pd.DataFrame, bottom: pd.DataFrame, scale: float) -> pd.Series:
    total = bottom.sum(axis=1, min_count=1)
    return scale * top.sum(axis=1, min_count=1) / total


def _rows(values: pd.Series, series: str, kommunenr: str) -> pd.DataFrame:
    return pd.DataFrame({"punkt": values.index, "serie": series, "kommunenr": kommunenr,
                         "verdi": values.to_numpy(dtype=float)})


def index_of(persons: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Numerator and denominator of an index (first row = 1): each kommune's values over
    its value in the first row (× 100 with `scale=100`)."""
    first = persons.iloc[[0] * len(persons)].set_axis(persons.index)
    return persons, first
