"""The numbers behind each criterion, per kommune on the newest borders, with their years.

Figures published on other borders (broadband on 2020 borders, jobs by place of work on each
year's own borders) are carried to today's through the crosswalk: counts are summed, shares
are averaged weighted by population; where a kommune was split the figure is an estimate and
is flagged as such.
"""

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from livskraft.analysis.place_ranking import percentiles
from livskraft.places.models import Boundary, Centrality, Municipality
from livskraft.profiles.search import fold
from livskraft.stats import frames
from livskraft.stats.models import PlaceIndicator, PopulationTotal
from livskraft.web.collation import sort_key

from .criteria import DEFINITIONS

KM_PER_DEGREE_LAT = 110.57
KM_PER_DEGREE_LON_AT_EQUATOR = 111.32
SHARES = ("bredband", "boligpris", "tiltakssone", "arbeidsgiveravgift", "reisetid")
JOBS_BY_WORKPLACE = "sysselsatte_arbeidssted"  # SSB 11618, stored per year on its own borders
CENTRAL_CLASSES = (1, 2)
LAND_AREA = "landareal"  # km², SSB 09280 (authoritative); else the outlines' approximate area


@dataclass
class Indicators:
    values: pd.DataFrame  # kommune code × criterion, NaN where missing
    years: dict[str, str]  # criterion → the year(s) of the figures
    estimated: dict[str, set[str]] = field(default_factory=dict)  # criterion → codes
    approximate: set[str] = field(default_factory=set)  # criteria not fit for a verdict
    scores: pd.DataFrame | None = None  # percentiles 0–100 of every criterion, for ranking
    places: pd.DataFrame | None = None  # name, county, county_name, centrality, region
    county_choices: tuple = ()  # (county code, county name)

    kommuner: frozenset = frozenset()  # valid codes
    counties: frozenset = frozenset()
    central: pd.DataFrame | None = None  # median, lower and upper quartile of class 1–2
    rows: dict = field(default_factory=dict)  # code → (name, county name, class, minutes)
    arrays: "Arrays | None" = None  # the same as plain arrays and dicts, for each request


@dataclass(frozen=True)
class Arrays:
    """What a request reads, as numpy arrays in `codes` order and plain dicts: a ranking
    with any weights is a matrix product and a few masks, with no DataFrame built."""

    codes: np.ndarray  # kommune codes, the row order of every array
    position: dict  # code → row
    scores: dict  # criterion → percentiles per row
    values: dict  # criterion → {code: value}, missing codes absent
    county: np.ndarray  # county code per row ("" where unknown)
    centrality: np.ndarray  # class per row, NaN where unknown
    travel: np.ndarray  # minutes per row, NaN where unknown
    region: np.ndarray  # labour-market region per row, NaN where unknown
    central: dict  # criterion → {"median", "lower", "upper"} of the central kommuner
    pickers: tuple  # (code, name shown in the list): county added where names repeat
    by_name: dict  # folded name, name shown or code → code


def table() -> Indicators:
    """All criteria on the newest borders; cached until new data is loaded (read-only)."""
    return _table(frames.default_borders(), frames.data_version())


@lru_cache(maxsize=2)
def _table(target: int, version: tuple) -> Indicators:
    codes = sorted(Municipality.objects.filter(vintage=target).values_list("code", flat=True))
    out = Indicators(pd.DataFrame(index=pd.Index(codes, name="code")), {})
    population = frames.population(target)
    newest = int(population.year.max())
    people = population[population.year == newest].set_index("code").persons
    earlier_rows = population[population.year == newest - 10].set_index("code")
    # an estimated count (a split kommune's share, e.g. Ålesund before 2024) is no base for growth
    earlier = earlier_rows.persons.where(~earlier_rows.estimated.astype(bool))
    out.values["befolkningsvekst"] = 100 * (people - earlier) / earlier
    out.years["befolkningsvekst"] = f"{newest - 10}–{newest}"
    _ages(out, target)
    out.values["sentralitet"] = pd.Series(dict(Centrality.objects.values_list("code", "index")))
    _jobs(out, target, population)
    _density(out, target, people, newest)
    for key in SHARES:
        series, year, estimated = _indicator_on(key, target, share=True)
        if series is not None:
            out.values[key] = series
            out.years[key] = year
            if estimated:
                out.estimated[key] = estimated
    out.values = out.values.reindex(codes)
    out.scores = percentiles(out.values, [d.criterion for d in DEFINITIONS
                                          if d.key in out.values])
    if "tiltakssone" in out.values:  # yes or no: the full weight, not a percentile of ties
        out.scores["tiltakssone"] = 100 * out.values.tiltakssone
    out.places = _places(target, codes)
    counties = out.places[["county", "county_name"]].dropna().drop_duplicates("county")
    out.county_choices = tuple(sorted(zip(counties.county, counties.county_name)))
    out.kommuner, out.counties = frozenset(codes), frozenset(counties.county)
    travel = out.values.get("reisetid", pd.Series(float("nan"), index=out.values.index))
    out.rows = {code: (name, county, None if pd.isna(klass) else int(klass),
                       None if pd.isna(minutes) else float(minutes))
                for code, name, county, klass, minutes in zip(
                    codes, out.places.name, out.places.county_name,
                    out.places.centrality_class, travel)}
    central = out.values[out.places.centrality_class.isin(CENTRAL_CLASSES)]
    out.central = pd.DataFrame({"median": central.median(), "lower": central.quantile(0.25),
                                "upper": central.quantile(0.75)})
    out.arrays = _arrays(out, travel)
    return out


def _arrays(out: Indicators, travel: pd.Series) -> Arrays:
    places = out.places
    codes = places.index.to_numpy()
    repeated = places.name.duplicated(keep=False)
    shown = places.name.where(~repeated, places.name + " (" + places.county_name + ")")
    pickers = tuple(sorted(zip(codes, shown.fillna("")), key=lambda item: sort_key(item[1])))
    by_name = {fold(name): code for code, name in zip(codes, places.name) if
               isinstance(name, str) and not repeated[code]}
    by_name |= {fold(name): code for code, name in pickers} | {c: c for c in codes}
    return Arrays(
        codes=codes, position={c: i for i, c in enumerate(codes)},
        scores={k: out.scores[k].to_numpy(dtype=float) for k in out.scores},
        values={k: out.values[k].dropna().to_dict() for k in out.values},
        county=places.county.fillna("").to_numpy(),
        centrality=places.centrality_class.to_numpy(dtype=float),
        travel=travel.reindex(places.index).to_numpy(dtype=float),
        region=places.region.to_numpy(dtype=float),
        central=out.central.to_dict("index"), pickers=pickers, by_name=by_name)


def _ages(out: Indicators, target: int) -> None:
    by_age = frames.population_by_age(target)
    if by_age.empty:
        return
    year = int(by_age.year.max())
    ages = by_age[by_age.year == year].groupby("code")[frames.AGE_COLUMNS].sum()
    total = ages.sum(axis=1)
    out.values["unge_voksne"] = 100 * ages[[f"a{a}" for a in range(20, 40)]].sum(axis=1) / total
    out.values["barn"] = 100 * ages[[f"a{a}" for a in range(0, 16)]].sum(axis=1) / total
    out.years["unge_voksne"] = out.years["barn"] = str(year)


def _jobs(out: Indicators, target: int, population: pd.DataFrame) -> None:
    """Jobs per 1000 residents: from jobs by workplace and industry when loaded, else from
    SSB 11618's employed persons by place of work."""
    jobs = frames.employment(target)
    estimated: set[str] = set()
    if not jobs.empty:
        year = int(jobs.year.max())
        local = jobs[jobs.year == year].groupby("code").jobs.sum()
    else:
        local, year_label, estimated = _indicator_on(JOBS_BY_WORKPLACE, target, share=False)
        if local is None:
            return
        year = int(year_label)
    residents = population[population.year == year].set_index("code").persons
    out.values["arbeidsplasser"] = 1000 * local / residents
    out.years["arbeidsplasser"] = str(year)
    if estimated:
        out.estimated["arbeidsplasser"] = estimated


def _density(out: Indicators, target: int, people: pd.Series, year: int) -> None:
    area, area_year, estimated = _indicator_on(LAND_AREA, target, share=False)
    if area is None:
        outlines = _areas(target)
        if not outlines:
            return
        area = pd.Series(outlines)
        out.approximate.add("natur_og_plass")
    else:
        out.years["areal"] = area_year
    out.values["natur_og_plass"] = people / area
    out.years["natur_og_plass"] = str(year)
    if estimated:
        out.estimated["natur_og_plass"] = estimated


def _indicator_on(key: str, target: int, share: bool):
    """(values on `target` borders, year label, estimated codes) from the newest stored
    vintage of the indicator, or (None, "", set()) when none is stored."""
    vintages = sorted(set(PlaceIndicator.objects.filter(indicator=key)
                          .values_list("vintage", flat=True)))
    if not vintages:
        return None, "", set()
    vintage = target if target in vintages else vintages[-1]
    rows = PlaceIndicator.objects.filter(indicator=key, vintage=vintage)
    values = pd.Series(dict(rows.values_list("code", "value")), dtype=float)
    year = ", ".join(str(y) for y in sorted(set(rows.values_list("year", flat=True))))
    if vintage == target:
        return values, year, set()
    converted, estimated = _to_borders(values, vintage, target, share)
    return converted, year, estimated


def _to_borders(values: pd.Series, vintage: int, target: int, share: bool):
    walk = frames.crosswalk()
    walk = walk[(walk.pivot_vintage == target) & (walk.from_year <= vintage)
                & (walk.to_year >= vintage) & walk.from_code.isin(values.index)]
    walk = walk.drop_duplicates(["from_code", "pivot_code"])
    unmapped = values.index.difference(walk.from_code)
    walk = pd.concat([walk, pd.DataFrame({"from_code": unmapped, "pivot_code": unmapped,
                                          "weight": 1.0})], ignore_index=True)
    walk["value"] = walk.from_code.map(values)
    estimated = set(walk.pivot_code[walk.weight < 1])
    if share:
        residents = dict(PopulationTotal.objects.filter(vintage=vintage)
                         .order_by("year").values_list("code", "persons"))
        walk["people"] = walk.from_code.map(residents).fillna(1.0) * walk.weight
        grouped = walk.assign(product=walk.value * walk.people).groupby("pivot_code")
        converted = grouped["product"].sum() / grouped["people"].sum()
    else:
        converted = walk.assign(part=walk.value * walk.weight).groupby("pivot_code").part.sum()
    return converted, estimated


def _places(target: int, codes: list[str]) -> pd.DataFrame:
    rows = Municipality.objects.filter(vintage=target).values_list(
        "code", "name", "county_code", "county_name")
    places = pd.DataFrame(list(rows), columns=["code", "name", "county", "county_name"])
    places = places.set_index("code").reindex(codes)
    places["centrality_class"] = pd.Series(
        dict(Centrality.objects.values_list("code", "centrality_class")), dtype=float)
    regions = PlaceIndicator.objects.filter(indicator="ba_region", vintage=target)
    places["region"] = pd.Series(dict(regions.values_list("code", "value")), dtype=float)
    return places


def commuting(arrays: Arrays, workplace: str) -> np.ndarray:
    """1 where a kommune shares the workplace's labour-market region, 0 elsewhere, NaN where
    the region is unknown (per row of `arrays`)."""
    regions = arrays.region
    home = regions[arrays.position[workplace]]
    if np.isnan(home):
        return np.full(len(regions), np.nan)
    return np.where(np.isnan(regions), np.nan, (regions == home).astype(float))


def _areas(vintage: int) -> dict[str, float]:
    """km² per kommune from the stored outlines (approximate: simplified, coast-clipped)."""
    return {b.code: _km2(b.geometry)
            for b in Boundary.objects.filter(level=Boundary.KOMMUNE, vintage=vintage)}


def _km2(geometry: dict) -> float:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [
        geometry["coordinates"]]
    total = 0.0
    for rings in polygons:
        for index, ring in enumerate(rings):
            points = np.asarray(ring, dtype=float)
            scale_x = KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(points[:, 1].mean()))
            x, y = points[:, 0] * scale_x, points[:, 1] * KM_PER_DEGREE_LAT
            area = abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2
            total += area if index == 0 else -area
    return total
