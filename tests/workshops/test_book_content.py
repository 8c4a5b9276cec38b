"""The tools carry the book's words: every passage we quote is read back from the book itself
(../shared/seeds/002_…), shown to participants and on the big screen, and credited; our own
content (the trust check's statements) says so."""

import re
from pathlib import Path

import pytest
from django.test import Client

from livskraft.workshops import screens
from livskraft.workshops.tools import diamond, priority, registry, ten_steps, trust

from .conftest import joined

BOOK = Path(__file__).parents[2] / ".." / "shared" / "seeds" / "002_047406fd7a2b6035.txt"


@pytest.fixture(scope="module")
def book_text() -> str:
    if not BOOK.exists():
        pytest.skip(f"the book is not at {BOOK}")
    text = BOOK.read_text(encoding="utf-8")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # words hyphenated across lines
    return re.sub(r"\s+", " ", text)


def quotes():
    return [*[c.definition for c in diamond.COMPONENTS], *[c.question for c in diamond.COMPONENTS],
            diamond.INTRO, diamond.INDIVIDUAL, diamond.JOINT, diamond.TIP, diamond.SCALE,
            *[s.title for s in ten_steps.STEPS], *[s.question for s in ten_steps.STEPS],
            trust.PURPOSE, priority.LEAD, priority.SORT, priority.GROUPS,
            priority.HARD_TO_INFLUENCE]


def test_every_quoted_passage_is_in_the_book_word_for_word(book_text):
    for quote in quotes():
        assert quote.text in book_text, quote.text
    for tool in registry.TOOLS:
        assert tool.chapter.title in book_text and tool.chapter.authors in book_text


def test_the_ten_steps_are_the_books_not_rewritten():
    # the book, lines 3880–3900: step 7 compares with the wanted position, step 8 includes
    # communication, step 10 asks no question
    assert ten_steps.STEPS[6].question.text.endswith(
        "samanlikna med den posisjonen vi ønsker å ha?")
    assert "kommunisere det vi står for" in ten_steps.STEPS[7].question.text
    assert "stiller vi ikkje spørsmål, men set i gang arbeidet" in ten_steps.STEPS[9].question.text
    assert [s.title.text for s in ten_steps.STEPS][1] == "Kartlegg stadskvalitetar"


def test_the_diamond_page_shows_the_books_questions_and_scale_with_our_translation(workshop):
    workshop.active_tool = "diamond"
    workshop.save()
    phone = joined(workshop)
    page = phone.get("/verksted/delta/").content.decode()
    assert "Korleis har leiinga bidrege til at planen skal fungere som styringsverktøy?" in page
    assert "1 svært dårleg og 5 svært god" in page
    assert "Hvordan har ledelsen bidratt" in page and "vår oversettelse" in page  # bokmål page
    assert "1 (svak) til 5 (sterk)" not in page
    assert "Etter Distriktssenteret: «Kapasitetsdiamanten – eigenvurdering av " \
        "utviklingskapasitet», Ann Opheim Jørgensen, Geir Lyngaas og Steinar Fredheim" in page
    phone.cookies["django_language"] = "nn"
    nynorsk = phone.get("/verksted/delta/").content.decode()
    assert "Korleis har leiinga bidrege" in nynorsk and "Hvordan har ledelsen" not in nynorsk
    workshop.results_hidden = False
    workshop.save()
    assert "Har vi frigjort tilstrekkeleg personalressursar til gjennomføring?" in \
        screens.render(workshop)


def test_trust_statements_are_marked_ours_and_can_be_replaced_before_the_round(people, workshop):
    workshop.active_tool = "trust"
    workshop.save()
    phone = joined(workshop)
    page = phone.get("/verksted/delta/").content.decode()
    assert "laget av Livskraft, ikke av Distriktssenteret" in page
    assert "Den kan nyttast i prosessar der ulike menneske møter kvarandre" in page
    desk = Client()
    desk.force_login(people["prosessleder"])
    base = f"/verksted/{workshop.id}/"
    desk.post(base, {"action": "trust_statements",
                     "statements": "Eg blir lytta til.\n\nVi stoler på kvarandre.\n"})
    assert trust.statements(workshop) == [("egen-1", "Eg blir lytta til."),
                                          ("egen-2", "Vi stoler på kvarandre.")]
    page = phone.get("/verksted/delta/").content.decode()
    assert "Eg blir lytta til." in page and "lagt inn av prosesslederen" in page
    assert "Jeg opplever at synspunktene mine blir hørt." not in page
    phone.post("/verksted/delta/tillit/", {"egen-1": "4", "egen-2": "2"})
    refused = desk.post(base, {"action": "trust_statements", "statements": "Ny"}, follow=True)
    assert "bare endres før noen har svart" in refused.content.decode()
    assert len(trust.statements(workshop)) == 2
    assert desk.post(base, {"action": "trust_round"}).status_code == 302
    desk.post(base, {"action": "trust_statements", "reset": "1"})  # back to ours in round 2
    assert trust.statements(workshop)[0][0] == "hort"
    medhjelper = Client()
    medhjelper.force_login(people["medhjelper"])
    assert medhjelper.post(base, {"action": "trust_statements", "statements": "x"}
                           ).status_code == 403
