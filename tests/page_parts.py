"""Read what a page shows where it shows it: a table's cells by caption, row and column."""

from lxml import html as lxml_html


def text(element) -> str:
    """The visible text of an element, its pieces (e.g. around a <br>) and whitespace (incl.
    no-break spaces) joined by one space."""
    return " ".join(" ".join(element.itertext()).replace("\u00a0", " ").split())


def document(content: bytes | str):
    return lxml_html.fromstring(content)


def table(content: bytes | str, caption: str) -> list[list[str]]:
    """The rows (header row first) of the table whose caption starts with `caption`."""
    for candidate in document(content).iter("table"):
        found = candidate.find("caption")
        if found is not None and text(found).startswith(caption):
            return [[text(cell) for cell in row if cell.tag in ("th", "td")]
                    for row in candidate.iter("tr")]
    raise AssertionError(f"no table with the caption «{caption}»")


def cell(content: bytes | str, caption: str, row: str, column: str | None = None) -> str:
    """The cell in the row whose first cell starts with `row`, under the header starting with
    `column`; without `column` (a table of label and value, no header) the row's second cell."""
    rows = table(content, caption)
    if column is None:
        index, body = 1, rows
    else:
        index = next(i for i, head in enumerate(rows[0]) if head.startswith(column))
        body = rows[1:]
    found = [r for r in body if r and r[0].startswith(row)]
    assert len(found) == 1, f"{len(found)} rows start with «{row}» in «{caption}»: {rows}"
    return found[0][index]


def column(content: bytes | str, caption: str, column_name: str) -> list[str]:
    rows = table(content, caption)
    index = next(i for i, head in enumerate(rows[0]) if head.startswith(column_name))
    return [r[index] for r in rows[1:]]
