"""`import-data`: read a directory, check each file whole, then store the good files in one
transaction."""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from livskraft.places.models import CodeCrosswalk, Municipality
from livskraft.sources.directory import read_directory
from livskraft.sources.problems import Problem

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
    read = read_directory(root, municipalities, crosswalk)
    return ImportResult(save_batch(read.batch), read.skipped, read.batch.notes, read.rejected)
