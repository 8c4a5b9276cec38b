"""A crosswalk from every code of earlier vintages to the codes of one pivot vintage: a
published file (`kommunenr_til_YYYY.csv`), or (`sync`) built from KLASS 131's changes."""

from ..code_history import crosswalk_from_changes
from ..csv_tables import read_table
from .base import Dataset, FileFormat

DATASETS = [Dataset("crosswalk", ("from_code", "from_year", "to_year", "pivot_vintage",
                                  "pivot_code", "weight", "note"),
                    "places.CodeCrosswalk", replace_by=())]
SYNC_ORDER = 20  # after the code lists and their changes


def _crosswalk(match, path, result):
    pivot = int(match.group(1))
    table, problems = read_table(
        path, result.name,
        {"kommunenr_fra": "code4", f"kommunenr_{pivot}": "code4", "fra_aar": "int",
         "til_aar": "int", "vekt": "weight", "vekt_merknad": "text"},
        key=["kommunenr_fra", "fra_aar", f"kommunenr_{pivot}"],
    )
    result.problems += problems
    if table is None:
        return
    backwards = table.index[table.fra_aar > table.til_aar]
    if len(backwards):
        result.rows("from_after_to", backwards)
        return
    frame = table.rename(columns={"kommunenr_fra": "from_code", f"kommunenr_{pivot}": "pivot_code",
                                  "fra_aar": "from_year", "til_aar": "to_year", "vekt": "weight",
                                  "vekt_merknad": "note"})
    result.add("crosswalk", frame.assign(pivot_vintage=pivot))


FORMATS = [
    FileFormat(r"kommunenr_til_(\d{4})\.csv", _crosswalk, "`kommunenr_til_YYYY.csv`",
               "kommunenr_fra, kommunenr_YYYY, fra_aar, til_aar, vekt, vekt_merknad",
               "crosswalk to vintage YYYY (replaces the stored one)"),
]


def fetch(context) -> None:
    changes = [(c["old_code"], c["new_code"], c["year"]) for c in context.code_changes]
    crosswalk = crosswalk_from_changes({y: set(c) for y, c in context.code_lists.items()},
                                       changes)
    context.batch.add("crosswalk", crosswalk, "KLASS 131, endringer")
