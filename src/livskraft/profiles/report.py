"""The printable kommune profile, /kommune/<nr>/rapport.pdf: the kommune page itself (the
same context and section templates, with the same query: period, borders, compared
kommuner, scenarios), laid out for print by profiles/report.html with its sources and method
notes, and made a tagged PDF by `web.pdf`. A section added to the page is in the profile."""

from datetime import UTC, datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from livskraft.analysis.errors import MissingDataError
from livskraft.web import page_cache, pdf
from livskraft.web.attribution import Source

from . import views
from .chart_images import CHARTS

SECTION_CHARTS = {  # chart (chart_images.CHARTS) → the page's section heading (its msgid)
    "befolkning": "Folketall",
    "aldersfordeling": "Aldersfordeling",
    "befolkningsregnskap": "Befolkningsregnskap",
    "arbeidsplasser": "Arbeidsplasser og pendling",
    "attraktivitet": "Attraktivitet for næringsliv og bosetting",
    "framskriving": "Framskriving",
}
BORDERS_AND_CENTRALITY = Source(("KLASS 131", "KLASS 128"))


def sources(context: dict) -> list[tuple[str, str]]:
    """Per chart the page shows, the SSB tables it was built from, as the chart itself says
    (the tables actually used, e.g. 06913 only where it is loaded); each comparison by its
    own title and source."""
    found = [(_(SECTION_CHARTS[name]) if name in SECTION_CHARTS else name,
              chart.source(context).sentence())
             for name, chart in CHARTS.items() if context.get(chart.key)]
    found += [(block["title"], block["source"].sentence())
              for blocks in context.get("comparisons", {}).values() for block in blocks]
    return found + [(_("Kommuneinndeling og sentralitet"), BORDERS_AND_CENTRALITY.sentence())]


def kommune_report(request, code: str):
    try:
        context = views.kommune_context(request, code)
    except MissingDataError:  # an unknown kommune: the page's own clear answer
        return views.kommune(request, code)
    modified = page_cache.last_modified(page_cache.version.get())
    query = request.GET.urlencode()
    page_url = request.build_absolute_uri(reverse("kommune", args=[code]))
    context.update(
        layout="profiles/report.html", sources=sources(context), made=timezone.localtime(),
        data_loaded=timezone.localtime(datetime.fromtimestamp(modified, UTC)) if modified else None,
        page_address=f"{page_url}?{query}" if query else page_url)
    html = render_to_string("profiles/kommune.html", context, request)
    return pdf.html_response(html, f"kommuneprofil-{code}.pdf")
