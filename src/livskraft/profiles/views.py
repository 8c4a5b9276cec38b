"""Kommune pages, the national page and their data downloads."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livskraft.analysis.errors import MissingDataError
from livskraft.places.models import Municipality
from livskraft.sources.problems import Problem
from livskraft.stats import frames
from livskraft.stats.models import ImportReport
from livskraft.web import attribution
from livskraft.web.collation import norwegian
from livskraft.web.data_messages import describe
from livskraft.web.downloads import table_response
from livskraft.web.formatting import decimal, percent, whole

from . import (
    chart_images,
    charts,
    choropleth,
    comparisons,
    map_filters,
    outlook,
    projection_maps,
    reports,
    search,
)
from .attractiveness_tables import attractiveness_table, job_years
from .comparison_measures import BY_KEY, Inputs
from .forms import PeriodForm
from .projection_tables import kommune_table, ssb_comparison

CHANGE_BINS = [  # (upper bound in per cent, colour, label) – PuOr, colour-blind safe
    (-10, "#7f3b08", gettext_lazy("under −10 %")),
    (-5, "#e08214", gettext_lazy("−10 til −5 %")),
    (0, "#fdb863", gettext_lazy("−5 til 0 %")),
    (5, "#b2abd2", gettext_lazy("0 til 5 %")),
    (10, "#8073ac", gettext_lazy("5 til 10 %")),
    (float("inf"), "#2d004b", gettext_lazy("over 10 %")),
]
ATTRACTIVENESS_BINS = [  # (upper bound in percentage points, colour, label)
    (-2, "#e08214", gettext_lazy("under −2")),
    (0, "#fdb863", gettext_lazy("−2 til 0")),
    (2, "#b2abd2", gettext_lazy("0 til 2")),
    (float("inf"), "#5e3c99", gettext_lazy("over 2")),
]
COMPONENTS_PUBLIC = gettext_lazy(
    "Dette krever tall for fødte, døde og flytting (SSB-tabell 06913) for hele perioden, "
    "og de er ikke lastet inn ennå."
)
NO_POPULATION = gettext_lazy("Folketallene er ikke lastet inn ennå.")
NO_DATA_REMEDY = gettext_lazy(
    "Kjør «livskraft import-data MAPPE» eller «livskraft sync». Rapporten fra siste import "
    "står på forsiden."
)
COMPONENTS_MISSING = gettext_lazy(
    "Kjør «livskraft sync», eller importer en fil med befolkningsendringer "
    "(kommune_befolkningsendringer_*.csv, se docs/data-formats.md)."
)
CATEGORY_COLOURS = {
    "growing_without_immigration": "#1b7837",
    "growing_only_with_immigration": "#fdb863",
    "declining": "#762a83",
    "unknown": choropleth.NO_DATA,
}


@dataclass
class Period:
    start: int
    end: int
    borders: int

    def query(self) -> str:
        return urlencode({"start": self.start, "end": self.end, "borders": self.borders})


def _period(request, default_span: int | None = None) -> tuple[PeriodForm, Period | None]:
    form = PeriodForm(request.GET, default_span)
    if form.is_valid():
        return form, Period(**form.cleaned_data)
    fallback = PeriodForm({}, default_span)
    return form, Period(**fallback.cleaned_data) if fallback.is_valid() else None


def home(request):
    newest = Municipality.objects.order_by("-vintage").values_list("vintage", flat=True).first()
    kommuner = (Municipality.objects.filter(vintage=newest)
                .order_by("county_code", norwegian("name")))
    context = {"kommuner": kommuner}
    report = ImportReport.objects.first() if request.user.is_staff else None
    if report is not None:
        context.update(import_report=report,
                       import_refused=[describe(Problem(**p)) for p in report.refused],
                       import_notes=[describe(Problem(**p)) for p in report.notes])
    return render(request, "profiles/home.html", context)


def find(request):
    """The search box: a kommunenummer or a name, today's or a former one. One exact match
    goes straight to the kommune; otherwise the candidates, or suggestions, are listed."""
    query = request.GET.get("q", "").strip()[:100]
    candidates, exact = search.find(query)
    if exact:
        return redirect("kommune", code=candidates[0].code)
    context = {"query": query, "candidates": candidates, "searched": True,
               "has_data": Municipality.objects.exists()}
    if not candidates and query:
        context["suggestions"] = search.suggestions(query)
    return render(request, "profiles/search.html", context, status=200 if candidates else 404)


def find_candidates(request):
    """Candidates as you type (JSON for the search box's script)."""
    candidates, _exact = search.find(request.GET.get("q", "").strip()[:100])
    return JsonResponse({"candidates": [
        {"code": c.code, "name": c.name, "county": c.county, "former": c.former,
         "url": reverse("kommune", args=[c.code])} for c in candidates]})


def kommune(request, code: str):
    try:
        context = kommune_context(request, code)
    except MissingDataError:
        context = {"query": code, "searched": True, "code": code,
                   "has_data": Municipality.objects.exists(), "candidates": []}
        if context["has_data"]:
            context["candidates"] = search.find(code)[0]
        return render(request, "profiles/search.html", context, status=404)
    return render(request, "profiles/kommune.html", context)


def kommune_context(request, code: str) -> dict:
    """Everything the kommune page shows, its charts signed with their source (also what
    the chart image and embed views draw from). MissingDataError: no such kommune."""
    place = reports.municipality(code)
    form, period = _period(request)
    context = {"place": place, "form": form, "period": period,
               "centrality": reports.centrality(code), "components_public": COMPONENTS_PUBLIC,
               "chart_query": request.GET.urlencode()}
    if period is None:
        context.update(trend_missing=NO_POPULATION, no_data_remedy=NO_DATA_REMEDY)
        return context
    try:
        trend = reports.population_table(code, period.start, period.end, period.borders)
        context["trend"] = trend.to_dict("records")
        context["trend_chart"] = charts.render("population",
            trend.aar.tolist(), trend.folketall.tolist(), trend.estimert.astype(bool).tolist(),
            _("Folketall i %(name)s 1. januar") % {"name": place.name},
        )
        context["trend_change"] = _change_text(trend)
        context["trend_has_estimates"] = bool(trend.estimert.any())
    except MissingDataError:
        context["trend_missing"] = _("Ingen folketall for denne kommunen i valgt periode.")
    try:
        year, bands = reports.age_pyramid_table(code)
        context["pyramid_year"], context["pyramid"] = year, bands.to_dict("records")
        context["pyramid_chart"] = charts.render("pyramid",
            bands.aldersgruppe.tolist(), bands.menn.tolist(), bands.kvinner.tolist(),
            _("Aldersfordeling i %(name)s 1. januar %(year)s") % {"name": place.name,
                                                                   "year": year},
        )
    except MissingDataError:
        context["pyramid_missing"] = _("Ingen aldersfordeling etter kjønn er lastet inn.")
    try:
        accounts = _accounts(code, period)
        context["accounts"] = accounts.to_dict("records")
        context["accounts_chart"] = charts.render("components",
            accounts.aar.tolist(),
            {_("Fødselsoverskudd"): accounts.fodselsoverskudd.tolist(),
             _("Nettoinnvandring"): accounts.nettoinnvandring.tolist(),
             _("Innenlandsk nettoflytting"): accounts.innenlandsk_nettoflytting.tolist()},
            _("Befolkningsregnskap for %(name)s") % {"name": place.name},
        )
    except MissingDataError:
        context["accounts_missing"] = COMPONENTS_MISSING
    context.update(outlook.attractiveness_section(code, place.name, request.GET,
                                                  period.borders))
    context.update(outlook.work_section(code, period.borders))
    context.update(outlook.projection_section(code, place.name, period.borders, request.GET))
    chosen = request.GET.get("sml", "")[:300]
    context.update(comparisons.section(code, place.name, comparison_inputs(period, request.GET),
                                       chosen))
    context["comparison_query"] = period.query() + (f"&{urlencode({'sml': chosen})}"
                                                    if chosen else "")
    return chart_images.signed(context)


def _change_text(trend) -> str:
    first, last = trend.iloc[0], trend.iloc[-1]
    change = last.folketall - first.folketall
    share = 100 * change / first.folketall if first.folketall else float("nan")
    return (f"{whole(first.folketall)} (1.1.{first.aar}) → {whole(last.folketall)} "
            f"(1.1.{last.aar}): {whole(change)} ({percent(share)})")


def _accounts(code: str, period: Period):
    table = reports.accounts_table(code, period.borders)
    table = table[(table.aar >= period.start) & (table.aar < period.end)]
    if table.empty:
        raise MissingDataError("Ingen befolkningsendringer for valgt periode.")
    return table


def _attractiveness(code: str, period: Period):
    return attractiveness_table(period.start, period.end, period.borders)[0]


KOMMUNE_TABLES = {
    "befolkning": lambda code, p: reports.population_table(code, p.start, p.end, p.borders),
    "attraktivitet": _attractiveness,
    "framskriving": lambda code, p: kommune_table(code, 30, p.borders),
    "ssbsammenligning": lambda code, p: ssb_comparison(code, p.borders),
    "aldersfordeling": lambda code, p: reports.age_pyramid_table(code)[1],
    "befolkningsregnskap": _accounts,
}
# where each download's figures come from (a `kilde` column in every file)
DATA_SOURCES = {
    "befolkning": lambda table, p: attribution.POPULATION,
    "aldersfordeling": lambda table, p: attribution.POPULATION,
    "befolkningsendring": lambda table, p: attribution.POPULATION,
    "befolkningsregnskap": lambda table, p: attribution.ACCOUNTS,
    "innvandringseffekt": lambda table, p: attribution.IMMIGRATION_EFFECT,
    "attraktivitet": lambda table, p: attribution.attractiveness(
        bool(table.bransjeeffekt_pst.notna().any()), bool(table.nettoflytting_anslag.any())),
    "framskriving": lambda table, p: attribution.projection(
        not frames.components(p.borders).empty, bool(table.scenario.str.startswith("ssb_").any())),
    "ssbsammenligning": lambda table, p: attribution.projection(
        not frames.components(p.borders).empty, True),
    "innvandringframskriving": lambda table, p: attribution.projection(
        not frames.components(p.borders).empty, not frames.official_projection(p.borders).empty),
}


def comparison_inputs(period: Period, data) -> Inputs:
    """What the comparisons need: the period, and the attractiveness section's years."""
    attractiveness = None
    try:
        years = job_years(period.borders)
        if len(years) >= 2:
            start, end, _problem = outlook.attractiveness_period(data, years)
            attractiveness = (start, end)
    except MissingDataError:
        pass
    return Inputs(period.start, period.end, period.borders, attractiveness)


def kommune_data(request, code: str, table: str, fmt: str):
    _, period = _period(request)
    measure = BY_KEY.get(table.removeprefix("sammenligning")) \
        if table.startswith("sammenligning") else None
    if (table not in KOMMUNE_TABLES and measure is None) or period is None:
        raise Http404("Ukjent tabell")
    try:
        if measure is not None:
            chosen = comparisons.chosen_codes(request.GET.get("sml", "")[:300], code,
                                              period.borders)
            data = comparisons.table(measure, code, comparison_inputs(period, request.GET),
                                     chosen)
        else:
            data = KOMMUNE_TABLES[table](code, period)
    except MissingDataError as error:
        raise Http404(str(error)) from error
    name = f"{table}_{code}"
    source = measure.source(comparison_inputs(period, request.GET)) if measure is not None \
        else DATA_SOURCES[table](data, period)
    return table_response({name: attribution.with_source(data, source)}, name, fmt)


def national(request):
    form, period = _period(request, default_span=10)
    context = {"form": form, "period": period, "components_public": COMPONENTS_PUBLIC,
               "no_population": NO_POPULATION, "no_data_remedy": NO_DATA_REMEDY}
    if period is None:
        return render(request, "profiles/national.html", context)
    change = reports.population_change_table(period.start, period.end, period.borders)
    vintage = choropleth.best_vintage(set(change.kommunenr))
    chosen = map_filters.chosen(request.GET, period.borders)
    context["filters"] = chosen
    fills, labels = {}, {}
    for row in change.itertuples():
        fills[row.kommunenr] = _change_colour(row.endring_prosent)
        labels[row.kommunenr] = percent(row.endring_prosent)
    fills = chosen.dim(fills)
    change = chosen.rows(change)
    context.update(
        change=change.to_dict("records"),
        legend=[(colour, label) for _bound, colour, label in CHANGE_BINS],
        estimated_count=int(change.estimert.sum()),
    )
    if vintage is not None:
        context["change_map"] = choropleth.render(
            vintage, fills, labels,
            _("Befolkningsendring 1.1.%(start)s–1.1.%(end)s, per kommune")
            % {"start": period.start, "end": period.end},
        )
        context["map_vintage"] = vintage
    try:
        effect = chosen.rows(
            reports.immigration_effect_table(period.start, period.end, period.borders))
        context["effect"] = effect.to_dict("records")
        context["effect_counts"] = [
            (CATEGORY_COLOURS[key], label, count)
            for key, label, count in reports.category_counts(effect)
        ]
        if vintage is not None:
            context["effect_map"] = choropleth.render(
                vintage,
                chosen.dim({r.kommunenr: CATEGORY_COLOURS[r.kategori]
                            for r in effect.itertuples()}),
                {r.kommunenr: r.kategori_navn for r in effect.itertuples()},
                _("Vekst og innvandring 1.1.%(start)s–1.1.%(end)s")
                % {"start": period.start, "end": period.end},
            )
    except MissingDataError:
        context["effect_missing"] = COMPONENTS_MISSING
    context.update(projection_maps.section(period.borders, chosen.dim))
    context.update(_national_attractiveness(period.borders, vintage, chosen))
    if vintage is not None:
        context.update(outlines_url=reverse("national-outlines", args=[vintage]),
                       pale=map_filters.FILTERED_OUT)
    return render(request, "profiles/national.html", context)


def _national_attractiveness(borders: int, vintage: int | None, chosen) -> dict:
    """Total attractiveness of every kommune over the longest span with jobs by place of work
    (Vareide's method, as on the kommune page), as a map and a table; {} when it cannot be
    computed (the kommune page says why)."""
    try:
        years = job_years(borders)
        if len(years) < 2:
            return {}
        table = attractiveness_table(years[0], years[-1], borders)[0]
    except (MissingDataError, ValueError):
        return {}
    fills = {}
    for row in table.itertuples():
        fills[row.kommunenr] = next(colour for bound, colour, _label in ATTRACTIVENESS_BINS
                                    if row.samlet_attraktivitet_pst < bound)
    out = {"attractiveness": chosen.rows(table).to_dict("records"),
           "attractiveness_span": (years[0], years[-1]),
           "attractiveness_legend": [(colour, label) for _b, colour, label in ATTRACTIVENESS_BINS]}
    if vintage is not None:
        labels = {r.kommunenr: decimal(r.samlet_attraktivitet_pst, 2) for r in table.itertuples()}
        out["attractiveness_map"] = choropleth.render(
            vintage, chosen.dim(fills), labels,
            _("Samlet attraktivitet %(start)s–%(end)s, per kommune")
            % {"start": years[0], "end": years[-1]})
    return out


def _change_colour(value: float) -> str:
    for bound, colour, _label in CHANGE_BINS:
        if value < bound:
            return colour
    return choropleth.NO_DATA


NATIONAL_TABLES = {
    "befolkningsendring": lambda p: reports.population_change_table(p.start, p.end, p.borders),
    "innvandringseffekt": lambda p: reports.immigration_effect_table(p.start, p.end, p.borders),
    "innvandringframskriving": lambda p: projection_maps.download_table(p.borders),
}


def national_outlines(request, vintage: int):
    """The kommune outlines of one vintage as GeoJSON, for the zoomable map."""
    outlines = choropleth.geojson(int(vintage), frames.data_version())
    if outlines is None:
        raise Http404(_("Ingen kartgrenser for %(year)s.") % {"year": vintage})
    return HttpResponse(outlines, content_type="application/geo+json")


def national_data(request, table: str, fmt: str):
    _, period = _period(request, default_span=10)
    if table not in NATIONAL_TABLES or period is None:
        raise Http404("Ukjent tabell")
    try:
        data = NATIONAL_TABLES[table](period)
    except MissingDataError as error:
        raise Http404(str(error)) from error
    name = f"{table}_{period.start}_{period.end}"
    source = DATA_SOURCES[table](data, period)
    return table_response({name: attribution.with_source(data, source)}, name, fmt)

