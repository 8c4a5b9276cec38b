"""What a dataset module declares, and the helpers its readers and fetchers share.

A dataset module in this package defines any of
- `DATASETS`: the stored kinds it owns (`Dataset`: columns, where rows are stored, how they
  are replaced, and how they are shown on other borders),
- `FORMATS`: the import files it reads (`FileFormat`: file-name pattern, reader, docs),
- `fetch(context)` with `SYNC_ORDER`: what `sync` fetches from SSB for it.
`livskraft.sources.registry` finds the modules; nothing else lists them."""

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from livskraft.errors import CodedError

from ..csv_tables import read_table, unknown_codes
from ..jsonstat import dimensions, labels
from ..problems import Problem


@dataclass(frozen=True)
class Dataset:
    """One stored kind of rows."""

    key: str
    columns: tuple[str, ...]
    model: str  # "app_label.Model" the rows are stored in (resolved by stats.store)
    replace_by: tuple[str, ...]  # stored rows sharing these values are replaced together
    values: tuple[str, ...] = ()  # columns summed when shown on other borders (stats.frames)
    keys: tuple[str, ...] = ()  # further columns identifying a row on other borders
    edition: str | None = None  # a key naming separate publications, each on its own borders
    stored_fields: tuple[str, ...] = ()  # fields frames reads (default vintage, year, code, …)
    prepare: Callable[[pd.DataFrame], pd.DataFrame] | None = None  # stored rows → frame

    def frame_fields(self) -> tuple[str, ...]:
        return self.stored_fields or ("vintage", "year", "code", *self.keys, *self.values)


@dataclass
class FileRead:
    """What one file gave: frames per dataset, problems, later checks and notes."""

    name: str
    frames: dict[str, list[pd.DataFrame]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    checks: list[Callable[["KnownCodes"], list[Problem]]] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    precedence: int = 0

    def add(self, kind: str, frame: pd.DataFrame) -> "FileRead":
        self.frames.setdefault(kind, []).append(frame)
        return self

    def problem(self, line: int | None, code: str, /, **values) -> "FileRead":
        self.problems.append(Problem(self.name, line, code, values))
        return self

    def rows(self, code: str, indices, **values) -> "FileRead":
        """One problem per offending row (at most five), by the row's line in the file."""
        for index in list(indices)[:5]:
            self.problem(int(index) + 2, code, **values)
        return self


@dataclass(frozen=True)
class FileFormat:
    pattern: str  # regular expression for the file name (not the folder)
    read: Callable[[re.Match, Path, FileRead], None]
    name: str  # the file name as documented, e.g. "kommuner_YYYY.csv"
    columns: str  # documented columns
    meaning: str  # what is stored
    precedence: int = 0  # where two files give the same rows, the higher one is kept


@dataclass
class KnownCodes:
    pairs: set[tuple[int, str]]  # (vintage, code)
    by_name: dict[tuple[int, str], str]  # (vintage, lower-case name) → code
    lists: dict[int, set[str]] = field(default_factory=dict)  # vintage → codes of code lists


def check_codes(table: pd.DataFrame, name: str, vintage_column: str = "vintage"):
    """A later check that every (vintage, code) of `table` is in a code list or crosswalk."""

    def check(known: KnownCodes) -> list[Problem]:
        listed_years = {year for year, _ in known.pairs}
        unlisted = sorted(set(table[vintage_column].unique()) - listed_years)
        if unlisted:
            years = ", ".join(str(v) for v in unlisted[:3])
            return [Problem(name, None, "no_code_list", {"years": years})]
        return unknown_codes(table, name, "code", known.pairs, year_column=vintage_column)

    return check


def read_kommune_table(match: re.Match, path: Path, result: FileRead, kind: str,
                       columns: dict[str, tuple[str, str]], key: list[str]) -> None:
    """The common reader of a table per year and kommune: `columns` maps each file column to
    (its kind for `read_table`, our column); the vintage is the file's bYYYY or each year."""
    table, problems = read_table(path, result.name, {c: k for c, (k, _) in columns.items()}, key)
    result.problems += problems
    if table is None:
        return
    frame = table.rename(columns={c: ours for c, (_, ours) in columns.items()})
    frame["vintage"] = vintage_of(match, frame)
    result.checks.append(check_codes(frame, result.name))
    result.add(kind, frame)


def read_json(path: Path, result: FileRead, parse: Callable):
    """`parse(document)` of a JSON file, or None with the problem noted (not JSON, or the
    parser's coded error)."""
    try:
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except (UnicodeDecodeError, json.JSONDecodeError):
        result.problem(None, "file_not_json")
    except CodedError as error:
        result.problem(None, error.code, **error.values)
    return None


def vintage_of(match: re.Match, frame: pd.DataFrame, group: int = 1) -> pd.Series | int:
    """The file name's bYYYY, or each row's own year where the file is on each year's borders."""
    fixed = match.group(group)
    return int(fixed) if fixed else frame.year


REGION = re.compile(r"^(?:K-)?(\d{4})$")
TOTAL_LABEL = re.compile(r"^(i alt|alle|begge|total|sum)", re.IGNORECASE)


@dataclass
class SyncContext:
    """Shared by the fetchers of one `sync` run; what they fetch goes into `batch`."""

    pxweb: object
    klass: object
    start: int
    end: int | None
    batch: object
    progress: bool = False
    tables: dict[str, str] = field(default_factory=dict)  # dataset module → table override
    years: list[int] = field(default_factory=list)
    code_lists: dict[int, dict[str, str]] = field(default_factory=dict)
    code_changes: list[dict] = field(default_factory=list)
    metadata: dict[str, dict] = field(default_factory=dict)

    @property
    def valid(self) -> set[tuple[int, str]]:
        return {(y, c) for y, codes in self.code_lists.items() for c in codes}

    def table(self, name: str, default: str) -> str:
        return self.tables.get(name, default)

    def meta(self, table: str) -> dict:
        if table not in self.metadata:
            self.metadata[table] = self.pxweb.metadata(table)
        return self.metadata[table]

    def steps(self, items, label: str) -> Iterator:
        return tqdm(items, desc=label, unit="år", disable=not self.progress)

    def fetch(self, table: str, selection: dict[str, list[str]], label: str) -> pd.DataFrame:
        """All cells of `selection`, split by region; `code` and `year` added, empty dropped."""
        with tqdm(total=len(selection["Region"]), desc=label, unit="region",
                  disable=not self.progress) as bar:
            parts = list(self.pxweb.fetch(table, selection, "Region", bar.update))
        frame = pd.concat(parts, ignore_index=True).dropna(subset=["value"])
        frame["code"] = frame.Region.str.extract(REGION, expand=False)
        frame["year"] = frame.Tid.astype(int)
        return frame

    def keep_valid(self, frame: pd.DataFrame) -> pd.DataFrame:
        pairs = pd.Series(list(zip(frame.year, frame.code)), index=frame.index)
        return frame[pairs.isin(self.valid)]


def regions(metadata: dict) -> list[str]:
    return [code for code in dimensions(metadata)["Region"] if REGION.match(code)]


def totals_or_all(metadata: dict, skip: set[str]) -> dict[str, list[str]]:
    """For the other dimensions: the code labelled as a total where there is one, else all
    codes (summed after fetching)."""
    chosen = {}
    for name, codes in dimensions(metadata).items():
        if name in skip:
            continue
        totals = [c for c, label in labels(metadata, name).items() if TOTAL_LABEL.match(label)]
        chosen[name] = totals[:1] or codes
    return chosen


def without_totals(metadata: dict, dimension: str) -> list[str]:
    names = labels(metadata, dimension)
    return [c for c in dimensions(metadata)[dimension] if not TOTAL_LABEL.match(names.get(c, ""))]


def years_in(metadata: dict, years: list[int]) -> list[str]:
    published = set(dimensions(metadata)["Tid"])
    return [str(y) for y in years if str(y) in published]
