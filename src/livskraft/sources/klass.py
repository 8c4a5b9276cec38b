"""SSB KLASS: municipality lists (131), counties (104), code changes and centrality (128).

`parse_changes` and `parse_version` read KLASS's own documents (a `changes` list and a
`/versions/<id>` response) and are used for both `sync` and imported KLASS files."""

import re

from .http import Fetcher
from .ssb_errors import SsbError

MUNICIPALITIES, COUNTIES, CENTRALITY = 131, 104, 128
MUNICIPALITY_CODE = re.compile(r"\d{4}", re.ASCII)
UNKNOWN = "9999"  # "Uoppgitt"


def parse_changes(document) -> list[dict]:
    """`codeChanges` as dicts with old_code, old_name, new_code, new_name and `year` (the year
    of `changeOccurred`; changes take effect on 1 January)."""
    rows = document.get("codeChanges") if isinstance(document, dict) else None
    if not isinstance(rows, list):
        raise SsbError("klass_no_changes")
    changes = []
    for row in rows:
        if not isinstance(row, dict):
            continue
        old, new = str(row.get("oldCode") or ""), str(row.get("newCode") or "")
        occurred = str(row.get("changeOccurred") or "")
        if not (old and new and re.match(r"\d{4}-", occurred)):
            continue
        changes.append({"old_code": old, "old_name": str(row.get("oldName") or ""),
                        "new_code": new, "new_name": str(row.get("newName") or ""),
                        "year": int(occurred[:4])})
    return changes


def parse_version(document) -> tuple[int, dict[str, str]]:
    """(first year the version is valid, {kommune code: name}) from a `/versions/<id>`
    response; 9999 (unknown) is left out."""
    items = document.get("classificationItems") if isinstance(document, dict) else None
    valid_from = str(document.get("validFrom") or "") if isinstance(document, dict) else ""
    if not isinstance(items, list) or not re.match(r"\d{4}-", valid_from):
        raise SsbError("klass_bad_version")
    codes = {str(i.get("code")): str(i.get("name") or "") for i in items
             if isinstance(i, dict) and MUNICIPALITY_CODE.fullmatch(str(i.get("code", "")))
             and i.get("code") != UNKNOWN}
    return int(valid_from[:4]), codes


def parse_versions(document) -> list[dict]:
    """The versions listed in a `/classifications/<id>` response: id, name and the years
    they are valid from and to (`None` for the current one)."""
    versions = document.get("versions") if isinstance(document, dict) else None
    if not isinstance(versions, list):
        raise SsbError("klass_bad_version")
    found = []
    for version in versions:
        href = str(((version.get("_links") or {}).get("self") or {}).get("href", ""))
        valid_from, valid_to = str(version.get("validFrom") or ""), version.get("validTo")
        if re.search(r"/versions/\d+$", href) and re.match(r"\d{4}-", valid_from):
            found.append({"id": int(href.rsplit("/", 1)[1]), "name": str(version.get("name")),
                          "valid_from": int(valid_from[:4]),
                          "valid_to": int(str(valid_to)[:4]) if valid_to else None})
    return found


class KlassClient:
    def __init__(self, base_url: str, fetcher: Fetcher):
        self.base_url, self.fetcher = base_url.rstrip("/"), fetcher

    def codes_at(self, classification: int, year: int) -> list[dict]:
        document = self.fetcher.json(
            f"{self.base_url}/classifications/{classification}/codesAt",
            {"date": f"{year}-01-01", "language": "nb"},
        )
        codes = document.get("codes") if isinstance(document, dict) else None
        if not isinstance(codes, list):
            raise SsbError("klass_no_codes", classification=classification, year=year)
        return codes

    def municipalities(self, year: int) -> dict[str, str]:
        return {c["code"]: c["name"] for c in self.codes_at(MUNICIPALITIES, year)
                if MUNICIPALITY_CODE.fullmatch(str(c.get("code", ""))) and c["code"] != UNKNOWN}

    def counties(self, year: int) -> dict[str, str]:
        return {c["code"]: c["name"] for c in self.codes_at(COUNTIES, year)
                if re.fullmatch(r"\d{2}", str(c.get("code", "")), re.ASCII)}

    def changes(self, first: int, last: int) -> list[dict]:
        """KLASS 131's code changes from 1 January `first` to 1 January `last` (see
        `parse_changes`)."""
        return parse_changes(self.fetcher.json(
            f"{self.base_url}/classifications/{MUNICIPALITIES}/changes",
            {"from": f"{first}-01-01", "to": f"{last}-01-02"},
        ))

    def versions(self, classification: int = MUNICIPALITIES) -> list[dict]:
        return parse_versions(self.fetcher.json(
            f"{self.base_url}/classifications/{classification}", {"language": "nb"}))

    def version(self, version_id: int) -> tuple[int, dict[str, str]]:
        return parse_version(self.fetcher.json(f"{self.base_url}/versions/{version_id}",
                                               {"language": "nb"}))

    def centrality(self, year: int) -> list[dict]:
        """Kommune codes with class (parentCode) and index (notes) from KLASS 128."""
        rows = []
        for c in self.codes_at(CENTRALITY, year):
            index = re.search(r"\d+", str(c.get("notes") or ""), re.ASCII)
            if str(c.get("level")) == "2" and index and str(c.get("parentCode", "")).isdigit():
                rows.append({"code": c["code"], "centrality_class": int(c["parentCode"]),
                             "index": int(index.group()), "label": c.get("name", "")})
        if not rows:
            raise SsbError("klass_no_centrality", year=year)
        return rows
