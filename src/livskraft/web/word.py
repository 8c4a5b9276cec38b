"""Every Word document the platform makes starts here: python-docx's template with the
document language set to the page's language (nb-NO, nn-NO or en-GB in w:lang and the core
properties), the title in the properties, and quotes as run-level italics in the Quote style
with their own language."""

from django.utils.translation import get_language

LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
LEGACY_STYLES = "/word/stylesWithEffects.xml"  # Word 2010's copy of styles.xml, still en-US


def language_tag(language: str | None = None) -> str:
    return LANGUAGE_TAGS.get((language or get_language() or "nb").split("-")[0], "nb-NO")


def new_document(title: str):
    """An empty document in the current language, titled `title`."""
    from docx import Document  # imported when used: a quicker cold start
    from docx.oxml.ns import qn

    document = Document()
    tag = language_tag()
    defaults = document.styles.element.find(qn("w:docDefaults"))
    for lang in defaults.iter(qn("w:lang")):
        lang.set(qn("w:val"), tag)
        lang.set(qn("w:eastAsia"), tag)
    for lang in document.settings.element.iter(qn("w:themeFontLang")):
        lang.set(qn("w:val"), tag)
    for rel_id, rel in list(document.part.rels.items()):
        if not rel.is_external and rel.target_part.partname == LEGACY_STYLES:
            document.part.drop_rel(rel_id)
    document.core_properties.language = tag
    document.core_properties.title = title
    return document


def mark_language(run, language: str) -> None:
    """A run in another language than the document's (a verbatim nynorsk passage, say)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language_tag(language))
    run._r.get_or_add_rPr().append(lang)


def add_quote(document, text: str, language: str | None = None, note: str = ""):
    """A quoted passage: the Quote style, the words in an italic run (in `language` when it
    differs from the document's), then `note` upright (e.g. our translation)."""
    paragraph = document.add_paragraph(style="Quote")
    run = paragraph.add_run(text)
    run.italic = True
    if language and language_tag(language) != language_tag():
        mark_language(run, language)
    if note:
        paragraph.add_run(f" {note}").italic = False
    return paragraph
