"""The workshop's PDFs and Word plan, as a facilitator downloads them: a kommune name with
Sámi letters survives, the PDFs are tagged with language and title, the plan's questions
are italic runs and the document says its language."""

import io
import re

import docx
from django.test import Client

from livskraft.workshops.models import Workshop
from tests.documents import SAMI_LETTERS, SAMI_NAME, assert_accessible_pdf, docx_part

TITLE = f"Verksted i {SAMI_NAME}"


def facilitator(people, workshop) -> Client:
    Workshop.objects.filter(id=workshop.id).update(title=TITLE)
    client = Client()
    client.force_login(people["prosessleder"])
    client.post(f"/verksted/{workshop.id}/10-punkt/",
                {"step": 1, "decisions": f"Sámi letters: {SAMI_LETTERS}", "done": "on"})
    return client


def test_summary_pdf_keeps_sami_letters_and_is_tagged(people, workshop):
    response = facilitator(people, workshop).get(f"/verksted/{workshop.id}/sammendrag.pdf")
    facts = assert_accessible_pdf(response.content, TITLE)
    assert TITLE in facts.text and "10-punktsmodellen" in facts.text
    assert "Bredbånd" in facts.text  # the priority tool's chart, drawn as SVG text


def test_plan_pdf_keeps_sami_letters_in_every_language(people, workshop):
    client = facilitator(people, workshop)
    for language, title in (("nb", f"Plan: {TITLE}"), ("en", f"Plan: {TITLE}")):
        client.cookies["django_language"] = language
        data = client.get(f"/verksted/{workshop.id}/10-punkt/plan.pdf").content
        facts = assert_accessible_pdf(data, title, language)
        assert SAMI_LETTERS in facts.text and "Kva vil vi med lokalsamfunnet vårt?" in facts.text


def test_plan_docx_italic_questions_and_language(people, workshop):
    client = facilitator(people, workshop)
    for language, tag in (("nb", "nb-NO"), ("nn", "nn-NO")):
        client.cookies["django_language"] = language
        data = client.get(f"/verksted/{workshop.id}/10-punkt/plan.docx").content
        styles = docx_part(data, "word/styles.xml")
        assert re.findall(r'<w:lang w:val="([^"]+)"', styles) == [tag]
        plan = docx.Document(io.BytesIO(data))
        questions = [p for p in plan.paragraphs if p.style.name == "Quote"]
        assert len(questions) == 10  # one per step of the model
        first = questions[0].runs[0]
        assert first.text == "Kva vil vi med lokalsamfunnet vårt?" and first.italic is True
        assert SAMI_LETTERS in "\n".join(p.text for p in plan.paragraphs)
        assert plan.core_properties.language == tag
        assert plan.core_properties.title == f"Plan: {TITLE}"
