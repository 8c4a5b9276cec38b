"""Three made-up SSB projection editions for the synthetic region (tests/synthetic_outlook.py)
and square outlines for its six kommuner, so Kart 2/3 can show two editions side by side.

Besides the region's own file (edition 2022, Testvik Nord only, named by its first year):
- edition 2024 (named in the file name), 2024–2050, for Testvik Nord, Testvik Sør, Prøveland:
  9911 MMMM 3500 + 10·t, MMM0 3500 − 2·t; 9912 MMMM 2000, MMM0 2000 − 5·t;
  9913 MMMM 3000 − 5·t, MMM0 3000 − 10·t (t = year − 2024);
- edition 2020, only 2020 and 2040 for Testvik Nord: older than the two newest, never shown."""

import json
from pathlib import Path

from tests.synthetic_outlook import KOMMUNER

EDITION_2024 = {
    "9911": (lambda t: 3500 + 10 * t, lambda t: 3500 - 2 * t),
    "9912": (lambda t: 2000, lambda t: 2000 - 5 * t),
    "9913": (lambda t: 3000 - 5 * t, lambda t: 3000 - 10 * t),
}


def add_editions(root: Path) -> Path:
    lines = ["aar,kommunenr,alternativ,personer"]
    for code, (main, without) in EDITION_2024.items():
        for year in range(2024, 2051):
            lines += [f"{year},{code},MMMM,{main(year - 2024)}",
                      f"{year},{code},MMM0,{without(year - 2024)}"]
    _write(root / "population" / "kommune_framskriving_ssb_2024_b2024.csv", lines)
    _write(root / "population" / "kommune_framskriving_ssb_2020_b2024.csv", [
        "aar,kommunenr,alternativ,personer", "2020,9911,MMMM,3000", "2020,9911,MMM0,3000",
        "2040,9911,MMMM,3300", "2040,9911,MMM0,3000"])
    (root / "geo").mkdir(exist_ok=True)
    features = [{"type": "Feature",
                 "properties": {"kommunenummer": code, "kommunenavn": name},
                 "geometry": {"type": "Polygon", "coordinates": [[
                     [10 + i, 60], [11 + i, 60], [11 + i, 61], [10 + i, 61], [10 + i, 60]]]}}
                for i, (code, name) in enumerate(KOMMUNER.items())]
    (root / "geo" / "kommuner_2024.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return root


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
