"""Import a local directory of CSV/GeoJSON/JSON files laid out like `shared/data` (see
docs/data-formats.md). Each file is read by the format the registry finds for its name and
checked whole: a file with any problem is left out (with file, line and reason) and the rest
is imported, so one new or bad file never stops the others."""

import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import registry
from .batch import LoadBatch
from .datasets.base import FileRead, KnownCodes
from .problems import DataRejected, Problem


@dataclass
class DirectoryRead:
    batch: LoadBatch
    skipped: list[str] = field(default_factory=list)  # files of no known format
    rejected: list[Problem] = field(default_factory=list)  # problems of files left out


def _files(root: Path) -> list[Path]:
    """Every file under `root`, following symlinked folders (pathlib's rglob does not)."""
    found = [Path(folder) / name
             for folder, _dirs, names in os.walk(root, followlinks=True) for name in names]
    return sorted(p for p in found if p.is_file())


def read_directory(
    root: Path, existing_municipalities: pd.DataFrame, existing_crosswalk: pd.DataFrame
) -> DirectoryRead:
    """Read every recognised file under `root`; raises DataRejected only when nothing at
    all can be imported."""
    if not root.is_dir():
        raise DataRejected([Problem(str(root), None, "not_a_directory")])
    skipped, reads = [], []
    for path in _files(root):
        name = str(path.relative_to(root))
        found = registry.format_for(path.name)
        if found is None:
            skipped.append(name)
            continue
        file_format, match = found
        result = FileRead(name, precedence=file_format.precedence)
        try:
            file_format.read(match, path, result)
        except Exception as error:  # a reader must not stop the other files (e.g. bad .gz)
            result.problem(None, "unreadable", error=type(error).__name__)
        reads.append(result)
    accepted = [r for r in reads if not r.problems]
    known = _known_codes(accepted, existing_municipalities, existing_crosswalk)
    for result in accepted:
        for check in result.checks:
            result.problems.extend(check(known))
    batch = LoadBatch()
    rejected = [p for r in reads for p in r.problems]
    for result in reads:
        if result.problems:
            continue
        batch.notes.extend(result.notes)
        for kind, frames in result.frames.items():
            for frame in frames:
                batch.add(kind, frame, result.name, result.precedence)
    if batch.is_empty():
        raise DataRejected(rejected or [Problem(str(root), None, "no_known_files")])
    return DirectoryRead(batch, skipped, rejected)


def _frames(reads: list[FileRead], kind: str) -> list[pd.DataFrame]:
    return [frame for r in reads for frame in r.frames.get(kind, [])]


def _known_codes(reads: list[FileRead], municipalities: pd.DataFrame,
                 crosswalk: pd.DataFrame) -> KnownCodes:
    listed = pd.concat([municipalities, *_frames(reads, "municipalities")], ignore_index=True)
    pairs = set(zip(listed.vintage.astype(int), listed.code))
    mapping = pd.concat([crosswalk, *_frames(reads, "crosswalk")], ignore_index=True)
    for code, first, last in zip(mapping.from_code, mapping.from_year, mapping.to_year):
        pairs.update((year, code) for year in range(int(first), int(last) + 1))
    names = pd.DataFrame({"vintage": listed.vintage.astype(int), "code": listed.code,
                          "name": listed.get("name", pd.Series("", index=listed.index))})
    names["key"] = names.name.fillna("").str.lower()
    unique = names.drop_duplicates(["vintage", "key", "code"]).groupby(["vintage", "key"])
    by_name = {k: g.code.iloc[0] for k, g in unique if len(g) == 1}
    lists = {int(v): set(g.code) for v, g in listed.groupby("vintage")}
    return KnownCodes(pairs, by_name, lists)
