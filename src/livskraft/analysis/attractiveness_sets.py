"""Ready-made sets of kommuner for the attractiveness quadrant, and ranks within a table.

`SUCCESSFUL_2012`: the fifteen "suksessrike distriktskommuner" of Distriktssenteret's 2012
study (Telemarksforsking and SINTEF), as the book lists them for 2011–2017
(seed 002, "Suksessrike distriktskommuner anno 2012 og 2018"). Codes are those of 2017,
the end of the book's period; later borders follow through the code crosswalk (Vikna is
part of Nærøysund and Sandøy of Ålesund since 2020, so there they stand for more than the
book's kommune).
"""

import pandas as pd

SUCCESSFUL_2012 = {  # 2017 code → name as in the book
    "1620": "Frøya", "0615": "Flå", "1244": "Austevoll", "0618": "Hemsedal",
    "0937": "Evje og Hornnes", "1617": "Hitra", "1032": "Lyngdal", "0941": "Bykle",
    "1046": "Sirdal", "1750": "Vikna", "0617": "Gol", "1546": "Sandøy", "0828": "Seljord",
    "1835": "Træna", "1837": "Meløy",
}
SETS = {"suksessrike_2012": (2017, SUCCESSFUL_2012)}


def codes_on(set_key: str, crosswalk: pd.DataFrame) -> dict[str, list[str]]:
    """The set's codes on the crosswalk's pivot borders: pivot code → book names it covers.
    `crosswalk`: `from_code, from_year, to_year, pivot_code, weight` (see analysis.borders).
    A kommune the crosswalk splits goes to the part with the largest weight (on a tie the
    lowest code: Sandøy, split 50/50 by FHI's estimate, lies in 1508 Ålesund)."""
    year, members = SETS[set_key]
    valid = crosswalk[(crosswalk.from_year <= year) & (crosswalk.to_year >= year)
                      & crosswalk.from_code.isin(members)]
    best = valid.sort_values(["from_code", "weight", "pivot_code"],
                             ascending=[True, False, True]).drop_duplicates("from_code")
    out: dict[str, list[str]] = {}
    for row in best.itertuples():
        out.setdefault(row.pivot_code, []).append(members[row.from_code])
    return out


def rank(values: pd.Series, code: str) -> int | None:
    """1 + the number of kommuner with a strictly higher value (ties share a rank)."""
    if code not in values.index or pd.isna(values[code]):
        return None
    return int((values.dropna() > values[code]).sum()) + 1
