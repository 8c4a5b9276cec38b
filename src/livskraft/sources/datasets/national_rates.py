"""National rates by age for projections: the probability of dying within the year by sex
(SSB 07902, or a file) and age-specific fertility (SSB 04232, or a file)."""

import re

import pandas as pd

from ..csv_tables import read_table
from ..jsonstat import dimensions, labels
from ..pxweb import content_codes_by_label
from ..ssb_errors import SsbError
from .base import Dataset, FileFormat, totals_or_all, without_totals

AGES = 106
SYNC_ORDER = 70
TABLES = {  # kind: (default table, start of the content label)
    "mortality": ("07902", ("dødssannsynlighet",)),
    "fertility": ("04232", ("fruktbarhetsrate", "aldersavhengig")),
}
DATASETS = [Dataset("rates", ("kind", "year", "sex", "age", "value"), "stats.DemographicRate",
                    replace_by=("kind", "year"))]


def _rates(table: pd.DataFrame, kind: str, result, upper: float) -> None:
    values = pd.to_numeric(table.value, errors="coerce")
    bad = table.index[values.isna() | (values < 0) | (values > upper) | (table.alder >= AGES)
                      | ~table.sex.isin(["M", "K"])]
    if len(bad):
        result.rows("bad_rate", bad, upper=upper, oldest=AGES - 1)
        return
    frame = table.rename(columns={"aar": "year", "alder": "age"}).assign(kind=kind, value=values)
    result.add("rates", frame)


def _mortality(match, path, result):
    columns = {"aar": "int", "kjonn": "text", "alder": "int", "sannsynlighet": "text"}
    table, problems = read_table(path, result.name, columns, key=["aar", "kjonn", "alder"])
    result.problems += problems
    if table is not None:
        _rates(table.rename(columns={"kjonn": "sex", "sannsynlighet": "value"}), "mortality",
               result, upper=1.0)


def _fertility(match, path, result):
    columns = {"aar": "int", "alder": "int", "fodte_per_kvinne": "text"}
    table, problems = read_table(path, result.name, columns, key=["aar", "alder"])
    result.problems += problems
    if table is not None:
        _rates(table.rename(columns={"fodte_per_kvinne": "value"}).assign(sex="K"), "fertility",
               result, upper=1.0)


FORMATS = [
    FileFormat(r"nasjonal_dodssannsynlighet\.csv", _mortality, "`nasjonal_dodssannsynlighet.csv`",
               "aar, kjonn (M/K), alder (0–105), sannsynlighet (0–1)",
               "national probability of dying within the year"),
    FileFormat(r"nasjonal_fruktbarhet\.csv", _fertility, "`nasjonal_fruktbarhet.csv`",
               "aar, alder, fodte_per_kvinne (0–1)", "national fertility rates"),
]


def fetch(context) -> None:
    end = context.years[-1]
    for kind, (default, wanted) in TABLES.items():
        table = context.table(kind, default)
        metadata = context.meta(table)
        content = content_codes_by_label(metadata, {"rate": wanted})["rate"]
        per_thousand = "1000" in labels(metadata, "ContentsCode")[content]
        dims = dimensions(metadata)
        year = max((y for y in dims["Tid"] if y.isdigit() and int(y) <= end), default=None)
        if year is None:
            raise SsbError("no_years", table=table, start="", end=end)
        selection = {"ContentsCode": [content], "Tid": [year],
                     **totals_or_all(metadata, {"ContentsCode", "Tid", "Kjonn", "Alder"}),
                     **{d: without_totals(metadata, d) for d in ("Kjonn", "Alder") if d in dims}}
        frame = pd.concat(list(context.pxweb.fetch(table, selection, "Tid")), ignore_index=True)
        frame = frame.dropna(subset=["value"])
        sexes = labels(metadata, "Kjonn")
        rows = []
        for record in frame.itertuples():
            sex = "K" if kind == "fertility" else _sex(sexes, record.Kjonn)
            for age in _ages(record.Alder):
                rows.append({"kind": kind, "year": int(year), "sex": sex, "age": age,
                             "value": record.value / (1000 if per_thousand else 1)})
        keys = ["kind", "year", "sex", "age"]
        rates = pd.DataFrame(rows).groupby(keys, as_index=False).value.sum()
        context.batch.add("rates", rates[rates.age < AGES], f"SSB {table}")


def _sex(names: dict[str, str], code: str) -> str:
    return "K" if names.get(code, "").lower().startswith("kvinn") else "M"


def _ages(code: str) -> list[int]:
    """'025' → [25]; '20-24' → 20..24; '105+' → [105]."""
    numbers = [int(n) for n in re.findall(r"\d+", code)]
    if not numbers:
        return []
    return list(range(numbers[0], numbers[-1] + 1)) if len(numbers) > 1 else numbers[:1]
