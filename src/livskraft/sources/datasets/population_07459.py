"""Population on 1 January (SSB 07459): totals per kommune, and by sex and single-year age
0–105 (105 = 105 or older). `sync` fetches 07459 on each year's own borders."""

import pandas as pd

from ..csv_tables import read_table
from ..jsonstat import dimensions, labels
from ..ssb_errors import SsbError
from .base import Dataset, FileFormat, check_codes, regions, vintage_of

TABLE = "07459"
AGES = 106  # 0..105, where 105 means 105 or older
AGE_COLUMNS = tuple(f"a{age}" for age in range(AGES))
SYNC_ORDER = 40


def _expand_ages(rows: pd.DataFrame) -> pd.DataFrame:
    """Stored rows with a list of 106 counts → one column a0..a105 per age; men and women."""
    rows = rows[rows.sex.isin(["M", "K"])].reset_index(drop=True)
    ages = pd.DataFrame(rows.counts.tolist(), columns=list(AGE_COLUMNS), index=rows.index)
    return pd.concat([rows.drop(columns="counts"), ages], axis=1)


DATASETS = [
    Dataset("population_totals",
            ("vintage", "year", "code", "persons", "men", "women", "estimated"),
            "stats.PopulationTotal", replace_by=("vintage", "year"), values=("persons",),
            stored_fields=("vintage", "year", "code", "persons", "estimated")),
    Dataset("population_by_age", ("vintage", "year", "code", "sex", "counts", "estimated"),
            "stats.PopulationByAge", replace_by=("vintage", "year"), values=AGE_COLUMNS,
            keys=("sex",), stored_fields=("vintage", "year", "code", "sex", "counts", "estimated"),
            prepare=_expand_ages),
]


def _totals(match, path, result):
    fixed = match.group(1)
    columns = {"aar": "int", "kommunenr": "code4", "personer": "int"}
    if fixed:
        columns.update({"menn": "int", "kvinner": "int", "estimert": "flag"})
    table, problems = read_table(path, result.name, columns, key=["aar", "kommunenr"])
    result.problems += problems
    if table is None:
        return
    if fixed:
        wrong = table.index[table.menn + table.kvinner != table.personer]
        if len(wrong):
            result.rows("persons_not_men_plus_women", wrong)
            return
    frame = table.rename(columns={"aar": "year", "kommunenr": "code", "personer": "persons",
                                  "menn": "men", "kvinner": "women", "estimert": "estimated"})
    frame["vintage"] = vintage_of(match, frame)
    for column, default in (("men", None), ("women", None), ("estimated", 0)):
        if column not in frame:
            frame[column] = default
    frame["estimated"] = frame.estimated.astype(bool)
    result.checks.append(check_codes(frame, result.name))
    result.add("population_totals", frame)


def _by_age(match, path, result):
    fixed = match.group(1)
    columns = {"aar": "int", "kommunenr": "code4", "alder": "int", "personer": "int"}
    if fixed:
        columns.update({"kjonn": "text", "estimert": "flag"})
    key = ["aar", "kommunenr", "alder"] + (["kjonn"] if fixed else [])
    table, problems = read_table(path, result.name, columns, key=key)
    result.problems += problems
    if table is None:
        return
    if not fixed:
        table["kjonn"], table["estimert"] = "T", 0
    bad = table.index[~table.kjonn.isin(["M", "K", "T"]) | (table.alder >= AGES)]
    if len(bad):
        result.rows("bad_sex_or_age", bad, oldest=AGES - 1)
        return
    wide = table.pivot_table(index=["aar", "kommunenr", "kjonn"], columns="alder",
                             values="personer", aggfunc="sum")
    wide = wide.reindex(columns=range(AGES))
    incomplete = wide.index[wide.isna().any(axis=1)]
    for year, code, sex in incomplete[:5]:
        result.problem(None, "missing_ages", year=year, code=code, sex=sex)
    if len(incomplete):
        return
    flags = table.groupby(["aar", "kommunenr", "kjonn"]).estimert.max().reindex(wide.index)
    frame = pd.DataFrame({
        "year": wide.index.get_level_values(0),
        "code": wide.index.get_level_values(1),
        "sex": wide.index.get_level_values(2),
        "counts": wide.astype("int64").to_numpy().tolist(),
        "estimated": flags.astype(bool).to_numpy(),
    })
    frame["vintage"] = vintage_of(match, frame)
    result.checks.append(check_codes(frame, result.name))
    result.add("population_by_age", frame)


def _own_borders_history(match, path, result):
    """Population on each year's own borders over decades (e.g. 1986–2026). The file's codes
    and names are that year's code list where no code list is loaded for the year; years
    after the newest code list whose codes are all in it are on its borders."""
    columns = {"aar": "int", "kommunenr": "code4", "kommunenavn": "text", "personer": "int"}
    table, problems = read_table(path, result.name, columns, key=["aar", "kommunenr"])
    result.problems += problems
    if table is None:
        return
    frame = table.rename(columns={"aar": "year", "kommunenr": "code", "personer": "persons"})
    frame = frame.assign(vintage=frame.year, men=None, women=None, estimated=False)

    def lists_and_vintages(known):
        newest = max(known.lists, default=int(frame.year.max()))
        inside = frame.code.isin(known.lists.get(newest, set())).groupby(frame.year).all()
        same_borders = [year for year, alike in inside.items() if year > newest and alike]
        frame.loc[frame.year.isin(same_borders), "vintage"] = newest
        unlisted = frame[~frame.year.isin(list(known.lists)) & (frame.vintage == frame.year)]
        codes = unlisted.rename(columns={"kommunenavn": "name"}).assign(county_name="")
        codes = codes.assign(county_code=codes.code.str[:2])
        if not codes.empty:
            result.add("municipalities", codes[["vintage", "code", "name", "county_code",
                                                "county_name"]])
        found = check_codes(frame[~frame.year.isin(unlisted.year)], result.name)(known)
        if not found:
            result.add("population_totals", frame.drop(columns="kommunenavn"))
        return found

    result.checks.append(lists_and_vintages)


FORMATS = [
    FileFormat(r"kommune_befolkning_total_(?:b(\d{4})|aarets_grenser_\d{4}_\d{4})\.csv", _totals,
               "`kommune_befolkning_total_bYYYY.csv` or `…_aarets_grenser_*.csv`",
               "aar, kommunenr, personer, and for bYYYY also menn, kvinner, estimert",
               "population on YYYY borders, or on each year's own borders"),
    FileFormat(r"kommune_befolkning_total_egne_grenser_\d{4}_\d{4}\.csv", _own_borders_history,
               "`kommune_befolkning_total_egne_grenser_*.csv`",
               "aar, kommunenr, kommunenavn, personer",
               "population on each year's own borders; its codes are the code list of years "
               "with none loaded (with KLASS 131's changes: every year's borders)",
               precedence=-10),
    FileFormat(r"kommune_befolkning_alder(?:_kjonn_b(\d{4})|_aarets_grenser_\d{4}_\d{4})"
               r"\.csv(?:\.gz)?", _by_age,
               "`kommune_befolkning_alder_kjonn_bYYYY.csv(.gz)` or `…_alder_aarets_grenser_*`",
               "aar, kommunenr, alder (0–105), personer, and for bYYYY also kjonn (M/K), "
               "estimert", "population by age (and sex)"),
]


def published_years(context) -> list[int]:
    """The years 07459 has from `context.start` to `context.end` (or its newest)."""
    published = [int(y) for y in dimensions(context.meta(TABLE))["Tid"] if y.isdigit()]
    end = min(context.end or max(published), max(published))
    years = [y for y in published if context.start <= y <= end]
    if not years:
        raise SsbError("no_years", table=TABLE, start=context.start, end=end)
    return years


def fetch(context) -> None:
    metadata = context.meta(TABLE)
    dims = dimensions(metadata)
    sexes = {code: ("K" if label.lower().startswith("kvinn") else "M")
             for code, label in labels(metadata, "Kjonn").items()}
    selection = {"Region": regions(metadata), "Kjonn": dims["Kjonn"], "Alder": dims["Alder"],
                 "ContentsCode": dims["ContentsCode"][:1],
                 "Tid": [str(y) for y in context.years]}
    frame = context.keep_valid(context.fetch(TABLE, selection, "folketall"))
    frame["sex"] = frame.Kjonn.map(sexes)
    frame["age"] = frame.Alder.str.extract(r"(\d+)", expand=False).astype(int)
    # A cell SSB sends as null (with a status such as "..") is missing: the kommune's
    # figures for that year and sex are left out, never filled with zero.
    cells = frame.groupby(["year", "code", "sex"]).value.transform("count")
    frame = frame[cells == len(selection["Alder"])]
    wide = frame.pivot_table(index=["year", "code", "sex"], columns="age", values="value",
                             aggfunc="sum").reindex(columns=range(AGES), fill_value=0)
    ages = pd.DataFrame({
        "year": wide.index.get_level_values(0), "code": wide.index.get_level_values(1),
        "sex": wide.index.get_level_values(2), "counts": wide.astype(int).to_numpy().tolist(),
    })
    ages = ages.assign(vintage=ages.year, estimated=False)
    context.batch.add("population_by_age", ages, f"SSB {TABLE}")
    by_sex = frame.pivot_table(index=["year", "code"], columns="sex", values="value",
                               aggfunc="sum").reindex(columns=["M", "K"]).dropna()
    totals = pd.DataFrame({
        "year": by_sex.index.get_level_values(0), "code": by_sex.index.get_level_values(1),
        "men": by_sex.M.astype(int).to_numpy(), "women": by_sex.K.astype(int).to_numpy(),
    })
    totals = totals.assign(persons=totals.men + totals.women, vintage=totals.year,
                           estimated=False)
    context.batch.add("population_totals", totals[totals.persons > 0], f"SSB {TABLE}")
