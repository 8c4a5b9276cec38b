"""`import-data`: read a directory, check each file whole, then store the good files in one
transaction; the outcome is kept as an ImportReport."""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from livskraft.places.models import CodeCrosswalk, Municipality
from livskraft.sources.directory import read_directory
from livskraft.sources.problems import DataRejected, Problem

from .models import ImportReport
from .store import save_batch


@dataclass
class ImportResult:
    stored: dict[str, int]
    skipped: list[str]  # files of no known format
    notes: list[Problem]
    rejected: list[Problem]  # problems of the files that were left out


def import_directory(root: Path) -> ImportResult:
    municipalities = pd.DataFrame(
        list(Municipality.objects.values("vintage", "code", "name")),
        columns=["vintage", "code", "name"],
    )
    crosswalk = pd.DataFrame(
        list(CodeCrosswalk.objects.values("from_code", "from_year", "to_year")),
        columns=["from_code", "from_year", "to_year"],
    )
    try:
        read = read_directory(root, municipalities, crosswalk)
    except DataRejected as rejected:
        _report(root, {}, rejected.problems, [], [])
        raise
    result = ImportResult(save_batch(read.batch), read.skipped, read.batch.notes, read.rejected)
    _report(root, result.stored, result.rejected, result.notes, result.skipped)
    return result


def _report(root: Path, stored: dict, rejected: list[Problem], notes: list[Problem],
            skipped: list[str]) -> None:
    """Keep the outcome for the staff's view of the home page."""
    ImportReport.objects.create(directory=str(root), stored=stored, skipped=skipped,
                                refused=[_plain(p) for p in rejected],
                                notes=[_plain(p) for p in notes])


def _plain(problem: Problem) -> dict:
    return {"file": problem.file, "line": problem.line, "code": problem.code,
            "values": {key: str(value) for key, value in problem.values.items()}}
