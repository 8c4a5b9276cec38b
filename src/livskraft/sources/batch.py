"""Everything one `sync` or `import-data` run will store, held in memory until it is whole,
so a run that fails or is interrupted stores nothing."""

from dataclasses import dataclass, field

import pandas as pd

FRAMES = {
    "municipalities": ["vintage", "code", "name", "county_code", "county_name"],
    "crosswalk": ["from_code", "from_year", "to_year", "pivot_vintage", "pivot_code", "weight",
                  "note"],
    "centrality": ["code", "centrality_class", "index", "label"],
    "boundaries": ["level", "vintage", "code", "name", "geometry"],
    "population_totals": ["vintage", "year", "code", "persons", "men", "women", "estimated"],
    "population_by_age": ["vintage", "year", "code", "sex", "counts", "estimated"],
    "population_changes": ["vintage", "year", "code", "births", "deaths", "immigration",
                           "emigration", "domestic_in", "domestic_out"],
    "employment": ["vintage", "year", "code", "industry", "jobs"],
    "rates": ["kind", "year", "sex", "age", "value"],
    "official_projection": ["vintage", "year", "code", "alternative", "persons"],
    "indicators": ["indicator", "vintage", "year", "code", "value"],
}


def empty(kind: str) -> pd.DataFrame:
    return pd.DataFrame(columns=FRAMES[kind])


@dataclass
class LoadBatch:
    frames: dict[str, list[pd.DataFrame]] = field(default_factory=dict)
    origins: list[tuple[str, str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, kind: str, frame: pd.DataFrame, source: str) -> None:
        self.frames.setdefault(kind, []).append(frame[FRAMES[kind]])
        self.origins.append((kind, source, len(frame)))

    def get(self, kind: str) -> pd.DataFrame:
        parts = self.frames.get(kind)
        return pd.concat(parts, ignore_index=True) if parts else empty(kind)

    def is_empty(self) -> bool:
        return not self.frames
