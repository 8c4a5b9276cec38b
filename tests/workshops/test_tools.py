import io
from datetime import timedelta

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfReader

from livskraft.workshops import screens
from livskraft.workshops.models import Participant, Workshop
from livskraft.workshops.tools import diamond, priority, ten_steps, trust
from livskraft.workshops.tools.priority import Factor, Placement
from tests import page_parts as part

from .conftest import joined


def facilitator(people, role="prosessleder") -> Client:
    client = Client()
    client.force_login(people[role])
    return client


def test_capacity_diamond_scores_joint_and_years_compared(workshop):
    workshop.year_label, workshop.active_tool, workshop.results_hidden = "År 3", "diamond", False
    workshop.save()
    earlier = Workshop.objects.create(title="Forrige gang", municipality_code="9901",
                                      year_label="År 1")
    Workshop.objects.filter(id=earlier.id).update(created_at=workshop.created_at
                                                  - timedelta(days=730))
    diamond.set_joint(earlier, "utviklingsleiing", 2)
    assert "År 1" not in str(diamond.chart(workshop))  # offered, not drawn until chosen
    assert diamond.earlier_rounds(workshop) == [earlier]
    diamond.compare_with(workshop, [earlier.id])
    for score in (2, 4, 5):
        diamond.record(Participant.objects.create(workshop=workshop), "utviklingsleiing", score,
                       "Vi har en tydelig leder")
    diamond.set_joint(workshop, "utviklingsleiing", 4)
    row = diamond.summary(workshop)[0]
    assert (row["answers"], row["mean"], row["low"], row["high"], row["joint"]) == \
        (3, pytest.approx(11 / 3), 2, 5, 4)
    assert row["reasons"] == ["Vi har en tydelig leder"] * 3
    chart = str(diamond.chart(workshop))
    assert "År 1" in chart and "Felles skår År 3" in chart
    assert chart.count('class="series"') == 3
    with pytest.raises(diamond.DiamondRejected):
        diamond.record(Participant.objects.create(workshop=workshop), "utviklingsleiing", 6)
    with pytest.raises(diamond.DiamondRejected):
        diamond.set_joint(workshop, "vær", 3)


def test_trust_check_is_shown_only_from_five_answers_per_group(workshop):
    workshop.groups = "Rød, Blå"
    workshop.save()
    people = [Participant.objects.create(workshop=workshop, group="Rød" if i < 5 else "Blå")
              for i in range(7)]
    for number, person in enumerate(people[:4]):
        trust.record(person, {"hort": 4, "apen": 2 + number % 2})
    first = trust.summary(workshop)
    assert [r["shown"] for r in first] == [False, False]  # all (4) and Rød (4)
    for person in people[4:]:
        trust.record(person, {"hort": 2, "apen": 2})
    rows = {(r["round"], r["group"]): r for r in trust.summary(workshop)}
    everyone = rows[(1, "")]
    assert everyone["shown"] and everyone["respondents"] == 7
    assert everyone["means"]["hort"] == pytest.approx((4 * 4 + 3 * 2) / 7)
    assert rows[(1, "Rød")]["shown"] and not rows[(1, "Blå")]["shown"]
    assert "means" not in rows[(1, "Blå")]
    workshop.trust_round = 2
    workshop.save()
    trust.record(people[0], {"hort": 5})
    assert rows.keys() < {(r["round"], r["group"]) for r in trust.summary(workshop)}
    with pytest.raises(trust.TrustRejected):
        trust.record(people[0], {"hort": 7})


def test_trust_answers_from_phones_and_the_screen_waits_for_five(people, workshop):
    workshop.active_tool = "trust"
    workshop.save()
    for _ in range(4):
        joined(workshop).post("/verksted/delta/tillit/", {"hort": "5", "tid": "3"})
    assert "Resultatene vises når minst 5 har svart." in screens.render(workshop)
    joined(workshop).post("/verksted/delta/tillit/", {"hort": "5", "tid": "3"})
    html = screens.render(workshop)
    caption = "Snitt 1–5, 5 svar"
    # five answers of 5 and five of 3: (5·5) / 5 = 5.0 and (5·3) / 5 = 3.0
    assert part.cell(html, caption, "Jeg opplever at synspunktene mine blir hørt.") == "5,0"
    assert part.cell(html, caption, "Det er satt av nok tid til dialog.") == "3,0"


def test_ten_step_model_saves_steps_and_writes_the_plan(people, workshop):
    client = facilitator(people)
    client.post(f"/verksted/{workshop.id}/10-punkt/",
                {"step": 8, "notes": "Møte med næringslivet", "decisions": "Ansette en "
                 "tilflyttingskoordinator", "done": "on"})
    assert ten_steps.progress(workshop) == 1
    page = client.get(f"/verksted/{workshop.id}/10-punkt/").content.decode()
    assert "1 av 10 steg fullført" in page and "Ansette en tilflyttingskoordinator" in page
    plan = docx.Document(io.BytesIO(client.get(f"/verksted/{workshop.id}/10-punkt/plan.docx")
                                    .content))
    text = "\n".join(p.text for p in plan.paragraphs)
    assert "8. Handlingsplan" in text and "Ansette en tilflyttingskoordinator" in text
    assert "1. Målanalyse" in text
    refused = client.post(f"/verksted/{workshop.id}/10-punkt/", {"step": 11}, follow=True)
    assert "Ukjent steg." in refused.content.decode()
    assert joined(workshop).get(f"/verksted/{workshop.id}/10-punkt/").status_code == 302


def test_charts_summary_and_factor_list_downloads(people, workshop):
    client = facilitator(people, "medhjelper")
    base = f"/verksted/{workshop.id}/"
    assert client.get(base + "diagram/priority.svg").content.startswith(b"<svg")
    assert client.get(base + "diagram/diamond.png").content.startswith(b"\x89PNG")
    assert client.get(base + "diagram/weather.png").status_code == 404
    pdf = client.get(base + "sammendrag.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Framtidsverksted i Testvik" in text and "1. Bredbånd" in text
    assert "Utviklingsleiing" in text and "Dialog- og tillitssjekken" in text
    listing = client.get(base + "faktorer.xlsx").content
    rows = list(openpyxl.load_workbook(io.BytesIO(listing)).active.iter_rows(values_only=True))
    assert rows == [("faktor",), ("Bredbånd",), ("Ferjetilbud",), ("Boligtomter",)]
    other = Workshop.objects.create(title="Kopi")
    other.facilitation_set.create(user=people["medhjelper"], role="facilitator")
    client.post(f"/verksted/{other.id}/faktorer.xlsx",
                {"file": SimpleUploadedFile("f.xlsx", listing)})
    assert list(other.factors.values_list("text", flat=True)) == [
        "Bredbånd", "Ferjetilbud", "Boligtomter"]
    bad = client.post(f"/verksted/{other.id}/faktorer.xlsx",
                      {"file": SimpleUploadedFile("f.xlsx", b"not a spreadsheet")}, follow=True)
    assert "Filen er ikke et Excel-ark (XLSX)." in bad.content.decode()


def test_group_and_plenum_placements_beside_individual_scores(people, workshop):
    workshop.groups = "Bord 1, Bord 2"
    workshop.save()
    factor = workshop.factors.first()
    client = facilitator(people, "medhjelper")
    url = f"/verksted/{workshop.id}/"
    client.post(url, {"action": "placement", "factor": factor.id, "group": "Bord 1",
                      "importance": 4, "influence": 2})
    client.post(url, {"action": "placement", "factor": factor.id, "group": "",
                      "importance": 5, "influence": 3})
    wrong = client.post(url, {"action": "placement", "factor": factor.id, "group": "Bord 9",
                              "importance": 5, "influence": 3}, follow=True)
    assert "Ukjent gruppe." in wrong.content.decode()
    assert set(Placement.objects.values_list("group", "importance", "influence")) == {
        ("Bord 1", 4, 2), ("", 5, 3)}
    assert 'class="placement"' in str(priority.chart(workshop))
    assert client.post(url, {"action": "tool", "tool": "diamond"}).status_code == 403


def test_participants_choose_a_group_and_suggest_factors_when_allowed(workshop):
    workshop.groups = "Bord 1"
    workshop.save()
    phone = joined(workshop)
    phone.post("/verksted/delta/gruppe/", {"group": "Bord 1"})
    phone.post("/verksted/delta/gruppe/", {"group": "Finnes ikke"})
    assert Participant.objects.get().group == "Bord 1"
    phone.post("/verksted/delta/faktor/", {"text": "Kulturhus"})
    assert not Factor.objects.filter(text="Kulturhus").exists()
    workshop.participants_add_factors = True
    workshop.save()
    phone.post("/verksted/delta/faktor/", {"text": "Kulturhus"})
    assert Factor.objects.get(text="Kulturhus").added_by_participant
