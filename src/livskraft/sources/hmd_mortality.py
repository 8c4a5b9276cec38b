"""Reader for national central death rates m(x) by sex and age from the Human Mortality
Database, as `nasjonal_dodsrate_hmd.csv` (aar, kjonn M/K, alder 0–110, dodsrate; empty where
HMD has no population). Stored as probabilities of dying q(x) for ages 0–105, converted by
`livskraft.analysis.life_table` (the conversion and its assumptions are documented there)."""

from pathlib import Path

import numpy as np
import pandas as pd

from livskraft.analysis.life_table import death_probabilities

from .csv_tables import read_table
from .problems import Problem

AGES = 106
COLUMNS = {"aar": "int", "kjonn": "text", "alder": "int", "dodsrate": "text"}


def read_death_rates(path: Path, name: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """`kind, year, sex, age, value` with value = q(x), ages 0–105 (105 = 105+)."""
    table, problems = read_table(path, name, COLUMNS, key=["aar", "kjonn", "alder"])
    if table is None:
        return None, problems
    rates = pd.to_numeric(table.dodsrate.replace("", np.nan), errors="coerce")
    bad = table.index[(table.dodsrate.ne("") & (rates.isna() | (rates < 0)))
                      | ~table.kjonn.isin(["M", "K"])]
    if len(bad):
        return None, [Problem(name, int(i) + 2, "dodsrate må være et tall ≥ 0 (eller tom), "
                              "kjonn M eller K") for i in bad[:5]]
    rows, problems = [], []
    for (year, sex), group in table.assign(rate=rates).groupby(["aar", "kjonn"]):
        by_age = group.set_index("alder").rate.reindex(range(AGES))
        if by_age.iloc[:100].isna().any():
            problems.append(Problem(name, None, f"mangler dodsrate under 100 år for "
                                    f"aar={year}, kjonn={sex}"))
            continue
        q = death_probabilities(by_age.to_numpy(), sex, AGES)
        rows.append(pd.DataFrame({"kind": "mortality", "year": year, "sex": sex,
                                  "age": range(AGES), "value": q}))
    if problems:
        return None, problems[:5]
    return pd.concat(rows, ignore_index=True), []
