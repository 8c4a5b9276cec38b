"""web.pdf and web.word on synthetic documents: the Sámi letters survive, the PDF is
tagged with the page's language and title, only the font files are read; Word documents
say their language and their quotes are italic runs."""

import io
import re

import pytest
from django.template import engines
from django.utils import translation

from livskraft.web import pdf, word
from tests.documents import SAMI_LETTERS, SAMI_NAME, assert_accessible_pdf, docx_part

DOCUMENT = ('{% extends "web/pdf.html" %}{% block title %}{{ title }}{% endblock %}'
            '{% block content %}<h1>{{ title }}</h1><p>{{ letters }}</p>'
            '<p><em>kursiv</em> og <strong>halvfet</strong></p>{{ extra|safe }}{% endblock %}')


def render(language: str = "nb", **context) -> bytes:
    with translation.override(language):
        return pdf.html_to_pdf(engines["django"].from_string(DOCUMENT).render(context))


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_sami_letters_language_title_and_tags(language):
    data = render(language, title=SAMI_NAME, letters=SAMI_LETTERS)
    facts = assert_accessible_pdf(data, SAMI_NAME, language)
    assert SAMI_NAME in facts.text and SAMI_LETTERS in facts.text
    assert "■" not in facts.text
    # regular, bold and oblique faces are the real DejaVu files, not synthesised
    assert {re.sub(r"^/[A-Z]{6}\+", "", name) for name in facts.fonts} == {
        "DejaVu-Sans", "DejaVu-Sans-Bold", "DejaVu-Sans-Oblique"}


def test_nothing_but_the_fonts_is_fetched(tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("h1 { color: red }")
    image = tmp_path / "a.svg"
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>HEMMELIG</text></svg>')
    data = render(title="Testvik", letters="", extra=(
        f'<link rel="stylesheet" href="{secret.as_uri()}"><img src="{image.as_uri()}" alt="">'
        '<img src="http://192.0.2.1/x.png" alt="">'
        f'<img src="{pdf.FONT_DIR.as_uri()}/../../../../..{image}" alt="">'))
    assert "HEMMELIG" not in assert_accessible_pdf(data, "Testvik").text


def test_missing_font_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "FONT_DIR", tmp_path)
    with pytest.raises(Exception, match="fonts-dejavu-core"):
        render(title="Testvik", letters="")


@pytest.mark.parametrize(("language", "tag"), [("nb", "nb-NO"), ("nn", "nn-NO"),
                                               ("en", "en-GB")])
def test_word_document_language_and_italic_quote(language, tag):
    with translation.override(language):
        document = word.new_document("Plan for Testvik")
        word.add_quote(document, "Kva vil vi med lokalsamfunnet vårt?", "nn")
        buffer = io.BytesIO()
        document.save(buffer)
    data = buffer.getvalue()
    styles = docx_part(data, "word/styles.xml")
    defaults = re.search(r"<w:docDefaults>.*</w:docDefaults>", styles, re.S).group()
    assert re.findall(r'<w:lang w:val="([^"]+)"', defaults) == [tag]
    assert f'w:val="{tag}"' in docx_part(data, "word/settings.xml")
    assert "en-US" not in "".join(docx_part(data, name) for name in (
        "word/styles.xml", "word/settings.xml", "word/document.xml"))
    body = docx_part(data, "word/document.xml")
    quote = re.search(r'<w:p>(?:(?!</w:p>).)*Kva vil vi(?:(?!</w:p>).)*</w:p>', body, re.S)
    assert '<w:pStyle w:val="Quote"/>' in quote.group() and "<w:i/>" in quote.group()
    # the nynorsk passage says so when the document is in another language
    assert ('<w:lang w:val="nn-NO"/>' in quote.group()) == (language != "nn")
    core = docx_part(data, "docProps/core.xml")
    assert f"<dc:language>{tag}</dc:language>" in core and "Plan for Testvik" in core
