"""Each kommune chart as an image at a stable address (SVG and PNG) and as a page another
site may frame, with its source and licence drawn on the chart itself.

The charts are the kommune page's own (`views.kommune_context`): the same link with the same
choices (period, borders, set, scenario) gives the same chart as on the page."""

import html
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.clickjacking import xframe_options_exempt

from livskraft.analysis.errors import MissingDataError
from livskraft.web import attribution

from .charts.frame import INK, LAYOUTS

PNG_WIDTH = 1280  # twice the wide layout's 640 units: sharp on high-density screens
CHARS_PER_FONT_UNIT = 0.56  # a line's width in font sizes per character (DejaVu Sans ≈ 0.55)
ONE_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
VIEWBOX = re.compile(r'viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"')
LAYOUT = re.compile(r'class="chart chart-(\w+)"')
TITLE = re.compile(r"<title>([^<]*)</title>")
TITLE_FONT, TITLE_LINE = 15, 22  # an image's title above it: size, units per line
FONTS = {layout.name: layout.font for layout in LAYOUTS}


@dataclass(frozen=True)
class Chart:
    key: str  # the chart's name in the kommune page's context
    source: Callable[[dict], attribution.Source]  # from the page's context


def _fixed(source: attribution.Source) -> Callable[[dict], attribution.Source]:
    return lambda context: source


def _attractiveness(context: dict) -> attribution.Source:
    method = context["attractiveness_method"]
    return attribution.attractiveness(method.by_industry, method.migration_estimated)


def _projection(context: dict) -> attribution.Source:
    return attribution.projection(not context["projection_inputs"].fertility_from_infants,
                                  "ssb_difference" in context)


CHARTS = {
    "befolkning": Chart("trend_chart", _fixed(attribution.POPULATION)),
    "aldersfordeling": Chart("pyramid_chart", _fixed(attribution.POPULATION)),
    "befolkningsregnskap": Chart("accounts_chart", _fixed(attribution.ACCOUNTS)),
    "arbeidsplasser": Chart("work_chart", _fixed(attribution.JOBS)),
    "attraktivitet": Chart("attractiveness_chart", _attractiveness),
    "framskriving": Chart("projection_chart", _projection),
}


def with_source(markup: str, sentence: str) -> SafeString:
    """Each SVG of the chart (both layouts) with `sentence` drawn under it in the layout's
    own font size, wrapped to its width; the viewBox grows to hold it."""
    return mark_safe(ONE_SVG.sub(lambda found: _signed_svg(found.group(0), sentence), markup))


def _signed_svg(svg: str, sentence: str) -> str:
    box = VIEWBOX.search(svg)
    if box is None:
        raise ValueError("not one of our charts: no viewBox")
    width, height = float(box.group(1)), float(box.group(2))
    layout = LAYOUT.search(svg)
    font = FONTS.get(layout.group(1) if layout else "", 12)
    lines = textwrap.wrap(sentence, int((width - 8) / (font * CHARS_PER_FONT_UNIT)))
    step = round(font * 1.4)
    grown = svg.replace(box.group(0), f'viewBox="0 0 {box.group(1)} '
                                      f'{height + step * len(lines) + 6:g}"', 1)
    drawn = "".join(
        f'<text x="{width - 4:g}" y="{height + step * (n + 1):g}" text-anchor="end" '
        f'font-size="{font}" fill="{INK}" class="chart-source">{escape(text)}</text>'
        for n, text in enumerate(lines))
    return grown.removesuffix("</svg>") + drawn + "</svg>"


def wide(markup: str) -> str:
    """The wide layout alone (the first SVG of the pair) with its title drawn above it: an
    image or a framed chart stands without the page's heading."""
    found = ONE_SVG.search(markup)
    if found is None:
        raise ValueError("not one of our charts: no SVG")
    svg = found.group(0)
    box, title = VIEWBOX.search(svg), TITLE.search(svg)
    if box is None or title is None:
        raise ValueError("not one of our charts: no viewBox or title")
    width, height = float(box.group(1)), float(box.group(2))
    lines = textwrap.wrap(html.unescape(title.group(1)),
                          int((width - 8) / (TITLE_FONT * CHARS_PER_FONT_UNIT)))
    top = TITLE_LINE * len(lines) + 4
    svg = svg.replace(box.group(0), f'viewBox="0 0 {box.group(1)} {height + top:g}"', 1)
    head, body = svg[:title.end()], svg[title.end():].removesuffix("</svg>")
    desc_end = body.find("</desc>") + len("</desc>") if "</desc>" in body else 0
    heading = "".join(
        f'<text x="4" y="{TITLE_LINE * (n + 1) - 6}" font-size="{TITLE_FONT}" '
        f'font-weight="bold" fill="{INK}" class="chart-title">{escape(text)}</text>'
        for n, text in enumerate(lines))
    return (head + body[:desc_end] + heading + f'<g transform="translate(0 {top})">'
            + body[desc_end:] + "</g></svg>")


def _comparisons(context: dict) -> dict[str, dict]:
    """The comparison blocks (`comparisons.blocks`) by their chart name, sammenligning…"""
    return {block["download"]: block for blocks in context.get("comparisons", {}).values()
            for block in blocks}


def signed(context: dict) -> dict:
    """The page's charts, each with its source and licence drawn on it."""
    for chart in CHARTS.values():
        if context.get(chart.key):
            context[chart.key] = with_source(context[chart.key],
                                             chart.source(context).sentence())
    for block in _comparisons(context).values():
        block["chart"] = with_source(block["chart"], block["source"].sentence())
    return context


def _chart(request, code: str, name: str) -> tuple[dict, str, attribution.Source]:
    from .views import kommune_context

    if name not in CHARTS and not name.startswith("sammenligning"):
        raise Http404("Ukjent figur")
    try:
        context = kommune_context(request, code)
    except MissingDataError as error:
        raise Http404(str(error)) from error
    block = _comparisons(context).get(name) or {}
    markup = context.get(CHARTS[name].key) if name in CHARTS else block.get("chart")
    if not markup:
        raise Http404("Figuren mangler data")
    source = CHARTS[name].source(context) if name in CHARTS else block["source"]
    return context, wide(markup), source


def svg(request, code: str, name: str):
    _context, chart, _source = _chart(request, code, name)
    response = HttpResponse('<?xml version="1.0" encoding="UTF-8"?>\n' + chart,
                            content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}_{code}.svg"'
    return response


def png(request, code: str, name: str):
    import cairosvg  # imported when used: a quicker cold start

    _context, chart, _source = _chart(request, code, name)
    image = cairosvg.svg2png(bytestring=chart.encode("utf-8"), output_width=PNG_WIDTH,
                             background_color="white")
    response = HttpResponse(image, content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="{name}_{code}.png"'
    return response


@xframe_options_exempt
def embed(request, code: str, name: str):
    """The chart alone on a page any site may frame (its own frame policy: no
    X-Frame-Options, CSP frame-ancestors *), linking back to the kommune page."""
    context, chart, source = _chart(request, code, name)
    page = reverse("kommune", args=[code])
    response = render(request, "profiles/chart_embed.html", {
        "chart": chart, "place": context["place"], "name": name,
        "page_url": page + (f"?{context['chart_query']}" if context["chart_query"] else ""),
        "source": source.sentence(), "licence_url": attribution.LICENCE_URL})
    response._csp_replace = {"frame-ancestors": ["*"]}
    return response
