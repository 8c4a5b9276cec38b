"""The one list of datasets: every module in `livskraft.sources.datasets` that declares
`DATASETS`, `FORMATS` or `fetch` (see `datasets.base`). Import, sync, storage, frames and
the format docs loop over this registry."""

import importlib
import pkgutil
import re
from functools import cache
from types import ModuleType

from . import datasets as package
from .datasets.base import Dataset, FileFormat


@cache
def modules() -> tuple[ModuleType, ...]:
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name != "base")
    return tuple(importlib.import_module(f"{package.__name__}.{name}") for name in names)


@cache
def datasets() -> dict[str, Dataset]:
    found: dict[str, Dataset] = {}
    for module in modules():
        for dataset in getattr(module, "DATASETS", []):
            if dataset.key in found:
                raise ValueError(f"dataset {dataset.key} is declared twice")
            found[dataset.key] = dataset
    return found


def dataset(key: str) -> Dataset:
    return datasets()[key]


def formats() -> list[FileFormat]:
    return [f for module in modules() for f in getattr(module, "FORMATS", [])]


def format_for(filename: str) -> tuple[FileFormat, re.Match] | None:
    for candidate in formats():
        match = re.fullmatch(candidate.pattern, filename)
        if match:
            return candidate, match
    return None


def fetchers() -> list:
    """`fetch(context)` of every module that syncs from SSB, in SYNC_ORDER."""
    chosen = [m for m in modules() if hasattr(m, "fetch")]
    return [m.fetch for m in sorted(chosen, key=lambda m: m.SYNC_ORDER)]


def formats_table() -> str:
    """The file-format table of docs/data-formats.md, in Markdown."""
    lines = ["| file name | columns | stored as |", "|---|---|---|"]
    lines += [f"| {f.name} | {f.columns} | {f.meaning} |" for f in formats()]
    return "\n".join(lines)


if __name__ == "__main__":
    print(formats_table())
