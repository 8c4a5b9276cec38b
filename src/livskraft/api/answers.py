"""One answer, two forms: JSON (the schema's envelope) or CSV (the rows with their source in
a `kilde` column), chosen by `?format=csv` or by `Accept: text/csv`."""

import json
from typing import Literal

import pandas as pd
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from livskraft.web import attribution
from livskraft.web.downloads import CONTENT_TYPES, csv_bytes
from livskraft.web.page_cache import cached_page

Format = Literal["json", "csv"]
MEDIA_TYPES = ["application/json", "text/csv"]
CSV_CONTENT = {"text/csv": {"schema": {"type": "string"},
                            "example": "aar,folketall,estimert,kilde\r\n"}}


def wants_csv(request, fmt: Format | None) -> bool:
    if fmt is not None:
        return fmt == "csv"
    return request.get_preferred_type(MEDIA_TYPES) == "text/csv"


def answer(request, fmt: Format | None, frame: pd.DataFrame, source: attribution.Source,
           vintage: int | None, name: str, **fields):
    """The envelope for ninja to check and render, or the CSV download of the same rows."""
    frame = frame.reset_index(drop=True)
    estimated = frame.estimert.astype(bool) if "estimert" in frame else pd.Series(False)
    if wants_csv(request, fmt):
        table = attribution.with_source(frame.assign(estimert=estimated.astype(int))
                                        if "estimert" in frame else frame, source)
        response = HttpResponse(csv_bytes(table), content_type=CONTENT_TYPES["csv"])
        response["Content-Disposition"] = f'inline; filename="{name}.csv"'
        response["Link"] = f'<{attribution.LICENCE_URL}>; rel="license"'
        return response
    rows = json.loads(frame.to_json(orient="records", force_ascii=False))
    for row, flag in zip(rows, estimated):
        if "estimert" in row:
            row["estimert"] = bool(flag)
    return {"source": attribution.SSB, "ssb_tables": list(source.tables),
            "licence": attribution.LICENCE, "licence_url": attribution.LICENCE_URL,
            "attribution": source.sentence(), "computed_by_livskraft": source.computed,
            "vintage": vintage, "estimert": bool(estimated.any()), "data": rows, **fields}


def cached(view):
    """Cached like the pages (`web.page_cache`: public, ETag, keyed by the data version),
    and varying with Accept, which chooses JSON or CSV."""
    inner = cached_page(view)

    def run(request, *args, **kwargs):
        response = inner(request, *args, **kwargs)
        patch_vary_headers(response, ("Accept",))
        return response

    return run
