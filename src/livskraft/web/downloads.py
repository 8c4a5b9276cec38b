"""Spreadsheet downloads that are safe to open: the one place the platform writes CSV and XLSX.

Text that people typed can start with `=`, `+`, `-`, `@`, tab or CR, which a spreadsheet
would run as a formula (OWASP's CSV injection). In CSV such a cell gets a leading `'`; in
XLSX it is written as a text cell (never a formula) marked with Excel's quote prefix, so it
stays text even when someone edits it. Numbers stay numbers."""

import datetime as dt
import io
import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
from django.http import Http404, HttpResponse

from livskraft.web.formatting import in_oslo

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def is_dangerous(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> object:
    """The value as it may stand in a CSV file."""
    return "'" + value if is_dangerous(value) else value


def csv_bytes(table: pd.DataFrame) -> bytes:
    """RFC 4180 CSV in UTF-8: CRLF line ends, so a field holding CR or LF is quoted."""
    safe = table.rename(columns=csv_cell).map(csv_cell)
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def _xlsx_value(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        value = in_oslo(value).replace(tzinfo=None)  # Excel has no time zones: Norwegian clocks
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, int | float | dt.date | dt.time | bool):
        return value
    return str(value)


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """One sheet per entry (names cut to Excel's 31 characters), header row first."""
    import openpyxl  # imported when used: a quicker cold start

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, table in sheets.items():
        sheet = book.create_sheet(name[:31])
        sheet.append([str(column) for column in table.columns])
        for row in table.itertuples(index=False):
            sheet.append([_xlsx_value(value) for value in row])
        for cells in sheet.iter_rows():
            for cell in cells:
                if cell.data_type == "f" or is_dangerous(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def file_response(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def table_response(sheets: Mapping[str, pd.DataFrame], filename: str,
                   fmt: str) -> HttpResponse:
    """A download of one table as CSV (the first sheet) or of all sheets as XLSX."""
    if fmt not in CONTENT_TYPES:
        raise Http404("Ukjent format")
    content = csv_bytes(next(iter(sheets.values()))) if fmt == "csv" else xlsx_bytes(sheets)
    return file_response(content, f"{filename}.{fmt}", CONTENT_TYPES[fmt])
