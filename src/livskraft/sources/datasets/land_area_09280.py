"""Land area per kommune (km², SSB table 09280 «Areal (km²), etter region, arealtype»), the
authoritative area for the place finder's density. Stored as the place indicator
`landareal`: from an import file on the borders its name gives, or by `sync` for the newest
year 09280 publishes within the synced years, on that year's borders (the area type is
found by its label, «Landareal», so fresh water is left out)."""

import pandas as pd

from ..csv_tables import read_table
from ..jsonstat import dimensions, labels
from ..ssb_errors import SsbError
from .base import FileFormat, check_codes, regions, totals_or_all, years_in

TABLE = "09280"
SYNC_ORDER = 65
LAND = "landareal"
LAND_LABELS = {"landareal", "land area"}  # the area type's label in Norwegian and English


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


def fetch(context) -> None:
    metadata = context.meta(TABLE)
    dims = dimensions(metadata)
    land = {}  # the dimension whose category is labelled «Landareal» → that code
    for name in dims:
        codes = [c for c, label in labels(metadata, name).items()
                 if label.strip().lower() in LAND_LABELS]
        if codes:
            land[name] = codes[:1]
    if not land:
        raise SsbError("no_land_area", table=TABLE)
    published = years_in(metadata, context.years)
    if not published:
        raise SsbError("no_years", table=TABLE, start=context.years[0], end=context.years[-1])
    fixed = {"Region", "ContentsCode", "Tid", *land}
    selection = {"Region": regions(metadata), **land, "ContentsCode": dims["ContentsCode"][:1],
                 "Tid": published[-1:], **totals_or_all(metadata, fixed)}
    frame = context.keep_valid(context.fetch(TABLE, selection, "landareal"))
    area = frame.groupby(["year", "code"], as_index=False).value.sum()
    area = area[area.value > 0]
    context.batch.add("indicators", area.assign(indicator=LAND, vintage=area.year),
                      f"SSB {TABLE}")
