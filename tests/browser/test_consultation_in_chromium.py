"""The whole høring as people use it: respondents on their phones, the committee at a desk."""

import io
import json
from pathlib import Path

import openpyxl
import pytest

from tests import page_parts as part

from .conftest import COMMITTEE_PASSWORD
from .test_pages_in_chromium import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]
SLUG = "distriktshoring"


def phone(browser):
    return browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                               locale="nb-NO", accept_downloads=True).new_page()


def respond(page, server, text: str, kommune: str = "5014") -> str:
    page.goto(f"{server}/horing/{SLUG}/")
    page.get_by_role("link", name="Send innspill").click()
    page.get_by_label("Hva trengs for at bedrifter").fill(text)
    page.get_by_role("radio", name="Privatperson").check()
    page.get_by_label("Navn (valgfritt for privatpersoner)").fill("Kari Testesen")
    page.get_by_label("Kommune", exact=True).select_option(kommune)
    page.get_by_role("button", name="Send innspill").click()
    page.wait_for_url("**/innspill/*/")
    return page.url


def test_respondent_submits_edits_downloads_and_erases(browser, consultation_server):
    page = phone(browser)
    private = respond(page, consultation_server, "Raskere bredbånd gir flere arbeidsplasser")
    assert "Takk! Innspillet er mottatt." in page.content()
    assert serious_violations(page) == []
    page.get_by_label("Hva trengs for at bedrifter").fill("Bredbånd og billigere ferje")
    page.get_by_role("button", name="Lagre endringer").click()
    assert "Endringene er lagret." in page.content()
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned alt som er lagret om deg (JSON)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["navn"] == "Kari Testesen"
    page.get_by_role("button", name="Slett navn, e-post, organisasjon og vedlegg").click()
    assert "anonymisert" in page.content()
    page.goto(private)
    assert page.get_by_label("Hva trengs for at bedrifter").input_value() == \
        "Bredbånd og billigere ferje"
    page.context.close()


def committee_desk(browser, server, path="moderer/"):
    desk = browser.new_context(locale="nb-NO", accept_downloads=True).new_page()
    desk.goto(f"{server}/horing/{SLUG}/{path}")
    desk.get_by_label("Brukernavn").fill("komite")
    desk.get_by_label("Passord").fill(COMMITTEE_PASSWORD)
    desk.get_by_role("button", name="Logg inn").click()
    desk.wait_for_url(f"**/{path}")
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
    assert desk.get_by_role("status").inner_text() == \
        "Innspillet er skjult. Teksten er tatt vare på."
    card = desk.locator("article.submission-card", has_text="fiberkabel i bygda 0")
    assert "skjult (begrunnelse: Dublett)" in card.locator("p.hint").inner_text()
    published = desk.locator("article.submission-card", has_text="fiberkabel i bygda 1")
    published.get_by_role("button", name="Publiser").click()
    assert desk.get_by_role("status").inner_text() == "Innspillet er publisert."
    assert serious_violations(desk) == []
    desk.get_by_role("link", name="Analyse").click()
    html = desk.content()
    assert "fiberkabel (5)" in [part.text(tag) for tag in part.document(html).find_class("tag")]
    by_county = part.document(html).xpath("//section[h2='Per fylke']//tr")
    rows = {part.text(r[0]): part.text(r[1]) for r in by_county[1:]}
    assert rows["Rogaland"] == "5"
    assert serious_violations(desk) == []
    with desk.expect_download() as download:
        desk.get_by_role("link", name="Alle innspill (XLSX)").click()
    sheet = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))["Innspill"]
    header, *body = list(sheet.iter_rows(values_only=True))
    assert header == ("innspill", "type", "organisasjon", "kommunenr", "fylke", "sentralitet",
                      "tema", "spørsmål", "svar")
    ours = sorted(row[8] for row in body if "fiberkabel" in row[8])
    assert ours == [f"Vi trenger fiberkabel i bygda {n}" for n in range(1, 6)]
    assert {row[3] for row in body if "fiberkabel" in row[8]} == {"1151"}
    assert {row[4] for row in body if "fiberkabel" in row[8]} == {"Rogaland"}
    public = phone(browser)
    public.goto(f"{consultation_server}/horing/{SLUG}/")
    shown = public.locator("body").inner_text()
    assert "Vi trenger fiberkabel i bygda 1" in shown
    assert "fiberkabel i bygda 0" not in shown and "fiberkabel i bygda 2" not in shown
    public.context.close()
    desk.context.close()


def test_statement_proposed_approved_then_voted_on_phones(browser, consultation_server):
    page = phone(browser)
    page.goto(f"{consultation_server}/horing/{SLUG}/enig/")
    statement = "Alle skal ha 100 Mbit/s innen 2030"
    page.get_by_label("Ny påstand").fill(statement)
    page.get_by_role("button", name="Send til godkjenning").click()
    assert page.get_by_role("status").inner_text() == "Takk! Påstanden vises når den er godkjent."
    assert page.locator("ul.statements li.card", has_text=statement).count() == 0
    assert serious_violations(page) == []
    desk = committee_desk(browser, consultation_server)
    pending = desk.locator("form.card", has_text=statement)
    pending.get_by_role("button", name="Godkjenn").click()
    assert desk.locator("form.card", has_text=statement).count() == 0
    desk.context.close()
    page.reload()
    card = page.locator("ul.statements li.card", has_text=statement)
    card.get_by_role("button", name="Enig", exact=True).click()
    card = page.locator("ul.statements li.card", has_text=statement)
    assert card.get_by_role("button", name="Enig", exact=True).get_attribute("aria-pressed") == "true"
    assert card.get_by_role("button", name="Uenig").get_attribute("aria-pressed") is None
    card.get_by_role("button", name="Uenig").click()  # a changed mind replaces the vote
    page.reload()
    card = page.locator("ul.statements li.card", has_text=statement)
    assert card.get_by_role("button", name="Uenig").get_attribute("aria-pressed") == "true"
    assert card.get_by_role("button", name="Enig", exact=True).get_attribute("aria-pressed") is None
    other = phone(browser)  # another phone is another voter: nothing is pressed for it
    other.goto(f"{consultation_server}/horing/{SLUG}/enig/")
    card = other.locator("ul.statements li.card", has_text=statement)
    assert card.locator("[aria-pressed]").count() == 0
    other.context.close()
    page.context.close()
