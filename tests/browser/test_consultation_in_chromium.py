"""The whole høring as people use it: respondents on their phones (bokmål and nynorsk), the
committee at a desk, and the "Er du enig?" poll with JavaScript turned off."""

import contextlib
import http.server
import io
import json
import threading
from pathlib import Path
from urllib.parse import urlsplit

import openpyxl
import pytest
from playwright.sync_api import expect

from tests import page_parts as part

from .accessibility import violations
from .conftest import COMMITTEE_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]
SLUG = "distriktshoring"
FIRST_QUESTION = "Hvordan bidrar arbeidsplasser og verdiskapning lokalt til nasjonal utvikling?"


def phone(browser, locale="nb-NO", javascript=True):
    return browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                               locale=locale, accept_downloads=True,
                               java_script_enabled=javascript).new_page()


def respond(page, server, text: str, kommune: str = "5014") -> str:
    page.goto(f"{server}/horing/{SLUG}/")
    page.get_by_role("link", name="Send innspill").click()
    page.get_by_label(FIRST_QUESTION).fill(text)
    page.get_by_role("radio", name="Medlem").check()
    page.get_by_label("Navn (valgfritt for privatpersoner)").fill("Kari Testesen")
    page.get_by_label("Kommune", exact=True).select_option(kommune)
    page.get_by_role("button", name="Send innspill").click()
    page.wait_for_url("**/innspill/*/")
    return page.url


def test_respondent_submits_edits_downloads_and_erases(browser, consultation_server):
    page = phone(browser)
    private = respond(page, consultation_server, "Raskere bredbånd gir flere arbeidsplasser")
    assert "Takk! Innspillet er mottatt." in page.content()
    assert violations(page) == []
    page.get_by_label(FIRST_QUESTION).fill("Bredbånd og billigere ferje")
    page.get_by_role("button", name="Lagre endringer").click()
    expect(page.locator("body")).to_contain_text("Endringene er lagret.")
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned alt som er lagret om deg (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["navn"] == "Kari Testesen"
    page.get_by_role("button", name="Slett navn, e-post, organisasjon og vedlegg").click()
    expect(page.locator("body")).to_contain_text("anonymisert")
    page.goto(private)
    assert page.get_by_label(FIRST_QUESTION).input_value() == "Bredbånd og billigere ferje"
    page.context.close()


def test_a_nynorsk_phone_answers_for_a_meeting(browser, consultation_server):
    page = phone(browser, locale="nn-NO")
    page.goto(f"{consultation_server}/horing/{SLUG}/")
    assert page.locator("html").get_attribute("lang") == "nn"
    assert "1. juni" in page.locator("p.lead").inner_text()  # Oslo time, the 1 June deadline
    assert "Tillit krever nærhet – trygge tjenester der folk bor!" in page.content()
    page.get_by_role("link", name="Send innspel").click()
    page.get_by_label(FIRST_QUESTION).fill("Vi treng fleire arbeidsplassar i bygda")
    page.get_by_role("radio", name="Lokallag").check()
    page.get_by_label("Svaret er vedteke i eit møte").check()
    page.get_by_label("Kommune", exact=True).select_option("4601")
    page.get_by_role("button", name="Send innspel").click()
    expect(page.locator("body")).to_contain_text("Skriv namnet på laget eller organisasjonen.")
    expect(page.locator("body")).to_contain_text("Skriv kor mange som var til stades på møtet.")
    assert page.get_by_label(FIRST_QUESTION).input_value() == \
        "Vi treng fleire arbeidsplassar i bygda"  # nothing lost
    page.get_by_label("Lokallag eller organisasjon").fill("Bergen Arbeidarparti")
    page.get_by_label("Talet på frammøtte på møtet").fill("17")
    page.get_by_role("button", name="Send innspel").click()
    page.wait_for_url("**/innspill/*/")
    assert violations(page) == []
    page.context.close()


def committee_desk(browser, server, path="moderer/", locale="nb-NO"):
    desk = browser.new_context(locale=locale, accept_downloads=True).new_page()
    desk.goto(f"{server}/horing/{SLUG}/{path}")
    desk.get_by_label("Brukarnamn" if locale == "nn-NO" else "Brukernavn").fill("komite")
    desk.get_by_label("Passord").fill(COMMITTEE_PASSWORD)
    desk.get_by_role("button", name="Logg inn").click()
    # the login page's address ends with ?next=/horing/…/{path} too: match the path itself
    desk.wait_for_url(lambda url: urlsplit(url).path == f"/horing/{SLUG}/{path}")
    return desk


def test_several_phones_then_the_committee_moderates_and_analyses(browser, consultation_server):
    """Six answers from Utsira (1151, Rogaland in codes/kommuner_2024.csv) with a word no other
    test uses; one is hidden, so five count: 6 − 1 = 5, the smallest group shown with a number."""
    for number in range(6):
        other = phone(browser)
        respond(other, consultation_server, f"Vi trenger fiberkabel i bygda {number}", "1151")
        other.context.close()
    desk = committee_desk(browser, consultation_server)
    hidden = desk.locator("article.submission-card", has_text="fiberkabel i bygda 0")
    hidden.get_by_label("Begrunnelse for å skjule").fill("Dublett")
    hidden.get_by_role("button", name="Skjul").click()
    expect(desk.get_by_role("status")).to_have_text(
        "Innspillet er skjult. Teksten er tatt vare på.")
    card = desk.locator("article.submission-card", has_text="fiberkabel i bygda 0")
    assert "skjult (begrunnelse: Dublett)" in card.locator("p.hint").inner_text()
    published = desk.locator("article.submission-card", has_text="fiberkabel i bygda 1")
    published.get_by_role("button", name="Publiser").click()
    expect(desk.get_by_role("status")).to_have_text("Innspillet er publisert.")
    assert violations(desk) == []
    desk.get_by_role("link", name="Analyse").click()
    desk.wait_for_url(f"**/horing/{SLUG}/analyse/")
    html = desk.content()
    assert "fiberkabel (5)" in [part.text(tag) for tag in part.document(html).find_class("tag")]
    by_county = part.document(html).xpath("//section[h2='Per fylke']//tr")
    rows = {part.text(r[0]): part.text(r[1]) for r in by_county[1:]}
    assert rows["Rogaland"] == "5"
    assert violations(desk) == []
    with desk.expect_download() as download:
        desk.get_by_role("link", name="Alle innspill (XLSX)").click()
    sheet = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))["Innspill"]
    header, *body = list(sheet.iter_rows(values_only=True))
    assert header == ("innspill", "type", "organisasjon", "vedtatt i møte", "til stede",
                      "kommunenr", "kommune", "fylke", "sentralitet", "tema", "spørsmål", "svar")
    ours = sorted(row[11] for row in body if "fiberkabel" in row[11])
    assert ours == [f"Vi trenger fiberkabel i bygda {n}" for n in range(1, 6)]
    assert {row[5] for row in body if "fiberkabel" in row[11]} == {"1151"}
    assert {row[6] for row in body if "fiberkabel" in row[11]} == {"Utsira"}
    assert {row[7] for row in body if "fiberkabel" in row[11]} == {"Rogaland"}
    summary = desk.locator("section.theme-summary").first.inner_text()
    assert "Hvordan skapes verdier og arbeidsplasser i Norge?" in summary
    assert "fiberkabel i bygda" in summary  # quotes a representative answer
    for link, size in (("Alle innspill (CSV)", 100), ("Sammendrag (PDF)", 1000)):
        with desk.expect_download() as download:
            desk.get_by_role("link", name=link).click()
        assert Path(download.value.path()).stat().st_size > size
    desk.goto(f"{consultation_server}/horing/{SLUG}/moderer/")
    assert "Utsira" in desk.locator("article.submission-card", has_text="fiberkabel").first \
        .locator("p.hint").inner_text()  # the kommune by name, not number
    desk.get_by_label("Søk", exact=True).fill("fiberkabel i bygda 3")
    desk.get_by_role("button", name="Filtrer").click()
    expect(desk.locator("article.submission-card")).to_have_count(1)
    public = phone(browser)
    public.goto(f"{consultation_server}/horing/{SLUG}/")
    shown = public.locator("body").inner_text()
    assert "Vi trenger fiberkabel i bygda 1" in shown
    assert "fiberkabel i bygda 0" not in shown and "fiberkabel i bygda 2" not in shown
    public.context.close()
    desk.context.close()


def test_statements_proposed_approved_in_bulk_then_voted_on_phones(browser, consultation_server):
    page = phone(browser)
    page.goto(f"{consultation_server}/horing/{SLUG}/enig/")
    statement = "Alle skal ha 100 Mbit/s innen 2030"
    page.get_by_label("Ny påstand").fill(statement)
    page.get_by_role("button", name="Send til godkjenning").click()
    expect(page.get_by_role("status")).to_have_text("Takk! Påstanden vises når den er godkjent.")
    assert page.locator("ol.statements li.card", has_text=statement).count() == 0
    assert violations(page) == []
    desk = committee_desk(browser, consultation_server)
    assert desk.get_by_label(statement).is_checked()
    desk.get_by_role("button", name="Godkjenn valgte").click()
    expect(desk.get_by_label(statement)).to_have_count(0)
    desk.get_by_label("Forslag eller påstand fra utvalget").fill(
        "Staten skal ta ansvar for bredbånd i hele landet")
    desk.get_by_role("button", name="Publiser", exact=True).first.click()
    expect(desk.get_by_role("status")).to_have_text("Påstanden er publisert.")
    desk.context.close()
    page.reload()
    assert page.locator("ol.statements li.card",
                        has_text="Staten skal ta ansvar for bredbånd").count() == 1
    card = page.locator("ol.statements li.card", has_text=statement)
    card.get_by_role("button", name="Enig", exact=True).click()  # on to the statement's page
    expect(page.get_by_role("heading", level=1)).to_have_text(statement)
    assert page.get_by_role("button", name="Enig", exact=True).get_attribute("aria-pressed") == \
        "true"
    assert violations(page) == []  # the statement page with its follow-up
    page.get_by_role("button", name="Uenig", exact=True).click()  # a changed mind replaces it
    expect(page.get_by_role("button", name="Uenig", exact=True)).to_have_attribute(
        "aria-pressed", "true")  # the answer page, before reloading it
    page.reload()
    assert page.get_by_role("button", name="Uenig", exact=True).get_attribute("aria-pressed") == \
        "true"
    assert page.get_by_role("button", name="Enig", exact=True).get_attribute("aria-pressed") is None
    other = phone(browser)  # another phone is another voter: nothing is pressed for it
    other.goto(f"{consultation_server}/horing/{SLUG}/enig/")
    card = other.locator("ol.statements li.card", has_text=statement)
    assert card.locator("[aria-pressed]").count() == 0
    other.context.close()
    page.context.close()


def test_the_committee_desk_in_nynorsk(browser, consultation_server):
    desk = committee_desk(browser, consultation_server, locale="nn-NO")
    assert desk.locator("html").get_attribute("lang") == "nn"
    expect(desk.locator("body")).to_contain_text("Publiser eit eige forslag")
    desk.get_by_label("Forslag eller påstand frå utvalet").fill("Fleire statlege jobbar i bygda")
    desk.get_by_role("button", name="Publiser", exact=True).first.click()
    expect(desk.get_by_role("status")).to_have_text("Påstanden er publisert.")
    assert violations(desk) == []
    desk.get_by_role("link", name="Analyse").click()
    desk.wait_for_url(f"**/horing/{SLUG}/analyse/")
    expect(desk.locator("body")).to_contain_text("Samandrag per tema")
    assert violations(desk) == []
    desk.context.close()


@contextlib.contextmanager
def another_site(html: str):
    """A page served from localhost on its own port, as another site embedding the poll (a
    real local server: Chromium refuses to let a page it did not load from the local network
    frame a local address)."""
    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html.encode())

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://localhost:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_er_du_enig_on_a_phone_without_javascript(browser, consultation_server):
    page = phone(browser, javascript=False)
    page.goto(f"{consultation_server}/enig/distriktspolitikk/")
    assert page.get_by_role("heading", level=1).inner_text() == \
        "Er du enig med Arbeiderpartiet om Distriktspolitikk?"
    assert page.locator("ol.statements > li").count() == 11
    page.locator("ol.statements > li").first.get_by_role("button", name="Enig", exact=True).click()
    expect(page.locator("body")).to_contain_text("Takk for din tilbakemelding!")  # the form's answer page
    expect(page.locator("body")).to_contain_text("Du har svart på 1 av 11 påstander.")
    page.get_by_role("link", name="Halvere fergetakstene.", exact=False).click()
    page.get_by_role("button", name="Uenig", exact=True).click()
    expect(page.locator("body")).to_contain_text("Vi kan ikke være enige om alt!")
    consent = page.get_by_label("Ja, jeg vil ha nyhetsbrev fra Arbeiderpartiet", exact=False)
    assert not consent.is_checked() and consent.get_attribute("required") is not None
    page.get_by_label("E-post", exact=True).fill("kari@example.org")
    page.get_by_role("button", name="Meld meg på").click()  # the browser asks for the box
    assert "du må bekrefte påmeldingen" not in page.content()
    consent.check()
    page.get_by_role("button", name="Meld meg på").click()
    expect(page.locator("body")).to_contain_text("du må bekrefte påmeldingen")
    page.goto(f"{consultation_server}/enig/distriktspolitikk/resultater/")
    assert "Sikre en sterk og forutsigbar kommuneøkonomi." in page.content()
    frame = phone(browser, javascript=False)
    with another_site(f'<!doctype html><title>Nettsted</title><iframe title="Er du enig?" '
                      f'src="{consultation_server}/enig/distriktspolitikk/innebygd/" '
                      'width="360" height="600"></iframe>') as elsewhere:
        frame.goto(elsewhere)  # localhost: another origin and site than the poll's 127.0.0.1
        inner = frame.frame_locator("iframe")
        inner.locator("ol.statements > li").nth(2).get_by_role("button", name="Enig",
                                                               exact=True).click()
        expect(inner.locator("body")).to_contain_text("Takk for din tilbakemelding!")
    for p in (page, frame):
        p.context.close()
