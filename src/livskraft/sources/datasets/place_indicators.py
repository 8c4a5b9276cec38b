"""One number per kommune from other public sources, for the place finder."""

import pandas as pd

from ..csv_tables import read_table
from .base import Dataset, FileFormat, check_codes

KNOWN = {"boligpris", "bredband", "tiltakssone", "arbeidsgiveravgift"}
DATASETS = [Dataset("indicators", ("indicator", "vintage", "year", "code", "value"),
                    "stats.PlaceIndicator", replace_by=("indicator", "vintage"))]


def _indicator(match, path, result):
    key, vintage = match.group(1), int(match.group(2))
    if key not in KNOWN:
        result.problem(None, "unknown_indicator", indicator=key, known=", ".join(sorted(KNOWN)))
        return
    columns = {"aar": "int", "kommunenr": "code4", "verdi": "text"}
    table, problems = read_table(path, result.name, columns, key=["kommunenr"])
    result.problems += problems
    if table is None:
        return
    values = pd.to_numeric(table.verdi.str.replace(",", ".", regex=False), errors="coerce")
    for index in table.index[values.isna()][:5]:
        result.problem(int(index) + 2, "not_a_number", value=table.at[index, "verdi"])
    if values.isna().any():
        return
    frame = pd.DataFrame({"indicator": key, "vintage": vintage, "year": table.aar,
                          "code": table.kommunenr, "value": values})
    result.checks.append(check_codes(frame, result.name))
    result.add("indicators", frame)


FORMATS = [
    FileFormat(r"kommune_indikator_([a-z]+)_b(\d{4})\.csv", _indicator,
               "`kommune_indikator_NAME_bYYYY.csv`, NAME one of boligpris (kr/m²), bredband "
               "(% of households with ≥ 100 Mbit/s), tiltakssone (1/0), arbeidsgiveravgift "
               "(% rate)", "aar, kommunenr, verdi (decimal comma or point)",
               "place-finder indicators on YYYY borders"),
]
