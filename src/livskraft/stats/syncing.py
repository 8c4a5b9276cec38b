"""`sync`: fetch code lists, centrality, population (07459) and its change components
(06913) from SSB, build one batch, and store it only when everything has arrived."""

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
