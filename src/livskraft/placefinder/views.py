"""Bygdekalkulatoren: rank and compare kommuner by what a household weighs. Everything the
visitor chooses lives in the link (GET); nothing is stored."""

import math
from dataclasses import dataclass

import numpy as np
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from livskraft.analysis.errors import AnalysisError, MissingDataError
from livskraft.analysis.place_ranking import CON_AT, PRO_AT, rank_matrix
from livskraft.web.data_messages import describe
from livskraft.web.formatting import decimal, whole

from . import districts, indicators
from .criteria import APPROXIMATE_AREA_SOURCE, BY_KEY, DEFINITIONS, suggested_weights
from .forms import COMPARED, WEIGHTS, CalculatorForm
from .options import kommune_box, kommune_list, select

PAGE_SIZE = 20
BINARY = ("pendling", "tiltakssone")


def calculator(request):
    try:
        data = indicators.table()
    except MissingDataError as error:
        return render(request, "placefinder/calculator.html", {"missing": describe(error)})
    arrays = data.arrays
    form = CalculatorForm(request.GET or None, arrays.by_name, data.counties)
    valid = form.is_bound and form.is_valid()
    context = {"form": form, "controls": _controls(form, data, valid)}
    if not valid:
        return render(request, "placefinder/calculator.html", context)
    choice = form.cleaned_data
    weights = suggested_weights(choice["barn"] or 0, choice["hjemmekontor"], choice["eget_firma"],
                                bool(choice["arbeidssted"]))
    weights.update({d.key: choice[f"w_{d.key}"] for d in DEFINITIONS
                    if choice[f"w_{d.key}"] is not None})
    scores, values, same = arrays.scores, arrays.values, None
    if choice["arbeidssted"]:
        same = indicators.commuting(arrays, choice["arbeidssted"])
        scores = {**scores, "pendling": 100 * same}
        values = {**values, "pendling": {c: v for c, v in zip(arrays.codes, same)
                                         if not math.isnan(v)}}
    weights = {k: w for k, w in weights.items() if w and k in scores}
    context["unavailable"] = [d.label for d in DEFINITIONS
                              if d.key not in values and d.key != "pendling"]
    if not weights:
        context["problem"] = describe(AnalysisError("no_criterion"))
        return render(request, "placefinder/calculator.html", context)
    keys = list(weights)
    order, score, coverage = rank_matrix(np.column_stack([scores[k] for k in keys]),
                                         np.array([float(weights[k]) for k in keys]))
    ranked = Ranked(order, score, coverage, np.empty(len(order), dtype=int))
    ranked.rank[order] = np.arange(1, len(order) + 1)
    shown = _filtered(ranked, arrays, choice, same)
    context.update(_page(shown, ranked, data, choice["side"] or 1, request))
    context["filters_note"] = _filters_note(choice, len(shown), len(order))
    chosen = list(dict.fromkeys(choice[f"k{n}"] for n in range(1, COMPARED + 1)
                                if choice[f"k{n}"]))
    if chosen:
        context["comparison"] = _comparison(chosen, data, values, scores, weights, ranked,
                                            choice["arbeidssted"])
    if choice["distrikt"]:
        context["districts"] = districts.advantages(data, values, weights,
                                                    arrays.codes[shown], chosen)
    context["share_link"] = request.build_absolute_uri()
    return render(request, "placefinder/calculator.html", context)


@dataclass
class Ranked:
    order: np.ndarray  # rows best first
    score: np.ndarray  # per row (0–100, NaN without data)
    coverage: np.ndarray  # per row (0–1)
    rank: np.ndarray  # per row, 1 = best in the country


def _controls(form: CalculatorForm, data: indicators.Indicators, valid: bool) -> dict:
    raw = form.data
    weight_choices = (("", _("forslag")), *((str(v), label) for v, label in WEIGHTS))
    names = dict(data.arrays.pickers)

    def kommune(name: str) -> str:  # the name of the chosen kommune, else what was typed
        if valid:
            return names.get(form.cleaned_data[name], "")
        return raw.get(name, "")

    return {
        "raw": {name: raw.get(name, "") for name in ("voksne", "barn", "hjemmekontor",
                                                      "eget_firma", "maks_reisetid",
                                                      "samme_region", "distrikt")},
        "kommune_list": kommune_list(data.arrays.pickers),
        "arbeidssted": kommune_box("arbeidssted", kommune("arbeidssted")),
        "fylke": select("fylke", (("", _("alle")), *data.county_choices), raw.get("fylke")),
        "weights": [{"name": f"w_{d.key}", "label": d.label,
                     "select": select(f"w_{d.key}", weight_choices, raw.get(f"w_{d.key}"))}
                    for d in DEFINITIONS],
        "compare": [{"name": f"k{n}", "label": form.fields[f"k{n}"].label,
                     "select": kommune_box(f"k{n}", kommune(f"k{n}"))}
                    for n in range(1, COMPARED + 1)],
        "classes": [(c, str(c) in (raw.getlist("sentralitet") if hasattr(raw, "getlist")
                                   else raw.get("sentralitet", [])))
                    for c in range(1, 7)],
    }


def _filtered(ranked: Ranked, arrays, choice: dict, same) -> np.ndarray:
    """The rows that pass the filters, best first."""
    keep = ~np.isnan(ranked.score)
    if choice["fylke"]:
        keep &= arrays.county == choice["fylke"]
    if choice["sentralitet"]:
        keep &= np.isin(arrays.centrality, choice["sentralitet"])
    if choice["maks_reisetid"] is not None and "reisetid" in arrays.values:
        keep &= arrays.travel <= choice["maks_reisetid"]  # NaN: unknown, not kept
    if choice["samme_region"] and same is not None:
        keep &= same == 1
    return ranked.order[keep[ranked.order]]


def _filters_note(choice: dict, shown: int, total: int) -> str:
    if choice["samme_region"] and not choice["arbeidssted"]:
        return _("Velg et arbeidssted for å bare vise kommuner i samme bo- og "
                 "arbeidsmarkedsregion.")
    if shown == total:
        return ""
    return _("%(shown)s av %(total)s kommuner passer filtrene.") % {"shown": shown,
                                                                      "total": total}


def _page(shown: np.ndarray, ranked: Ranked, data, number: int, request) -> dict:
    pages = max(1, math.ceil(len(shown) / PAGE_SIZE))
    number = min(number, pages)
    first = (number - 1) * PAGE_SIZE
    kommune_url = reverse("kommune", args=["0000"])
    rows = []
    for position, row in enumerate(shown[first:first + PAGE_SIZE].tolist(), start=first + 1):
        code = data.arrays.codes[row]
        name, county, centrality, minutes = data.rows[code]
        # numbers below 1000 as text: the template need not localize each of them
        rows.append({
            "position": str(position), "rank": str(ranked.rank[row]), "name": name,
            "county": county, "url": kommune_url.replace("0000", code),
            "centrality": None if centrality is None else str(centrality),
            "travel": None if minutes is None else decimal(minutes),
            "score": str(round(ranked.score[row])),
            "coverage": str(round(100 * ranked.coverage[row])),
        })
    return {"ranking": rows, "page": number, "pages": pages, "found": len(shown),
            "previous_link": _page_link(request, number - 1) if number > 1 else "",
            "next_link": _page_link(request, number + 1) if number < pages else ""}


def _page_link(request, number: int) -> str:
    query = request.GET.copy()
    query["side"] = str(number)
    return "?" + query.urlencode()


def _comparison(codes, data, values, scores, weights, ranked: Ranked, workplace):
    position = data.arrays.position
    keys = [k for k in weights if k in values]
    keys += [k for k in ("reisetid",) if k in values and k not in keys]  # always shown
    rows = []
    for key in keys:
        definition = BY_KEY[key]
        approximate = key in data.approximate
        estimated = data.estimated.get(key, set())
        cells = []
        for code in codes:
            value = values[key].get(code)
            if value is None:
                verdict, text = "missing", _("mangler data")
            else:
                score = scores[key][position[code]]
                verdict = ("middle" if approximate else
                           "pro" if score >= PRO_AT else "con" if score <= CON_AT else "middle")
                text = _format(value, key) + ("*" if code in estimated else "")
            cells.append({"text": text, "verdict": verdict})
        source = APPROXIMATE_AREA_SOURCE if approximate else definition.source
        rows.append({"label": definition.label, "unit": definition.unit, "source": source,
                     "year": data.years.get(key, "2020" if key == "pendling" else ""),
                     "weight": weights.get(key, 0), "cells": cells,
                     "approximate": approximate})
    rows.append(_region_row(codes, data, workplace))
    heads = []
    for code in codes:
        row = position[code]
        score = ranked.score[row]
        heads.append({"code": code, "name": data.rows[code][0], "rank": int(ranked.rank[row]),
                      "score": None if math.isnan(score) else round(score)})
    estimated = any("*" in cell["text"] for row in rows for cell in row["cells"])
    return {"heads": heads, "rows": rows, "estimated": estimated}


def _region_row(codes, data, workplace):
    """Each kommune's labour-market region, and whether it is the workplace's."""
    arrays = data.arrays
    home = arrays.region[arrays.position[workplace]] if workplace else None
    cells = []
    for code in codes:
        region = arrays.region[arrays.position[code]]
        if math.isnan(region):
            cells.append({"text": _("mangler data"), "verdict": "missing"})
            continue
        text = _("region %(number)s") % {"number": int(region)}
        if home is not None and not math.isnan(home):
            same = region == home
            text += ", " + (_("samme som arbeidsstedet") if same else _("annen enn arbeidsstedet"))
            cells.append({"text": text, "verdict": "pro" if same else "con"})
        else:
            cells.append({"text": text, "verdict": "middle"})
    return {"label": _("Bo- og arbeidsmarkedsregion"), "unit": "", "year": "2020",
            "source": BY_KEY["pendling"].source, "weight": None, "cells": cells}


def _format(value: float, key: str) -> str:
    if key in BINARY:
        return _("ja") if value >= 1 else _("nei")
    if abs(value) >= 100:
        return whole(value)
    return decimal(value)
