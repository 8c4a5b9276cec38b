"""The whole høring as people use it: respondents on their phones, the committee at a desk."""

import json
from pathlib import Path

import pytest

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


def test_several_phones_then_the_committee_moderates_and_analyses(browser, consultation_server):
    for number in range(6):
        other = phone(browser)
        respond(other, consultation_server, f"Vi trenger bredbånd og fiber i bygda {number}")
        other.context.close()
    desk = browser.new_context(locale="nb-NO", accept_downloads=True).new_page()
    desk.goto(f"{consultation_server}/horing/{SLUG}/moderer/")
    desk.get_by_label("Brukernavn").fill("komite")
    desk.get_by_label("Passord").fill(COMMITTEE_PASSWORD)
    desk.get_by_role("button", name="Logg inn").click()
    desk.wait_for_url("**/moderer/")
    first = desk.locator("article.submission-card").first
    first.get_by_label("Begrunnelse for å skjule").fill("Dublett")
    first.get_by_role("button", name="Skjul").click()
    assert "Innspillet er skjult. Teksten er tatt vare på." in desk.content()
    second = desk.locator("article.submission-card").nth(1)
    second.get_by_role("button", name="Publiser").click()
    assert "Innspillet er publisert." in desk.content()
    assert serious_violations(desk) == []
    desk.get_by_role("link", name="Analyse").click()
    assert "bredbånd" in desk.locator("body").inner_text()
    assert serious_violations(desk) == []
    with desk.expect_download() as download:
        desk.get_by_role("link", name="Alle innspill (XLSX)").click()
    assert Path(download.value.path()).stat().st_size > 1000
    public = phone(browser)
    public.goto(f"{consultation_server}/horing/{SLUG}/")
    assert public.locator("text=Publiserte innspill").count() == 1
    public.context.close()
    desk.context.close()


def test_statement_voting_on_a_phone(browser, consultation_server):
    page = phone(browser)
    page.goto(f"{consultation_server}/horing/{SLUG}/enig/")
    page.get_by_label("Ny påstand").fill("Alle skal ha 100 Mbit/s innen 2030")
    page.get_by_role("button", name="Send til godkjenning").click()
    assert "vises når den er godkjent" in page.content()
    assert serious_violations(page) == []
    page.context.close()
