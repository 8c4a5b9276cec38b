"""SSB 03321: employed persons 15–74 by work kommune × home kommune (the commuting matrix),
on each year's own borders; from the R `.rds` files of statisticsnorway/pendling (read with
pyreadr) or the same columns as CSV. Only pairs with at least one person are stored."""

import io

from ..csv_tables import read_table
from .base import Dataset, FileFormat
from .own_border_codes import check_and_repair

COLUMNS = {"ArbstedKomm": "code4", "Bokommuen": "code4", "Tid": "int", "value": "int"}
DATASETS = [Dataset("commuting", ("vintage", "year", "work_code", "home_code", "persons"),
                    "stats.CommutingFlow", replace_by=("vintage", "year"))]


def _commuting(match, path, result):
    source = path
    if path.suffix == ".rds":
        source = _rds_as_csv(path, result)
        if source is None:
            return
    table, problems = read_table(source, result.name, COLUMNS,
                                 key=["ArbstedKomm", "Bokommuen", "Tid"])
    result.problems += problems
    if table is None:
        return
    table = table[table.value > 0]
    frame = table.rename(columns={"ArbstedKomm": "work_code", "Bokommuen": "home_code",
                                  "Tid": "year", "value": "persons"}).assign(vintage=table.Tid)
    frame = frame[["vintage", "year", "work_code", "home_code", "persons"]]
    result.checks.append(check_and_repair(frame, ("work_code", "home_code"), result,
                                          "commuting"))


def _rds_as_csv(path, result):
    """The .rds data frame as CSV text in memory, so it is checked like any CSV file."""
    import pyreadr  # only needed for .rds files

    try:
        frames = pyreadr.read_r(str(path))
    except (pyreadr.custom_errors.PyreadrError, pyreadr.custom_errors.LibrdataError, ValueError,
            OSError):
        result.problem(None, "unreadable_rds")
        return None
    if len(frames) != 1:
        result.problem(None, "unreadable_rds")
        return None
    return io.StringIO(next(iter(frames.values())).to_csv(index=False))


FORMATS = [
    FileFormat(r"ssb03321_pendling_arbeidssted_x_bosted_kommune_\d{4}\.(?:rds|csv)", _commuting,
               "`ssb03321_pendling_arbeidssted_x_bosted_kommune_YYYY.rds` (or `.csv`)",
               "ArbstedKomm, Bokommuen, ContentsCode, Tid, value (SSB 03321; .rds read with "
               "pyreadr)", "commuting flows work kommune × home kommune, on the year's borders"),
]
