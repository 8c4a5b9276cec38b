"""Import a local directory of CSV/GeoJSON files laid out like `shared/data` (see
docs/data-formats.md). Every file is checked before anything is stored; any problem
rejects the whole import with file, line and reason."""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .batch import LoadBatch
from .csv_tables import read_table, unknown_codes
from .problems import DataRejected, Problem

AGES = 106  # 0..105, where 105 means 105 or older
CHANGE_COLUMNS = {
    "fodte": "births", "dode": "deaths", "innvandring": "immigration",
    "utvandring": "emigration", "innflytting": "domestic_in", "utflytting": "domestic_out",
}


def read_directory(
    root: Path, existing_municipalities: pd.DataFrame, existing_crosswalk: pd.DataFrame
) -> tuple[LoadBatch, list[str]]:
    """Read every recognised file under `root`. Returns the batch and the skipped files."""
    if not root.is_dir():
        raise DataRejected([Problem(str(root), None, "finnes ikke eller er ikke en mappe")])
    batch, problems, skipped = LoadBatch(), [], []
    deferred: list[Callable[[], list[Problem]]] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = str(path.relative_to(root))
        reader = _reader_for(path.name)
        if reader is None:
            skipped.append(name)
            continue
        found = reader(path, name, batch, deferred)
        problems.extend(found)
    if not problems:
        known = _known_codes(batch, existing_municipalities, existing_crosswalk)
        for check in deferred:
            problems.extend(check(known))
    if problems:
        raise DataRejected(problems)
    if batch.is_empty():
        raise DataRejected([Problem(str(root), None, "fant ingen kjente datafiler")])
    return batch, skipped


def _reader_for(filename: str):
    for pattern, reader in READERS:
        match = re.fullmatch(pattern, filename)
        if match:
            return lambda path, name, batch, deferred: reader(match, path, name, batch, deferred)
    return None


@dataclass
class KnownCodes:
    pairs: set[tuple[int, str]]  # (vintage, code)
    by_name: dict[tuple[int, str], str]  # (vintage, lower-case name) → code


def _known_codes(batch: LoadBatch, municipalities: pd.DataFrame, crosswalk: pd.DataFrame):
    listed = pd.concat([municipalities, batch.get("municipalities")])
    pairs = set(zip(listed.vintage.astype(int), listed.code))
    mapping = pd.concat([crosswalk, batch.get("crosswalk")])
    for code, first, last in zip(mapping.from_code, mapping.from_year, mapping.to_year):
        pairs.update((year, code) for year in range(int(first), int(last) + 1))
    names = pd.DataFrame({"vintage": listed.vintage.astype(int), "code": listed.code,
                          "name": listed.get("name", pd.Series("", index=listed.index))})
    names["key"] = names.name.fillna("").str.lower()
    unique = names.drop_duplicates(["vintage", "key", "code"]).groupby(["vintage", "key"])
    by_name = {k: g.code.iloc[0] for k, g in unique if len(g) == 1}
    return KnownCodes(pairs, by_name)


def _check_codes(table: pd.DataFrame, name: str, vintage_column: str):
    def check(known: KnownCodes) -> list[Problem]:
        listed_years = {year for year, _ in known.pairs}
        unlisted = sorted(set(table[vintage_column].unique()) - listed_years)
        if unlisted:
            years = ", ".join(str(v) for v in unlisted[:3])
            reason = f"ingen kodeliste for grensene {years}: legg kodelister i codes/"
            return [Problem(name, None, reason)]
        return unknown_codes(table, name, "code", known.pairs, year_column=vintage_column)

    return check


def _municipality_list(match, path, name, batch, deferred):
    vintage = int(match.group(1))
    table, problems = read_table(
        path, name,
        {"kommunenr": "code4", "kommunenavn": "text", "fylkesnr": "code2", "fylkesnavn": "text"},
        key=["kommunenr"],
    )
    if table is not None:
        frame = table.rename(columns={"kommunenr": "code", "kommunenavn": "name",
                                      "fylkesnr": "county_code", "fylkesnavn": "county_name"})
        batch.add("municipalities", frame.assign(vintage=vintage), name)
    return problems


def _ssb_code_lists(match, path, name, batch, deferred):
    table, problems = read_table(
        path, name, {"aar": "int", "kommunenr": "code4", "kommunenavn": "text"},
        key=["aar", "kommunenr"],
    )
    if table is not None:
        table = table[table.kommunenr != "9999"]
        frame = table.rename(columns={"aar": "vintage", "kommunenr": "code", "kommunenavn": "name"})
        batch.add("municipalities", frame.assign(county_code=frame.code.str[:2], county_name=""),
                  name)
    return problems


def _crosswalk(match, path, name, batch, deferred):
    pivot = int(match.group(1))
    table, problems = read_table(
        path, name,
        {"kommunenr_fra": "code4", f"kommunenr_{pivot}": "code4", "fra_aar": "int",
         "til_aar": "int", "vekt": "weight", "vekt_merknad": "text"},
        key=["kommunenr_fra", "fra_aar", f"kommunenr_{pivot}"],
    )
    if table is None:
        return problems
    backwards = table.index[table.fra_aar > table.til_aar]
    if len(backwards):
        return [Problem(name, int(i) + 2, "fra_aar er etter til_aar") for i in backwards[:5]]
    frame = table.rename(columns={"kommunenr_fra": "from_code", f"kommunenr_{pivot}": "pivot_code",
                                  "fra_aar": "from_year", "til_aar": "to_year", "vekt": "weight",
                                  "vekt_merknad": "note"})
    batch.add("crosswalk", frame.assign(pivot_vintage=pivot), name)
    return []


def _centrality(match, path, name, batch, deferred):
    table, problems = read_table(
        path, name,
        {"kommunenr": "code4", "kommunenavn_ssb": "text", "sentralitetsklasse": "int",
         "sentralitetsindeks": "int"},
        key=["kommunenr"],
    )
    if table is None:
        return problems
    bad = table.index[~table.sentralitetsklasse.between(1, 6)
                      | ~table.sentralitetsindeks.between(0, 1000)]
    if len(bad):
        return [Problem(name, int(i) + 2, "klasse må være 1–6 og indeks 0–1000") for i in bad[:5]]
    frame = table.rename(columns={"kommunenr": "code", "kommunenavn_ssb": "label",
                                  "sentralitetsklasse": "centrality_class",
                                  "sentralitetsindeks": "index"})
    batch.add("centrality", frame, name)
    return []


def _population_totals(match, path, name, batch, deferred):
    fixed = match.group(1)
    columns = {"aar": "int", "kommunenr": "code4", "personer": "int"}
    if fixed:
        columns.update({"menn": "int", "kvinner": "int", "estimert": "flag"})
    table, problems = read_table(path, name, columns, key=["aar", "kommunenr"])
    if table is None:
        return problems
    if fixed:
        wrong = table.index[table.menn + table.kvinner != table.personer]
        if len(wrong):
            return [Problem(name, int(i) + 2, "personer ≠ menn + kvinner") for i in wrong[:5]]
    frame = table.rename(columns={"aar": "year", "kommunenr": "code", "personer": "persons",
                                  "menn": "men", "kvinner": "women", "estimert": "estimated"})
    frame["vintage"] = int(fixed) if fixed else frame.year
    for column, default in (("men", None), ("women", None), ("estimated", 0)):
        if column not in frame:
            frame[column] = default
    frame["estimated"] = frame.estimated.astype(bool)
    deferred.append(_check_codes(frame, name, "vintage"))
    batch.add("population_totals", frame, name)
    return []


def _population_by_age(match, path, name, batch, deferred):
    fixed = match.group(1)
    columns = {"aar": "int", "kommunenr": "code4", "alder": "int", "personer": "int"}
    if fixed:
        columns.update({"kjonn": "text", "estimert": "flag"})
    key = ["aar", "kommunenr", "alder"] + (["kjonn"] if fixed else [])
    table, problems = read_table(path, name, columns, key=key)
    if table is None:
        return problems
    if not fixed:
        table["kjonn"], table["estimert"] = "T", 0
    bad = table.index[~table.kjonn.isin(["M", "K", "T"]) | (table.alder >= AGES)]
    if len(bad):
        reason = f"kjonn må være M eller K og alder 0–{AGES - 1}"
        return [Problem(name, int(i) + 2, reason) for i in bad[:5]]
    wide = table.pivot_table(index=["aar", "kommunenr", "kjonn"], columns="alder",
                             values="personer", aggfunc="sum")
    wide = wide.reindex(columns=range(AGES))
    incomplete = wide.index[wide.isna().any(axis=1)]
    if len(incomplete):
        return [Problem(name, None, f"mangler aldre for aar={a}, kommunenr={k}, kjonn={s}")
                for a, k, s in incomplete[:5]]
    flags = table.groupby(["aar", "kommunenr", "kjonn"]).estimert.max().reindex(wide.index)
    frame = pd.DataFrame({
        "year": wide.index.get_level_values(0),
        "code": wide.index.get_level_values(1),
        "sex": wide.index.get_level_values(2),
        "counts": wide.astype("int64").to_numpy().tolist(),
        "estimated": flags.astype(bool).to_numpy(),
    })
    frame["vintage"] = int(fixed) if fixed else frame.year
    deferred.append(_check_codes(frame, name, "vintage"))
    batch.add("population_by_age", frame, name)
    return []


def _kommune_rows(kind: str, columns: dict[str, tuple[str, str]], key: list[str]):
    """A reader for a table per year and kommune: `columns` maps the file's column to
    (its kind, our name). The vintage is the file name's bYYYY, or each row's own year."""

    def read(match, path, name, batch, deferred):
        table, problems = read_table(path, name, {c: k for c, (k, _) in columns.items()}, key)
        if table is None:
            return problems
        frame = table.rename(columns={c: ours for c, (_, ours) in columns.items()})
        fixed = match.group(1)
        frame["vintage"] = int(fixed) if fixed else frame.year
        deferred.append(_check_codes(frame, name, "vintage"))
        batch.add(kind, frame, name)
        return []

    return read


YEAR_AND_KOMMUNE = {"aar": ("int", "year"), "kommunenr": ("code4", "code")}
_population_changes = _kommune_rows(
    "population_changes",
    {**YEAR_AND_KOMMUNE, **{c: ("int", ours) for c, ours in CHANGE_COLUMNS.items()}},
    ["aar", "kommunenr"],
)
_employment = _kommune_rows(
    "employment",
    {**YEAR_AND_KOMMUNE, "naering": ("text", "industry"), "sysselsatte": ("int", "jobs")},
    ["aar", "kommunenr", "naering"],
)
_official_projection = _kommune_rows(
    "official_projection",
    {**YEAR_AND_KOMMUNE, "alternativ": ("text", "alternative"), "personer": ("int", "persons")},
    ["aar", "kommunenr", "alternativ"],
)


IMPORTED_INDICATORS = {"boligpris", "bredband", "tiltakssone", "arbeidsgiveravgift"}


def _indicator(match, path, name, batch, deferred):
    key, vintage = match.group(1), int(match.group(2))
    if key not in IMPORTED_INDICATORS:
        known = ", ".join(sorted(IMPORTED_INDICATORS))
        return [Problem(name, None, f"ukjent indikator «{key}» (kjente: {known})")]
    columns = {"aar": "int", "kommunenr": "code4", "verdi": "text"}
    table, problems = read_table(path, name, columns, key=["kommunenr"])
    if table is None:
        return problems
    values = pd.to_numeric(table.verdi.str.replace(",", ".", regex=False), errors="coerce")
    bad = table.index[values.isna()]
    if len(bad):
        return [Problem(name, int(i) + 2, f"verdi={table.at[i, 'verdi']!r} er ikke et tall")
                for i in bad[:5]]
    frame = pd.DataFrame({"indicator": key, "vintage": vintage, "year": table.aar,
                          "code": table.kommunenr, "value": values})
    deferred.append(_check_codes(frame, name, "vintage"))
    batch.add("indicators", frame, name)
    return []


def _labour_market_regions(match, path, name, batch, deferred):
    """BA-regioner: each kommune's region and travel time to its centre (minutes). The
    published files carry a few codes that were never in SSB's list for their year (e.g.
    Rindal 1567, Jevnaker 3444); such rows are matched by the kommune's name in the list of
    that vintage, and the import says so."""
    columns = {"kommunenr": "code4", "kommunenavn": "text", "ba_nr": "int", "ba_navn": "text",
               "reisetid_min": "text"}
    table, problems = read_table(path, name, columns, key=["kommunenr"])
    if table is None:
        return problems
    minutes = pd.to_numeric(table.reisetid_min, errors="coerce")
    bad = table.index[minutes.isna() | (minutes < 0)]
    if len(bad):
        return [Problem(name, int(i) + 2, "reisetid_min er ikke et tall ≥ 0") for i in bad[:5]]
    vintage = int(match.group(1))
    frame = pd.DataFrame({"indicator": "reisetid", "vintage": vintage, "year": 2020,
                          "code": table.kommunenr, "value": minutes})

    def repair_and_add(known: KnownCodes) -> list[Problem]:
        for index in frame.index:
            code, label = frame.at[index, "code"], table.at[index, "kommunenavn"]
            if (vintage, code) in known.pairs:
                continue
            match_code = known.by_name.get((vintage, label.lower()))
            if match_code is None:
                return [Problem(name, int(index) + 2, f"ukjent kommunenummer {code} ({label})")]
            frame.at[index, "code"] = match_code
            batch.notes.append(f"{name}, linje {index + 2}: {code} {label} finnes ikke i "
                               f"kodelisten for {vintage}; brukte {match_code} etter navnet")
        twice = frame.index[frame.code.duplicated()]
        if len(twice):
            return [Problem(name, int(i) + 2, f"{frame.at[i, 'code']} finnes to ganger")
                    for i in twice[:5]]
        regions = frame.assign(indicator="ba_region", value=table.ba_nr.astype(float))
        batch.add("indicators", pd.concat([frame, regions], ignore_index=True), name)
        return []

    deferred.append(repair_and_add)
    return []


def _mortality(match, path, name, batch, deferred):
    columns = {"aar": "int", "kjonn": "text", "alder": "int", "sannsynlighet": "text"}
    table, problems = read_table(path, name, columns, key=["aar", "kjonn", "alder"])
    if table is None:
        return problems
    return _rates(table.rename(columns={"kjonn": "sex", "sannsynlighet": "value"}), "mortality",
                  name, batch, upper=1.0)


def _fertility(match, path, name, batch, deferred):
    columns = {"aar": "int", "alder": "int", "fodte_per_kvinne": "text"}
    table, problems = read_table(path, name, columns, key=["aar", "alder"])
    if table is None:
        return problems
    table = table.rename(columns={"fodte_per_kvinne": "value"}).assign(sex="K")
    return _rates(table, "fertility", name, batch, upper=1.0)


def _rates(table: pd.DataFrame, kind: str, name: str, batch: LoadBatch, upper: float):
    values = pd.to_numeric(table.value, errors="coerce")
    bad = table.index[values.isna() | (values < 0) | (values > upper) | (table.alder >= AGES)
                      | ~table.sex.isin(["M", "K"])]
    if len(bad):
        reason = f"verdien må være et tall mellom 0 og {upper:g}, kjonn M/K og alder under {AGES}"
        return [Problem(name, int(i) + 2, reason) for i in bad[:5]]
    frame = table.rename(columns={"aar": "year", "alder": "age"}).assign(kind=kind,
                                                                        value=values)
    batch.add("rates", frame, name)
    return []


def _boundaries(match, path, name, batch, deferred):
    level, vintage = match.group(1), int(match.group(2))
    level = "kommune" if level == "kommuner" else "fylke"
    code_key = "kommunenummer" if level == "kommune" else "fylkesnummer"
    name_key = "kommunenavn" if level == "kommune" else "fylkesnavn"
    pattern = r"\d{4}" if level == "kommune" else r"\d{2}"
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [Problem(name, getattr(error, "lineno", None), "ugyldig GeoJSON (ikke JSON)")]
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list) or collection.get("type") != "FeatureCollection":
        return [Problem(name, None, "ikke en GeoJSON FeatureCollection")]
    rows, problems, seen = [], [], set()
    for number, feature in enumerate(features, start=1):
        properties = (feature or {}).get("properties") or {}
        geometry = (feature or {}).get("geometry") or {}
        code = str(properties.get(code_key, ""))
        if not re.fullmatch(pattern, code):
            problems.append(Problem(name, None, f"objekt {number}: mangler gyldig {code_key}"))
        elif geometry.get("type") not in ("Polygon", "MultiPolygon"):
            problems.append(Problem(name, None, f"objekt {number} ({code}): ikke et polygon"))
        elif code in seen:
            problems.append(Problem(name, None, f"objekt {number}: {code} finnes to ganger"))
        else:
            seen.add(code)
            rows.append({"level": level, "vintage": vintage, "code": code,
                         "name": str(properties.get(name_key, "")), "geometry": geometry})
        if len(problems) >= 5:
            break
    if not problems:
        batch.add("boundaries", pd.DataFrame(rows), name)
    return problems


READERS = [
    (r"kommuner_(\d{4})\.csv", _municipality_list),
    (r"ssb_kommuneliste_\d{4}_\d{4}\.csv", _ssb_code_lists),
    (r"kommunenr_til_(\d{4})\.csv", _crosswalk),
    (r"sentralitetsindeks_klass128\.csv", _centrality),
    (r"kommune_befolkning_total_(?:b(\d{4})|aarets_grenser_\d{4}_\d{4})\.csv", _population_totals),
    (r"kommune_befolkning_alder(?:_kjonn_b(\d{4})|_aarets_grenser_\d{4}_\d{4})\.csv(?:\.gz)?",
     _population_by_age),
    (r"kommune_befolkningsendringer_(?:b(\d{4})|aarets_grenser_\d{4}_\d{4})\.csv(?:\.gz)?",
     _population_changes),
    (r"(kommuner|fylker)_(\d{4})\.geojson", _boundaries),
    (r"kommune_sysselsatte_arbeidssted_(?:b(\d{4})|aarets_grenser_\d{4}_\d{4})\.csv(?:\.gz)?",
     _employment),
    (r"kommune_framskriving_ssb_b(\d{4})\.csv", _official_projection),
    (r"nasjonal_dodssannsynlighet\.csv", _mortality),
    (r"kommune_indikator_([a-z]+)_b(\d{4})\.csv", _indicator),
    (r"ba_regioner_(\d{4})\.csv", _labour_market_regions),
    (r"nasjonal_fruktbarhet\.csv", _fertility),
]
