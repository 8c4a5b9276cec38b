"""Downloads of the numbers behind each chart, as CSV (UTF-8) and XLSX."""

import io

import pandas as pd
from django.http import Http404, HttpResponse

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def table_response(table: pd.DataFrame, filename: str, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404("Ukjent format")
    if fmt == "csv":
        content: bytes = table.to_csv(index=False).encode("utf-8")
    else:
        buffer = io.BytesIO()
        table.to_excel(buffer, index=False, sheet_name=filename[:31], engine="openpyxl")
        content = buffer.getvalue()
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
