"""`import-data`: read a directory, check it whole, then store it in one transaction."""

from pathlib import Path

import pandas as pd

from livskraft.places.models import CodeCrosswalk, Municipality
from livskraft.sources.snapshot import read_directory

from .store import save_batch


def import_directory(root: Path) -> tuple[dict[str, int], list[str]]:
    municipalities = pd.DataFrame(
        list(Municipality.objects.values("vintage", "code")), columns=["vintage", "code"]
    )
    crosswalk = pd.DataFrame(
        list(CodeCrosswalk.objects.values("from_code", "from_year", "to_year")),
        columns=["from_code", "from_year", "to_year"],
    )
    batch, skipped = read_directory(root, municipalities, crosswalk)
    return save_batch(batch), skipped
