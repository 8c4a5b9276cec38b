"""SSB KLASS: municipality lists (131), counties (104), code changes and centrality (128)."""

import re

from .http import Fetcher
from .ssb_errors import SsbError

MUNICIPALITIES, COUNTIES, CENTRALITY = 131, 104, 128


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
            raise SsbError(f"KLASS {classification} for {year} mangler 'codes'.")
        return codes

    def municipalities(self, year: int) -> dict[str, str]:
        return {c["code"]: c["name"] for c in self.codes_at(MUNICIPALITIES, year)
                if re.fullmatch(r"\d{4}", str(c.get("code", ""))) and c["code"] != "9999"}

    def counties(self, year: int) -> dict[str, str]:
        return {c["code"]: c["name"] for c in self.codes_at(COUNTIES, year)
                if re.fullmatch(r"\d{2}", str(c.get("code", "")))}

    def changes(self, first: int, last: int) -> list[tuple[str, str, int]]:
        """(old code, new code, year the change took effect)."""
        document = self.fetcher.json(
            f"{self.base_url}/classifications/{MUNICIPALITIES}/changes",
            {"from": f"{first}-01-01", "to": f"{last}-01-02"},
        )
        rows = document.get("codeChanges") if isinstance(document, dict) else None
        if not isinstance(rows, list):
            raise SsbError("KLASS 131-endringer mangler 'codeChanges'.")
        return [(r["oldCode"], r["newCode"], int(r["changeOccurred"][:4])) for r in rows
                if r.get("oldCode") and r.get("newCode")]

    def centrality(self, year: int) -> list[dict]:
        """Kommune codes with class (parentCode) and index (notes) from KLASS 128."""
        rows = []
        for c in self.codes_at(CENTRALITY, year):
            index = re.search(r"\d+", str(c.get("notes") or ""))
            if str(c.get("level")) == "2" and index and str(c.get("parentCode", "")).isdigit():
                rows.append({"code": c["code"], "centrality_class": int(c["parentCode"]),
                             "index": int(index.group()), "label": c.get("name", "")})
        if not rows:
            raise SsbError(f"KLASS 128 for {year} hadde ingen kommuner med indeks.")
        return rows
