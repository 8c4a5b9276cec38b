"""Kommune code lists per border vintage: our CSV lists, SSB's yearly lists, and KLASS 131
(`sync`: codesAt per year, county names from KLASS 104)."""

import pandas as pd

from ..csv_tables import read_table
from ..klass import parse_version
from .base import Dataset, FileFormat, read_json

DATASETS = [Dataset("municipalities", ("vintage", "code", "name", "county_code", "county_name"),
                    "places.Municipality", replace_by=("vintage",))]
SYNC_ORDER = 10


def _municipality_list(match, path, result):
    table, problems = read_table(
        path, result.name,
        {"kommunenr": "code4", "kommunenavn": "text", "fylkesnr": "code2", "fylkesnavn": "text"},
        key=["kommunenr"],
    )
    result.problems += problems
    if table is not None:
        frame = table.rename(columns={"kommunenr": "code", "kommunenavn": "name",
                                      "fylkesnr": "county_code", "fylkesnavn": "county_name"})
        result.add("municipalities", frame.assign(vintage=int(match.group(1))))


def _ssb_code_lists(match, path, result):
    table, problems = read_table(
        path, result.name, {"aar": "int", "kommunenr": "code4", "kommunenavn": "text"},
        key=["aar", "kommunenr"],
    )
    result.problems += problems
    if table is not None:
        table = table[table.kommunenr != "9999"]
        frame = table.rename(columns={"aar": "vintage", "kommunenr": "code", "kommunenavn": "name"})
        result.add("municipalities", frame.assign(county_code=frame.code.str[:2], county_name=""))


def _klass_version(match, path, result):
    parsed = read_json(path, result, parse_version)
    if parsed is None:
        return
    year, codes = parsed
    if year != int(match.group(1)):
        result.problem(None, "version_year_differs", year=year)
        return
    frame = pd.DataFrame({"code": list(codes), "name": list(codes.values())})
    result.add("municipalities", frame.assign(vintage=year, county_code=frame.code.str[:2],
                                              county_name=""))


FORMATS = [
    FileFormat(r"kommuner_(\d{4})\.csv", _municipality_list, "`kommuner_YYYY.csv`",
               "kommunenr, kommunenavn, fylkesnr, fylkesnavn", "code list of vintage YYYY",
               precedence=30),
    FileFormat(r"ssb_kommuneliste_\d{4}_\d{4}\.csv", _ssb_code_lists, "`ssb_kommuneliste_*.csv`",
               "aar, kommunenr, kommunenavn", "code lists per year (9999 skipped)",
               precedence=20),
    FileFormat(r"131_klass-v1_version_kommuneinndeling_(\d{4})\.json", _klass_version,
               "`131_klass-v1_version_kommuneinndeling_YYYY.json`",
               "KLASS 131 `/versions/<id>` response (classificationItems, validFrom)",
               "code list of vintage YYYY (9999 skipped)", precedence=15),
]


def fetch(context) -> None:
    years = context.years
    context.code_lists = {y: context.klass.municipalities(y)
                          for y in context.steps(years, "kodelister")}
    end = years[-1]
    counties = context.klass.counties(end)
    for year, codes in context.code_lists.items():
        frame = pd.DataFrame({"code": list(codes), "name": list(codes.values())})
        frame["county_code"] = frame.code.str[:2]
        frame["county_name"] = frame.county_code.map(counties).fillna("") if year == end else ""
        context.batch.add("municipalities", frame.assign(vintage=year), f"KLASS 131 ({year})")
