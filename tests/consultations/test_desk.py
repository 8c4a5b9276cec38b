"""The committee's desk: paging, search and filters on the submission list, the summary per
theme with its quotes, and the CSV export."""

import csv
import io
import re

from django.test import Client

from livskraft.consultations import analysis
from livskraft.consultations.models import Question, Submission, Theme

from .test_committee import submit


def desk(people, consultation, query=""):
    client = Client()
    client.force_login(people["moderator"])
    return client.get(f"/horing/{consultation.slug}/moderer/{query}").content.decode()


def cards(page: str) -> int:
    return page.count('class="card submission-card"')


def test_the_list_pages_50_at_a_time_and_filters_combine(people, consultation):
    for i in range(52):
        submit(consultation, "9901", f"Bredbånd nummer {i}")
    submit(consultation, "9902", "Ferja må gå oftere", respondent_type="organisation",
           organisation="Ferjelaget")
    last_theme = Theme.objects.get(consultation=consultation, position=4)
    hidden = submit(consultation, "9902", "Noe annet")
    hidden.status = Submission.HIDDEN
    hidden.save()
    hidden.answers.update(question=Question.objects.get(theme=last_theme))
    first = desk(people, consultation)
    assert cards(first) == 50 and "54 innspill." in first and "Side 1 av 2." in first
    assert cards(desk(people, consultation, "?side=2")) == 4  # 54 = 50 + 4
    assert cards(desk(people, consultation, "?side=99")) == 4  # past the end: the last page
    county = desk(people, consultation, "?county=Eksempelfylke")  # 9902's county
    assert cards(county) == 2 and "Prøvebygd" in county  # the kommune by name
    assert cards(desk(people, consultation, "?county=Eksempelfylke&type=organisation")) == 1
    assert cards(desk(people, consultation, "?status=hidden")) == 1
    assert cards(desk(people, consultation, f"?theme={last_theme.id}")) == 1
    assert cards(desk(people, consultation, "?q=ferjelaget")) == 1  # the organisation's name
    assert cards(desk(people, consultation, "?q=nummer 1")) == 1  # words: not 10–19
    searched = desk(people, consultation, "?q=BREDBÅND&side=2")  # 52 hits: 50 + 2
    assert cards(searched) == 2 and "52 innspill." in searched and "Side 2 av 2." in searched
    assert cards(desk(people, consultation, "?theme=abc&status=x")) == 50  # ignored
    assert cards(desk(people, consultation, "?side=-3")) == 4  # Django: out of range → last


def test_summary_per_theme_quotes_representative_answers(consultation):
    texts = ["Vi trenger bredbånd i bygda", "Bredbånd og fiber i bygda",
             "Bredbånd er viktig for bygda", "Fiber og bredbånd til alle i bygda",
             "Raskt bredbånd i hele bygda", "Ferja er for dyr"]
    for text in texts:
        submit(consultation, "9901", text)
    summaries = analysis.theme_summaries(analysis.answers(consultation))
    assert len(summaries) == 1 and summaries[0]["respondents"] == 6
    quotes = [q["text"] for q in summaries[0]["quotes"]]
    assert len(quotes) == 3 and "Ferja er for dyr" not in quotes  # the odd one out
    # stems in at least 5 of the 6 answers: bredbånd (5), bygd (5); fiber is in only 2
    assert summaries[0]["keywords"][:2] in (["bredbånd", "bygd"], ["bygd", "bredbånd"])
    assert "fib" not in " ".join(summaries[0]["keywords"])
    submit(consultation, "9901", "Skolen", ).answers.update(
        question=Question.objects.filter(theme__consultation=consultation).last())
    few = [s for s in analysis.theme_summaries(analysis.answers(consultation))
           if s["theme"] == "Sentralisering"][0]
    assert few["respondents"] is None and few["quotes"] == []  # 1 respondent: nothing shown


def test_csv_export_has_every_answer_the_source_and_no_formulas(people, consultation):
    consultation.source = "Tekst: Testvik-utvalget"
    consultation.save()
    submit(consultation, "9901", "=HYPERLINK(\"http://x\")", name="Ola Hemmelig")
    submit(consultation, "9902", "Ferja")
    client = Client()
    client.force_login(people["moderator"])
    response = client.get(f"/horing/{consultation.slug}/analyse/innspill.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    header, body = rows[0], rows[1:]
    assert header[-2:] == ["svar", "kilde for spørsmålet"] and len(body) == 2
    assert {row[-1] for row in body} == {"Tekst: Testvik-utvalget"}
    assert "'=HYPERLINK(\"http://x\")" in [row[-2] for row in body]
    assert "Hemmelig" not in response.content.decode()
    assert {row[header.index("kommune")] for row in body} == {"Testvik", "Prøvebygd"}


def order(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'id="innspill-(\d+)"', page)]


def test_search_matches_whole_words_ranks_by_occurrences_and_combines(people, consultation):
    # Stems: ferja/ferje → ferj; "Ferjelaget" → ferjelag, another word.
    a = submit(consultation, "9901", "Ferja går for sjelden. Ferja er viktig.").id  # ferj ×2
    b = submit(consultation, "9901", "Vi trenger ferje og bredbånd").id  # ferj ×1, bredbånd ×1
    c = submit(consultation, "9902", "Bredbånd til alle", respondent_type="organisation",
               organisation="Ferjelaget").id  # bredbånd ×1, newer than b
    d = submit(consultation, "9901", "Kafé og fiber i bygda").id
    e = submit(consultation, "9901", "Færre ferger").id
    assert order(desk(people, consultation, "?q=ferje")) == [a, b]  # 2 before 1; not c
    assert order(desk(people, consultation, "?q=ferje+bredb%C3%A5nd")) == [b]  # both words
    assert order(desk(people, consultation, "?q=bredb%C3%A5nd")) == [c, b]  # 1 = 1: newest
    assert order(desk(people, consultation, "?q=ferjelaget")) == [c]  # organisation name
    assert order(desk(people, consultation, "?q=KAF%C3%89")) == [d]  # é → e, case folded
    assert order(desk(people, consultation, "?q=kafe")) == [d]
    assert order(desk(people, consultation, "?q=F%C3%86RRE")) == [e]  # æ stays a letter
    assert order(desk(people, consultation, "?q=faerre")) == []
    assert order(desk(people, consultation, "?q=bredb%C3%A5nd&type=organisation")) == [c]
    empty = desk(people, consultation, "?q=ferje&type=organisation")
    assert order(empty) == [] and "Ingen innspill inneholder alle ordene i «ferje»." in empty
