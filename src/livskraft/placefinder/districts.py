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

DISTRICT_CLASSES = (5, 6)
CENTRAL_CLASSES = (1, 2)
VALUED = ("natur_og_plass", "boligpris", "bredband", "reisetid", "tiltakssone",
          "arbeidsgiveravgift")


def advantages(data, values: pd.DataFrame, weights: dict, shown: pd.DataFrame,
               chosen: list[str]) -> dict:
    """The first chosen kommune that is a district kommune, else the best-ranked one among
    those shown; `rows` compare it with the central kommuner's median and middle half."""
    classes = data.places.centrality_class
    district = next((c for c in chosen if classes.get(c) in DISTRICT_CLASSES), None)
    if district is None:
        district = next((c for c in shown.index if classes.get(c) in DISTRICT_CLASSES), None)
    if district is None:
        return {"code": None}
    central = classes.index[classes.isin(CENTRAL_CLASSES)]
    keys = [k for k in VALUED if k in values]
    keys += [k for k in weights if k in values and k not in keys and k != "pendling"]
    rows = [_row(key, values, district, central, key in data.approximate) for key in keys]
    return {"code": district, "name": data.places.at[district, "name"],
            "centrality": int(classes[district]), "central_count": len(central), "rows": rows,
            "zone": values.get("tiltakssone", pd.Series(dtype=float)).get(district) == 1}


def _row(key: str, values: pd.DataFrame, district: str, central, approximate: bool) -> dict:
    definition = BY_KEY[key]
    own = values.at[district, key]
    others = values.loc[central, key].dropna()
    median = others.median() if len(others) else float("nan")
    verdict = "missing"
    if not (pd.isna(own) or pd.isna(median)):
        difference = (own - median) * definition.direction
        verdict = ("approximate" if approximate else
                   "better" if difference > 0 else "worse" if difference < 0 else "same")
    return {
        "label": definition.label, "unit": definition.unit, "source": definition.source,
        "own": _format(own, key), "median": _format(median, key),
        "middle": (f"{_format(others.quantile(0.25), key)}–{_format(others.quantile(0.75), key)}"
                   if len(others) and key != "tiltakssone" else ""),
        "verdict": verdict,
    }


def _format(value: float, key: str) -> str:
    if pd.isna(value):
        return "–"
    if key == "tiltakssone":
        return _("ja") if value >= 1 else _("nei")
    return whole(value) if abs(value) >= 100 else decimal(value)
