"""SSB's centrality index (0–1000) and class (1–6), KLASS 128."""

import pandas as pd

from ..csv_tables import read_table
from .base import Dataset, FileFormat

DATASETS = [Dataset("centrality", ("code", "centrality_class", "index", "label"),
                    "places.Centrality", replace_by=("code",))]
SYNC_ORDER = 30


def _centrality(match, path, result):
    table, problems = read_table(
        path, result.name,
        {"kommunenr": "code4", "kommunenavn_ssb": "text", "sentralitetsklasse": "int",
         "sentralitetsindeks": "int"},
        key=["kommunenr"],
    )
    result.problems += problems
    if table is None:
        return
    bad = table.index[~table.sentralitetsklasse.between(1, 6)
                      | ~table.sentralitetsindeks.between(0, 1000)]
    if len(bad):
        result.rows("centrality_range", bad)
        return
    frame = table.rename(columns={"kommunenr": "code", "kommunenavn_ssb": "label",
                                  "sentralitetsklasse": "centrality_class",
                                  "sentralitetsindeks": "index"})
    result.add("centrality", frame)


FORMATS = [
    FileFormat(r"sentralitetsindeks_klass128\.csv", _centrality,
               "`sentralitetsindeks_klass128.csv`",
               "kommunenr, kommunenavn_ssb, sentralitetsklasse (1–6), sentralitetsindeks (0–1000)",
               "centrality"),
]


def fetch(context) -> None:
    end = context.years[-1]
    context.batch.add("centrality", pd.DataFrame(context.klass.centrality(end)),
                      f"KLASS 128 ({end})")
