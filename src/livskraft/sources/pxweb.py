"""SSB PxWebApi 2.0: table metadata and data as JSON-stat 2.0, split into requests that
stay under the API's cell limit."""

import math
from collections.abc import Callable, Iterator

import pandas as pd

from .http import Fetcher
from .jsonstat import JsonStatError, dimensions, labels, to_frame
from .ssb_errors import SsbError

CELL_LIMIT = 800_000  # PxWebApi 2.0 maxDataCells at SSB
CODES_PER_REQUEST = 150  # keeps each URL well below common length limits


class PxWebClient:
    def __init__(self, base_url: str, fetcher: Fetcher, cell_limit: int = CELL_LIMIT):
        self.base_url, self.fetcher, self.cell_limit = base_url.rstrip("/"), fetcher, cell_limit

    def metadata(self, table: str) -> dict:
        document = self.fetcher.json(
            f"{self.base_url}/tables/{table}/metadata",
            {"lang": "no", "outputFormat": "json-stat2"},
        )
        try:
            dimensions(document)
        except JsonStatError as error:
            raise SsbError("bad_metadata", table=table, reason=error.code,
                           **error.values) from error
        return document

    def plan(self, selection: dict[str, list[str]], split_on: str) -> list[dict[str, list[str]]]:
        """Split `selection` on one dimension so every request is under the cell limit."""
        others = math.prod(len(v) for k, v in selection.items() if k != split_on)
        if others > self.cell_limit:
            raise SsbError("cell_limit", dimension=split_on, cells=others, limit=self.cell_limit)
        step = max(1, min(self.cell_limit // max(others, 1), CODES_PER_REQUEST))
        codes = selection[split_on]
        return [{**selection, split_on: codes[i:i + step]} for i in range(0, len(codes), step)]

    def fetch(
        self, table: str, selection: dict[str, list[str]], split_on: str,
        progress: Callable[[int], None] = lambda n: None,
    ) -> Iterator[pd.DataFrame]:
        for part in self.plan(selection, split_on):
            params = {"lang": "no", "outputFormat": "json-stat2"}
            params.update({f"valueCodes[{k}]": ",".join(v) for k, v in part.items()})
            document = self.fetcher.json(f"{self.base_url}/tables/{table}/data", params)
            try:
                yield to_frame(document)
            except JsonStatError as error:
                raise SsbError("bad_jsonstat", table=table, reason=error.code,
                               **error.values) from error
            progress(len(part[split_on]))


def content_codes_by_label(metadata: dict, wanted: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Map our names to ContentsCode codes by the start of their Norwegian labels."""
    found: dict[str, str] = {}
    for code, label in labels(metadata, "ContentsCode").items():
        text = label.lower()
        for name, starts in wanted.items():
            if name not in found and text.startswith(starts):
                found[name] = code
    missing = sorted(set(wanted) - set(found))
    if missing:
        raise SsbError("contents_missing", names=", ".join(missing))
    return found
