"""«Vis fordelene ved distriktene»: one district kommune (centrality class 5–6) beside the
central kommuner (class 1–2) on what a household values: space, housing cost, broadband,
time, and the tiltakssone's benefits, plus every other criterion the household weighs.

The idea is Distriktssenteret's (a bygdekalkulator that makes "det lettere å synliggjøre
fordelene ved å bo lengre unna de store bysentrene", seed 002); the comparison itself is
Livskraft's own."""

import pandas as pd
from django.utils.translation import gettext as _

from livskraft.web.formatting import decimal, whole

from .criteria import BY_KEY
from .indicators import CENTRAL_CLASSES

DISTRICT_CLASSES = (5, 6)
PAGE_SEARCH = 400  # every kommune: the best-ranked district kommune among those shown
VALUED = ("natur_og_plass", "boligpris", "bredband", "reisetid", "tiltakssone",
          "arbeidsgiveravgift")


def advantages(data, values: pd.DataFrame, weights: dict, shown: pd.DataFrame,
               chosen: list[str]) -> dict:
    """The first chosen kommune that is a district kommune, else the best-ranked one among
    those shown; `rows` compare it with the central kommuner's median and middle half."""
    classes = data.places.centrality_class
    district = next((c for c in chosen if classes.get(c) in DISTRICT_CLASSES), None)
    if district is None:
        district = next((c for c in shown.index[:PAGE_SEARCH] if classes.get(c)
                         in DISTRICT_CLASSES), None)
    if district is None:
        return {"code": None}
    keys = [k for k in VALUED if k in data.central.index]
    keys += [k for k in weights if k in data.central.index and k not in keys]
    rows = [_row(key, values.at[district, key], data.central.loc[key],
                 key in data.approximate) for key in keys]
    return {"code": district, "name": data.places.at[district, "name"],
            "centrality": int(classes[district]),
            "central_count": int(classes.isin(CENTRAL_CLASSES).sum()), "rows": rows,
            "zone": "tiltakssone" in values and values.at[district, "tiltakssone"] == 1}


def _row(key: str, own: float, central: pd.Series, approximate: bool) -> dict:
    definition = BY_KEY[key]
    verdict = "missing"
    if not (pd.isna(own) or pd.isna(central["median"])):
        difference = (own - central["median"]) * definition.direction
        verdict = ("approximate" if approximate else
                   "better" if difference > 0 else "worse" if difference < 0 else "same")
    middle = "" if key == "tiltakssone" or pd.isna(central["lower"]) else \
        f"{_format(central['lower'], key)}–{_format(central['upper'], key)}"
    return {"label": definition.label, "unit": definition.unit, "source": definition.source,
            "own": _format(own, key), "median": _format(central["median"], key),
            "middle": middle, "verdict": verdict}


def _format(value: float, key: str) -> str:
    if pd.isna(value):
        return "–"
    if key == "tiltakssone":
        return _("ja") if value >= 1 else _("nei")
    return whole(value) if abs(value) >= 100 else decimal(value)
