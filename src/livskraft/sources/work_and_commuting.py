"""Readers for SSB 11618 (employed persons 15–74 by place of work and of residence) and
SSB 03321 (employed persons by work kommune × home kommune, the commuting matrix), in the
layout of statisticsnorway/pendling's `make_data.R` (PxWebApiData::ApiData output).

Both are on each year's own borders, so the vintage is the year. 11618 is read from CSV
(`ssb11618_…_YYYY_YYYY.csv`: Region, Kjonn, Alder, ContentsCode, Tid, value); 03321 from
the R `.rds` files (read with pyreadr) or the same columns as CSV. Pure: frames and
problems out, nothing stored.
"""

import io
from pathlib import Path

import pandas as pd

from .csv_tables import read_table
from .problems import Problem

JOBS_INDICATORS = {  # 11618 ContentsCode → indicator stored per kommune and year
    "SysselArbsted": "sysselsatte_arbeidssted",
    "SysselBosted": "sysselsatte_bosted",
    "BefolkningBosted": "befolkning_15_74",
}
JOBS_COLUMNS = {"Region": "code4", "ContentsCode": "text", "Tid": "int", "value": "int"}
COMMUTING_COLUMNS = {"ArbstedKomm": "code4", "Bokommuen": "code4", "Tid": "int", "value": "int"}


def read_jobs(path: Path, name: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """`indicator, vintage, year, code, value` for the three 11618 measures."""
    table, problems = read_table(path, name, JOBS_COLUMNS, key=["Region", "ContentsCode", "Tid"])
    if table is None:
        return None, problems
    unknown = table.index[~table.ContentsCode.isin(JOBS_INDICATORS)]
    if len(unknown):
        known = ", ".join(JOBS_INDICATORS)
        return None, [Problem(name, int(i) + 2, f"ukjent ContentsCode "
                              f"{table.at[i, 'ContentsCode']!r} (kjente: {known})")
                      for i in unknown[:5]]
    frame = pd.DataFrame({"indicator": table.ContentsCode.map(JOBS_INDICATORS),
                          "vintage": table.Tid, "year": table.Tid, "code": table.Region,
                          "value": table.value.astype(float)})
    return frame, []


def read_commuting(path: Path, name: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """`vintage, year, work_code, home_code, persons` for pairs with at least one person."""
    source, problems = (_rds_as_text(path, name) if path.suffix == ".rds" else (path, []))
    if source is None:
        return None, problems
    table, problems = read_table(source, name, COMMUTING_COLUMNS,
                                 key=["ArbstedKomm", "Bokommuen", "Tid"])
    if table is None:
        return None, problems
    table = table[table.value > 0]
    return pd.DataFrame({"vintage": table.Tid, "year": table.Tid, "work_code": table.ArbstedKomm,
                         "home_code": table.Bokommuen, "persons": table.value}), []


def _rds_as_text(path: Path, name: str):
    """The .rds data frame as CSV text in memory, so it is checked like any CSV file."""
    import pyreadr  # only needed for .rds files

    try:
        frames = pyreadr.read_r(str(path))
    except (pyreadr.custom_errors.PyreadrError, ValueError, OSError):
        return None, [Problem(name, None, "kan ikke lese R-filen (.rds)")]
    if len(frames) != 1:
        return None, [Problem(name, None, "R-filen skal inneholde én tabell")]
    text = next(iter(frames.values())).to_csv(index=False)
    return io.StringIO(text), []
