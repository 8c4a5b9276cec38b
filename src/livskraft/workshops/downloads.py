"""Workshop downloads built from every tool in the registry: the workbook of all answers,
the PDF summary, and charts as PNG."""

import pandas as pd

from livskraft.web import pdf
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
    """One page per tool: its title, its chart if it has one, its lines and credits."""
    return pdf.render("workshops/summary_pdf.html", {
        "workshop": workshop, "people": workshop.participants.count(),
        "tools": [{"label": tool.label, "chart": tool.chart(workshop) if tool.has_chart else "",
                   "lines": tool.pdf_lines(workshop), "credits": tool.credits(workshop)}
                  for tool in registry.TOOLS]})
