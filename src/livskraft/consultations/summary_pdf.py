"""The committee's summary as a PDF to send on: a summary per theme quoting representative
answers, counts, keywords, theme clusters, then every answer (the same rules as the analysis
page: groups under five respondents show no number; hidden submissions and names are left
out)."""

import io
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _

from . import analysis
from .models import Consultation


def build(consultation: Consultation) -> bytes:
    from reportlab.lib.pagesizes import A4  # imported when used: a quicker cold start
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    frame = analysis.answers(consultation)
    styles = getSampleStyleSheet()
    story = [Paragraph(escape(consultation.title), styles["Title"]),
             Paragraph(escape(_("%(n)s innspill (skjulte er ikke med). Grupper med færre enn "
                                "%(min)s innsendere vises uten tall.")
                              % {"n": frame.submission.nunique(),
                                 "min": analysis.MIN_RESPONDENTS}), styles["Normal"]),
             Paragraph(escape(_("Laget %(when)s (norsk tid).") % {"when": timezone.localtime(
                 ).strftime("%d.%m.%Y %H:%M")}), styles["Normal"])]
    if consultation.source:
        story.append(Paragraph(escape(consultation.source), styles["Italic"]))
    story += [Spacer(1, 12), Paragraph(escape(_("Sammendrag per tema")), styles["Heading2"])]
    for theme in analysis.theme_summaries(frame):
        count = (_("færre enn 5") if theme["respondents"] is None
                 else _("%(n)s innsendere") % {"n": theme["respondents"]})
        story.append(Paragraph(escape(f"{theme['theme']} – {count}"), styles["Heading3"]))
        if theme["keywords"]:
            story.append(Paragraph(escape(", ".join(theme["keywords"])), styles["Normal"]))
        story += [Paragraph(escape(f"«{quote['text'][:600]}» ({quote['who']}, "
                                   f"#{quote['submission']})"), styles["Normal"])
                  for quote in theme["quotes"]]
    for title, column in ((_("Per tema"), "theme"), (_("Per fylke"), "county"),
                          (_("Per sentralitetsklasse"), "centrality_class"),
                          (_("Per type innsender"), "respondent_type")):
        rows = [[_("Gruppe"), _("Innsendere")]] + [
            [str(r["group"]), _("færre enn 5") if r["respondents"] is None else r["respondents"]]
            for r in analysis.breakdown(frame, column)]
        story += [Spacer(1, 12), Paragraph(escape(title), styles["Heading2"]), Table(rows)]
    words = ", ".join(f"{w} ({n})" for w, n in analysis.keywords(frame)) or "–"
    story += [Spacer(1, 12), Paragraph(escape(_("Nøkkelord")), styles["Heading2"]),
              Paragraph(escape(words), styles["Normal"]),
              Paragraph(escape(_("Tematiske grupper av svar")), styles["Heading2"])]
    for cluster in analysis.themes(frame):
        story.append(Paragraph(escape(", ".join(cluster["words"]) + " – " + _(
            "%(n)s innsendere") % {"n": cluster["respondents"]}), styles["Heading3"]))
        story += [Paragraph(escape(example[:300]), styles["Normal"])
                  for example in cluster["examples"]]
    story += [Spacer(1, 12), Paragraph(escape(_("Alle svar")), styles["Heading2"])]
    for (_position, theme), rows in frame.groupby(["theme_position", "theme"], sort=True):
        story.append(Paragraph(escape(theme), styles["Heading3"]))
        for question, answers in rows.groupby("question", sort=False):
            story.append(Paragraph(escape(question), styles["Heading4"]))
            story += [Paragraph(escape(f"#{r.submission} ({r.respondent_type}, "
                                       f"{r.kommune_name}): {r.text}"), styles["Normal"])
                      for r in answers.itertuples()]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=consultation.title).build(story)
    return buffer.getvalue()
