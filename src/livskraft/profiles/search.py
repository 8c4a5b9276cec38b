"""Finding a kommune by what people type: today's name, a former name or a kommunenummer (any
vintage), with case, accents and Norwegian letters folded (Ålesund = alesund, Bærum = baerum)."""

import difflib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from livskraft.places.models import CodeCrosswalk, Municipality
from livskraft.stats.frames import data_version

FOLDED_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "đ": "d", "ŋ": "n",
                                "ŧ": "t"})
MAX_CANDIDATES = 12


def fold(text: str) -> str:
    """Lower case without accents; æ → ae, ø → o, å → a; runs of spaces and hyphens as one."""
    lowered = text.casefold().translate(FOLDED_LETTERS)
    plain = "".join(c for c in unicodedata.normalize("NFKD", lowered)
                    if not unicodedata.combining(c))
    return " ".join(plain.replace("-", " ").split())


@dataclass(frozen=True)
class Candidate:
    code: str  # today's kommunenummer
    name: str  # today's name
    county: str
    former: str = ""  # the former name or code that matched, when it is not today's
    former_vintage: int | None = None


@dataclass(frozen=True)
class Entry:
    key: str  # folded name, "name i county" or code
    candidate: Candidate
    whole_name: bool = False  # the key is a kommune's name on its own


def find(query: str) -> tuple[list[Candidate], bool]:
    """Candidates best first, and whether the search may go straight to the first: a unique
    exact name or code (one that does not also begin other names), or a single candidate."""
    entries = _index(data_version())
    key = fold(query)
    if not key:
        return [], False
    exact = _unique(e.candidate for e in entries if e.key == key)
    current = [c for c in exact if not c.former]
    if key.isdigit() and len(current) == 1:  # today's number wins over a reused old one
        return current, True
    prefix = [e.candidate for e in entries if e.key.startswith(key)]
    words = [e.candidate for e in entries if f" {key}" in f" {e.key}"]
    inside = [e.candidate for e in entries if key in e.key] if len(key) >= 3 else []
    found = _unique([*exact, *prefix, *words, *inside])
    typed = query.strip().casefold()
    found.sort(key=lambda c: (bool(c.former), not c.name.casefold().startswith(typed)))
    found = found[:MAX_CANDIDATES]
    if len(exact) == 1 and not _begins_another(key, entries):
        return exact, True
    return found, len(found) == 1


def suggestions(query: str, limit: int = 5) -> list[Candidate]:
    """Names that look like the query, for a search that found nothing."""
    entries = _index(data_version())
    keys = {e.key: e.candidate for e in entries if not e.key.isdigit()}
    close = difflib.get_close_matches(fold(query), list(keys), n=limit * 2, cutoff=0.6)
    return _unique(keys[k] for k in close)[:limit]


def _begins_another(key: str, entries: list[Entry]) -> bool:
    """"Fro" as a whole name would hide Frøya, Frogn …: a name that also begins another
    kommune's name is offered in a list."""
    return any(e.whole_name and e.key != key and e.key.startswith(key) for e in entries)


def _unique(candidates) -> list[Candidate]:
    """Each kommune once: today's name where it matched, else the first former name."""
    candidates = list(candidates)
    matched_today = {c.code for c in candidates if not c.former}
    seen, out = set(), []
    for candidate in candidates:
        if candidate.code in seen or (candidate.former and candidate.code in matched_today):
            continue
        seen.add(candidate.code)
        out.append(candidate)
    return out


@lru_cache(maxsize=2)
def _index(version: tuple) -> list[Entry]:
    rows = list(Municipality.objects.values_list("vintage", "code", "name", "county_name"))
    if not rows:
        return []
    newest = max(vintage for vintage, *_ in rows)
    today = {code: (name, county) for vintage, code, name, county in rows if vintage == newest}
    successors = _successors()
    entries = []
    for code, (name, county) in today.items():
        candidate = Candidate(code, name, county)
        entries += [Entry(code, candidate), Entry(fold(name), candidate, whole_name=True),
                    Entry(fold(f"{name} i {county}"), candidate)]
    for vintage, code, name, _county in sorted(rows, reverse=True):
        if vintage == newest:
            continue
        targets = [code] if code in today and today[code][0] == name else []
        targets = targets or successors.get((code, vintage), [])
        for target in targets:
            if target not in today:
                continue
            label = f"{name} ({code})"
            if today[target][0] != name:  # "Bø" and "Bø i Telemark" find Midt-Telemark
                candidate = Candidate(target, *today[target], former=label,
                                      former_vintage=vintage)
                entries += [Entry(key, candidate) for key in _name_keys(name, today[target][1])]
            if code != target:
                entries.append(Entry(code, Candidate(target, *today[target], former=label,
                                                     former_vintage=vintage)))
    return entries


def _name_keys(name: str, county: str) -> set[str]:
    """A former name as typed: SSB writes "Bø (Telemark)"; people write "Bø", "Bø i
    Telemark" or the whole label."""
    base, qualifier = name, ""
    if name.endswith(")") and " (" in name:
        base, qualifier = name[:-1].split(" (", 1)
    keys = {fold(name), fold(base), fold(f"{base} i {county}")}
    if qualifier:
        keys.add(fold(f"{base} i {qualifier}"))
    return keys


def _successors() -> dict[tuple[str, int], list[str]]:
    """(code, year the code was valid) → today's codes it became."""
    out: dict[tuple[str, int], list[str]] = {}
    for code, first, last, target in CodeCrosswalk.objects.values_list(
            "from_code", "from_year", "to_year", "pivot_code"):
        for year in range(max(first, 2000), last + 1):
            out.setdefault((code, year), []).append(target)
    return out
