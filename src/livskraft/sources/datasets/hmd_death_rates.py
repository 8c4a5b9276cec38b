"""National central death rates m(x) by sex and age from the Human Mortality Database
(`nasjonal_dodsrate_hmd.csv`: aar, kjonn M/K, alder 0–110, dodsrate; empty where HMD has no
population), stored as probabilities of dying q(x) for ages 0–105 in the `rates` dataset.
The conversion is `livskraft.analysis.life_table`, where its assumptions are documented."""

import numpy as np
import pandas as pd

from livskraft.analysis.life_table import death_probabilities

from ..csv_tables import read_table
from .base import FileFormat

AGES = 106
COLUMNS = {"aar": "int", "kjonn": "text", "alder": "int", "dodsrate": "text"}


def read_death_rates(path, result) -> pd.DataFrame | None:
    """`kind, year, sex, age, value` with value = q(x), ages 0–105 (105 = 105+)."""
    table, problems = read_table(path, result.name, COLUMNS, key=["aar", "kjonn", "alder"])
    result.problems += problems
    if table is None:
        return None
    rates = pd.to_numeric(table.dodsrate.replace("", np.nan), errors="coerce")
    bad = table.index[(table.dodsrate.ne("") & (rates.isna() | (rates < 0)))
                      | ~table.kjonn.isin(["M", "K"])]
    if len(bad):
        result.rows("bad_death_rate", bad)
        return None
    rows = []
    for (year, sex), group in table.assign(rate=rates).groupby(["aar", "kjonn"]):
        by_age = group.set_index("alder").rate.reindex(range(AGES))
        if by_age.iloc[:100].isna().any():
            result.problem(None, "death_rates_missing", year=year, sex=sex)
            continue
        rows.append(pd.DataFrame({"kind": "mortality", "year": year, "sex": sex,
                                  "age": range(AGES),
                                  "value": death_probabilities(by_age.to_numpy(), sex, AGES)}))
    if result.problems or not rows:
        return None
    return pd.concat(rows, ignore_index=True)


def _death_rates(match, path, result):
    frame = read_death_rates(path, result)
    if frame is not None:
        result.add("rates", frame)


FORMATS = [
    FileFormat(r"nasjonal_dodsrate_hmd\.csv", _death_rates, "`nasjonal_dodsrate_hmd.csv`",
               "aar, kjonn (M/K), alder (0–110), dodsrate (m(x), empty allowed from age 100)",
               "national probability of dying within the year, converted from HMD's death "
               "rates m(x) (see analysis/life_table.py)", precedence=-1),
]
