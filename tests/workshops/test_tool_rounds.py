"""Each tool's rounds as the book describes them: individual, then group or joint, then the
result in the exports."""

import csv
import io
from datetime import timedelta

import docx
import openpyxl
from django.core.cache import cache
from django.test import Client
from pypdf import PdfReader

from livskraft.places.models import Municipality
from livskraft.workshops.models import Participant, Workshop
from livskraft.workshops.tools import diamond, priority, ten_steps

from .conftest import joined


def desk(people, role="prosessleder") -> Client:
    client = Client()
    client.force_login(people[role])
    return client


def book(client, workshop) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(
        client.get(f"/verksted/{workshop.id}/svar.xlsx").content))


def test_a_workshop_belongs_to_a_kommune_chosen_from_places(people, workshop):
    Municipality.objects.create(vintage=2024, code="9901", name="Testvik")
    Municipality.objects.create(vintage=2024, code="9902", name="Prøvebygd")
    client = desk(people)
    client.post("/verksted/", {"title": "År 3 i Prøvebygd", "municipality_code": "9902",
                               "year_label": "År 3"})
    created = Workshop.objects.get(title="År 3 i Prøvebygd")
    assert (created.municipality_code, created.year_label) == ("9902", "År 3")
    typed = client.post("/verksted/", {"title": "Feil", "municipality_code": "1234"})
    assert typed.status_code == 200 and not Workshop.objects.filter(title="Feil").exists()
    wrong = client.post(f"/verksted/{workshop.id}/", {"action": "settings",
                                                      "municipality_code": "0000"}, follow=True)
    assert "Velg en kommune fra listen." in wrong.content.decode()


def test_the_joint_diamond_with_priorities_and_responsibility_in_one_form(people, workshop):
    for score, reason in ((2, "Lite folk"), (4, "")):
        diamond.record(Participant.objects.create(workshop=workshop), "tidsressursar", score,
                       reason)
    data = {"action": "joint", **{f"score_{key}": "3" for key in diamond.KEYS}}
    data.update(score_tidsressursar="2", priority_tidsressursar="Frigjere tid til planen",
                responsible_tidsressursar="Rådmannen")
    assert desk(people, "medhjelper").post(f"/verksted/{workshop.id}/", data).status_code == 302
    rows = {r["component"]: r for r in diamond.summary(workshop)}
    assert [rows[k]["joint"] for k in diamond.KEYS] == [3, 3, 3, 3, 2]
    time = rows["tidsressursar"]
    assert (time["mean"], time["priority"], time["responsible"]) == (3, "Frigjere tid til planen",
                                                                     "Rådmannen")  # (2+4)/2
    sheets = book(desk(people), workshop)
    header, *values = list(sheets["Kapasitetsdiamant"].iter_rows(values_only=True))
    last = dict(zip(header, values[-1], strict=True))
    assert (last["felles"], last["prioritere_og_styrke"], last["ansvar"]) == (
        2, "Frigjere tid til planen", "Rådmannen")
    assert list(sheets["Grunngjevingar"].iter_rows(values_only=True))[1] == (
        "Tidsressursar", "Lite folk")
    pdf = desk(people).get(f"/verksted/{workshop.id}/sammendrag.pdf").content
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Frigjere tid til planen" in text and "Rådmannen" in text
    bad = desk(people).post(f"/verksted/{workshop.id}/",
                            {"action": "joint", "score_tidsressursar": "7"}, follow=True)
    assert "1 til 5" in bad.content.decode()
    assert diamond.summary(workshop)[-1]["joint"] == 2  # nothing half-written


def test_an_earlier_round_of_the_same_kommune_is_offered_and_overlaid(people, workshop):
    earlier = Workshop.objects.create(title="Første runde", municipality_code="9901",
                                      year_label="År 1")
    Workshop.objects.filter(id=earlier.id).update(created_at=workshop.created_at
                                                  - timedelta(days=730))
    elsewhere = Workshop.objects.create(title="Annen kommune", municipality_code="9902")
    for key in diamond.KEYS:
        diamond.set_joint(earlier, key, 2)
        diamond.set_joint(elsewhere, key, 5)
    panel = desk(people).get(f"/verksted/{workshop.id}/").content.decode()
    assert "År 1" in panel and "Annen kommune" not in panel
    refused = desk(people).post(f"/verksted/{workshop.id}/", {"action": "compare",
                                                              "earlier": elsewhere.id},
                                follow=True)
    assert "samme kommunen" in refused.content.decode()
    desk(people).post(f"/verksted/{workshop.id}/", {"action": "compare", "earlier": earlier.id})
    chart = str(diamond.chart(workshop))
    assert ">År 1</text>" in chart and chart.count('class="series"') == 1  # no joint yet
    assert "Felles skår" not in chart  # the legend shows only what is drawn


def test_group_phones_place_factors_and_every_placement_is_drawn_and_exported(people, workshop):
    workshop.groups = "Bord 1, Bord 2"
    workshop.save()
    broadband = workshop.factors.get(text="Bredbånd")
    table = joined(workshop)
    table.post("/verksted/delta/gruppe/", {"group": "Bord 1"})
    table.post("/verksted/delta/gruppeplassering/", {"factor": broadband.id, "importance": 5,
                                                    "influence": 4})
    loose = joined(workshop)  # no group chosen: refused
    loose.post("/verksted/delta/gruppeplassering/", {"factor": broadband.id, "importance": 1,
                                                    "influence": 1})
    desk(people).post(f"/verksted/{workshop.id}/", {"action": "placement",
                                                    "factor": broadband.id, "group": "",
                                                    "importance": 4, "influence": 2})
    assert priority.placements(workshop) == {broadband.id: {"": (4, 2), "Bord 1": (5, 4)}}
    chart = str(priority.chart(workshop))
    assert 'data-group="Bord 1"' in chart and 'data-group=""' in chart
    assert "Viktig og mulig å påvirke" in chart and ">Bredbånd</text>" not in chart  # no mean yet
    lines = list(csv.DictReader(io.StringIO(
        desk(people).get(f"/verksted/{workshop.id}/prioritering.csv").content.decode())))
    row = lines[0]
    assert (row["faktor"], row["plenum_viktighet"], row["plenum_pavirkning"],
            row["Bord 1_viktighet"], row["Bord 2_viktighet"]) == ("Bredbånd", "4", "2", "5", "")
    assert row["kjelde"].startswith("Etter Distriktssenteret: «Prioriteringsverktøy for")
    placed = list(book(desk(people), workshop)["Plasseringar"].iter_rows(values_only=True))
    assert placed[1:] == [("Bredbånd", "plenum", 4, 2), ("Bredbånd", "Bord 1", 5, 4)]


def test_the_quadrant_reading_uses_the_plenum_where_agreed(workshop):
    broadband, ferry, plots = workshop.factors.all()
    person = Participant.objects.create(workshop=workshop)
    priority.record(person, broadband.id, 5, 5)  # mean 5/5: important, possible
    priority.record(person, ferry.id, 5, 1)  # important, hard to influence
    priority.record(person, plots.id, 2, 4)  # but the plenum says 4/4
    priority.place(workshop, plots.id, "", 4, 4)
    reading = {q["key"]: q["factors"] for q in priority.reading(workshop)}
    assert reading == {"prioritise": ["Bredbånd", "Boligtomter"], "important": ["Ferjetilbud"],
                       "possible": [], "rest": []}


def test_the_ten_steps_collect_ideas_votes_and_end_in_a_plan(people, workshop):
    client = desk(people)
    steps = f"/verksted/{workshop.id}/10-punkt/"
    client.post(steps, {"action": "focus", "step": 8})
    workshop.active_tool = "tensteps"
    workshop.save()
    first, second = joined(workshop), joined(workshop)
    page = first.get("/verksted/delta/").content.decode()
    assert "korleis skal vi lukkast i å kommunisere det vi står for?" in page
    first.post("/verksted/delta/innspel/", {"step": 8, "text": "Tilflyttarkoordinator"})
    second.post("/verksted/delta/innspel/", {"step": 8, "text": "Ny nettside"})
    idea = ten_steps.StepIdea.objects.get(text="Tilflyttarkoordinator")
    for phone in (first, second):
        phone.post("/verksted/delta/innspel/", {"idea": idea.id})
    second.post("/verksted/delta/innspel/", {"idea": idea.id})  # a second press withdraws it
    entry = ten_steps.entries(workshop)[7]
    assert [(i["text"], i["votes"]) for i in entry["ideas"]] == [
        ("Tilflyttarkoordinator", 1), ("Ny nettside", 0)]
    client.post(steps, {"action": "adopt", "step": 8, "idea": idea.id})
    assert ten_steps.entries(workshop)[7]["decisions"] == "Tilflyttarkoordinator"
    client.post(steps, {"step": 8, "decisions": "Tilsette ein tilflyttarkoordinator",
                        "responsible": "Næringssjefen", "done": "on"})
    plan = docx.Document(io.BytesIO(client.get(steps + "plan.docx").content))
    text = "\n".join(p.text for p in plan.paragraphs)
    assert "8. Handlingsplan" in text and "Ansvarlig: Næringssjefen" in text
    assert "Tilflyttarkoordinator (1 stemmer)" in text
    assert "Etter Distriktssenteret: «10-punktsmodellen: Strategisk verktøy" in text
    pdf = PdfReader(io.BytesIO(client.get(steps + "plan.pdf").content))
    pdf_text = " ".join(p.extract_text() for p in pdf.pages)
    assert "Næringssjefen" in pdf_text and "10. Langsiktig utviklings-" in pdf_text
    assert "Skriv inn et innspill." in first.post("/verksted/delta/innspel/",
                                                  {"step": 8, "text": " "},
                                                  follow=True).content.decode()


def test_step_three_shows_the_kommunes_own_figures(empty_database, synthetic_dir, workshop):
    from livskraft.stats.importing import import_directory

    import_directory(synthetic_dir)
    cache.clear()
    ten_steps.set_focus(workshop, 3)
    figures = ten_steps.kommune_figures(workshop)
    # Testvik (tests/synthetic.py): 1000 on 1.1.2020, 1030 on 1.1.2022; 2020–21: births −
    # deaths (12−8)+(14−9) = 9, net immigration (10−4)+(6−1) = 11, domestic (30−30)+(40−30) = 10
    assert figures["population"] == {"first_year": 2020, "first": 1000, "last_year": 2022,
                                     "last": 1030, "change": 30}
    assert figures["accounts"] == {"from": 2020, "to": 2021, "natural": 9, "immigration": 11,
                                   "domestic": 10}
    workshop.active_tool = "tensteps"
    workshop.save()
    page = joined(workshop).get("/verksted/delta/").content.decode()
    assert "1 000 (1.1.2020) → 1 030 (1.1.2022)" in page.replace("\xa0", " ")


def test_typed_text_never_becomes_a_formula_in_the_exports(people, workshop):
    priority.add_factor(workshop, '=HYPERLINK("http://angriper.example")', by_participant=True)
    client = desk(people)
    table = client.get(f"/verksted/{workshop.id}/prioritering.csv").content.decode()
    assert '\'=HYPERLINK(""http://angriper.example"")' in table
    cell = book(client, workshop)["Faktorer"]["A5"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://angriper.example")'


def test_step_three_adds_our_projection_where_ages_are_loaded(outlook_data, workshop):
    from livskraft.profiles.projection_tables import kommune_table

    cache.clear()
    Workshop.objects.filter(id=workshop.id).update(municipality_code="9911")
    workshop.refresh_from_db()
    projection = ten_steps.kommune_figures(workshop)["projection"]
    table = kommune_table("9911", 10)  # the kommune page's own table, ten years on
    main = table[(table.scenario == "main") & (table.aar == table.aar.max())].iloc[0]
    assert projection[0] == {"label": "Hovedalternativ (flytting som snittet siste fem år)",
                             "year": int(main.aar), "persons": int(main.folketall)}
    assert projection[1]["label"] == "Null nettoinnvandring"


def _step_three_in(workshop, code: str) -> None:
    cache.clear()
    Workshop.objects.filter(id=workshop.id).update(municipality_code=code, active_tool="tensteps")
    workshop.refresh_from_db()
    ten_steps.set_focus(workshop, 3)


def test_step_three_shows_the_kommunes_attractiveness_and_ranks(outlook_data, people, workshop):
    from livskraft.places.models import Centrality
    from livskraft.profiles.attractiveness_tables import attractiveness_table

    for code, klass in (("9911", 5), ("9912", 5), ("9913", 5), ("9914", 6), ("9915", 6),
                        ("9916", 6)):
        Centrality.objects.create(code=code, centrality_class=klass, index=500)
    _step_three_in(workshop, "9911")
    found = ten_steps.kommune_figures(workshop)["attractiveness"]
    # jobs by place of work are loaded for 2016 and 2021 only (tests/synthetic_outlook.py),
    # so that is the newest period; 06913 is loaded: net migration is counted, no estimate
    assert (found["start"], found["end"], found["estimated"]) == (2016, 2021, False)
    # the three measures are the analysis' own row for Testvik Nord, whose inputs
    # tests/test_outlook.py works out by hand (jobbvekst 87/750, nettoflytting 500/3,664 …)
    table = attractiveness_table(2016, 2021)[0].set_index("kommunenr")
    own = table.loc["9911"]
    assert (found["business"], found["residential"], found["total"]) == (
        own.naeringsattraktivitet_pst, own.bostedsattraktivitet_pst, own.samlet_attraktivitet_pst)
    # ranks counted here: 1 + kommuner with a higher total, among all six and among class 5
    higher = table.samlet_attraktivitet_pst > own.samlet_attraktivitet_pst
    in_class = table.index.isin(["9911", "9912", "9913"])
    assert (found["rank"], found["count"]) == (1 + higher.sum(), 6)
    assert (found["centrality_class"], found["peer_rank"], found["peers"]) == (
        5, 1 + (higher & in_class).sum(), 3)
    phone = joined(workshop).get("/verksted/delta/").content.decode().replace("\xa0", " ")
    screen = desk(people).get(f"/verksted/{workshop.id}/storskjerm/").content.decode()
    for page in (phone, screen.replace("\xa0", " ")):
        assert "Næringsattraktivitet 2016–2021" in page
        assert f"nr. {found['rank']} av 6" in page and "Rangering i sentralitetsklasse 5" in page
        assert "(anslag)" not in page and "Telemarksforsking-style" in page
        assert 'href="/kommune/9911/#attractiveness-heading"' in page


def test_step_three_flags_attractiveness_as_an_estimate_without_06913(
        empty_database, outlook_dir, workshop):
    from livskraft.stats.importing import import_directory

    (outlook_dir / "population" / "kommune_befolkningsendringer_b2024.csv").unlink()
    import_directory(outlook_dir)
    _step_three_in(workshop, "9911")
    assert ten_steps.kommune_figures(workshop)["attractiveness"]["estimated"] is True
    page = joined(workshop).get("/verksted/delta/").content.decode()
    assert "Bostedsattraktivitet (anslag)" in page and "Samlet attraktivitet (anslag)" in page


def test_step_three_names_the_missing_jobs_table_as_the_kommune_page(
        empty_database, synthetic_dir, people, workshop):
    from livskraft.stats.importing import import_directory

    import_directory(synthetic_dir)  # tests/synthetic.py: population, no jobs
    _step_three_in(workshop, "9901")
    figures = ten_steps.kommune_figures(workshop)
    assert "attractiveness" not in figures
    assert figures["attractiveness_missing"].startswith(
        "Attraktivitet trenger sysselsatte etter arbeidssted: SSB-tabell 11618 (totalt)")
    public = ("Attraktiviteten kan ikke beregnes: den trenger arbeidsplasser etter arbeidssted "
              "(SSB-tabell 11618 eller sysselsatte etter næring)")
    phone = joined(workshop).get("/verksted/delta/").content.decode()
    assert public in phone and "livskraft sync" not in phone  # the command is for staff
    people["prosessleder"].is_staff = True
    people["prosessleder"].save()
    screen = desk(people).get(f"/verksted/{workshop.id}/storskjerm/").content.decode()
    assert public in screen and "livskraft sync" not in screen  # a projector: no commands


def test_step_three_on_an_empty_database_says_nothing_is_loaded(empty_database, workshop):
    _step_three_in(workshop, "9901")
    page = joined(workshop).get("/verksted/delta/")
    text = page.content.decode()
    assert page.status_code == 200 and "Ingen tall for kommunen er lastet inn ennå." in text
    assert "Attraktiviteten kan ikke beregnes" in text
