"""BA-regioner (labour-market regions): each kommune's region and travel time to its centre
in minutes, stored as place indicators `ba_region` and `reisetid`."""

import pandas as pd

from ..csv_tables import read_table
from ..problems import Problem
from .base import FileFormat


def _regions(match, path, result):
    """The published files carry a few codes that were never in SSB's list for their year
    (e.g. Rindal 1567, Jevnaker 3444); such rows are matched by the kommune's name in the
    list of that vintage, and the import notes it."""
    columns = {"kommunenr": "code4", "kommunenavn": "text", "ba_nr": "int", "ba_navn": "text",
               "reisetid_min": "text"}
    table, problems = read_table(path, result.name, columns, key=["kommunenr"])
    result.problems += problems
    if table is None:
        return
    minutes = pd.to_numeric(table.reisetid_min, errors="coerce")
    bad = table.index[minutes.isna() | (minutes < 0)]
    if len(bad):
        result.rows("bad_travel_time", bad)
        return
    vintage = int(match.group(1))
    frame = pd.DataFrame({"indicator": "reisetid", "vintage": vintage, "year": 2020,
                          "code": table.kommunenr, "value": minutes})

    def repair_and_add(known) -> list[Problem]:
        for index in frame.index:
            code, label = frame.at[index, "code"], table.at[index, "kommunenavn"]
            if (vintage, code) in known.pairs:
                continue
            match_code = known.by_name.get((vintage, label.lower()))
            if match_code is None:
                return [Problem(result.name, int(index) + 2, "unknown_code_named",
                                {"code": code, "name": label})]
            frame.at[index, "code"] = match_code
            result.notes.append(Problem(result.name, int(index) + 2, "code_matched_by_name",
                                        {"code": code, "name": label, "vintage": vintage,
                                         "used": match_code}))
        twice = frame.index[frame.code.duplicated()]
        if len(twice):
            return [Problem(result.name, int(i) + 2, "code_twice", {"code": frame.at[i, "code"]})
                    for i in twice[:5]]
        regions = frame.assign(indicator="ba_region", value=table.ba_nr.astype(float))
        result.add("indicators", pd.concat([frame, regions], ignore_index=True))
        return []

    result.checks.append(repair_and_add)


FORMATS = [
    FileFormat(r"ba_regioner_(\d{4})\.csv", _regions, "`ba_regioner_YYYY.csv`",
               "kommunenr, kommunenavn, ba_nr, ba_navn, reisetid_min",
               "travel time to the labour-market region's centre; codes not in the vintage's "
               "list are matched by name and reported"),
]
