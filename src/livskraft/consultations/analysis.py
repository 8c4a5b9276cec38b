"""The committee's analysis: counts by theme, question, county and centrality class (joined
through the respondent's kommune), search, keywords and theme clusters. Groups with fewer
than five respondents are never shown."""

import pandas as pd
from django.utils.translation import gettext as _

from livskraft.places.models import Centrality, Municipality

from .models import Answer, Consultation, Submission, Vote

MIN_RESPONDENTS = 5


def answers(consultation: Consultation) -> pd.DataFrame:
    """One row per answer in submissions that are not hidden."""
    rows = (Answer.objects.filter(submission__consultation=consultation)
            .exclude(submission__status=Submission.HIDDEN)
            .values("submission_id", "submission__respondent_type",
                    "submission__municipality_code", "submission__organisation",
                    "question_id", "question__text", "question__theme__title", "text"))
    frame = pd.DataFrame(list(rows), columns=[
        "submission_id", "submission__respondent_type", "submission__municipality_code",
        "submission__organisation", "question_id", "question__text",
        "question__theme__title", "text"])
    frame.columns = ["submission", "respondent_type", "kommune", "organisation", "question_id",
                     "question", "theme", "text"]
    newest = Municipality.objects.order_by("-vintage").values_list("vintage", flat=True).first()
    counties = dict(Municipality.objects.filter(vintage=newest)
                    .values_list("code", "county_name"))
    classes = dict(Centrality.objects.values_list("code", "centrality_class"))
    types = {code: str(label) for code, label in Submission.RESPONDENT_TYPES}
    frame["respondent_type"] = frame.respondent_type.map(types)
    frame["county"] = frame.kommune.map(counties).fillna(_("ukjent"))
    frame["centrality_class"] = frame.kommune.map(classes).map(
        lambda c: _("klasse %(c)s") % {"c": int(c)} if pd.notna(c) else _("ukjent"))
    return frame


def breakdown(frame: pd.DataFrame, column: str) -> list[dict]:
    """Respondents per group; groups under the threshold show no number."""
    counts = frame.groupby(column).submission.nunique().sort_values(ascending=False)
    return [{"group": group, "respondents": int(n) if n >= MIN_RESPONDENTS else None}
            for group, n in counts.items()]


def search(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    return frame[frame.text.str.contains(query, case=False, regex=False)] if query else frame[:0]


def themes(frame: pd.DataFrame) -> list[dict]:
    """Clusters of similar answers with their top words, largest first (≥ 5 respondents)."""
    if frame.empty:
        return []
    from livskraft.analysis import text_themes  # scikit-learn: imported only when used

    labels, words = text_themes.clusters(frame.text.tolist())
    grouped = frame.assign(cluster=labels).groupby("cluster")
    out = [{"words": words[c], "respondents": int(g.submission.nunique()),
            "examples": g.text.head(3).tolist()} for c, g in grouped]
    out = [c for c in out if c["respondents"] >= MIN_RESPONDENTS]
    return sorted(out, key=lambda c: -c["respondents"])


def keywords(frame: pd.DataFrame) -> list[tuple[str, int]]:
    from livskraft.analysis import text_themes

    return [(w, n) for w, n in text_themes.keywords(frame.text.tolist(), 20)
            if n >= MIN_RESPONDENTS]


def statement_groups(consultation: Consultation):
    from livskraft.analysis import opinion_groups  # scikit-learn: imported only when used

    votes = pd.DataFrame(list(Vote.objects.filter(statement__consultation=consultation)
                              .values("voter", "statement_id", "value")),
                         columns=["voter", "statement_id", "value"])
    return opinion_groups.find(votes.rename(columns={"statement_id": "statement"}))
