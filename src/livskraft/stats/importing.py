"""`import-data`: read a directory, check it whole, then store it in one transaction."""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from livskraft.places.models import CodeCrosswalk, Municipality
from livskraft.sources.snapshot import read_directory

from .store import save_batch


@dataclass
class ImportResult:
    stored: dict[str, int]
    skipped: list[str]
    notes: list[str]


def import_directory(root: Path) -> ImportResult:
    municipalities = pd.DataFrame(
        list(Municipality.objects.values("vintage", "code", "name")),
        columns=["vintage", "code", "name"],
    )
    crosswalk = pd.DataFrame(
        list(CodeCrosswalk.objects.values("from_code", "from_year", "to_year")),
        columns=["from_code", "from_year", "to_year"],
    )
    batch, skipped = read_directory(root, municipalities, crosswalk)
    return ImportResult(save_batch(batch), skipped, batch.notes)
