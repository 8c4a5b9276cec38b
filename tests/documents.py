"""Reading what a PDF or a Word document really contains: the text as extracted, the
catalogue's /Lang and /StructTreeRoot, the title, whether every font is embedded; the XML of
a .docx."""

import io
import zipfile
from dataclasses import dataclass

from pypdf import PdfReader

# the real kommune name (SSB's list, kommune 5622) and the letters Helvetica drew as ■
SAMI_NAME = "Porsanger-Porsáŋgu-Porsanki"
SAMI_LETTERS = "č đ ŧ ŋ á"


@dataclass
class PdfFacts:
    text: str
    lang: str | None
    title: str | None
    tagged: bool
    fonts: dict[str, bool]  # base font name → embedded (a font file in its descriptor)


def pdf_facts(data: bytes) -> PdfFacts:
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font
                          else font).get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    return PdfFacts(text="\n".join(page.extract_text() for page in reader.pages),
                    lang=str(root["/Lang"]) if "/Lang" in root else None,
                    title=reader.metadata.title if reader.metadata else None,
                    tagged="/StructTreeRoot" in root, fonts=fonts)


def assert_accessible_pdf(data: bytes, title: str, lang: str = "nb") -> PdfFacts:
    facts = pdf_facts(data)
    assert facts.tagged and facts.lang == lang and facts.title == title
    assert facts.fonts and all(facts.fonts.values()), facts.fonts
    assert all("+DejaVu-Sans" in name for name in facts.fonts), facts.fonts  # subset, embedded
    return facts


def docx_part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def _elements(data: bytes):
    """Every structure element of the PDF's tag tree."""
    reader = PdfReader(io.BytesIO(data))
    pending = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending += [item.get_object() for item in node]
            continue
        if not hasattr(node, "get"):
            continue  # a marked-content id
        if "/S" in node:
            yield node
        kids = node.get("/K")
        if kids is not None:
            pending.append(kids.get_object() if hasattr(kids, "get_object") else kids)


def structure(data: bytes) -> dict[str, int]:
    """How many structure elements of each type (/H1, /H2, /P, /Table, /Figure …) the PDF's
    tag tree holds."""
    counts: dict[str, int] = {}
    for element in _elements(data):
        counts[str(element["/S"])] = counts.get(str(element["/S"]), 0) + 1
    return counts


def figure_texts(data: bytes) -> list[str | None]:
    """The alternative text (/Alt) of every /Figure, None where it has none."""
    return [str(e["/Alt"]) if "/Alt" in e else None for e in _elements(data)
            if e["/S"] == "/Figure"]
