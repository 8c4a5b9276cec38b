"""Parse a JSON-stat 2.0 dataset into a tidy DataFrame: one column per dimension (category
codes) and `value`. Malformed documents raise JsonStatError with the reason."""

import numpy as np
import pandas as pd


class JsonStatError(ValueError):
    pass


def _categories(dimension: dict, name: str) -> list[str]:
    try:
        category = dimension[name]["category"]
    except (KeyError, TypeError) as error:
        raise JsonStatError(f"dimensjon {name!r} mangler 'category'") from error
    index = category.get("index") if isinstance(category, dict) else None
    if index is None and isinstance(category, dict) and isinstance(category.get("label"), dict):
        return list(category["label"])
    if isinstance(index, list):
        return [str(c) for c in index]
    if isinstance(index, dict):
        try:
            ordered = sorted(index.items(), key=lambda item: int(item[1]))
        except (TypeError, ValueError) as error:
            raise JsonStatError(f"dimensjon {name!r} har ugyldig indeks") from error
        return [str(code) for code, _ in ordered]
    raise JsonStatError(f"dimensjon {name!r} har ingen kategorier")


def labels(document: dict, name: str) -> dict[str, str]:
    """Category code → label for one dimension."""
    category = document.get("dimension", {}).get(name, {}).get("category", {})
    found = category.get("label") if isinstance(category, dict) else None
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def dimensions(document: dict) -> dict[str, list[str]]:
    """Dimension id → category codes, in order."""
    if not isinstance(document, dict) or document.get("class", "dataset") != "dataset":
        raise JsonStatError("ikke et JSON-stat 2.0-datasett")
    ids, dimension = document.get("id"), document.get("dimension")
    if not isinstance(ids, list) or not isinstance(dimension, dict):
        raise JsonStatError("mangler 'id' eller 'dimension'")
    return {str(name): _categories(dimension, str(name)) for name in ids}


def to_frame(document: dict) -> pd.DataFrame:
    dims = dimensions(document)
    sizes = [len(codes) for codes in dims.values()]
    declared = document.get("size")
    if declared is not None and list(declared) != sizes:
        raise JsonStatError(f"'size' {declared} stemmer ikke med kategoriene {sizes}")
    cells = int(np.prod(sizes)) if sizes else 0
    raw = document.get("value")
    values = np.full(cells, np.nan)
    if isinstance(raw, list):
        if len(raw) != cells:
            raise JsonStatError(f"{len(raw)} verdier, men {cells} celler")
        values[:] = [np.nan if v is None else _number(v) for v in raw]
    elif isinstance(raw, dict):
        for key, v in raw.items():
            position = int(key) if str(key).isdigit() else -1
            if not 0 <= position < cells:
                raise JsonStatError(f"verdiindeks {key!r} utenfor datasettet")
            values[position] = np.nan if v is None else _number(v)
    else:
        raise JsonStatError("mangler 'value'")
    grid = np.meshgrid(*[np.array(c, dtype=object) for c in dims.values()], indexing="ij")
    frame = pd.DataFrame({name: axis.ravel() for name, axis in zip(dims, grid)})
    frame["value"] = values
    return frame


def _number(value) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise JsonStatError(f"verdien {value!r} er ikke et tall")
    return float(value)
