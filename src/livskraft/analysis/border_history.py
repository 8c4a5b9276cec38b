"""Border vintages from KLASS 131's change history: how the kommuner of one year's borders
map onto another year's, for any two years the code lists and changes cover (1977 on).

Going forward in time each year is one step: a code that lives on stays itself (weight 1; a
part it gained or lost without changing code is not in the change list); a code that ended
goes whole to its one successor (a merger or renumbering: exact) or is shared equally between
several successors (a split: an estimate). Going back, `backward` shares a later kommune out
over the earlier kommuner it was formed from, by their population; that is exact only where
one earlier kommune became it alone."""

from functools import cache

import pandas as pd

from .errors import MissingDataError


class BorderHistory:
    def __init__(self, code_lists: dict[int, set[str]], changes: pd.DataFrame):
        """`code_lists`: year → codes listed for that year's borders (years without a list
        are derived from the previous year and the changes); `changes`: `old_code, new_code,
        year` (the year the change took effect on 1 January)."""
        self.lists = {int(y): set(c) for y, c in code_lists.items() if c}
        self.changes: dict[int, dict[str, set[str]]] = {}
        for old, new, year in zip(changes.old_code, changes.new_code, changes.year):
            self.changes.setdefault(int(year), {}).setdefault(old, set()).add(new)
        self.first = min(self.lists) if self.lists else 0
        self.last = max(self.lists) if self.lists else 0

    def covers(self, *years: int) -> bool:
        return bool(self.lists) and all(self.first <= y <= self.last for y in years)

    @cache  # noqa: B019 (one history per data load, kept with the frames' cache)
    def codes(self, year: int) -> frozenset[str]:
        if year in self.lists:
            return frozenset(self.lists[year])
        if year <= self.first:
            raise MissingDataError("no_code_list_for_year", year=year)
        before = set(self.codes(year - 1))
        moved = self.changes.get(year, {})
        ended = {old for old, news in moved.items() if news - {old}}
        return frozenset((before - ended) | {n for news in moved.values() for n in news})

    @cache  # noqa: B019
    def step(self, year: int) -> tuple[tuple[str, str, float], ...]:
        """(code on year − 1 borders, code on `year` borders, share) for one year."""
        now, moved = self.codes(year), self.changes.get(year, {})
        rows = []
        for code in sorted(self.codes(year - 1)):
            successors = sorted(moved.get(code, set()) - {code})
            if code in now or not successors:
                if code in now:
                    rows.append((code, code, 1.0))
                continue  # a code that ended with no recorded successor maps nowhere
            rows += [(code, new, 1.0 / len(successors)) for new in successors]
        return tuple(rows)

    @cache  # noqa: B019
    def forward(self, start: int, end: int) -> pd.DataFrame:
        """`from_code, to_code, weight` from `start`'s borders to `end`'s (start ≤ end)."""
        shares = {(c, c): 1.0 for c in self.codes(start)}
        for year in range(start + 1, end + 1):
            successors: dict[str, list[tuple[str, float]]] = {}
            for old, new, weight in self.step(year):
                successors.setdefault(old, []).append((new, weight))
            moved: dict[tuple[str, str], float] = {}
            for (origin, code), weight in shares.items():
                for new, part in successors.get(code, []):
                    key = (origin, new)
                    moved[key] = moved.get(key, 0.0) + weight * part
            shares = moved
        return pd.DataFrame([(a, b, w) for (a, b), w in sorted(shares.items())],
                            columns=["from_code", "to_code", "weight"])


def to_vintage(frame: pd.DataFrame, values: list[str], history: BorderHistory, target: int,
               reference: pd.Series | None, keys: tuple[str, ...] = ()) -> pd.DataFrame:
    """`frame` (`vintage, year, code, *keys, *values[, estimated]`) on `target`'s borders:
    `year, code, *keys, *values, estimated`. `reference` (persons per code on the target's
    borders in the target year) shares out kommuner formed after the target year."""
    columns = ["year", "code", *keys, *values, "estimated"]
    frame = frame.assign(estimated=frame.get("estimated", False))
    parts = []
    for vintage, rows in frame.groupby("vintage"):
        vintage = int(vintage)
        if vintage == target:
            parts.append(rows[columns])
        elif vintage < target:
            parts.append(_forward(rows, values, history.forward(vintage, target))[columns])
        else:
            parts.append(_backward(rows, values, history.forward(target, vintage), target,
                                   reference)[columns])
    if not parts:
        return frame[columns]
    combined = pd.concat(parts, ignore_index=True).copy()
    groups = combined.groupby(["year", "code", *keys])
    grouped = groups[values].sum().join(groups.estimated.any()).reset_index()
    return grouped.sort_values(["year", "code", *keys], ignore_index=True)


def _all_mapped(merged: pd.DataFrame, other: str) -> None:
    unknown = sorted(set(merged.code[merged[other].isna()]))
    if unknown:
        raise MissingDataError("codes_without_history", codes=", ".join(unknown[:8]),
                               vintage=int(merged.vintage.iloc[0]))


def _forward(rows: pd.DataFrame, values: list[str], mapping: pd.DataFrame) -> pd.DataFrame:
    merged = rows.merge(mapping, left_on="code", right_on="from_code", how="left")
    _all_mapped(merged, "to_code")
    merged[values] = merged[values].mul(merged.weight, axis=0)
    merged["estimated"] = merged.estimated | (merged.weight < 1)
    return merged.assign(code=merged.to_code)


def _backward(rows, values, mapping: pd.DataFrame, target: int, reference):
    """Share each later kommune out over the target-year kommuner it came from."""
    counts = mapping.groupby("to_code").from_code.transform("count")
    shared = mapping[counts > 1]
    if not shared.empty and (reference is None or shared.from_code.map(reference).isna().any()):
        lacking = sorted(set(shared.from_code) - set(reference.index if reference is not None
                                                      else []))
        raise MissingDataError("reference_population_missing", year=target,
                               codes=", ".join(lacking[:8]))
    mapping = mapping.assign(mass=mapping.weight, several=counts > 1)
    if not shared.empty:
        several = mapping.several
        mapping.loc[several, "mass"] *= mapping.from_code[several].map(reference)
    mapping["share"] = mapping.mass / mapping.groupby("to_code").mass.transform("sum")
    merged = rows.merge(mapping, left_on="code", right_on="to_code", how="left")
    _all_mapped(merged, "from_code")
    merged[values] = merged[values].mul(merged.share, axis=0)
    merged["estimated"] = merged.estimated | merged.several
    return merged.assign(code=merged.from_code)
