"""Read a CSV file into a typed DataFrame, collecting every problem instead of crashing.

Each column has a kind: `code4`/`code2` (digits with leading zeros), `int` (whole number
≥ 0), `signed` (whole number), `weight` (number in (0, 1]), `flag` (0 or 1) or `text`.
Line numbers count the header as line 1."""

import re
from pathlib import Path

import pandas as pd

from .problems import Problem

MAX_PROBLEMS_PER_COLUMN = 5
PATTERNS = {  # ASCII digits only: \d alone also matches e.g. Arabic-Indic digits
    "code4": re.compile(r"^\d{4}$", re.ASCII),
    "code2": re.compile(r"^\d{2}$", re.ASCII),
    "int": re.compile(r"^\d+$", re.ASCII),
    "signed": re.compile(r"^-?\d+$", re.ASCII),
    "flag": re.compile(r"^[01]$"),
    "weight": re.compile(r"^(0(\.\d+)?|1(\.0+)?)$", re.ASCII),
}
# Plausible ranges by column name, for every import format: a kommune has at most about
# 2 million inhabitants (the largest has 0.7), a person at most 130 years. Other whole
# numbers stay within ±10¹² so sums in int64 cannot overflow.
PLAUSIBLE = {
    **dict.fromkeys(["personer", "menn", "kvinner", "sysselsatte", "fodte", "dode",
                     "innvandring", "utvandring", "innflytting", "utflytting"], (0, 2_000_000)),
    **dict.fromkeys(["aar", "fra_aar", "til_aar"], (1800, 2200)),
    "alder": (0, 130), "sentralitetsindeks": (0, 1000), "sentralitetsklasse": (1, 6),
}
ANY_WHOLE_NUMBER = (-(10**12), 10**12)


def read_table(
    path: Path, name: str, columns: dict[str, str], key: list[str] | None = None
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Return the typed table (or None) and the problems found in it."""
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(name, None, "not_utf8")]
    except pd.errors.EmptyDataError:
        return None, [Problem(name, None, "empty_file")]
    except (pd.errors.ParserError, EOFError, OSError) as error:
        line = re.search(r"line (\d+)", str(error))
        return None, [Problem(name, int(line.group(1)) if line else None, "broken_csv")]
    missing = [c for c in columns if c not in raw.columns]
    if missing:
        found = ", ".join(raw.columns)
        return None, [Problem(name, 1, "missing_columns",
                              {"columns": ", ".join(missing), "found": found})]
    if raw.empty:
        return None, [Problem(name, None, "no_rows")]
    problems: list[Problem] = []
    for column, kind in columns.items():
        if kind == "text":
            continue
        values = raw[column].str.strip()
        bad = ~values.str.match(PATTERNS[kind])
        if kind == "weight":
            bad |= values.eq("0") | values.str.fullmatch(r"0\.0*")
        for index in raw.index[bad][:MAX_PROBLEMS_PER_COLUMN]:
            problems.append(Problem(name, int(index) + 2, "bad_value",
                                    {"column": column, "value": raw.at[index, column],
                                     "kind": kind}))
        if kind in ("int", "signed"):
            problems += _implausible(raw, values[~bad], name, column)
    if key and not problems:
        duplicated = raw.duplicated(subset=key, keep="first")
        for index in raw.index[duplicated][:MAX_PROBLEMS_PER_COLUMN]:
            values = ", ".join(f"{k}={raw.at[index, k]}" for k in key)
            problems.append(Problem(name, int(index) + 2, "duplicate_row", {"key": values}))
    if problems:
        return None, problems
    table = raw[list(columns)].copy()
    for column, kind in columns.items():
        if kind in ("int", "signed", "flag"):
            table[column] = table[column].astype("int64")
        elif kind == "weight":
            table[column] = table[column].astype(float)
    return table, []


def _implausible(raw: pd.DataFrame, values: pd.Series, name: str, column: str) -> list[Problem]:
    low, high = PLAUSIBLE.get(column, ANY_WHOLE_NUMBER)
    numbers = values.map(int)  # Python ints: a 40-digit number is compared, not overflowed
    outside = numbers.index[(numbers < low) | (numbers > high)]
    return [Problem(name, int(index) + 2, "implausible_value",
                    {"column": column, "value": raw.at[index, column], "low": low,
                     "high": high})
            for index in outside[:MAX_PROBLEMS_PER_COLUMN]]


def unknown_codes(
    table: pd.DataFrame, name: str, column: str, known: set[str], year_column: str | None = None
) -> list[Problem]:
    """Problems for codes not in `known` (a set of codes, or of (year, code) pairs)."""
    if year_column is None:
        bad = ~table[column].isin(known)
    else:
        pairs = pd.Series(list(zip(table[year_column], table[column])), index=table.index)
        bad = ~pairs.isin(known)
    return [
        Problem(name, int(i) + 2, "unknown_code", {"code": table.at[i, column]})
        for i in table.index[bad][:MAX_PROBLEMS_PER_COLUMN]
    ]
