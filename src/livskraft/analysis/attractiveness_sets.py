"""Ready-made sets of kommuner for the attractiveness quadrant, and ranks within a table.

`SUCCESSFUL_2012`: the fifteen "suksessrike distriktskommuner" of Distriktssenteret's 2012
study (Telemarksforsking and SINTEF), as the book lists them for 2011–2017
(seed 002, "Suksessrike distriktskommuner anno 2012 og 2018"). Codes are those of 2017,
the end of the book's period; other borders follow through the code crosswalk (Vikna is
part of Nærøysund and Sandøy of Ålesund since 2020, so there they stand for more than the
book's kommune; Frøya is 5014 from 2018).
"""

import pandas as pd

from .borders import codes_valid_in

SUCCESSFUL_2012 = {  # 2017 code → name as in the book
    "1620": "Frøya", "0615": "Flå", "1244": "Austevoll", "0618": "Hemsedal",
    "0937": "Evje og Hornnes", "1617": "Hitra", "1032": "Lyngdal", "0941": "Bykle",
    "1046": "Sirdal", "1750": "Vikna", "0617": "Gol", "1546": "Sandøy", "0828": "Seljord",
    "1835": "Træna", "1837": "Meløy",
}
SETS = {"suksessrike_2012": (2017, SUCCESSFUL_2012)}


def codes_on(set_key: str, crosswalk: pd.DataFrame, target: int | None = None,
             names: dict[str, str] | None = None) -> dict[str, list[str]]:
    """The set's codes on the borders of `target` (default: the crosswalk's pivot borders):
    code → book names it covers. `crosswalk`: `from_code, from_year, to_year, pivot_code,
    weight` (see analysis.borders); `names`: code → name on the target borders.

    A book kommune goes to the pivot kommune of its largest weight (on a tie the lowest
    code: Sandøy, split 50/50 by FHI's estimate, lies in 1508 Ålesund). On other borders it
    goes to a code of the target year that reaches one of its pivot kommuner, preferring its
    own code, then a kommune of its own name (Vikna is 5050 in 2018–2019, beside Nærøy 5051
    in the same pivot 5060 Nærøysund), then the pivot of its largest weight."""
    year, members = SETS[set_key]
    valid = codes_valid_in(crosswalk, year)
    valid = valid[valid.from_code.isin(members)].sort_values(
        ["from_code", "weight", "pivot_code"], ascending=[True, False, True])
    known = "pivot_vintage" in crosswalk and not crosswalk.empty
    pivot = int(crosswalk.pivot_vintage.max()) if known else None
    out: dict[str, list[str]] = {}
    if target is None or target == pivot:
        for row in valid.drop_duplicates("from_code").itertuples():
            out.setdefault(row.pivot_code, []).append(members[row.from_code])
        return out
    at_target = codes_valid_in(crosswalk, target)
    names = names or {}
    for member, rows in valid.groupby("from_code", sort=False):
        order = {p: i for i, p in enumerate(rows.pivot_code)}
        candidates = at_target[at_target.pivot_code.isin(order)]
        if candidates.empty:
            continue
        best = min(zip(candidates.from_code, candidates.pivot_code, candidates.weight),
                   key=lambda c: (c[0] != member, names.get(c[0]) != members[member],
                                  order[c[1]], -c[2], c[0]))
        out.setdefault(best[0], []).append(members[member])
    return out


def rank(values: pd.Series, code: str) -> int | None:
    """1 + the number of kommuner with a strictly higher value (ties share a rank)."""
    if code not in values.index or pd.isna(values[code]):
        return None
    return int((values.dropna() > values[code]).sum()) + 1
