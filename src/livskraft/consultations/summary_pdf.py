"""The committee's summary as a PDF to send on: a summary per theme quoting representative
answers, counts, keywords, theme clusters, then every answer (the same rules as the analysis
page: groups under five respondents show no number; hidden submissions and names are left
out). Rendered by `web.pdf` from consultations/summary_pdf.html."""

from django.utils import timezone
from django.utils.translation import gettext as _

from livskraft.web import pdf

from . import analysis
from .models import Consultation


def build(consultation: Consultation) -> bytes:
    frame = analysis.answers(consultation)
    every_answer = [
        {"theme": theme, "questions": [
            {"question": question, "answers": answers.to_dict("records")}
            for question, answers in rows.groupby("question", sort=False)]}
        for (_position, theme), rows in frame.groupby(["theme_position", "theme"], sort=True)]
    return pdf.render("consultations/summary_pdf.html", {
        "consultation": consultation,
        "respondents": frame.submission.nunique(),
        "minimum": analysis.MIN_RESPONDENTS,
        "made": timezone.localtime(),
        "summaries": analysis.theme_summaries(frame),
        "breakdowns": [(title, analysis.breakdown(frame, column)) for title, column in (
            (_("Per tema"), "theme"), (_("Per fylke"), "county"),
            (_("Per sentralitetsklasse"), "centrality_class"),
            (_("Per type innsender"), "respondent_type"))],
        "keywords": analysis.keywords(frame),
        "themes": analysis.themes(frame),
        "every_answer": every_answer,
    })
