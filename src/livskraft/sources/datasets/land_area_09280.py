"""Land area per kommune (km², SSB table 09280 «Areal (km²), etter region, arealtype»), the
authoritative area for the place finder's density. Stored as the place indicator
`landareal` on the borders the file names. Import only: `sync` does not fetch 09280 yet."""

import pandas as pd

from ..csv_tables import read_table
from .base import FileFormat, check_codes


def _land_area(match, path, result):
    vintage = int(match.group(1))
    columns = {"aar": "int", "kommunenr": "code4", "landareal_km2": "text"}
    table, problems = read_table(path, result.name, columns, key=["kommunenr"])
    result.problems += problems
    if table is None:
        return
    values = pd.to_numeric(table.landareal_km2.str.replace(",", ".", regex=False),
                           errors="coerce")
    bad = table.index[values.isna() | (values <= 0)]
    for index in bad[:5]:
        result.problem(int(index) + 2, "not_a_number", value=table.at[index, "landareal_km2"])
    if len(bad):
        return
    frame = pd.DataFrame({"indicator": "landareal", "vintage": vintage, "year": table.aar,
                          "code": table.kommunenr, "value": values})
    result.checks.append(check_codes(frame, result.name))
    result.add("indicators", frame)


FORMATS = [
    FileFormat(r"kommune_landareal_09280_b(\d{4})\.csv", _land_area,
               "`kommune_landareal_09280_bYYYY.csv`", "aar, kommunenr, landareal_km2 "
               "(decimal comma or point, > 0)",
               "land area per kommune (SSB 09280) on YYYY borders, for the place finder's "
               "density"),
]
