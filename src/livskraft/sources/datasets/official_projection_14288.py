"""SSB's own population projection per kommune (14288 by default): the main alternative
MMMM and zero net immigration MMM0, per edition. SSB names an edition by its year, which is
also its base year (the 2024 edition starts from 1 January 2024); editions are kept side by
side, and loading one edition replaces only that edition."""

from ..csv_tables import read_table
from ..jsonstat import dimensions, labels
from ..ssb_errors import SsbError
from .base import REGION, Dataset, FileFormat, check_codes, regions, totals_or_all, vintage_of

TABLE = "14288"
SYNC_ORDER = 80
ALTERNATIVES = ("MMMM", "MMM0")  # SSB's main and zero-net-immigration alternatives
DATASETS = [Dataset("official_projection",
                    ("edition", "vintage", "year", "code", "alternative", "persons"),
                    "stats.OfficialProjection", replace_by=("edition", "vintage", "year"),
                    values=("persons",), keys=("edition", "alternative"), edition="edition")]


def _projection(match, path, result):
    columns = {"aar": "int", "kommunenr": "code4", "alternativ": "text", "personer": "int"}
    table, problems = read_table(path, result.name, columns, ["aar", "kommunenr", "alternativ"])
    result.problems += problems
    if table is None:
        return
    frame = table.rename(columns={"aar": "year", "kommunenr": "code",
                                  "alternativ": "alternative", "personer": "persons"})
    frame["vintage"] = vintage_of(match, frame, 2)
    # the edition named in the file name, else the file's first year (SSB's base year)
    frame["edition"] = int(match.group(1) or frame.year.min())
    result.checks.append(check_codes(frame, result.name))
    result.add("official_projection", frame)


FORMATS = [
    FileFormat(r"kommune_framskriving_ssb(?:_(\d{4}))?_b(\d{4})\.csv", _projection,
               "`kommune_framskriving_ssb_bYYYY.csv`, `kommune_framskriving_ssb_EEEE_bYYYY.csv`",
               "aar, kommunenr, alternativ (e.g. MMMM, MMM0), personer",
               "SSB's own projection on YYYY borders, edition EEEE (without it, the file's "
               "first year, SSB's base year); editions are kept side by side"),
]


def fetch(context) -> None:
    table = context.table("official_projection", TABLE)
    end = context.years[-1]
    current = set(context.code_lists[end])
    metadata = context.meta(table)
    dims = dimensions(metadata)
    names = labels(metadata, "ContentsCode")
    alternatives = [c for c in dims["ContentsCode"]
                    if any(a in c or a in names.get(c, "") for a in ALTERNATIVES)]
    if not alternatives:
        raise SsbError("alternatives_missing", table=table, alternatives=", ".join(ALTERNATIVES))
    chosen = [c for c in regions(metadata) if REGION.match(c).group(1) in current]
    selection = {"Region": chosen, "ContentsCode": alternatives, "Tid": dims["Tid"],
                 **totals_or_all(metadata, {"Region", "ContentsCode", "Tid"})}
    frame = context.fetch(table, selection, "SSBs framskriving")
    short = {c: next(a for a in ALTERNATIVES if a in c or a in names.get(c, ""))
             for c in alternatives}
    official = frame.assign(alternative=frame.ContentsCode.map(short)).groupby(
        ["year", "code", "alternative"], as_index=False).value.sum()
    official = official.assign(vintage=end, edition=min(int(y) for y in dims["Tid"]),
                               persons=official.value.round().astype(int))
    context.batch.add("official_projection", official, f"SSB {table}")
