"""Everything one `sync` or `import-data` run will store, held in memory until it is whole,
so a run that fails or is interrupted stores nothing."""

from dataclasses import dataclass, field

import pandas as pd

from .problems import Problem
from .registry import dataset


def empty(kind: str) -> pd.DataFrame:
    return pd.DataFrame(columns=list(dataset(kind).columns))


@dataclass
class LoadBatch:
    parts: dict[str, list[tuple[int, str, pd.DataFrame]]] = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)

    def add(self, kind: str, frame: pd.DataFrame, source: str, precedence: int = 0) -> None:
        self.parts.setdefault(kind, []).append(
            (precedence, source, frame[list(dataset(kind).columns)]))

    def get(self, kind: str) -> pd.DataFrame:
        chosen = [frame for _, _, frame in self._resolved(kind)]
        return pd.concat(chosen, ignore_index=True) if chosen else empty(kind)

    def origins(self) -> list[tuple[str, str, int]]:
        """(dataset, source, rows kept) of everything that will be stored."""
        return [(kind, source, len(frame)) for kind in self.parts
                for _, source, frame in self._resolved(kind) if len(frame)]

    def is_empty(self) -> bool:
        return not self.parts

    def _resolved(self, kind: str) -> list[tuple[int, str, pd.DataFrame]]:
        """Where several sources give rows for the same replace group (e.g. one vintage's
        code list), keep the source of higher precedence (the earlier one on a tie)."""
        parts = self.parts.get(kind, [])
        by = list(dataset(kind).replace_by)
        if len(parts) < 2 or not by:
            return parts
        order = sorted(range(len(parts)), key=lambda i: -parts[i][0])
        claimed: dict[tuple, str] = {}
        kept: dict[int, tuple[int, str, pd.DataFrame]] = {}
        for i in order:
            precedence, source, frame = parts[i]
            groups = pd.Series(list(frame[by].itertuples(index=False, name=None)),
                               index=frame.index)
            taken = groups.isin(set(claimed))
            if taken.any():
                by_sources = ", ".join(sorted({claimed[g] for g in groups[taken]}))
                note = Problem(source, None, "rows_superseded",
                               {"rows": int(taken.sum()), "by": by_sources})
                if note not in self.notes:
                    self.notes.append(note)
            claimed.update({g: source for g in set(groups[~taken])})
            kept[i] = (precedence, source, frame[~taken.to_numpy()])
        return [kept[i] for i in range(len(parts))]
