"""Show a series on a chosen border vintage.

Every code is first mapped to the pivot vintage of the crosswalk (e.g. 2024 codes): merges
and renumberings carry weight 1, splits carry the published share (an estimate). From the
pivot to an earlier target vintage, a pivot kommune that was formed from several target
kommuner is split by their population on the target vintage's borders in the target year;
such figures are estimates and flagged so. A code whose mapping is the same in its own year
and in the target year is carried over unchanged (exact).

Input frames have columns `vintage, year, code`, the value columns, and optionally
`estimated`. The crosswalk has `from_code, from_year, to_year, pivot_vintage, pivot_code,
weight`.
"""

import pandas as pd

from .errors import MissingDataError


def codes_valid_in(crosswalk: pd.DataFrame, year: int) -> pd.DataFrame:
    """Crosswalk rows of the codes in use in `year` (one row per code and pivot code)."""
    rows = crosswalk[(crosswalk.from_year <= year) & (crosswalk.to_year >= year)]
    return rows[["from_code", "pivot_code", "weight"]]


def _exclusive_footprints(crosswalk: pd.DataFrame, years) -> pd.DataFrame:
    """`year, code, key` for codes whose pivot units receive from no other code that year;
    `key` lists the pivot codes and weights, so equal keys mean the same territory."""
    parts = []
    for year in years:
        rows = codes_valid_in(crosswalk, int(year))
        shared = rows.groupby("pivot_code").from_code.transform("count") > 1
        excluded = set(rows.from_code[shared])
        rows = rows[~rows.from_code.isin(excluded)]
        labels = rows.pivot_code + ":" + rows.weight.round(6).astype(str)
        keys = labels.groupby(rows.from_code).agg(lambda s: "|".join(sorted(s)))
        parts.append(pd.DataFrame({"year": year, "code": keys.index, "key": keys.to_numpy()}))
    return pd.concat(parts, ignore_index=True)


def to_vintage(
    frame: pd.DataFrame,
    values: list[str],
    crosswalk: pd.DataFrame,
    target: int,
    reference: pd.Series | None = None,
    keys: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Return `year, code, *keys, *values, estimated` on the borders of `target`.

    `reference` is persons per code on the target's own borders in the target year; it is
    needed only when the target is not the pivot vintage. `keys` are further columns that
    identify a row (e.g. industry) and are kept apart.
    """
    columns = ["year", "code", *keys, *values, "estimated"]
    frame = frame.copy()
    if "estimated" not in frame:
        frame["estimated"] = False
    if frame.empty:
        return frame[columns]
    pivot = int(crosswalk.pivot_vintage.max()) if not crosswalk.empty else target
    direct = frame[frame.vintage == target]
    moving = frame[frame.vintage != target]
    if not moving.empty and target != pivot:
        direct_more, moving = _split_unchanged(moving, crosswalk, target)
        direct = pd.concat([direct, direct_more])
    parts = [direct[columns]]
    if not moving.empty:
        at_pivot = _to_pivot(moving, values, crosswalk, pivot)
        if target != pivot:
            at_pivot = _from_pivot(at_pivot, values, crosswalk, target, reference)[columns]
        parts.append(at_pivot[columns])
    combined = pd.concat(parts, ignore_index=True).copy()  # .copy() consolidates the columns
    groups = combined.groupby(["year", "code", *keys])
    grouped = groups[values].sum().join(groups.estimated.any()).reset_index()
    return grouped.sort_values(["year", "code", *keys], ignore_index=True)


def _split_unchanged(moving: pd.DataFrame, crosswalk: pd.DataFrame, target: int):
    """Rows whose kommune covers the same territory in its own vintage and in the target."""
    vintages = moving.vintage.unique().tolist()
    keys = _exclusive_footprints(crosswalk, [*vintages, target])
    target_keys = keys[keys.year == target][["code", "key"]]
    same = keys[keys.year != target].merge(target_keys, on=["code", "key"])
    same = same.rename(columns={"year": "vintage"})[["vintage", "code"]].assign(unchanged=True)
    marked = moving.merge(same, on=["vintage", "code"], how="left")
    unchanged = marked.unchanged.eq(True).to_numpy()
    return marked[unchanged].drop(columns="unchanged"), moving[~unchanged]


def _to_pivot(frame: pd.DataFrame, values: list[str], crosswalk: pd.DataFrame, pivot: int):
    at_pivot = frame[frame.vintage == pivot]
    other = frame[frame.vintage != pivot]
    mapped = other.merge(crosswalk, left_on="code", right_on="from_code", how="left")
    mapped = mapped[
        mapped.from_code.isna()
        | ((mapped.from_year <= mapped.vintage) & (mapped.to_year >= mapped.vintage))
    ]
    known = other.merge(mapped[["vintage", "code"]].drop_duplicates(), how="left", indicator=True)
    missing = known[known._merge == "left_only"]
    missing = pd.concat([missing, mapped[mapped.from_code.isna()]])
    if not missing.empty:
        pairs = sorted({f"{c} ({v})" for c, v in zip(missing.code, missing.vintage)})
        sample = ", ".join(pairs[:8])
        raise MissingDataError("codes_without_crosswalk", codes=sample)
    mapped[values] = mapped[values].mul(mapped.weight, axis=0)
    mapped["estimated"] = mapped.estimated | (mapped.weight < 1)
    mapped["code"] = mapped.pivot_code
    return pd.concat([at_pivot, mapped[at_pivot.columns]], ignore_index=True)


def _from_pivot(frame, values, crosswalk, target: int, reference: pd.Series | None):
    contributors = codes_valid_in(crosswalk, target)
    if contributors.empty:
        raise MissingDataError("crosswalk_not_covering", year=target)
    if reference is None or reference.empty:
        raise MissingDataError("reference_population_missing", year=target, codes="")
    contributors = contributors.assign(people=contributors.from_code.map(reference))
    if contributors.people.isna().any():
        lacking = ", ".join(sorted(contributors[contributors.people.isna()].from_code)[:8])
        raise MissingDataError("reference_population_missing", year=target, codes=lacking)
    orphans = sorted(set(frame.code) - set(contributors.pivot_code))
    if orphans:
        raise MissingDataError("no_kommune_for", year=target, codes=", ".join(orphans[:8]))
    contributors["mass"] = contributors.people * contributors.weight
    totals = contributors.groupby("pivot_code").mass.transform("sum")
    contributors["share"] = contributors.mass / totals
    contributors["shared"] = contributors.groupby("pivot_code").from_code.transform("count") > 1
    merged = frame.merge(contributors, left_on="code", right_on="pivot_code", how="inner")
    merged[values] = merged[values].mul(merged.share, axis=0)
    merged["estimated"] = merged.estimated | merged.shared
    merged["code"] = merged.from_code
    return merged.drop(columns=["from_code", "pivot_code", "weight", "people", "mass", "share",
                                "shared"])
