"""`sync`: fetch code lists, centrality, population (07459), its change components (06913),
jobs by workplace and industry, national death and fertility rates, and SSB's own kommune
projections (main and zero net immigration alternatives); build one batch, and store it only
when everything has arrived."""

import re

import pandas as pd
from django.conf import settings
from tqdm import tqdm

from livskraft.sources.batch import LoadBatch
from livskraft.sources.code_history import crosswalk_from_changes
from livskraft.sources.http import Fetcher
from livskraft.sources.jsonstat import dimensions, labels
from livskraft.sources.klass import KlassClient
from livskraft.sources.pxweb import PxWebClient, content_codes_by_label
from livskraft.sources.ssb_errors import SsbError

from .store import save_batch

POPULATION_TABLE, CHANGES_TABLE = "07459", "06913"
REGION = re.compile(r"^(?:K-)?(\d{4})$")
CHANGE_LABELS = {
    "births": ("levendefødte", "fødte"),
    "deaths": ("døde",),
    "immigration": ("innvandring",),
    "emigration": ("utvandring",),
    "domestic_in": ("innflytting", "innenlandsk innflytting"),
    "domestic_out": ("utflytting", "innenlandsk utflytting"),
}


def sync_all(start: int, end: int | None = None, progress: bool = False,
             fetcher: Fetcher | None = None) -> dict[str, int]:
    fetcher = fetcher or Fetcher(backoff=settings.SSB_RETRY_BACKOFF_SECONDS)
    klass = KlassClient(settings.SSB_KLASS_URL, fetcher)
    pxweb = PxWebClient(settings.SSB_PXWEB_URL, fetcher)
    population_meta = pxweb.metadata(POPULATION_TABLE)
    published = [int(y) for y in dimensions(population_meta)["Tid"] if y.isdigit()]
    end = min(end or max(published), max(published))
    years = [y for y in published if start <= y <= end]
    if not years:
        raise SsbError(f"SSB har ingen befolkningstall for {start}–{end}.")
    batch = LoadBatch()
    code_lists = {y: klass.municipalities(y) for y in _steps(years, "kodelister", progress)}
    counties = klass.counties(end)
    for year, codes in code_lists.items():
        frame = pd.DataFrame({"code": list(codes), "name": list(codes.values())})
        frame["county_code"] = frame.code.str[:2]
        frame["county_name"] = frame.county_code.map(counties).fillna("") if year == end else ""
        batch.add("municipalities", frame.assign(vintage=year), f"KLASS 131 ({year})")
    crosswalk = crosswalk_from_changes(
        {y: set(c) for y, c in code_lists.items()}, klass.changes(years[0], end)
    )
    batch.add("crosswalk", crosswalk, "KLASS 131, endringer")
    batch.add("centrality", pd.DataFrame(klass.centrality(end)), f"KLASS 128 ({end})")
    valid = {(y, c) for y, codes in code_lists.items() for c in codes}
    _population(pxweb, population_meta, years, valid, batch, progress)
    _changes(pxweb, years, valid, batch, progress)
    _employment(pxweb, years, valid, batch, progress)
    _rates(pxweb, end, batch)
    _official_projection(pxweb, end, set(code_lists[end]), batch, progress)
    return save_batch(batch)


def _steps(items, label: str, progress: bool):
    return tqdm(items, desc=label, unit="år", disable=not progress)


def _regions(metadata: dict) -> list[str]:
    return [code for code in dimensions(metadata)["Region"] if REGION.match(code)]


def _fetch(pxweb, table, selection, label, progress) -> pd.DataFrame:
    with tqdm(total=len(selection["Region"]), desc=label, unit="region",
              disable=not progress) as bar:
        parts = list(pxweb.fetch(table, selection, "Region", bar.update))
    frame = pd.concat(parts, ignore_index=True).dropna(subset=["value"])
    frame["code"] = frame.Region.str.extract(REGION, expand=False)
    frame["year"] = frame.Tid.astype(int)
    return frame


def _keep_valid(frame: pd.DataFrame, valid: set) -> pd.DataFrame:
    pairs = pd.Series(list(zip(frame.year, frame.code)), index=frame.index)
    return frame[pairs.isin(valid)]


def _population(pxweb, metadata, years, valid, batch, progress) -> None:
    dims = dimensions(metadata)
    sexes = {code: ("K" if label.lower().startswith("kvinn") else "M")
             for code, label in labels(metadata, "Kjonn").items()}
    content = dims["ContentsCode"][:1]
    selection = {"Region": _regions(metadata), "Kjonn": dims["Kjonn"], "Alder": dims["Alder"],
                 "ContentsCode": content, "Tid": [str(y) for y in years]}
    frame = _keep_valid(_fetch(pxweb, POPULATION_TABLE, selection, "folketall", progress), valid)
    frame["sex"] = frame.Kjonn.map(sexes)
    frame["age"] = frame.Alder.str.extract(r"(\d+)", expand=False).astype(int)
    wide = frame.pivot_table(index=["year", "code", "sex"], columns="age", values="value",
                             aggfunc="sum", fill_value=0).reindex(columns=range(106), fill_value=0)
    ages = pd.DataFrame({
        "year": wide.index.get_level_values(0), "code": wide.index.get_level_values(1),
        "sex": wide.index.get_level_values(2), "counts": wide.astype(int).to_numpy().tolist(),
    })
    ages = ages.assign(vintage=ages.year, estimated=False)
    batch.add("population_by_age", ages, f"SSB {POPULATION_TABLE}")
    by_sex = frame.pivot_table(index=["year", "code"], columns="sex", values="value",
                               aggfunc="sum", fill_value=0)
    totals = pd.DataFrame({
        "year": by_sex.index.get_level_values(0), "code": by_sex.index.get_level_values(1),
        "men": by_sex.get("M", 0).astype(int).to_numpy(),
        "women": by_sex.get("K", 0).astype(int).to_numpy(),
    })
    totals = totals.assign(persons=totals.men + totals.women, vintage=totals.year, estimated=False)
    batch.add("population_totals", totals[totals.persons > 0], f"SSB {POPULATION_TABLE}")


def _changes(pxweb, years, valid, batch, progress) -> None:
    metadata = pxweb.metadata(CHANGES_TABLE)
    codes = content_codes_by_label(metadata, CHANGE_LABELS)
    published = set(dimensions(metadata)["Tid"])
    change_years = [str(y) for y in years if str(y) in published]
    if not change_years:
        raise SsbError(f"Tabell {CHANGES_TABLE} har ingen år i {years[0]}–{years[-1]}.")
    selection = {"Region": _regions(metadata), "ContentsCode": list(codes.values()),
                 "Tid": change_years}
    frame = _keep_valid(_fetch(pxweb, CHANGES_TABLE, selection, "befolkningsendringer",
                               progress), valid)
    names = {code: name for name, code in codes.items()}
    wide = frame.assign(component=frame.ContentsCode.map(names)).pivot_table(
        index=["year", "code"], columns="component", values="value", aggfunc="sum"
    ).dropna()
    changes = wide.astype(int).reset_index()
    batch.add("population_changes", changes.assign(vintage=changes.year),
              f"SSB {CHANGES_TABLE}")


TOTAL_LABEL = re.compile(r"^(i alt|alle|begge|total|sum)", re.IGNORECASE)
FIXED_DIMENSIONS = {"Region", "ContentsCode", "Tid"}


def _totals_or_all(metadata: dict, skip: set[str]) -> dict[str, list[str]]:
    """For the other dimensions: the code labelled as a total where there is one, else all
    codes (summed after fetching)."""
    chosen = {}
    for name, codes in dimensions(metadata).items():
        if name in skip:
            continue
        totals = [c for c, label in labels(metadata, name).items() if TOTAL_LABEL.match(label)]
        chosen[name] = totals[:1] or codes
    return chosen


def _employment(pxweb, years, valid, batch, progress) -> None:
    table = settings.SSB_JOBS_TABLE
    metadata = pxweb.metadata(table)
    dims = dimensions(metadata)
    industry = next((d for d in dims if d.upper().startswith("NACE")), None)
    if industry is None:
        raise SsbError(f"Tabell {table} har ingen næringsdimensjon (NACE). Sett "
                       "LIVSKRAFT_SSB_JOBS_TABLE til en tabell over sysselsatte etter næring.")
    published = set(dims["Tid"])
    chosen_years = [str(y) for y in years if str(y) in published]
    if not chosen_years:
        raise SsbError(f"Tabell {table} har ingen år i {years[0]}–{years[-1]}.")
    selection = {"Region": _regions(metadata), industry: dims[industry],
                 "ContentsCode": dims["ContentsCode"][:1], "Tid": chosen_years,
                 **_totals_or_all(metadata, FIXED_DIMENSIONS | {industry})}
    frame = _keep_valid(_fetch(pxweb, table, selection, "sysselsatte", progress), valid)
    jobs = frame.groupby(["year", "code", industry], as_index=False).value.sum()
    jobs = jobs.rename(columns={industry: "industry", "value": "jobs"})
    jobs = jobs.assign(vintage=jobs.year, jobs=jobs.jobs.round().astype(int))
    batch.add("employment", jobs, f"SSB {table}")


def _rates(pxweb, end: int, batch) -> None:
    for kind, table, wanted in (
        ("mortality", settings.SSB_MORTALITY_TABLE, ("dødssannsynlighet",)),
        ("fertility", settings.SSB_FERTILITY_TABLE, ("fruktbarhetsrate", "aldersavhengig")),
    ):
        metadata = pxweb.metadata(table)
        content = content_codes_by_label(metadata, {"rate": wanted})["rate"]
        per_thousand = "1000" in labels(metadata, "ContentsCode")[content]
        dims = dimensions(metadata)
        year = max((y for y in dims["Tid"] if y.isdigit() and int(y) <= end), default=None)
        if year is None:
            raise SsbError(f"Tabell {table} har ingen år til og med {end}.")
        selection = {"ContentsCode": [content], "Tid": [year],
                     **_totals_or_all(metadata, {"ContentsCode", "Tid", "Kjonn", "Alder"}),
                     **{d: _without_totals(metadata, d) for d in ("Kjonn", "Alder") if d in dims}}
        frame = pd.concat(list(pxweb.fetch(table, selection, "Tid")), ignore_index=True)
        frame = frame.dropna(subset=["value"])
        rows = []
        for record in frame.itertuples():
            sex = "K" if kind == "fertility" else _sex(labels(metadata, "Kjonn"), record.Kjonn)
            for age in _ages(record.Alder):
                rows.append({"kind": kind, "year": int(year), "sex": sex, "age": age,
                             "value": record.value / (1000 if per_thousand else 1)})
        keys = ["kind", "year", "sex", "age"]
        rates = pd.DataFrame(rows).groupby(keys, as_index=False).value.sum()
        batch.add("rates", rates[rates.age < 106], f"SSB {table}")


def _without_totals(metadata: dict, dimension: str) -> list[str]:
    names = labels(metadata, dimension)
    return [c for c in dimensions(metadata)[dimension] if not TOTAL_LABEL.match(names.get(c, ""))]


def _sex(names: dict[str, str], code: str) -> str:
    return "K" if names.get(code, "").lower().startswith("kvinn") else "M"


def _ages(code: str) -> list[int]:
    """'025' → [25]; '20-24' → 20..24; '105+' → [105]."""
    numbers = [int(n) for n in re.findall(r"\d+", code)]
    if not numbers:
        return []
    return list(range(numbers[0], numbers[-1] + 1)) if len(numbers) > 1 else numbers[:1]


OFFICIAL_ALTERNATIVES = ("MMMM", "MMM0")  # SSB's main and zero-net-immigration alternatives


def _official_projection(pxweb, end: int, current: set[str], batch, progress) -> None:
    table = settings.SSB_PROJECTION_TABLE
    metadata = pxweb.metadata(table)
    dims = dimensions(metadata)
    names = labels(metadata, "ContentsCode")
    alternatives = [c for c in dims["ContentsCode"]
                    if any(a in c or a in names.get(c, "") for a in OFFICIAL_ALTERNATIVES)]
    if not alternatives:
        raise SsbError(f"Tabell {table} har ikke alternativene {', '.join(OFFICIAL_ALTERNATIVES)}.")
    regions = [c for c in _regions(metadata) if REGION.match(c).group(1) in current]
    selection = {"Region": regions, "ContentsCode": alternatives, "Tid": dims["Tid"],
                 **_totals_or_all(metadata, FIXED_DIMENSIONS)}
    frame = _fetch(pxweb, table, selection, "SSBs framskriving", progress)
    short = {c: next(a for a in OFFICIAL_ALTERNATIVES if a in c or a in names.get(c, ""))
             for c in alternatives}
    official = frame.assign(alternative=frame.ContentsCode.map(short)).groupby(
        ["year", "code", "alternative"], as_index=False).value.sum()
    official = official.assign(vintage=end, persons=official.value.round().astype(int))
    batch.add("official_projection", official, f"SSB {table}")
