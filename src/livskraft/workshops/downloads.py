"""Workshop downloads: charts as SVG or PNG, a PDF summary, and the factor list as XLSX."""

import io
from zipfile import BadZipFile

import cairosvg
import openpyxl
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from . import diagrams, diamond, scoring, ten_steps, trust
from .models import Factor, Workshop


def chart_svg(workshop: Workshop, tool: str) -> bytes:
    return str(diagrams.CHARTS[tool](workshop)).encode("utf-8")


def chart_png(workshop: Workshop, tool: str) -> bytes:
    return cairosvg.svg2png(bytestring=chart_svg(workshop, tool), output_width=1200)


def summary_pdf(workshop: Workshop) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    pdf.setTitle(workshop.title)
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(2 * cm, height - 2.5 * cm, workshop.title)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(2 * cm, height - 3.2 * cm, _("%(people)s deltakere · %(steps)s av 10 steg "
                                                "fullført") % {
        "people": workshop.participants.count(), "steps": ten_steps.progress(workshop)})
    for title, tool, lines in (
        (_("Prioriteringsverktøyet"), Workshop.PRIORITY, _priority_lines(workshop)),
        (_("Kapasitetsdiamanten"), Workshop.DIAMOND, _diamond_lines(workshop)),
    ):
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(2 * cm, height - 4.5 * cm, title)
        image = ImageReader(io.BytesIO(chart_png(workshop, tool)))
        pdf.drawImage(image, 2 * cm, height - 16 * cm, width=16 * cm, height=11 * cm,
                      preserveAspectRatio=True, anchor="sw")
        _lines(pdf, lines, height - 17 * cm)
        pdf.showPage()
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(2 * cm, height - 2.5 * cm, _("Dialog- og tillitssjekken"))
    _lines(pdf, _trust_lines(workshop), height - 3.5 * cm)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _lines(pdf, lines: list[str], top: float) -> None:
    pdf.setFont("Helvetica", 10)
    for number, line in enumerate(lines):
        pdf.drawString(2 * cm, top - number * 0.5 * cm, line[:110])


def _priority_lines(workshop: Workshop) -> list[str]:
    return [_("%(n)s. %(text)s: viktighet %(i)s, påvirkning %(f)s (%(answers)s svar)") % {
        "n": n, "text": f["text"], "answers": f["answers"],
        "i": "–" if f["importance"] is None else f"{f['importance']:.1f}",
        "f": "–" if f["influence"] is None else f"{f['influence']:.1f}"}
        for n, f in enumerate(scoring.summary(workshop), start=1)]


def _diamond_lines(workshop: Workshop) -> list[str]:
    return [_("%(label)s: snitt %(mean)s, felles %(joint)s") % {
        "label": c["label"], "mean": "–" if c["mean"] is None else f"{c['mean']:.1f}",
        "joint": c["joint"] or "–"} for c in diamond.summary(workshop)]


def _trust_lines(workshop: Workshop) -> list[str]:
    lines = []
    for row in trust.summary(workshop):
        who = row["group"] or _("alle")
        if row["shown"]:
            lines.append(_("Runde %(r)s, %(who)s: snitt %(mean)s (%(n)s svar)") % {
                "r": row["round"], "who": who, "mean": f"{row['overall']:.1f}",
                "n": row["respondents"]})
        else:
            lines.append(_("Runde %(r)s, %(who)s: færre enn %(min)s svar, ikke vist") % {
                "r": row["round"], "who": who, "min": trust.MIN_ANSWERS})
    return lines or [_("Ingen svar ennå.")]


def factors_xlsx(workshop: Workshop) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Faktorer"
    sheet.append(["faktor"])
    for factor in workshop.factors.all():
        sheet.append([factor.text])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def import_factors(workshop: Workshop, upload) -> int:
    """Add the factors in the first column of an XLSX sheet (a header row 'faktor' is
    skipped); returns how many were added. Raises ValueError with a reason."""
    try:
        sheet = openpyxl.load_workbook(upload, read_only=True).active
    except (BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise ValueError(_("Filen er ikke et Excel-ark (XLSX).")) from error
    texts = [str(row[0]).strip() for row in sheet.iter_rows(values_only=True)
             if row and row[0] is not None and str(row[0]).strip()]
    if texts and texts[0].lower() in ("faktor", "faktorer", "tiltak"):
        texts = texts[1:]
    if not texts:
        raise ValueError(_("Fant ingen faktorer i første kolonne."))
    start = workshop.factors.count()
    Factor.objects.bulk_create(Factor(workshop=workshop, text=text[:200], position=start + i)
                               for i, text in enumerate(texts))
    return len(texts)
