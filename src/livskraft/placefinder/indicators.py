"""The numbers behind each criterion, per kommune on the newest borders, with their years."""

import math
from functools import lru_cache

import numpy as np
import pandas as pd

from livskraft.places.models import Boundary, Centrality, Municipality
from livskraft.stats import frames
from livskraft.stats.models import PlaceIndicator

KM_PER_DEGREE_LAT = 110.57
KM_PER_DEGREE_LON_AT_EQUATOR = 111.32


def table() -> tuple[pd.DataFrame, dict[str, str]]:
    """(kommune code × criterion values with NaN where missing, criterion → year label)."""
    return _table(frames.default_borders(), frames.data_version())


@lru_cache(maxsize=4)
def _table(target: int, version: tuple) -> tuple[pd.DataFrame, dict[str, str]]:
    codes = sorted(Municipality.objects.filter(vintage=target).values_list("code", flat=True))
    out = pd.DataFrame(index=pd.Index(codes, name="code"))
    years: dict[str, str] = {}
    population = frames.population(target)
    newest = int(population.year.max())
    people = population[population.year == newest].set_index("code").persons
    earlier_rows = population[population.year == newest - 10].set_index("code")
    # an estimated count (a split kommune's share, e.g. Ålesund before 2024) is no base for growth
    earlier = earlier_rows.persons.where(~earlier_rows.estimated.astype(bool))
    out["befolkningsvekst"] = 100 * (people - earlier) / earlier
    years["befolkningsvekst"] = f"{newest - 10}–{newest}"
    by_age = frames.population_by_age(target)
    if not by_age.empty:
        year = int(by_age.year.max())
        ages = by_age[by_age.year == year].groupby("code")[frames.AGE_COLUMNS].sum()
        total = ages.sum(axis=1)
        out["unge_voksne"] = 100 * ages[[f"a{a}" for a in range(20, 40)]].sum(axis=1) / total
        out["barn"] = 100 * ages[[f"a{a}" for a in range(0, 16)]].sum(axis=1) / total
        years["unge_voksne"] = years["barn"] = str(year)
    out["sentralitet"] = pd.Series(dict(Centrality.objects.values_list("code", "index")))
    jobs = frames.employment(target)
    if not jobs.empty:
        year = int(jobs.year.max())
        local = jobs[jobs.year == year].groupby("code").jobs.sum()
        residents = population[population.year == year].set_index("code").persons
        out["arbeidsplasser"] = 1000 * local / residents
        years["arbeidsplasser"] = str(year)
    area = _areas(target)
    if area:
        out["natur_og_plass"] = people / pd.Series(area)
        years["natur_og_plass"] = str(newest)
    for key in ("reisetid", "boligpris", "bredband", "tiltakssone", "arbeidsgiveravgift"):
        rows = PlaceIndicator.objects.filter(indicator=key, vintage=target)
        values = dict(rows.values_list("code", "value"))
        if values:
            out[key] = pd.Series(values)
            years[key] = ", ".join(str(y) for y in sorted(set(rows.values_list("year", flat=True))))
    return out.reindex(codes), years


def commuting(values: pd.DataFrame, workplace: str) -> pd.Series:
    """1 where a kommune shares the workplace's labour-market region, 0 elsewhere, NaN where
    the region is unknown."""
    regions = pd.Series(dict(PlaceIndicator.objects.filter(
        indicator="ba_region", vintage=frames.default_borders()).values_list("code", "value")),
        dtype=float).reindex(values.index)
    if pd.isna(regions.get(workplace)):
        return pd.Series(float("nan"), index=values.index)
    return (regions == regions[workplace]).astype(float).where(regions.notna())


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
