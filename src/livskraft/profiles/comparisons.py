"""The kommune page's comparisons: every measure of `comparison_measures` beside the county,
the kommuner of the same centrality class (median and middle half), the country and up to
five kommuner the planner picks (the neighbours by default, from the stored outlines), as a
chart, a table and a download in the section it belongs to; and a locator map of the
kommune with its neighbours."""

import contextlib
import math

import pandas as pd
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from livskraft.analysis import peer_comparison
from livskraft.analysis.errors import MissingDataError
from livskraft.places.models import Boundary, Centrality, Municipality
from livskraft.stats import frames
from livskraft.stats.table_store import per_data_version
from livskraft.web.collation import sort_key
from livskraft.web.formatting import decimal

from . import charts, reports, search
from .comparison_measures import BY_KEY, MEASURES, Inputs, Measure

UNUSABLE = (MissingDataError, KeyError, ValueError)  # a measure without usable data: left out

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


@per_data_version(maxsize=4)
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


def peers(code: str, borders: int, chosen: list[str]) -> peer_comparison.Peers:
    counties = dict(Municipality.objects.filter(vintage=borders)
                    .values_list("code", "county_code"))
    if not counties:
        raise MissingDataError("no_code_list", years=borders)
    classes = dict(Centrality.objects.values_list("code", "centrality_class"))
    return peer_comparison.peers(code, counties, classes, chosen)


def table(measure: Measure, code: str, inputs: Inputs, chosen: list[str],
          labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The long table `aar|gruppe, serie, kommunenr, navn, verdi` of one measure (for the
    download); `labels`: code → name, when the caller has them."""
    numerator, denominator = _ratio(measure.key, inputs, get_language(),
                                    frames.data_version())
    out = peer_comparison.compare(numerator, denominator, peers(code, inputs.borders, chosen),
                                  measure.scale)
    out["verdi"] = out.verdi.round(measure.digits + 1)
    names = labels if labels is not None else reports.names(inputs.borders)
    county = Municipality.objects.filter(vintage=inputs.borders, code=code) \
        .values_list("county_name", flat=True).first()
    out.insert(3, "navn", [
        county if serie == peer_comparison.COUNTY else str(_("Hele landet")) if not nr
        else nr if nr.startswith("klasse") else names.get(nr, nr)
        for serie, nr in zip(out.serie, out.kommunenr)])
    return out.rename(columns={"punkt": "aar" if measure.over_years else "gruppe"})


@per_data_version(maxsize=64)
def _ratio(key: str, inputs: Inputs, language: str,
           version: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A measure's numerator and denominator for every kommune: the same for every kommune's
    page, so built once per data version (read-only) and language (some measures' rows are
    labelled, e.g. «Næringsattraktivitet»)."""
    return BY_KEY[key].ratio(inputs)


def prepare(inputs: Inputs) -> None:
    """Build what every kommune's section shares (the neighbours and, in the active
    language, every measure's ratio), so that it is kept (`national_tables`)."""
    version = frames.data_version()
    _adjacency(_outline_vintage(inputs.borders), version)
    for measure in MEASURES:
        with contextlib.suppress(*UNUSABLE):
            _ratio(measure.key, inputs, get_language(), version)


def blocks(code: str, name: str, inputs: Inputs, chosen: list[str],
           labels: dict[str, str]) -> dict[str, list[dict]]:
    """Per page section, the comparison blocks (chart, table, download) of its measures;
    a measure whose data is missing is left out."""
    place = Municipality.objects.filter(vintage=inputs.borders, code=code).first()
    out: dict[str, list[dict]] = {}
    for measure in MEASURES:
        try:
            long = table(measure, code, inputs, chosen, labels)
        except UNUSABLE:
            continue
        out.setdefault(measure.section, []).append(
            _block(measure, long, name, place.county_name if place else _("Fylket"), labels,
                   str(measure.title) % {"start": inputs.start}, inputs))
    return out


def _block(measure: Measure, long: pd.DataFrame, name: str, county: str, labels,
           title: str, inputs: Inputs) -> dict:
    point = "aar" if measure.over_years else "gruppe"
    points = list(dict.fromkeys(long[point]))
    klass = next((k for k in long[long.serie == peer_comparison.CLASS_MEDIAN].kommunenr), None)

    def values(series: str, kommunenr: str | None = None) -> list[float | None]:
        part = long[(long.serie == series)
                    & ((long.kommunenr == kommunenr) if kommunenr is not None else True)]
        found = dict(zip(part[point], part.verdi))
        return [found.get(p) for p in points]

    named = {name: values(peer_comparison.KOMMUNE), county: values(peer_comparison.COUNTY)}
    median = _("Sentralitetsklasse %(klass)s, median") % {"klass": klass[len("klasse "):]} \
        if klass else None
    if median:
        named[median] = values(peer_comparison.CLASS_MEDIAN)
    named[str(_("Hele landet"))] = values(peer_comparison.COUNTRY)
    for other in dict.fromkeys(long[long.serie == peer_comparison.CHOSEN].kommunenr):
        named[labels.get(other, other)] = values(peer_comparison.CHOSEN, other)
    band = None
    if median:
        band = (str(_("Klassen, midterste halvdel")), values(peer_comparison.CLASS_LOW),
                values(peer_comparison.CLASS_HIGH))

    def shown(value):
        return decimal(value, measure.digits)

    chart = (charts.render("lines", points, named, title, band=band, label=shown, floor=None)
             if measure.over_years else
             charts.render("bars", [str(p) for p in points], named, title,
                           band=(*band, median) if band else None, label=shown))
    rows = []
    for position, label in enumerate(points):
        row = {"punkt": label, "cells": [shown(v[position]) for v in named.values()]}
        if band:
            row["spread"] = f"{shown(band[1][position])}–{shown(band[2][position])}"
        rows.append(row)
    return {"key": measure.key, "title": title, "chart": chart,
            "heads": list(named), "rows": rows, "has_class": bool(median),
            "point_head": _("År") if measure.over_years else _("Gruppe"),
            "download": f"sammenligning{measure.key}", "source": measure.source(inputs)}


def section(code: str, name: str, inputs: Inputs, raw_chosen: str) -> dict:
    """Context for the kommune page: the chooser, the locator map and every block."""
    chosen = chosen_codes(raw_chosen, code, inputs.borders)
    names = reports.names(inputs.borders)
    return {
        "comparisons": blocks(code, name, inputs, chosen, names),
        "comparison_chosen": ", ".join(names.get(c, c) for c in chosen),
        "comparison_default": not raw_chosen.strip(),
        "comparison_names": sorted(set(names.values()), key=sort_key),
        "locator_map": locator_map(code, inputs.borders, chosen, names),
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
