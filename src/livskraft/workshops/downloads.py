"""Workshop downloads built from every tool in the registry: the workbook of all answers,
the PDF summary, and charts as PNG."""

import io
import textwrap

import pandas as pd
from django.utils.translation import gettext as _

from livskraft.web.downloads import xlsx_bytes

from .models import Workshop
from .tools import registry


def png(svg) -> bytes:
    import cairosvg  # imported when used: a quicker cold start

    return cairosvg.svg2png(bytestring=str(svg).encode("utf-8"), output_width=1200)


def workbook(workshop: Workshop) -> bytes:
    """Every tool's sheets and the credits, written safely (typed text never a formula)."""
    sheets = {name: sheet for tool in registry.TOOLS
              for name, sheet in tool.export_sheets(workshop).items()}
    sheets["Kjelder"] = pd.DataFrame([{"verktøy": str(tool.label), "kjelde": line}
                                      for tool in registry.TOOLS
                                      for line in tool.credits(workshop)])
    return xlsx_bytes(sheets)


def summary_pdf(workshop: Workshop) -> bytes:
    """One page per tool: its title, its chart if it has one, and its lines."""
    from reportlab.lib.pagesizes import A4  # imported when used: a quicker cold start
    from reportlab.lib.units import cm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    width, height = A4
    pdf.setTitle(workshop.title)
    for number, tool in enumerate(registry.TOOLS):
        top = height - 2.5 * cm
        if number == 0:
            pdf.setFont("Helvetica-Bold", 18)
            pdf.drawString(2 * cm, top, workshop.title)
            pdf.setFont("Helvetica", 10)
            pdf.drawString(2 * cm, top - 0.7 * cm, _("%(people)s deltakere") % {
                "people": workshop.participants.count()})
            top -= 2 * cm
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(2 * cm, top, str(tool.label))
        if tool.has_chart:
            image = ImageReader(io.BytesIO(png(tool.chart(workshop))))
            pdf.drawImage(image, 2 * cm, top - 11.5 * cm, width=16 * cm, height=11 * cm,
                          preserveAspectRatio=True, anchor="sw")
            top -= 11.5 * cm
        _lines(pdf, tool.pdf_lines(workshop) + [""] + tool.credits(workshop), top - 1 * cm)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _lines(pdf, lines: list[str], top: float) -> None:
    """Wrapped lines from `top` down, on as many pages as they need."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm

    y = top
    pdf.setFont("Helvetica", 10)
    for line in lines:
        for part in textwrap.wrap(line, 105, subsequent_indent="    ") or [""]:
            if y < 2 * cm:
                pdf.showPage()
                pdf.setFont("Helvetica", 10)
                y = A4[1] - 2.5 * cm
            pdf.drawString(2 * cm, y, part)
            y -= 0.5 * cm
