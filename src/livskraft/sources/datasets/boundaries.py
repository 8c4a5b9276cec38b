"""Kommune and fylke outlines (GeoJSON, WGS84) per border vintage, for the maps."""

import json
import re

import pandas as pd

from .base import Dataset, FileFormat

DATASETS = [Dataset("boundaries", ("level", "vintage", "code", "name", "geometry"),
                    "places.Boundary", replace_by=("level", "vintage"))]


def _boundaries(match, path, result):
    level, vintage = match.group(1), int(match.group(2))
    level = "kommune" if level == "kommuner" else "fylke"
    code_key = "kommunenummer" if level == "kommune" else "fylkesnummer"
    name_key = "kommunenavn" if level == "kommune" else "fylkesnavn"
    pattern = r"\d{4}" if level == "kommune" else r"\d{2}"
    try:
        collection = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        result.problem(getattr(error, "lineno", None), "bad_geojson")
        return
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list) or collection.get("type") != "FeatureCollection":
        result.problem(None, "not_feature_collection")
        return
    rows, seen = [], set()
    for number, feature in enumerate(features, start=1):
        properties = (feature or {}).get("properties") or {}
        geometry = (feature or {}).get("geometry") or {}
        code = str(properties.get(code_key, ""))
        if not re.fullmatch(pattern, code):
            result.problem(None, "feature_without_code", number=number, key=code_key)
        elif geometry.get("type") not in ("Polygon", "MultiPolygon"):
            result.problem(None, "feature_not_polygon", number=number, code=code)
        elif code in seen:
            result.problem(None, "feature_code_twice", number=number, code=code)
        else:
            seen.add(code)
            rows.append({"level": level, "vintage": vintage, "code": code,
                         "name": str(properties.get(name_key, "")), "geometry": geometry})
        if len(result.problems) >= 5:
            break
    if not result.problems:
        result.add("boundaries", pd.DataFrame(rows))


FORMATS = [
    FileFormat(r"(kommuner|fylker)_(\d{4})\.geojson", _boundaries,
               "`kommuner_YYYY.geojson`, `fylker_YYYY.geojson`",
               "FeatureCollection; properties kommunenummer/fylkesnummer and "
               "kommunenavn/fylkesnavn; Polygon or MultiPolygon in WGS84",
               "outlines for the maps"),
]
