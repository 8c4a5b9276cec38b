"""The printable kommune profile /kommune/<nr>/rapport.pdf, fetched over HTTP and read back
with pypdf: every section heading of the kommune page (with the same query), its charts as
figures, its tables, the sources and method notes, in the chosen language; a clear answer
when data is missing."""

import re

import pandas as pd
import pytest

from livskraft.places.models import Municipality
from tests import page_parts as part
from tests.documents import SAMI_NAME, assert_accessible_pdf, figure_texts, structure

pytestmark = pytest.mark.django_db
PORSANGER = "5622"  # Porsanger-Porsáŋgu-Porsanki in codes/kommuner_2024.csv
QUERY = "start=2016&end=2026&borders=2024"


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def headings(page: bytes) -> list[str]:
    return [part.text(h) for h in part.document(page).iter("h2")]


def test_profile_has_every_section_of_the_page_and_a_figure_from_the_data(
        client, imported_shared_data):
    page = client.get(f"/kommune/{PORSANGER}/?{QUERY}")
    assert f'href="/kommune/{PORSANGER}/rapport.pdf?{QUERY.replace("&", "&amp;")}"' in \
        page.content.decode()
    response = client.get(f"/kommune/{PORSANGER}/rapport.pdf?{QUERY}")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    facts = assert_accessible_pdf(response.content, f"Kommuneprofil: {SAMI_NAME}", "nb")
    text = flat(facts.text)
    sections = headings(page.content)
    assert {"Folketall", "Sammenlignet med andre", "Befolkningsregnskap", "Framskriving",
            "Arbeidsplasser og pendling"} <= set(sections)
    for heading in sections:  # whatever sections the page has, the profile has them too
        assert heading in text, heading
    # population 1 January 2026 of 5622, read from the data file (3906)
    totals = pd.read_csv(imported_shared_data / "population" / "kommune_befolkning_total_b2024.csv",
                         dtype={"kommunenr": str})
    persons = int(totals[(totals.kommunenr == PORSANGER) & (totals.aar == 2026)].personer.iloc[0])
    assert f"2026 {persons // 1000} {persons % 1000:03d}" in text
    assert "1986" not in text.split("Sammenlignet med andre")[0]  # the period asked for: 2016–
    assert "Periode 1.1.2016–1.1.2026, kommunegrenser per 2024." in text
    # sources with table ids and licence, and the method notes
    assert "Kilde: Statistisk sentralbyrå, tabell 07459, lisens CC BY 4.0" in text
    assert "Metode" in text and "Kilde: Statistisk sentralbyrå, KLASS 131, KLASS 128" in text
    assert "Kart: © Kartverket (CC BY 4.0)." in text  # the locator map from the outlines
    assert "Last ned tallene" not in text and "Sammenlign med (inntil" not in text  # no controls
    assert "Figuren med kilde" not in text
    tags = structure(response.content)
    assert tags["/H1"] == 1 and tags["/H2"] >= len(sections) and tags["/Table"] >= 5
    assert tags["/Figure"] >= 5  # the charts and the locator map
    alternatives = figure_texts(response.content)  # each chart's SVG <title>, for screen readers
    assert None not in alternatives and f"Folketall i {SAMI_NAME} 1. januar" in alternatives


def test_profile_follows_the_language_and_the_chosen_kommuner(client, imported_shared_data):
    client.cookies["django_language"] = "nn"
    response = client.get(f"/kommune/{PORSANGER}/rapport.pdf?{QUERY}&sml=Røros")
    text = flat(assert_accessible_pdf(response.content, f"Kommuneprofil: {SAMI_NAME}", "nn").text)
    assert "Folketal" in text and "Kjelder og lisens" in text
    assert "Røros" in text  # not a neighbour: there because it was asked for
    client.cookies["django_language"] = "en"
    response = client.get(f"/kommune/{PORSANGER}/rapport.pdf?{QUERY}")
    text = flat(assert_accessible_pdf(response.content, f"Municipality profile: {SAMI_NAME}",
                                      "en").text)
    assert "Sources and licence" in text and "Population" in text


def test_missing_data_is_said_in_the_profile_and_unknown_kommune_is_a_page(
        client, empty_database):
    Municipality.objects.create(vintage=2024, code="9901", name="Testvik", county_code="99",
                                county_name="Prøvefylke")
    response = client.get("/kommune/9901/rapport.pdf?start=abc")
    assert response.status_code == 200
    text = flat(assert_accessible_pdf(response.content, "Kommuneprofil: Testvik").text)
    assert "Folketallene er ikke lastet inn ennå." in text and "Kilder og lisens" in text
    assert "Kartverket" not in text  # no map without outlines
    unknown = client.get("/kommune/9999/rapport.pdf")
    assert unknown.status_code == 404 and unknown["Content-Type"].startswith("text/html")
    assert re.search(r"<main", unknown.content.decode())
