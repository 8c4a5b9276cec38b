"""SSB 11618: employed persons 15–74 (4th quarter) by place of work and by place of
residence, and the population 15–74, per kommune on each year's own borders. Read from the
CSV conversion of statisticsnorway/pendling's data frames (Region, Kjonn, Alder,
ContentsCode, Tid, value) and stored as place indicators per kommune and year."""

from ..csv_tables import read_table
from .base import FileFormat
from .own_border_codes import check_and_repair

MEASURES = {  # ContentsCode → indicator
    "SysselArbsted": "sysselsatte_arbeidssted",
    "SysselBosted": "sysselsatte_bosted",
    "BefolkningBosted": "befolkning_15_74",
}
COLUMNS = {"Region": "code4", "ContentsCode": "text", "Tid": "int", "value": "int"}


def _jobs(match, path, result):
    table, problems = read_table(path, result.name, COLUMNS, key=["Region", "ContentsCode", "Tid"])
    result.problems += problems
    if table is None:
        return
    unknown = table.index[~table.ContentsCode.isin(MEASURES)]
    if len(unknown):
        result.rows("unknown_content", unknown, known=", ".join(MEASURES))
        return
    frame = table.rename(columns={"Region": "code", "Tid": "year"}).assign(
        indicator=table.ContentsCode.map(MEASURES), vintage=table.Tid,
        value=table.value.astype(float))
    frame = frame[["indicator", "vintage", "year", "code", "value"]]
    result.checks.append(check_and_repair(frame, ("code",), result, "indicators"))


FORMATS = [
    FileFormat(r"ssb11618_sysselsatte_arbeidssted_bosted_kommune_\d{4}_\d{4}\.csv", _jobs,
               "`ssb11618_sysselsatte_arbeidssted_bosted_kommune_YYYY_YYYY.csv`",
               "Region, Kjonn, Alder, ContentsCode (SysselArbsted, SysselBosted, "
               "BefolkningBosted), Tid, value (SSB 11618 as PxWebApiData gives it)",
               "jobs by place of work, employed by place of residence and population 15–74 "
               "per kommune and year (place indicators), on each year's borders"),
]
