"""Build a crosswalk to the newest codes from yearly code lists and KLASS change records.

A code whose unit was split between several successors without published weights is shared
equally between them; such rows carry a note and count as estimates."""

from functools import cache

import pandas as pd

EQUAL_SPLIT_NOTE = "Delt kommune: lik fordeling mellom etterfølgerne (estimat, ikke SSB-tall)"


def crosswalk_from_changes(
    code_lists: dict[int, set[str]], changes: list[tuple[str, str, int]]
) -> pd.DataFrame:
    years = sorted(code_lists)
    pivot = years[-1]
    successors: dict[tuple[str, int], list[str]] = {}
    for old, new, year in changes:
        successors.setdefault((old, year), []).append(new)

    @cache
    def resolve(code: str, year: int) -> tuple[tuple[str, float], ...]:
        for later in (y for y in years if y > year):
            news = sorted(set(successors.get((code, later), [])) - {code})
            if news and code in code_lists[later]:
                news = []  # the code lives on; only a part changed hands
            if news:
                shares: dict[str, float] = {}
                for new in news:
                    for target, weight in resolve(new, later):
                        shares[target] = shares.get(target, 0) + weight / len(news)
                return tuple(sorted(shares.items()))
            if code not in code_lists[later]:
                return ()
        return ((code, 1.0),)

    rows = []
    for code in sorted({c for codes in code_lists.values() for c in codes}):
        valid = [y for y in years if code in code_lists[y]]
        runs: list[list] = []
        for year in valid:
            footprint = resolve(code, year)
            if runs and runs[-1][2] == footprint and runs[-1][1] == year - 1:
                runs[-1][1] = year
            else:
                runs.append([year, year, footprint])
        for first, last, footprint in runs:
            for target, weight in footprint:
                rows.append({
                    "from_code": code, "from_year": first, "to_year": last,
                    "pivot_vintage": pivot, "pivot_code": target, "weight": round(weight, 6),
                    "note": EQUAL_SPLIT_NOTE if weight < 1 else "",
                })
    return pd.DataFrame(rows)
