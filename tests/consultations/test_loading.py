"""The committee's note (seed 000) as a ready consultation, loaded through the real CLI."""

import re
from datetime import UTC, date
from pathlib import Path

import pytest
from django.core import mail

from livskraft.consultations.loading import DescriptionError, load, next_deadline
from livskraft.consultations.models import Consultation, Invitation, Question, Submission

from ..test_cli import livskraft

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "docs/examples/distriktshoring.json"
SEED = ROOT.parent / "shared/seeds/000_8dddaa87528d2603.txt"


def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not here")
    return re.sub(r"\s+", " ", SEED.read_text(encoding="utf-8"))


def test_cli_loads_the_note_with_5_themes_and_21_questions(tmp_path):
    out = livskraft(tmp_path, "consultation", "load", EXAMPLE).stdout
    # 7 + 4 + 4 + 2 + 4 = 21 questions in the note's five themes
    assert "(5 temaer, 21 spørsmål, frist 01.06." in out and "23:59)" in out


@pytest.mark.django_db
def test_the_loaded_note_is_the_note_word_for_word(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    seed = seed_text()
    consultation = load(EXAMPLE, today=date(2026, 12, 2))
    themes = list(consultation.themes.all())
    assert [t.questions.count() for t in themes] == [7, 4, 4, 2, 4]
    assert Question.objects.filter(theme__consultation=consultation).count() == 21
    assert themes[0].questions.all()[4].text == (
        "Hvordan legger vi best til rette for at bedrifter foredler lokale råvarer og bygger "
        "industri, framfor kun eksport av råvarer?")
    assert themes[4].questions.all()[3].text == (
        "Hvordan opprettholder vi bosetting og arbeidsplasser over hele landet samtidig som vi "
        "utvikler progressiv og framtidsrettet politikk for å løse utfordringene Norge står "
        "overfor?")
    for theme in themes:  # titles, introductions and questions all stand in the note
        for text in (theme.title, theme.introduction, *theme.questions.values_list("text",
                                                                                   flat=True)):
            assert re.sub(r"\s+", " ", text) in seed, text
    assert "Distriktsutvalg inviterer derfor partiorganisasjonen" in consultation.introduction
    consultation.refresh_from_db()
    # 1 June 23:59 in Oslo is 21:59 UTC (summer time, UTC+2)
    assert consultation.deadline.astimezone(UTC).isoformat() == "2027-06-01T21:59:00+00:00"
    assert [c["role"] for c in consultation.contacts] == [
        "Leder av utvalget", "Sekretær for utvalget", "Sekretær for utvalget"]
    assert "@ostfoldfk.no" not in EXAMPLE.read_text() and "stortinget" not in EXAMPLE.read_text()
    assert consultation.mandate_url == \
        "https://www.arbeiderpartiet.no/om/politiske-utvalg/distriktsutvalget/"
    page = client.get("/horing/distriktshoring/").content.decode()
    assert "1. juni 2027 23:59" in page
    assert "<h2>FORSLAG PÅ HØRING</h2>" in page  # the introduction's Markdown is rendered
    assert "Leder av utvalget" in page and "Mandat og utvalgets medlemmer" in page
    assert "Tekst: Arbeiderpartiets distriktsutvalg" in page


def test_deadline_is_the_next_first_of_june():
    assert next_deadline({"next": "06-01"}, date(2026, 12, 2)).isoformat() == \
        "2027-06-01T23:59:00+02:00"
    assert next_deadline({"next": "06-01", "time": "12:00"}, date(2027, 3, 1)).isoformat() == \
        "2027-06-01T12:00:00+02:00"
    assert next_deadline({"next": "06-01"}, date(2027, 6, 1)).year == 2028


@pytest.mark.django_db
def test_theme_introductions_cannot_carry_html(tmp_path, client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    spec = tmp_path / "x.json"
    spec.write_text('{"slug": "x", "title": "Testvik-høringen", "organiser": "Testvik", '
                    '"introduction": "Hei <script>alert(1)</script>", "deadline": '
                    '"2099-01-01T12:00", "themes": [{"title": "T", "introduction": '
                    '"**Viktig** <img src=x onerror=alert(1)> [lenke](javascript:alert(1))", '
                    '"questions": [{"text": "Hvor enig?", "kind": "scale"}, {"text": "Velg", '
                    '"kind": "multiple", "choices": ["Buss", "Ferje"]}]}]}', encoding="utf-8")
    load(spec)
    page = client.get("/horing/x/").content.decode()
    assert "<strong>Viktig</strong>" in page
    assert "<script>alert" not in page and "onerror" not in page and "javascript:" not in page


@pytest.mark.parametrize(("change", "message"), [
    ('"kind": "single", "choices": ["bare én"]', "minst to svaralternativer"),
    ('"kind": "rangering"', "Ukjent spørsmålstype"),
])
@pytest.mark.django_db
def test_bad_question_kinds_are_explained_and_nothing_is_written(tmp_path, change, message):
    spec = tmp_path / "x.json"
    spec.write_text('{"slug": "x", "title": "T", "organiser": "O", "introduction": "I", '
                    '"deadline": "2099-01-01T12:00", "themes": [{"title": "T", "questions": '
                    f'[{{"text": "Q", {change}}}]}}]}}', encoding="utf-8")
    with pytest.raises(DescriptionError, match=message):
        load(spec)
    assert not Consultation.objects.exists()


def test_configured_types_meetings_and_kinds_on_the_form(client, places):
    consultation = load(EXAMPLE)
    theme = consultation.themes.first()
    scale = Question.objects.create(theme=theme, text="Hvor viktig er bredbånd?", kind="scale",
                                    position=9)
    multiple = Question.objects.create(theme=theme, text="Hva mangler?", kind="multiple",
                                       choices=["Buss", "Ferje", "Fiber"], position=10)
    form = client.get("/horing/distriktshoring/innspill/").content.decode()
    assert "Fylkesparti" in form and "Ungdomsorganisasjon" in form and "Privatperson" not in form
    data = {"respondent_type": "fylkesparti", "municipality_code": "9901",
            f"q_{scale.id}": "4", f"q_{multiple.id}": ["Ferje", "Fiber"], "for_meeting": "on"}
    missing = client.post("/horing/distriktshoring/innspill/", data).content.decode()
    assert "Skriv navnet på laget eller organisasjonen." in missing
    assert "Skriv hvor mange som var til stede på møtet." in missing
    assert not Submission.objects.exists()
    data.update(organisation="Testvik fylkesparti", present="23")
    assert client.post("/horing/distriktshoring/innspill/", data).status_code == 302
    saved = Submission.objects.get()
    assert (saved.respondent_type, saved.for_meeting, saved.present) == ("fylkesparti", True, 23)
    assert saved.answers.get(question=multiple).text == "Ferje\nFiber"
    assert saved.answers.get(question=scale).text == "4"
    assert saved.respondent_type_label() == "Fylkesparti"
    bad = client.post("/horing/distriktshoring/innspill/", {**data, f"q_{scale.id}": "9"})
    assert "Velg et gyldig valg" in bad.content.decode()


def test_invite_the_committee_reaches_its_members(client, people, places):
    consultation = load(EXAMPLE)
    people["eier"].email = "eier@example.org"
    people["eier"].save()
    consultation.membership_set.create(user=people["eier"], role="owner")
    url = "/horing/distriktshoring/inviter/"
    past = client.post(url, {"organisation": "Testvik Ap", "place": "Testvik", "date":
                             "2020-01-01", "topic": "Ferja", "email": "leder@example.org"})
    assert "Datoen har vært" in past.content.decode() and not Invitation.objects.exists()
    sent = client.post(url, {"organisation": "Testvik Ap", "place": "Testvik samfunnshus",
                             "date": "2099-03-14", "topic": "Ferja og bredbåndet",
                             "email": "leder@example.org"})
    assert sent.status_code == 302
    assert sorted(mail.outbox[0].to) == ["distrikt@arbeiderpartiet.no", "eier@example.org"]
    assert "14. mars 2099" in mail.outbox[0].body and "Testvik samfunnshus" in mail.outbox[0].body
    client.force_login(people["eier"])
    desk = client.get("/horing/distriktshoring/moderer/").content.decode()
    assert "Ferja og bredbåndet" in desk
