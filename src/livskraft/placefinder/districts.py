"""«Vis fordelene ved distriktene»: one district kommune (centrality class 5–6) beside the
central kommuner (class 1–2) on what a household values: space, housing cost, broadband,
time, and the tiltakssone's benefits, plus every other criterion the household weighs.

The idea is Distriktssenteret's (a bygdekalkulator that makes "det lettere å synliggjøre
fordelene ved å bo lengre unna de store bysentrene", seed 002); the comparison itself is
Livskraft's own."""

import math

from django.utils.translation import gettext as _

from livskraft.web.formatting import decimal, whole

from .criteria import BY_KEY
from .indicators import CENTRAL_CLASSES

DISTRICT_CLASSES = (5, 6)
PAGE_SEARCH = 400  # every kommune: the best-ranked district kommune among those shown
VALUED = ("natur_og_plass", "boligpris", "bredband", "reisetid", "tiltakssone",
          "arbeidsgiveravgift")


def advantages(data, values: dict, weights: dict, shown, chosen: list[str]) -> dict:
    """The first chosen kommune that is a district kommune, else the best-ranked one among
    those shown (codes best first); `rows` compare it with the central kommuner's median and
    middle half. `values`: criterion → {code: value}."""
    classes = {code: row[2] for code, row in data.rows.items()}
    district = next((c for c in chosen if classes.get(c) in DISTRICT_CLASSES), None)
    if district is None:
        district = next((c for c in shown[:PAGE_SEARCH] if classes.get(c) in DISTRICT_CLASSES),
                        None)
    if district is None:
        return {"code": None}
    central = data.arrays.central
    keys = [k for k in VALUED if k in central]
    keys += [k for k in weights if k in central and k not in keys]
    rows = [_row(key, values.get(key, {}).get(district, math.nan), central[key],
                 key in data.approximate) for key in keys]
    return {"code": district, "name": data.rows[district][0],
            "centrality": classes[district],
            "central_count": sum(c in CENTRAL_CLASSES for c in classes.values()), "rows": rows,
            "zone": values.get("tiltakssone", {}).get(district) == 1}


def _row(key: str, own: float, central: dict, approximate: bool) -> dict:
    definition = BY_KEY[key]
    verdict = "missing"
    if not (math.isnan(own) or math.isnan(central["median"])):
        difference = (own - central["median"]) * definition.direction
        verdict = ("approximate" if approximate else
                   "better" if difference > 0 else "worse" if difference < 0 else "same")
    middle = "" if key == "tiltakssone" or math.isnan(central["lower"]) else \
        f"{_format(central['lower'], key)}–{_format(central['upper'], key)}"
    return {"label": definition.label, "unit": definition.unit, "source": definition.source,
            "own": _format(own, key), "median": _format(central["median"], key),
            "middle": middle, "verdict": verdict}


def _format(value: float, key: str) -> str:
    if math.isnan(value):
        return "–"
    if key == "tiltakssone":
        return _("ja") if value >= 1 else _("nei")
    return whole(value) if abs(value) >= 100 else decimal(value)
