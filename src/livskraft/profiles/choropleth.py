"""A choropleth map of kommuner as server-rendered SVG, from stored GeoJSON outlines.

Coordinates are projected with a simple equal-distance cylindrical projection scaled by the
cosine of the mid latitude, which keeps Norway's shape recognisable at this scale."""

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from livskraft.places.models import Boundary
from livskraft.stats.frames import data_version

WIDTH = 560
NO_DATA = "#e0e0e0"


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    path: str


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


@lru_cache(maxsize=8)
def _shapes(vintage: int, version: tuple) -> tuple[tuple[Shape, ...], int]:
    outlines = list(
        Boundary.objects.filter(level=Boundary.KOMMUNE, vintage=vintage).order_by("code")
    )
    points = [p for b in outlines for ring in _rings(b.geometry) for p in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = math.cos(math.radians((south + north) / 2))
    scale = WIDTH / ((east - west) * squeeze)
    height = math.ceil((north - south) * scale)

    def project(point: list[float]) -> str:
        return f"{(point[0] - west) * squeeze * scale:.1f},{(north - point[1]) * scale:.1f}"

    shapes = []
    for outline in outlines:
        path = "".join(
            "M" + "L".join(project(p) for p in ring) + "Z" for ring in _rings(outline.geometry)
        )
        shapes.append(Shape(outline.code, outline.name, path))
    return tuple(shapes), height


@lru_cache(maxsize=4)
def geojson(vintage: int, version: tuple) -> bytes | None:
    """The outlines of `vintage` as a GeoJSON FeatureCollection (kommunenr and name as
    properties, coordinates to 4 decimals, about 10 m), or None when none are stored."""
    features = [
        {"type": "Feature", "properties": {"kommunenr": b.code, "navn": b.name},
         "geometry": {"type": b.geometry["type"],
                      "coordinates": _rounded(b.geometry["coordinates"])}}
        for b in Boundary.objects.filter(level=Boundary.KOMMUNE, vintage=vintage).order_by("code")
    ]
    if not features:
        return None
    return json.dumps({"type": "FeatureCollection", "features": features},
                      separators=(",", ":")).encode()


def _rounded(coordinates):
    if coordinates and isinstance(coordinates[0], (int, float)):
        return [round(c, 4) for c in coordinates]
    return [_rounded(part) for part in coordinates]


def boundary_vintages() -> list[int]:
    return sorted(
        Boundary.objects.filter(level=Boundary.KOMMUNE).values_list("vintage", flat=True).distinct()
    )


def best_vintage(codes: set[str]) -> int | None:
    """The outline vintage whose kommune codes overlap most with `codes`."""
    best, overlap = None, -1
    for vintage in boundary_vintages():
        found = set(
            Boundary.objects.filter(level=Boundary.KOMMUNE, vintage=vintage)
            .values_list("code", flat=True)
        )
        if len(found & codes) > overlap:
            best, overlap = vintage, len(found & codes)
    return best


def render(
    vintage: int, fills: dict[str, str], labels: dict[str, str], title: str
) -> SafeString:
    """One <path> per kommune outline; `fills` and `labels` are keyed by kommune code."""
    shapes, height = _shapes(vintage, data_version())
    body = [
        f'<path class="kommune" data-kommunenr="{s.code}" d="{s.path}" '
        f'fill="{fills.get(s.code, NO_DATA)}" fill-rule="evenodd">'
        f"<title>{escape(s.name)}: {escape(labels.get(s.code, _('mangler data')))}</title></path>"
        for s in shapes
    ]
    return mark_safe(
        f'<svg class="map" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<g stroke="#ffffff" stroke-width="0.3">{"".join(body)}</g></svg>'
    )
