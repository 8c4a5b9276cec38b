"""Each kommune chart as an image at a stable address (SVG and PNG) and as a page another
site may frame, with its source and licence drawn on the chart itself.

The charts are the kommune page's own (`views.kommune_context`): the same link with the same
choices (period, borders, set, scenario) gives the same chart as on the page."""

import re
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.clickjacking import xframe_options_exempt

from livskraft.analysis.errors import MissingDataError
from livskraft.web import attribution

from . import charts

SOURCE_LINE = 22  # px added below a chart for its source line
PNG_WIDTH = 1280  # twice the charts' 640-unit width: sharp on high-density screens
VIEWBOX = re.compile(r'viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"')


@dataclass(frozen=True)
class Chart:
    key: str  # the chart's name in the kommune page's context
    source: attribution.Source


CHARTS = {
    "befolkning": Chart("trend_chart", attribution.POPULATION),
    "sammenligning": Chart("comparison_chart", attribution.POPULATION),
    "sammenligning-valgte": Chart("comparison_picked_chart", attribution.POPULATION),
    "aldersfordeling": Chart("pyramid_chart", attribution.POPULATION),
    "befolkningsregnskap": Chart("accounts_chart", attribution.ACCOUNTS),
    "arbeidsplasser": Chart("work_chart", attribution.JOBS),
    "attraktivitet": Chart("attractiveness_chart", attribution.ATTRACTIVENESS),
    "framskriving": Chart("projection_chart", attribution.PROJECTION),
}


def with_source(svg: str, sentence: str) -> SafeString:
    """The chart with `sentence` drawn in a line of its own under it (the viewBox grows)."""
    found = VIEWBOX.search(svg)
    if found is None:
        raise ValueError("not one of our charts: no viewBox")
    width, height = float(found.group(1)), float(found.group(2))
    grown = svg.replace(found.group(0), f'viewBox="0 0 {found.group(1)} '
                                        f'{height + SOURCE_LINE:g}"', 1)
    line = (f'<text x="{width - 4:g}" y="{height + SOURCE_LINE - 7:g}" text-anchor="end" '
            f'font-size="11" fill="{charts.INK}" class="chart-source">{escape(sentence)}</text>')
    return mark_safe(grown.removesuffix("</svg>") + line + "</svg>")


def signed(context: dict) -> dict:
    """The page's charts, each with its source and licence drawn on it."""
    for chart in CHARTS.values():
        if context.get(chart.key):
            context[chart.key] = with_source(context[chart.key], chart.source.sentence())
    return context


def _chart(request, code: str, name: str) -> tuple[dict, str]:
    from .views import kommune_context

    if name not in CHARTS:
        raise Http404("Ukjent figur")
    try:
        context = kommune_context(request, code)
    except MissingDataError as error:
        raise Http404(str(error)) from error
    svg = context.get(CHARTS[name].key)
    if not svg:
        raise Http404("Figuren mangler data")
    return context, svg


def svg(request, code: str, name: str):
    _context, chart = _chart(request, code, name)
    response = HttpResponse('<?xml version="1.0" encoding="UTF-8"?>\n' + chart,
                            content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}_{code}.svg"'
    return response


def png(request, code: str, name: str):
    import cairosvg  # imported when used: a quicker cold start

    _context, chart = _chart(request, code, name)
    image = cairosvg.svg2png(bytestring=chart.encode("utf-8"), output_width=PNG_WIDTH,
                             background_color="white")
    response = HttpResponse(image, content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{name}_{code}.png"'
    return response


@xframe_options_exempt
def embed(request, code: str, name: str):
    """The chart alone on a page any site may frame (its own frame policy: no
    X-Frame-Options, CSP frame-ancestors *), linking back to the kommune page."""
    context, chart = _chart(request, code, name)
    page = reverse("kommune", args=[code])
    response = render(request, "profiles/chart_embed.html", {
        "chart": chart, "place": context["place"], "name": name,
        "page_url": page + (f"?{context['chart_query']}" if context["chart_query"] else ""),
        "source": CHARTS[name].source.sentence(), "licence_url": attribution.LICENCE_URL})
    response._csp_replace = {"frame-ancestors": ["*"]}
    return response
