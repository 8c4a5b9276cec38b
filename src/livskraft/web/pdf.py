"""Every PDF the platform makes: an HTML template rendered by WeasyPrint as a tagged PDF/UA-1
document, with the page's language as /Lang, its <title> as the title, and DejaVu Sans
(Debian's fonts-dejavu-core and -extra) embedded.

Why WeasyPrint and not ReportLab: ReportLab's open-source library writes no structure tree
(/StructTreeRoot), so its PDFs cannot be tagged; WeasyPrint tags headings, paragraphs, lists
and tables from the HTML itself and writes the PDF/UA-1 variant. The documents are then plain
Django templates, so the kommune profile reuses the kommune page's own sections and
templates, and the charts go in as the same SVG the pages show."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.template.loader import render_to_string

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {  # (weight, style) → file; Oblique and BoldOblique come with fonts-dejavu-extra
    ("normal", "normal"): "DejaVuSans.ttf",
    ("bold", "normal"): "DejaVuSans-Bold.ttf",
    ("normal", "italic"): "DejaVuSans-Oblique.ttf",
    ("bold", "italic"): "DejaVuSans-BoldOblique.ttf",
}
FONT_FAMILY = "Livskraft Sans"
VARIANT = "pdf/ua-1"
PRINT_CSS = Path(__file__).parent / "static" / "livskraft" / "print.css"


def font_css() -> str:
    """@font-face rules for the embedded font; a clear error when the Debian package is
    missing (WeasyPrint would otherwise fall back to whatever fontconfig finds)."""
    missing = [name for name in FONT_FILES.values() if not (FONT_DIR / name).is_file()]
    if missing:
        raise ImproperlyConfigured(
            f"PDF font files missing in {FONT_DIR}: {', '.join(missing)}. "
            "Run scripts/install.sh (Debian packages fonts-dejavu-core fonts-dejavu-extra).")
    return "".join(
        f"@font-face {{ font-family: '{FONT_FAMILY}'; font-weight: {weight}; "
        f"font-style: {style}; src: url('{(FONT_DIR / name).as_uri()}'); }}"
        for (weight, style), name in FONT_FILES.items())


def _fetcher():
    """Only the font files may be read while rendering: no network, no other file."""
    from weasyprint.urls import URLFetcher

    fonts = {(FONT_DIR / name).as_uri() for name in FONT_FILES.values()}

    class FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in fonts:  # exactly these files: no "..", no query
                raise ValueError(f"not fetched while making a PDF: {url}")
            return super().fetch(url, headers)

    return FontsOnly(allowed_protocols={"file"})


def html_to_pdf(html: str) -> bytes:
    """A whole HTML document (with <html lang> and <title>) as a tagged PDF."""
    from weasyprint import CSS, HTML  # imported when used: a quicker cold start

    fetcher = _fetcher()
    stylesheets = [CSS(string=font_css(), url_fetcher=fetcher),
                   CSS(filename=str(PRINT_CSS), url_fetcher=fetcher),
                   CSS(string=f"html {{ font-family: '{FONT_FAMILY}'; }}")]
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=stylesheets, pdf_variant=VARIANT)


def render(template_name: str, context: dict, request=None) -> bytes:
    """A template extending "web/pdf.html" as a tagged PDF."""
    return html_to_pdf(render_to_string(template_name, context, request))


def html_response(html: str, filename: str) -> HttpResponse:
    """The document as a PDF download, shown in the browser first."""
    answer = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    answer["Content-Disposition"] = f'inline; filename="{filename}"'
    return answer
