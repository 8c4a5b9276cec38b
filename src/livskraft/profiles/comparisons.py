"""The kommune page's comparisons: population growth as an index (start year = 100) beside the
county, the kommuner of the same centrality class (median and middle half), the country and up
to five kommuner the planner picks (the neighbours by default, from the stored outlines); and
a locator map of the kommune with its neighbours."""

import math
from functools import lru_cache

import pandas as pd
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from livskraft.analysis.errors import MissingDataError
from livskraft.places.models import Boundary, Centrality, Municipality
from livskraft.stats import frames
from livskraft.web.formatting import decimal

from . import charts, search

MAX_CHOSEN = 5
NEAREST = 4
MAP_WIDTH, MAP_HEIGHT = 320, 320


def chosen_codes(raw: str, code: str, vintage: int) -> list[str]:
    """Codes from what the planner typed (codes or names, comma-separated); the neighbours
    when nothing was typed."""
    if not raw.strip():
        return neighbours(code, vintage)[:MAX_CHOSEN]
    found = []
    for token in raw.split(","):
        candidates, exact = search.find(token.strip())
        if candidates and (exact or len(candidates) == 1) and candidates[0].code != code:
            found.append(candidates[0].code)
    return list(dict.fromkeys(found))[:MAX_CHOSEN]


def neighbours(code: str, vintage: int) -> list[str]:
    return _adjacency(_outline_vintage(vintage), frames.data_version()).get(code, [])


def _outline_vintage(vintage: int) -> int:
    stored = sorted(set(Boundary.objects.filter(level=Boundary.KOMMUNE)
                        .values_list("vintage", flat=True)))
    if not stored:
        return vintage
    return vintage if vintage in stored else min(stored, key=lambda v: abs(v - vintage))


@lru_cache(maxsize=4)
def _adjacency(vintage: int, version: tuple) -> dict[str, list[str]]:
    """Kommuner whose outlines share at least two points (a stretch of border), sorted by
    code. The outlines come from one simplified map, so shared borders share vertices. A
    kommune that touches none (an island) gets its nearest kommuner by centre point."""
    owners: dict[tuple[float, float], set[str]] = {}
    centres: dict[str, tuple[float, float]] = {}
    for code, geometry in Boundary.objects.filter(level=Boundary.KOMMUNE, vintage=vintage) \
            .values_list("code", "geometry"):
        points = [point for ring in _rings(geometry) for point in ring]
        centres[code] = (sum(p[0] for p in points) / len(points),
                         sum(p[1] for p in points) / len(points))
        for lon, lat in points:
            owners.setdefault((round(lon, 4), round(lat, 4)), set()).add(code)
    shared: dict[tuple[str, str], int] = {}
    for codes in owners.values():
        if len(codes) > 1:
            for a in codes:
                for b in codes:
                    if a < b:
                        shared[(a, b)] = shared.get((a, b), 0) + 1
    out: dict[str, list[str]] = {}
    for (a, b), count in shared.items():
        if count >= 2:
            out.setdefault(a, []).append(b)
            out.setdefault(b, []).append(a)
    out = {code: sorted(found) for code, found in out.items()}
    # islands touch no one on a coast-clipped map: their nearest kommuner stand in
    for code, centre in centres.items():
        if code not in out:
            out[code] = sorted(sorted((c for c in centres if c != code),
                                      key=lambda c: _distance(centre, centres[c]))[:NEAREST])
    return out


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    middle = math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * middle, a[1] - b[1])


def _rings(geometry: dict) -> list[list[list[float]]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [
        geometry["coordinates"]]
    return [ring for polygon in polygons for ring in polygon]


def growth_table(code: str, start: int, end: int, borders: int,
                 chosen: list[str]) -> pd.DataFrame:
    """Long table: `aar, serie, kommunenr, indeks, folketall`, one row per series and year.
    `indeks` = 100 × persons / persons in `start`; the centrality class gives its median
    (`serie` = klasse_median) and quartiles (klasse_p25, klasse_p75) of the kommuner's
    indices, with no `folketall`."""
    population = frames.population(borders)
    years = population[(population.year >= start) & (population.year <= end)]
    wide = years.pivot_table(index="year", columns="code", values="persons", aggfunc="sum")
    if code not in wide or pd.isna(wide[code].iloc[0]):
        raise MissingDataError("no population for the kommune in the start year")
    places = dict(Municipality.objects.filter(vintage=borders).values_list("code",
                                                                            "county_code"))
    if not places:
        places = {c: c[:2] for c in wide.columns}
    county = [c for c in wide.columns if places.get(c) == places.get(code)]
    classes = dict(Centrality.objects.values_list("code", "centrality_class"))
    peers = [c for c in wide.columns if classes.get(c) == classes.get(code)]
    rows = []

    def add(series: str, kommunenr: str, persons: pd.Series) -> None:
        for year, value in persons.items():
            rows.append({"aar": int(year), "serie": series, "kommunenr": kommunenr,
                         "indeks": 100 * value / persons.iloc[0], "folketall": value})

    add("kommune", code, wide[code])
    add("fylke", places.get(code, ""), wide[county].sum(axis=1))
    add("landet", "", wide.sum(axis=1))
    if classes.get(code) is not None:
        index = 100 * wide[peers] / wide[peers].iloc[0]
        for name, quantile in (("klasse_median", 0.5), ("klasse_p25", 0.25),
                               ("klasse_p75", 0.75)):
            for year, value in index.quantile(quantile, axis=1).items():
                rows.append({"aar": int(year), "serie": name,
                             "kommunenr": f"klasse {classes[code]}", "indeks": value,
                             "folketall": None})
    for other in chosen:
        if other in wide and not pd.isna(wide[other].iloc[0]):
            add("valgt", other, wide[other])
    table = pd.DataFrame(rows)
    table["indeks"] = table.indeks.round(1)
    table["folketall"] = table.folketall.round().astype("Int64")
    return table


def section(code: str, name: str, start: int, end: int, borders: int, raw_chosen: str) -> dict:
    """Context for the comparison section of the kommune page."""
    chosen = chosen_codes(raw_chosen, code, borders)
    try:
        table = growth_table(code, start, end, borders, chosen)
    except MissingDataError:
        return {"comparison_missing": True}
    names = dict(Municipality.objects.filter(vintage=borders).values_list("code", "name"))
    place = Municipality.objects.filter(vintage=borders, code=code).first()
    klass = Centrality.objects.filter(code=code).values_list("centrality_class",
                                                             flat=True).first()
    labels = {"kommune": name, "fylke": place.county_name if place else _("Fylket"),
              "landet": _("Hele landet"),
              "klasse_median": _("Sentralitetsklasse %(klass)s, median") % {"klass": klass}}
    years = sorted(table.aar.unique().tolist())

    def series(kind: str, kommunenr: str | None = None) -> list[float | None]:
        part = table[(table.serie == kind)
                     & ((table.kommunenr == kommunenr) if kommunenr else True)]
        values = dict(zip(part.aar, part.indeks))
        return [values.get(year) for year in years]

    broad = {labels[k]: series(k) for k in ("kommune", "fylke", "klasse_median", "landet")
             if (table.serie == k).any()}
    picked = {name: series("kommune")}
    picked.update({names.get(c, c): series("valgt", c) for c in chosen
                   if ((table.serie == "valgt") & (table.kommunenr == c)).any()})
    title = _("Folketall som indeks (1.1.%(start)s = 100)") % {"start": start}
    rows = []
    for position, year in enumerate(years):
        row = {"aar": year, "cells": [decimal(values[position]) for values in broad.values()]}
        if klass is not None:
            low = series("klasse_p25")[position]
            high = series("klasse_p75")[position]
            row["spread"] = f"{decimal(low)}–{decimal(high)}"
        row["picked"] = [decimal(values[position]) for values in list(picked.values())[1:]]
        rows.append(row)
    return {
        "comparison_chart": charts.render("lines", years, broad, title),
        "comparison_picked_chart": charts.render("lines", years, picked, title)
        if len(picked) > 1 else None,
        "comparison_heads": list(broad), "comparison_picked": list(picked)[1:],
        "comparison_rows": rows, "comparison_has_class": klass is not None,
        "comparison_chosen": ", ".join(names.get(c, c) for c in chosen),
        "comparison_default": not raw_chosen.strip(),
        "comparison_names": sorted(names.values()),
        "locator_map": locator_map(code, borders, chosen, names),
    }


def locator_map(code: str, vintage: int, others: list[str], names: dict) -> SafeString | None:
    """The kommune (dark) and its neighbours and chosen kommuner (light), on a small map."""
    outline_vintage = _outline_vintage(vintage)
    shown = [code, *[c for c in neighbours(code, vintage) if c not in others], *others]
    outlines = dict(Boundary.objects.filter(level=Boundary.KOMMUNE, vintage=outline_vintage,
                                            code__in=shown).values_list("code", "geometry"))
    if code not in outlines:
        return None
    points = [p for c in shown if c in outlines for ring in _rings(outlines[c]) for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    middle = math.cos(math.radians((min(lats) + max(lats)) / 2))
    width = (max(lons) - min(lons)) * middle or 1e-6
    height = (max(lats) - min(lats)) or 1e-6
    scale = min((MAP_WIDTH - 8) / width, (MAP_HEIGHT - 8) / height)

    def project(point) -> str:
        x = 4 + (point[0] - min(lons)) * middle * scale
        y = 4 + (max(lats) - point[1]) * scale
        return f"{x:.1f},{y:.1f}"

    body = []
    for other in shown[::-1]:  # the kommune itself last, on top
        if other not in outlines:
            continue
        path = " ".join("M" + " L".join(project(p) for p in ring) + "Z"
                        for ring in _rings(outlines[other]))
        fill = "#005b8f" if other == code else "#d9e6ef" if other not in others else "#9cc3de"
        label = escape(names.get(other, other))
        body.append(f'<path d="{path}" fill="{fill}" stroke="#ffffff" stroke-width="1" '
                    f'fill-rule="evenodd"><title>{label}</title></path>')
    title = _("Kart: %(name)s med nabokommuner") % {"name": names.get(code, code)}
    description = ", ".join(names.get(c, c) for c in shown[1:] if c in outlines)
    return mark_safe(
        f'<svg viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" role="img" class="locator" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<desc>{escape(description)}</desc>{"".join(body)}</svg>')
