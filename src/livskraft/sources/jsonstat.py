"""Parse a JSON-stat 2.0 dataset (as SSB's PxWebApi v2 returns it) into a tidy DataFrame:
one column per dimension (category codes), `value`, and `status` (SSB's symbol such as ".."
where a cell has one). A `null` value is missing (NaN), never zero. Malformed documents raise
JsonStatError with a code."""

import numpy as np
import pandas as pd

from livskraft.errors import CodedError


class JsonStatError(CodedError, ValueError):
    pass


def _categories(dimension: dict, name: str) -> list[str]:
    try:
        category = dimension[name]["category"]
    except (KeyError, TypeError) as error:
        raise JsonStatError("jsonstat_no_category", dimension=name) from error
    index = category.get("index") if isinstance(category, dict) else None
    if index is None and isinstance(category, dict) and isinstance(category.get("label"), dict):
        return list(category["label"])
    if isinstance(index, list):
        return [str(c) for c in index]
    if isinstance(index, dict):
        try:
            ordered = sorted(index.items(), key=lambda item: int(item[1]))
        except (TypeError, ValueError) as error:
            raise JsonStatError("jsonstat_bad_index", dimension=name) from error
        return [str(code) for code, _ in ordered]
    raise JsonStatError("jsonstat_no_categories", dimension=name)


def labels(document: dict, name: str) -> dict[str, str]:
    """Category code → label for one dimension."""
    category = document.get("dimension", {}).get(name, {}).get("category", {})
    found = category.get("label") if isinstance(category, dict) else None
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def dimensions(document: dict) -> dict[str, list[str]]:
    """Dimension id → category codes, in order."""
    if not isinstance(document, dict) or document.get("class", "dataset") != "dataset":
        raise JsonStatError("jsonstat_not_dataset")
    ids, dimension = document.get("id"), document.get("dimension")
    if not isinstance(ids, list) or not isinstance(dimension, dict):
        raise JsonStatError("jsonstat_no_id")
    return {str(name): _categories(dimension, str(name)) for name in ids}


def _cells(raw, cells: int, what: str) -> dict[int, object]:
    """Position → entry of a `value` or `status` given as a list or as an index map."""
    if isinstance(raw, list):
        if len(raw) != cells:
            raise JsonStatError("jsonstat_value_count", values=len(raw), cells=cells)
        return dict(enumerate(raw))
    if isinstance(raw, dict):
        found = {}
        for key, entry in raw.items():
            position = int(key) if str(key).isdigit() else -1
            if not 0 <= position < cells:
                raise JsonStatError("jsonstat_index_outside", key=key, part=what)
            found[position] = entry
        return found
    raise JsonStatError("jsonstat_no_value")


def to_frame(document: dict) -> pd.DataFrame:
    dims = dimensions(document)
    sizes = [len(codes) for codes in dims.values()]
    declared = document.get("size")
    if declared is not None and list(declared) != sizes:
        raise JsonStatError("jsonstat_size_mismatch", declared=declared, sizes=sizes)
    cells = int(np.prod(sizes)) if sizes else 0
    values = np.full(cells, np.nan)
    for position, entry in _cells(document.get("value"), cells, "value").items():
        values[position] = np.nan if entry is None else _number(entry)
    status = np.full(cells, None, dtype=object)
    raw_status = document.get("status")
    if isinstance(raw_status, str):  # one symbol for every cell
        status[:] = raw_status
    elif raw_status is not None:
        for position, entry in _cells(raw_status, cells, "status").items():
            status[position] = None if entry in (None, "") else str(entry)
    grid = np.meshgrid(*[np.array(c, dtype=object) for c in dims.values()], indexing="ij")
    frame = pd.DataFrame({name: axis.ravel() for name, axis in zip(dims, grid)})
    frame["value"] = values
    frame["status"] = status
    return frame


def _number(value) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise JsonStatError("jsonstat_not_number", value=value)
    return float(value)
