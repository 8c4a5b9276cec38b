"""The later code check for files on each year's own borders, with one repair: a code the
year's list does not know but the previous year's does (SSB 11618/03321 give Rindal as 1567
in 2019, the code it had until 2018; in 2019 it was 5061) is replaced by the code of the
same kommune name in the year's list, and the import notes it."""

import pandas as pd

from ..problems import Problem
from .base import FileRead, KnownCodes, check_codes


def check_and_repair(frame: pd.DataFrame, columns: tuple[str, ...], result: FileRead,
                     kind: str):
    def check(known: KnownCodes) -> list[Problem]:
        names = {(vintage, code): name for (vintage, name), code in known.by_name.items()}
        for column in columns:
            for vintage, code in {(int(v), c) for v, c in zip(frame.vintage, frame[column])
                                  if (int(v), c) not in known.pairs}:
                name = names.get((vintage - 1, code))
                used = known.by_name.get((vintage, name)) if name else None
                if used is None:
                    continue
                frame.loc[(frame.vintage == vintage) & (frame[column] == code), column] = used
                result.notes.append(Problem(result.name, None, "code_matched_by_name",
                                            {"code": code, "name": name, "vintage": vintage,
                                             "used": used}))
            found = check_codes(frame.rename(columns={column: "code"}), result.name)(known)
            if found:
                return found
        result.add(kind, frame)
        return []

    return check
