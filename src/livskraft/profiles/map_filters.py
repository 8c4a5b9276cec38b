"""The national page's filters: one county and any centrality classes, read from the link.
Kommuner left out are dropped from the tables and drawn pale on the maps."""

from dataclasses import dataclass, field

import pandas as pd

from livskraft.places.models import Centrality, Municipality

FILTERED_OUT = "#f5f5f5"
CLASSES = tuple(range(1, 7))


@dataclass(frozen=True)
class Chosen:
    county: str  # "" for every county
    classes: tuple[int, ...]  # () for every class
    counties: tuple[tuple[str, str], ...]  # (code, name) to choose from
    kept: frozenset[str] | None = None  # kommune codes shown; None: every kommune
    choices: list = field(default_factory=list)  # (class, checked) for the check boxes

    @property
    def active(self) -> bool:
        return self.kept is not None

    def rows(self, table: pd.DataFrame) -> pd.DataFrame:
        return table if self.kept is None else table[table.kommunenr.isin(self.kept)]

    def dim(self, fills: dict[str, str]) -> dict[str, str]:
        if self.kept is None:
            return fills
        return {code: colour if code in self.kept else FILTERED_OUT
                for code, colour in fills.items()}


def chosen(query, borders: int) -> Chosen:
    """Unknown counties and classes are ignored, not an error: the page shows every kommune."""
    places = Municipality.objects.filter(vintage=borders)
    counties = tuple(sorted(set(places.values_list("county_code", "county_name"))))
    county = query.get("fylke", "")
    county = county if county in dict(counties) else ""
    classes = tuple(sorted({int(c) for c in query.getlist("sentralitet")
                            if c.isdigit() and int(c) in CLASSES}))
    kept = None
    if county or classes:
        codes = places.filter(county_code=county) if county else places
        kept = set(codes.values_list("code", flat=True))
        if classes:
            kept &= set(Centrality.objects.filter(centrality_class__in=classes)
                        .values_list("code", flat=True))
        kept = frozenset(kept)
    return Chosen(county, classes, counties, kept, [(c, c in classes) for c in CLASSES])
