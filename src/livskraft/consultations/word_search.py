"""Word search over submissions for the committee desk: the query's words (case and accents
folded, å/æ/ø kept, common Norwegian endings folded) must all occur in the submission's answers
or organisation name; hits are ranked by how often the words occur, ties newest first.

The same ranking runs on SQLite and PostgreSQL: it reads the already filtered submissions'
texts, so it costs one query over the consultation, not an index."""

import re
import unicodedata
from collections import Counter

from livskraft.analysis.text_themes import SUFFIXES

KEPT = set("åæø")
WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents, except the Norwegian letters å, æ and ø: 'Kafé' → 'kafe'."""
    out = []
    for char in unicodedata.normalize("NFC", text).casefold():
        if char in KEPT:
            out.append(char)
        else:
            out.extend(c for c in unicodedata.normalize("NFD", char)
                       if not unicodedata.combining(c))
    return "".join(out)


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    return [stem(w) for w in WORD.findall(fold(text))]


def rank(documents: list[tuple[int, object, str]], query: str) -> list[int]:
    """Ids of the (id, created, text) documents holding every word of the query, the most
    occurrences first, then the newest."""
    wanted = set(terms(query))
    if not wanted:
        return []
    scored = []
    for ident, created, text in documents:
        counts = Counter(terms(text))
        if all(counts[t] for t in wanted):
            scored.append((sum(counts[t] for t in wanted), created, ident))
    scored.sort(reverse=True)
    return [ident for _score, _created, ident in scored]
