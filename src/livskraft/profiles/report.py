"""The printable kommune profile, /kommune/<nr>/rapport.pdf: the kommune page itself (the
same view, context and section templates, with the same query: period, borders, compared
kommuner, scenarios), laid out for print by profiles/report.html with its sources and method
notes, and made a tagged PDF by `web.pdf`. A section added to the page is in the profile."""

from datetime import UTC, datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livskraft.web import attribution, page_cache, pdf
from livskraft.web.attribution import Source

from . import views

SOURCES = [  # what each section of the page is built from, under the page's headings
    (_("Folketall"), attribution.POPULATION),
    (_("Sammenlignet med andre"), Source(("07459", "KLASS 128"), computed=True)),
    (_("Aldersfordeling"), attribution.POPULATION),
    (_("Befolkningsregnskap"), attribution.ACCOUNTS),
    (_("Arbeidsplasser og pendling"), Source(("11618", "03321"))),
    (_("Attraktivitet for næringsliv og bosetting"), attribution.ATTRACTIVENESS),
    (_("Framskriving"), attribution.PROJECTION),
    (_("Kommuneinndeling og sentralitet"), Source(("KLASS 131", "KLASS 128"))),
]


def kommune_report(request, code: str):
    modified = page_cache.last_modified(page_cache.version.get())
    query = request.GET.urlencode()
    page_url = request.build_absolute_uri(reverse("kommune", args=[code]))
    page = views.kommune(
        request, code, layout="profiles/report.html", made=timezone.localtime(),
        data_loaded=timezone.localtime(datetime.fromtimestamp(modified, UTC)) if modified else None,
        page_address=f"{page_url}?{query}" if query else page_url,
        sources=[(label, source.sentence()) for label, source in SOURCES])
    if page.status_code != 200:  # an unknown kommune: the page's own clear answer
        return page
    return pdf.html_response(page.content.decode("utf-8"), f"kommuneprofil-{code}.pdf")
