"""Norwegian alphabetical order (a–z, then æ, ø, å; accents as their letter) for kommune and
county names, in Python and in the database: one collation, `livskraft_nb`, registered on
every SQLite connection and created in PostgreSQL from ICU's nb-NO (migration web 0001)."""

import unicodedata

from django.db.models import F
from django.db.models.functions import Collate

COLLATION = "livskraft_nb"
# After z, in this order (CLDR's nb rules); ä, ö, œ are sorted with æ and ø as in Norwegian
# dictionaries. ŋ and ŧ (Sámi) come right after n and t; đ sorts as d.
LETTERS = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "œ": "|", "å": "}",
                         "ŋ": "n\x7f", "ŧ": "t\x7f", "đ": "d", "ß": "ss"})


def sort_key(text: str) -> tuple[str, str, str]:
    """Primary: letters in Norwegian order without accents or case; then accents; then case."""
    lowered = text.casefold()
    marked = lowered.translate(LETTERS)
    primary = "".join(c for c in unicodedata.normalize("NFKD", marked)
                      if not unicodedata.combining(c))
    return primary, lowered, text


def compare(left: str, right: str) -> int:
    """The SQLite collation: −1, 0 or 1."""
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def norwegian(field: str) -> Collate:
    """`queryset.order_by(norwegian("name"))`: sorted by the database in Norwegian order."""
    return Collate(F(field), COLLATION)


def register_on_sqlite(sender, connection, **kwargs) -> None:
    """`connection_created` receiver."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, compare)
