"""Reader for IMDi's migration flows per kommune (`imdi_befolkning_flytting_kommune_YYYY.csv`
from imdikator: aar, kommune_nr, flytting, innvkat_3, tabellvariabel), on that year's
borders. Only the totals for everyone (`innvkat_3 == "alle"`) of the four gross flows are
kept, as indicators `imdi_<flow>` per kommune."""

from pathlib import Path

import pandas as pd

from .csv_tables import read_table
from .problems import Problem

FLOWS = ["innvandring", "utvandring", "innflytting", "utflytting"]
COLUMNS = {"aar": "int", "kommune_nr": "code4", "flytting": "text", "innvkat_3": "text",
           "tabellvariabel": "text"}


def read_flows(path: Path, name: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """`indicator, vintage, year, code, value` (persons during the year)."""
    table, problems = read_table(path, name, COLUMNS)
    if table is None:
        return None, problems
    rows = table[(table.innvkat_3 == "alle") & table.flytting.isin(FLOWS)]
    counts = pd.to_numeric(rows.tabellvariabel, errors="coerce")
    bad = rows.index[counts.isna() | (counts < 0)]
    if len(bad):
        return None, [Problem(name, int(i) + 2, "tabellvariabel er ikke et tall ≥ 0")
                      for i in bad[:5]]
    twice = rows.index[rows.duplicated(["aar", "kommune_nr", "flytting"])]
    if len(twice):
        return None, [Problem(name, int(i) + 2, "dobbel rad") for i in twice[:5]]
    if rows.empty:
        return None, [Problem(name, None, "ingen rader med innvkat_3 = alle")]
    return pd.DataFrame({"indicator": "imdi_" + rows.flytting, "vintage": rows.aar,
                         "year": rows.aar, "code": rows.kommune_nr, "value": counts}), []
