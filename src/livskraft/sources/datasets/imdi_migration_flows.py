"""IMDi's migration flows per kommune (`imdi_befolkning_flytting_kommune_YYYY.csv` from
imdikator: aar, kommune_nr, flytting, innvkat_3, tabellvariabel) on that year's borders. The
totals for everyone (`innvkat_3 == "alle"`) of the four gross flows are stored as place
indicators `imdi_innvandring`, `imdi_utvandring`, `imdi_innflytting`, `imdi_utflytting`."""

import pandas as pd

from ..csv_tables import read_table
from .base import FileFormat, check_codes

FLOWS = ["innvandring", "utvandring", "innflytting", "utflytting"]
COLUMNS = {"aar": "int", "kommune_nr": "code4", "flytting": "text", "innvkat_3": "text",
           "tabellvariabel": "text"}


def read_flows(path, result) -> pd.DataFrame | None:
    """`indicator, vintage, year, code, value` (persons during the year)."""
    table, problems = read_table(path, result.name, COLUMNS)
    result.problems += problems
    if table is None:
        return None
    rows = table[(table.innvkat_3 == "alle") & table.flytting.isin(FLOWS)]
    if rows.empty:
        result.problem(None, "no_rows")
        return None
    counts = pd.to_numeric(rows.tabellvariabel, errors="coerce")
    bad = rows.index[counts.isna() | (counts < 0)]
    if len(bad):
        result.rows("not_a_number", bad, value="tabellvariabel")
        return None
    twice = rows.index[rows.duplicated(["aar", "kommune_nr", "flytting"])]
    if len(twice):
        result.rows("duplicate_row", twice, key="aar, kommune_nr, flytting")
        return None
    return pd.DataFrame({"indicator": "imdi_" + rows.flytting, "vintage": rows.aar,
                         "year": rows.aar, "code": rows.kommune_nr, "value": counts})


def _flows(match, path, result):
    frame = read_flows(path, result)
    if frame is not None:
        result.checks.append(check_codes(frame, result.name))
        result.add("indicators", frame)


FORMATS = [
    FileFormat(r"imdi_befolkning_flytting_kommune_\d{4}\.csv", _flows,
               "`imdi_befolkning_flytting_kommune_YYYY.csv`",
               "aar, kommune_nr, flytting, innvkat_3, tabellvariabel (IMDi, imdikator)",
               "immigration, emigration and domestic in/out per kommune for one year (place "
               "indicators); shares the nation's net immigration among kommuner where 06913 "
               "is not loaded"),
]
