"""Components of population change during a calendar year per kommune (SSB 06913)."""

from ..pxweb import content_codes_by_label
from ..ssb_errors import SsbError
from .base import Dataset, FileFormat, read_kommune_table, regions, years_in

TABLE = "06913"
SYNC_ORDER = 50
COMPONENTS = ("births", "deaths", "immigration", "emigration", "domestic_in", "domestic_out")
FILE_COLUMNS = {"fodte": "births", "dode": "deaths", "innvandring": "immigration",
                "utvandring": "emigration", "innflytting": "domestic_in",
                "utflytting": "domestic_out"}
CONTENT_LABELS = {
    "births": ("levendefødte", "fødte"),
    "deaths": ("døde",),
    "immigration": ("innvandring",),
    "emigration": ("utvandring",),
    "domestic_in": ("innflytting", "innenlandsk innflytting"),
    "domestic_out": ("utflytting", "innenlandsk utflytting"),
}

DATASETS = [Dataset("population_changes", ("vintage", "year", "code", *COMPONENTS),
                    "stats.PopulationChange", replace_by=("vintage", "year"), values=COMPONENTS)]


def _changes(match, path, result):
    columns = {"aar": ("int", "year"), "kommunenr": ("code4", "code"),
               **{c: ("int", ours) for c, ours in FILE_COLUMNS.items()}}
    read_kommune_table(match, path, result, "population_changes", columns, ["aar", "kommunenr"])


FORMATS = [
    FileFormat(r"kommune_befolkningsendringer_(?:b(\d{4})|aarets_grenser_\d{4}_\d{4})"
               r"\.csv(?:\.gz)?", _changes,
               "`kommune_befolkningsendringer_bYYYY.csv` or `…_aarets_grenser_*.csv`",
               "aar, kommunenr, fodte, dode, innvandring, utvandring, innflytting, utflytting",
               "components of change during `aar` (SSB 06913)"),
]


def fetch(context) -> None:
    metadata = context.meta(TABLE)
    codes = content_codes_by_label(metadata, CONTENT_LABELS)
    change_years = years_in(metadata, context.years)
    if not change_years:
        raise SsbError("no_years", table=TABLE, start=context.years[0], end=context.years[-1])
    selection = {"Region": regions(metadata), "ContentsCode": list(codes.values()),
                 "Tid": change_years}
    frame = context.keep_valid(context.fetch(TABLE, selection, "befolkningsendringer"))
    names = {code: name for name, code in codes.items()}
    wide = frame.assign(component=frame.ContentsCode.map(names)).pivot_table(
        index=["year", "code"], columns="component", values="value", aggfunc="sum"
    ).dropna()
    changes = wide.astype(int).reset_index()
    context.batch.add("population_changes", changes.assign(vintage=changes.year),
                      f"SSB {TABLE}")
