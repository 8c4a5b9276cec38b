"""Every tool run on phone-sized screens as the book describes it: individual round, then
group or joint round, then the result on the projector and in the exports read back."""

import csv
import io

import docx
import openpyxl
import pytest
from playwright.sync_api import expect

from .accessibility import violations
from .conftest import COMMITTEE_PASSWORD
from .test_policy_in_chromium import watch

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]
PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "locale": "nb-NO"}
FOLLOW_MS = 3000  # a phone follows the facilitator over its websocket, without a reload


def switch(desk, tool: str) -> None:
    desk.get_by_label("Verktøy på storskjermen og telefonene").select_option(tool)
    desk.get_by_role("button", name="Bytt verktøy").click()


def open_workshop(desk, server: str, title: str, kommune: str) -> str:
    """Log in as the committee's superuser and create a workshop; its panel's address."""
    desk.goto(f"{server}/verksted/")
    desk.get_by_label("Brukernavn").fill("komite")
    desk.get_by_label("Passord").fill(COMMITTEE_PASSWORD)
    desk.get_by_role("button", name="Logg inn").click()
    desk.get_by_label("Navn på verkstedet").fill(title)
    desk.get_by_label("Kommune (valgfritt)").select_option(kommune)
    desk.get_by_role("button", name="Opprett").click()
    return desk.url


def test_all_four_tools_from_phones_to_projector_and_exports(browser, consultation_server):
    server = consultation_server
    desk = browser.new_context(locale="nb-NO", accept_downloads=True).new_page()
    base = open_workshop(desk, server, "Bygdemøte på Frøya", "5014")
    desk.get_by_label("Ny faktor eller tiltak").fill("Bredbånd til alle")
    desk.get_by_role("button", name="Legg til").first.click()
    desk.get_by_label("Grupper (skill med komma)").fill("Bord 1, Bord 2")
    desk.get_by_role("button", name="Lagre innstillinger").click()
    desk.get_by_role("button", name="Vis resultatene nå").click()
    code = desk.locator(".code-big").inner_text()

    projector = desk.context.new_page()
    watched = [watch(projector)]  # the policy holds on the live pages: no refusal, no error
    projector.goto(base + "storskjerm/")
    assert projector.locator("header.site").count() == 0  # projector mode: no site header

    phones = []
    for _ in range(2):
        phone = browser.new_context(**PHONE).new_page()
        watched.append(watch(phone))
        phone.goto(f"{server}/v/{code}/")
        phone.get_by_role("button", name="Bli med").click()  # opening the link joins no one
        expect(phone.locator("#connection")).to_have_text("Tilkoblet")
        assert phone.locator("header.site").count() == 0
        phones.append(phone)
    expect(projector.locator("#connected")).to_have_text("2")

    # Prioriteringsverktøyet: each scores, a group phone places, the plenum agrees
    for phone, importance in zip(phones, ("5", "3"), strict=True):
        form = phone.locator("form.factor-form").first
        form.get_by_role("group", name="Viktighet").get_by_label(importance).check()
        form.get_by_role("group", name="Lokal påvirkning").get_by_label("4").check()
        form.locator(".status", has_text="Lagret").wait_for()
    assert "Prioriter det som er viktig og samtidig mulig å påvirke." in phones[0].content()
    phones[0].get_by_label("Din gruppe").select_option("Bord 1")
    phones[0].get_by_role("button", name="Velg").click()
    phones[0].get_by_text("Felles skjerm for gruppen Bord 1").click()
    phones[0].locator("details.group-screen").get_by_label("Viktighet").select_option("4")
    phones[0].locator("details.group-screen").get_by_label("Lokal påvirkning").select_option("5")
    phones[0].get_by_role("button", name="Lagre gruppens plassering").click()
    expect(phones[0].locator("body")).to_contain_text("Gruppens plassering er lagret.")
    desk.reload()
    factor = desk.locator('input[name="action"][value="placement"]').first.locator("..")
    factor.get_by_label("Viktighet").select_option("5")
    factor.get_by_label("Lokal påvirkning").select_option("3")
    factor.get_by_role("button", name="Lagre plassering").click()
    projector.locator('svg.matrix g.placement[data-group="Bord 1"]').wait_for()
    assert projector.locator("svg.matrix text.quadrant").count() == 4
    assert projector.locator("svg.matrix text.name", has_text="Bredbånd til alle").count() == 1
    assert "Viktig og mulig å påvirke: Bredbånd til alle" in projector.locator(
        ".quadrant-reading").inner_text()
    assert violations(projector) == []
    assert violations(phones[0]) == []
    table = desk.context.request.get(base + "prioritering.csv").text()
    row = next(csv.DictReader(io.StringIO(table)))
    # means (5+3)/2 = 4 and (4+4)/2 = 4; the plenum 5/3, Bord 1 4/5
    assert (row["viktighet_snitt"], row["pavirkning_snitt"], row["plenum_viktighet"],
            row["plenum_pavirkning"], row["Bord 1_viktighet"], row["Bord 1_pavirkning"]) == (
        "4.0", "4.0", "5", "3", "4", "5")

    # Kapasitetsdiamanten: the phones follow, score with the book's scale, then the joint score
    switch(desk, "diamond")
    for phone in phones:
        phone.get_by_text("Korleis har leiinga bidrege til at planen skal fungere som "
                          "styringsverktøy?").first.wait_for(timeout=FOLLOW_MS)
    for phone, score in zip(phones, ("2", "4"), strict=True):
        for name in ("Utviklingsleiing", "Utviklingskompetanse", "Utviklingskultur",
                     "Utviklingsøkonomi", "Tidsressursar"):
            phone.get_by_role("group", name=name, exact=True).get_by_label(score).check()
        phone.get_by_label("Begrunnelse (valgfritt)").first.fill("Ordføraren går føre")
        phone.get_by_role("button", name="Lagre").click()
        expect(phone.locator("p.success[role=status]")).to_have_text("Lagret")  # the answer page
        expect(phone.locator("body")).to_contain_text("1 svært dårleg og 5 svært god")
    assert violations(phones[1]) == []
    desk.reload()
    desk.locator("#score_utviklingsleiing").select_option("3")
    desk.locator("#priority_utviklingsleiing").fill("Plan som styringsverktøy")
    desk.locator("#responsible_utviklingsleiing").fill("Ordføraren")
    desk.get_by_role("button", name="Lagre felles skår").click()
    projector.locator("svg.radar path.band").wait_for()
    assert projector.locator("svg.radar text.ring").count() == 5
    sheets = openpyxl.load_workbook(io.BytesIO(desk.context.request.get(base + "svar.xlsx").body()))
    head, first, *_ = list(sheets["Kapasitetsdiamant"].iter_rows(values_only=True))
    row = dict(zip(head, first, strict=True))
    assert (row["snitt"], row["felles"], row["prioritere_og_styrke"], row["ansvar"]) == (
        3, 3, "Plan som styringsverktøy", "Ordføraren")  # (2+4)/2 = 3
    assert ("Utviklingsleiing", "Ordføraren går føre") in list(
        sheets["Grunngjevingar"].iter_rows(values_only=True))
    assert sheets["Kjelder"]["B2"].value.startswith("Etter Distriktssenteret:")

    # Dialog- og tillitssjekken: our statements, said to be ours
    switch(desk, "trust")
    for phone in phones:
        phone.get_by_text("Påstandene under er laget av Livskraft, ikke av "
                          "Distriktssenteret.").wait_for(timeout=FOLLOW_MS)
        phone.get_by_role("group", name="Det er rom for å være uenig.").get_by_label("4").check()
        phone.get_by_role("button", name="Send").click()
    projector.get_by_text("2 har svart. Resultatene vises når minst 5 har svart.").wait_for()

    # 10-punktsmodellen: contributions and votes on the step shown, then the plan
    desk.goto(base + "10-punkt/")
    desk.locator("#steg-8").get_by_role("button", name="Vis dette steget på telefonene").click()
    desk.goto(base)
    switch(desk, "tensteps")
    phones[0].get_by_text("Kva utviklingstiltak må vi sette i verk").wait_for(timeout=FOLLOW_MS)
    phones[0].get_by_label("Ditt innspill til dette steget").fill("Tilflyttarkontor")
    phones[0].get_by_role("button", name="Send innspill").click()
    phones[1].get_by_text("Tilflyttarkontor").wait_for(timeout=FOLLOW_MS)
    phones[1].get_by_role("button", name="Støtt (0)").click()
    projector.get_by_text("Tilflyttarkontor").wait_for()
    desk.goto(base + "10-punkt/")
    step = desk.locator("#steg-8")
    step.get_by_label("Beslutninger").fill("Opne eit tilflyttarkontor")
    step.get_by_label("Hvem har ansvar").fill("Næringssjefen")
    step.get_by_role("button", name="Lagre steget").click()
    plan = docx.Document(io.BytesIO(desk.context.request.get(base + "10-punkt/plan.docx").body()))
    text = "\n".join(p.text for p in plan.paragraphs)
    assert "Opne eit tilflyttarkontor" in text and "Ansvarlig: Næringssjefen" in text
    assert "Tilflyttarkontor (1 stemmer)" in text

    # a lock reaches the phones at once
    desk.goto(base)
    desk.get_by_role("button", name="Lås runden").click()
    for phone in phones:
        phone.get_by_text("Runden er låst av prosesslederen.").wait_for(timeout=FOLLOW_MS)
    assert [problem for page in watched for problem in page] == []
    for phone in phones:
        phone.context.close()
    expect(projector.locator("#connected")).to_have_text("0")
    desk.context.close()


@pytest.fixture(scope="session")
def testvik_server(serve, tmp_path_factory):
    """The synthetic Testvik region (tests/synthetic_outlook.py) with a facilitator."""
    from tests.synthetic_outlook import write_directory

    return serve(write_directory(tmp_path_factory.mktemp("testvik") / "data"),
                 ["django", "createsuperuser", "--noinput", "--username", "komite",
                  "--email", "komite@example.org"])


def test_step_three_attractiveness_on_a_phone_and_the_projector(browser, testvik_server):
    desk = browser.new_context(locale="nb-NO").new_page()
    base = open_workshop(desk, testvik_server, "Framtidsverksted i Testvik Nord", "9911")
    code = desk.locator(".code-big").inner_text()
    switch(desk, "tensteps")
    desk.goto(base + "10-punkt/")
    desk.locator("#steg-3").get_by_role("button", name="Vis dette steget på telefonene").click()
    projector = desk.context.new_page()
    projector.goto(base + "storskjerm/")
    phone = browser.new_context(**PHONE).new_page()
    phone.goto(f"{testvik_server}/v/{code}/")
    phone.get_by_role("button", name="Bli med").click()
    for page in (phone, projector):
        figures = page.locator("section.figures.attractiveness")
        figures.wait_for()
        text = figures.inner_text()
        # jobs are loaded for 2016 and 2021; 06913 too, so nothing is an estimate
        assert "Næringsattraktivitet 2016–2021" in text and "anslag" not in text
        assert "Rangering i landet" in text and " av 6" in text
        assert page.get_by_role("link", name="Slik er tallene beregnet").count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scroll
    assert violations(phone) == []
    phone.context.close()
    desk.context.close()
