"""Bygdekalkulatoren: rank and compare kommuner by what a household weighs. Everything the
visitor chooses lives in the link (GET); nothing is stored."""

import pandas as pd
from django.shortcuts import render
from django.utils.translation import gettext as _

from livskraft.analysis.errors import MissingDataError
from livskraft.analysis.place_ranking import percentiles, rank
from livskraft.places.models import Municipality
from livskraft.stats import frames
from livskraft.web.formatting import decimal, whole

from . import indicators
from .criteria import BY_KEY, DEFINITIONS, suggested_weights
from .forms import COMPARED, CalculatorForm

TOP = 10


def calculator(request):
    try:
        vintage = frames.default_borders()
    except MissingDataError as error:
        return render(request, "placefinder/calculator.html", {"missing": str(error)})
    names = dict(Municipality.objects.filter(vintage=vintage).values_list("code", "name"))
    kommuner = sorted(names.items(), key=lambda item: item[1])
    form = CalculatorForm(request.GET or None, kommuner)
    context = {"form": form}
    if not form.is_bound or not form.is_valid():
        return render(request, "placefinder/calculator.html", context)
    data = form.cleaned_data
    weights = suggested_weights(data["barn"] or 0, data["hjemmekontor"], data["eget_firma"],
                                bool(data["arbeidssted"]))
    weights.update({d.key: data[f"w_{d.key}"] for d in DEFINITIONS
                    if data[f"w_{d.key}"] is not None})
    values, years = indicators.table()
    if data["arbeidssted"]:
        values = values.assign(pendling=indicators.commuting(values, data["arbeidssted"]))
        years = {**years, "pendling": "2020"}
    available = [d for d in DEFINITIONS if d.key in values]
    weights = {k: w for k, w in weights.items() if w and k in values}
    context["weights_used"] = [(BY_KEY[k].label, w) for k, w in weights.items()]
    context["unavailable"] = [d.label for d in DEFINITIONS
                              if d.key not in values and d.key != "pendling"]
    try:
        ranking = rank(values, [d.criterion for d in available], weights)
    except ValueError as error:
        context["problem"] = str(error)
        return render(request, "placefinder/calculator.html", context)
    context["ranking"] = [
        {"code": code, "name": names.get(code, code), "score": round(row.score),
         "coverage": round(100 * row.coverage)}
        for code, row in ranking.head(TOP).iterrows() if not pd.isna(row.score)
    ]
    chosen = list(dict.fromkeys(data[f"k{n}"] for n in range(1, COMPARED + 1) if data[f"k{n}"]))
    if chosen:
        context["comparison"] = _comparison(chosen, values, years, weights, ranking, names)
    context["share_link"] = request.build_absolute_uri()
    return render(request, "placefinder/calculator.html", context)


def _comparison(codes, values, years, weights, ranking, names):
    keys = [k for k in weights if k in values]
    scores = percentiles(values, [BY_KEY[k].criterion for k in keys])
    rows = []
    for key in keys:
        definition = BY_KEY[key]
        cells = []
        for code in codes:
            value, score = values.at[code, key], scores.at[code, key]
            if pd.isna(value):
                verdict, text = "missing", _("mangler data")
            else:
                verdict = "pro" if score >= 67 else "con" if score <= 33 else "middle"
                text = _format(value, key)
            cells.append({"text": text, "verdict": verdict})
        rows.append({"label": definition.label, "unit": definition.unit,
                     "source": definition.source, "year": years.get(key, ""),
                     "weight": weights[key], "cells": cells})
    heads = [{"code": c, "name": names.get(c, c), "rank": int(ranking.at[c, "rank"]),
              "score": None if pd.isna(ranking.at[c, "score"]) else round(ranking.at[c, "score"])}
             for c in codes]
    return {"heads": heads, "rows": rows}


def _format(value: float, key: str) -> str:
    if key in ("tiltakssone", "pendling"):
        return _("ja") if value >= 1 else _("nei")
    if abs(value) >= 100:
        return whole(value)
    return decimal(value)
