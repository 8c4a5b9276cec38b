"""A workshop hall: the facilitator's big screen and several phones at once."""

import pytest
from playwright.sync_api import expect

from .accessibility import violations
from .conftest import COMMITTEE_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]


def test_phones_answer_and_the_big_screen_follows_live(browser, consultation_server):
    server = consultation_server
    desk = browser.new_context(locale="nb-NO").new_page()
    desk.goto(f"{server}/verksted/")
    desk.get_by_label("Brukernavn").fill("komite")
    desk.get_by_label("Passord").fill(COMMITTEE_PASSWORD)
    desk.get_by_role("button", name="Logg inn").click()
    desk.get_by_label("Navn på verkstedet").fill("Framtidsverksted på Frøya")
    desk.get_by_role("button", name="Opprett").click()
    for factor in ("Bredbånd til alle", "Flere boligtomter"):
        desk.get_by_label("Ny faktor eller tiltak").fill(factor)
        desk.get_by_role("button", name="Legg til").click()
    desk.get_by_role("button", name="Vis resultatene nå").click()
    code = desk.locator(".code-big").inner_text()
    screen = desk.context.new_page()
    screen.goto(desk.url + "storskjerm/")
    assert screen.locator(".code-big").inner_text() == code
    assert screen.locator("svg title", has_text="QR-kode").count() == 1

    phones = []
    for number in range(3):
        phone = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                                    locale="nb-NO").new_page()
        phone.goto(f"{server}/verksted/bli-med/")
        phone.get_by_label("Kode fra storskjermen").fill(code.lower())
        phone.get_by_role("button", name="Bli med").click()
        phone.wait_for_url("**/verksted/delta/")
        expect(phone.locator("#connection")).to_have_text("Tilkoblet")
        first = phone.locator("form.factor-form").first
        first.get_by_role("group", name="Viktighet").get_by_label(str(3 + number % 3)).check()
        first.get_by_role("group", name="Lokal påvirkning").get_by_label("2").check()
        first.locator(".status", has_text="Lagret").wait_for()
        phones.append(phone)

    expect(screen.locator("#connected")).to_have_text("3")
    expect(screen.locator("#answers")).to_have_text("3")
    assert screen.locator("svg.matrix g.factor").count() == 1
    assert violations(screen) == []

    phones[0].reload()  # a dropped phone comes back with its answers
    checked = phones[0].locator("form.factor-form").first.locator("input:checked")
    assert checked.count() == 2
    assert violations(phones[0]) == []
    desk.get_by_label("Verktøy på storskjermen og telefonene").select_option("diamond")
    desk.get_by_role("button", name="Bytt verktøy").click()
    leading = phones[1].get_by_role("group", name="Utviklingsleiing")  # it follows by itself
    leading.wait_for()
    leading.get_by_label("4").check()
    leading.get_by_label("Begrunnelse (valgfritt)").fill("Ordføreren går foran")
    phones[1].get_by_role("button", name="Lagre").click()
    # the saved message itself: every phone page carries "Lagret" in data-saved for its script
    expect(phones[1].locator("p.success[role=status]")).to_have_text("Lagret")
    assert violations(phones[1]) == []
    expect(screen.locator("#live .tool-title")).to_contain_text("Kapasitetsdiamanten")
    for phone in phones:
        phone.context.close()
    expect(screen.locator("#connected")).to_have_text("0")
    desk.context.close()
