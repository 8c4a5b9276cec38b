"""KLASS 131's list of kommune code changes (merges, splits, renumberings) since 1977: the
history the border vintages are built from. Imported from KLASS's own `changes` JSON, or
fetched by `sync`."""

import pandas as pd

from ..klass import parse_changes
from .base import Dataset, FileFormat, read_json

FIRST_YEAR = 1977
SYNC_ORDER = 15
DATASETS = [Dataset("code_changes", ("old_code", "old_name", "new_code", "new_name", "year"),
                    "places.CodeChange", replace_by=())]


def _changes(match, path, result):
    changes = read_json(path, result, parse_changes)
    if changes is not None and not changes:
        result.problem(None, "no_rows")
    elif changes:
        result.add("code_changes", pd.DataFrame(changes).drop_duplicates())


FORMATS = [
    FileFormat(r"131_klass-v1_changes(?:_[\w-]+)?\.json", _changes,
               "`131_klass-v1_changes_*.json`",
               "KLASS 131 `changes` response: codeChanges with oldCode, oldName, newCode, newName, "
               "changeOccurred", "kommune code changes (the history of border vintages)"),
]


def fetch(context) -> None:
    context.code_changes = context.klass.changes(FIRST_YEAR, context.years[-1])
    frame = pd.DataFrame(context.code_changes, columns=list(DATASETS[0].columns))
    context.batch.add("code_changes", frame.drop_duplicates(), "KLASS 131, endringer")
