"""Bygdekalkulatoren: rank and compare kommuner by what a household weighs. Everything the
visitor chooses lives in the link (GET); nothing is stored."""

import math

import pandas as pd
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from livskraft.analysis.errors import MissingDataError
from livskraft.analysis.place_ranking import CON_AT, PRO_AT, rank_scores
from livskraft.web.data_messages import describe
from livskraft.web.formatting import decimal, whole

from . import districts, indicators
from .criteria import APPROXIMATE_AREA_SOURCE, BY_KEY, DEFINITIONS, suggested_weights
from .forms import COMPARED, WEIGHTS, CalculatorForm
from .options import select

PAGE_SIZE = 20
BINARY = ("pendling", "tiltakssone")


def calculator(request):
    try:
        data = indicators.table()
    except MissingDataError as error:
        return render(request, "placefinder/calculator.html", {"missing": describe(error)})
    form = CalculatorForm(request.GET or None, data.kommuner, data.counties)
    context = {"form": form, "controls": _controls(form, data)}
    if not form.is_bound or not form.is_valid():
        return render(request, "placefinder/calculator.html", context)
    choice = form.cleaned_data
    weights = suggested_weights(choice["barn"] or 0, choice["hjemmekontor"], choice["eget_firma"],
                                bool(choice["arbeidssted"]))
    weights.update({d.key: choice[f"w_{d.key}"] for d in DEFINITIONS
                    if choice[f"w_{d.key}"] is not None})
    values, scores = data.values, data.scores
    if choice["arbeidssted"]:
        same = indicators.commuting(data, choice["arbeidssted"])
        values, scores = values.assign(pendling=same), scores.assign(pendling=100 * same)
    weights = {k: w for k, w in weights.items() if w and k in scores}
    context["weights_used"] = [(BY_KEY[k].label, w) for k, w in weights.items()]
    context["unavailable"] = [d.label for d in DEFINITIONS
                              if d.key not in values and d.key != "pendling"]
    try:
        ranking = rank_scores(scores, weights)
    except ValueError as error:
        context["problem"] = describe(error)
        return render(request, "placefinder/calculator.html", context)
    shown = _filtered(ranking, data, values, choice)
    context.update(_page(shown, data, choice["side"] or 1, request))
    context["filters_note"] = _filters_note(choice, len(shown), len(ranking))
    chosen = list(dict.fromkeys(choice[f"k{n}"] for n in range(1, COMPARED + 1)
                                if choice[f"k{n}"]))
    if chosen:
        context["comparison"] = _comparison(chosen, data, values, scores, weights, ranking,
                                            choice["arbeidssted"])
    if choice["distrikt"]:
        context["districts"] = districts.advantages(data, values, weights, shown, chosen)
    context["share_link"] = request.build_absolute_uri()
    return render(request, "placefinder/calculator.html", context)


def _controls(form: CalculatorForm, data: indicators.Indicators) -> dict:
    raw = form.data
    weight_choices = (("", _("forslag")), *((str(v), label) for v, label in WEIGHTS))
    places = (("", "–"), *data.kommune_choices)
    return {
        "raw": {name: raw.get(name, "") for name in ("voksne", "barn", "hjemmekontor",
                                                      "eget_firma", "maks_reisetid",
                                                      "samme_region", "distrikt")},
        "arbeidssted": select("arbeidssted", places, raw.get("arbeidssted")),
        "fylke": select("fylke", (("", _("alle")), *data.county_choices), raw.get("fylke")),
        "weights": [{"name": f"w_{d.key}", "label": d.label,
                     "select": select(f"w_{d.key}", weight_choices, raw.get(f"w_{d.key}"))}
                    for d in DEFINITIONS],
        "compare": [{"name": f"k{n}", "label": form.fields[f"k{n}"].label,
                     "select": select(f"k{n}", places, raw.get(f"k{n}"))}
                    for n in range(1, COMPARED + 1)],
        "classes": [(c, str(c) in (raw.getlist("sentralitet") if hasattr(raw, "getlist")
                                   else raw.get("sentralitet", [])))
                    for c in range(1, 7)],
    }


def _filtered(ranking: pd.DataFrame, data, values: pd.DataFrame, choice: dict) -> pd.DataFrame:
    places = data.places.reindex(ranking.index)
    keep = ranking.score.notna()
    if choice["fylke"]:
        keep &= places.county == choice["fylke"]
    if choice["sentralitet"]:
        keep &= places.centrality_class.isin(choice["sentralitet"])
    if choice["maks_reisetid"] is not None and "reisetid" in values:
        keep &= values.reisetid.reindex(ranking.index) <= choice["maks_reisetid"]
    if choice["samme_region"] and "pendling" in values:
        keep &= values.pendling.reindex(ranking.index) == 1
    return ranking[keep]


def _filters_note(choice: dict, shown: int, total: int) -> str:
    if choice["samme_region"] and not choice["arbeidssted"]:
        return _("Velg et arbeidssted for å bare vise kommuner i samme bo- og "
                 "arbeidsmarkedsregion.")
    if shown == total:
        return ""
    return _("%(shown)s av %(total)s kommuner passer filtrene.") % {"shown": shown,
                                                                      "total": total}


def _page(shown: pd.DataFrame, data, number: int, request) -> dict:
    pages = max(1, math.ceil(len(shown) / PAGE_SIZE))
    number = min(number, pages)
    first = (number - 1) * PAGE_SIZE
    part = shown.iloc[first:first + PAGE_SIZE]
    kommune_url = reverse("kommune", args=["0000"])
    rows = []
    for position, code, rank, score, coverage in zip(
            range(first + 1, first + 1 + len(part)), part.index, part["rank"], part.score,
            part.coverage):
        name, county, centrality, minutes = data.rows[code]
        rows.append({
            "position": position, "rank": int(rank), "name": name, "county": county,
            "url": kommune_url.replace("0000", code), "centrality": centrality,
            "travel": None if minutes is None else decimal(minutes),
            "score": round(score), "coverage": round(100 * coverage),
        })
    return {"ranking": rows, "page": number, "pages": pages, "found": len(shown),
            "previous_link": _page_link(request, number - 1) if number > 1 else "",
            "next_link": _page_link(request, number + 1) if number < pages else ""}


def _page_link(request, number: int) -> str:
    query = request.GET.copy()
    query["side"] = str(number)
    return "?" + query.urlencode()


def _comparison(codes, data, values, scores, weights, ranking, workplace):
    keys = [k for k in weights if k in values]
    keys += [k for k in ("reisetid",) if k in values and k not in keys]  # always shown
    rows = []
    for key in keys:
        definition = BY_KEY[key]
        approximate = key in data.approximate
        cells = []
        for code in codes:
            value, score = values.at[code, key], scores.at[code, key]
            estimated = code in data.estimated.get(key, set())
            if pd.isna(value):
                verdict, text = "missing", _("mangler data")
            else:
                verdict = ("middle" if approximate else
                           "pro" if score >= PRO_AT else "con" if score <= CON_AT else "middle")
                text = _format(value, key) + ("*" if estimated else "")
            cells.append({"text": text, "verdict": verdict})
        source = APPROXIMATE_AREA_SOURCE if approximate else definition.source
        rows.append({"label": definition.label, "unit": definition.unit, "source": source,
                     "year": data.years.get(key, "2020" if key == "pendling" else ""),
                     "weight": weights.get(key, 0), "cells": cells,
                     "approximate": approximate})
    rows.append(_region_row(codes, data, workplace))
    heads = [{"code": c, "name": data.places.at[c, "name"], "rank": int(ranking.at[c, "rank"]),
              "score": None if pd.isna(ranking.at[c, "score"]) else round(ranking.at[c, "score"])}
             for c in codes]
    estimated = any("*" in cell["text"] for row in rows for cell in row["cells"])
    return {"heads": heads, "rows": rows, "estimated": estimated}


def _region_row(codes, data, workplace):
    """Each kommune's labour-market region, and whether it is the workplace's."""
    regions = data.places.region
    home = regions.get(workplace) if workplace else None
    cells = []
    for code in codes:
        region = regions.get(code)
        if pd.isna(region):
            cells.append({"text": _("mangler data"), "verdict": "missing"})
            continue
        text = _("region %(number)s") % {"number": int(region)}
        if home is not None and not pd.isna(home):
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
