"""The committee's analysis: counts by theme, question, county and centrality class (joined
through the respondent's kommune), search, keywords, theme clusters and a summary per theme
that quotes representative answers. Groups with fewer than five respondents are never shown."""

from collections.abc import Sequence

import pandas as pd
from django.utils.translation import gettext as _

from livskraft.analysis import text_themes

from . import word_search
from .geography import centrality_classes, counties, kommune_names
from .models import Answer, Consultation, Submission

MIN_RESPONDENTS = 5
QUOTES = 3

COLUMNS = ["submission", "respondent_type", "kommune", "organisation", "for_meeting",
           "present", "question_id", "question", "theme_position", "theme", "text"]


def answers(consultation: Consultation) -> pd.DataFrame:
    """One row per answer in submissions that are not hidden."""
    rows = (Answer.objects.filter(submission__consultation=consultation)
            .exclude(submission__status=Submission.HIDDEN)
            .order_by("question__theme__position", "question__position", "submission_id")
            .values_list("submission_id", "submission__respondent_type",
                         "submission__municipality_code", "submission__organisation",
                         "submission__for_meeting", "submission__present", "question_id",
                         "question__text", "question__theme__position",
                         "question__theme__title", "text"))
    frame = pd.DataFrame(list(rows), columns=COLUMNS)
    types = {t.key: str(t.label) for t in consultation.respondent_types()}
    frame["respondent_type"] = frame.respondent_type.map(lambda k: types.get(k, k))
    frame["kommune_name"] = frame.kommune.map(kommune_names()).fillna(_("ukjent"))
    frame["county"] = frame.kommune.map(counties()).fillna(_("ukjent"))
    frame["centrality_class"] = frame.kommune.map(centrality_classes()).map(
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
    labels, words = text_themes.clusters(frame.text.tolist())
    grouped = frame.assign(cluster=labels).groupby("cluster")
    out = [{"words": words[c], "respondents": int(g.submission.nunique()),
            "examples": g.text.head(3).tolist()} for c, g in grouped]
    out = [c for c in out if c["respondents"] >= MIN_RESPONDENTS]
    return sorted(out, key=lambda c: -c["respondents"])


def theme_summaries(frame: pd.DataFrame) -> list[dict]:
    """Per theme in the consultation's order: respondents, keywords and the answers that are
    most representative of it. A theme under five respondents is named without quotes."""
    out = []
    for (_position, theme), rows in frame.groupby(["theme_position", "theme"], sort=True):
        respondents = int(rows.submission.nunique())
        shown = respondents >= MIN_RESPONDENTS
        texts = rows.text.tolist()
        picked = text_themes.representative(texts, QUOTES) if shown else []
        out.append({
            "theme": theme, "respondents": respondents if shown else None,
            "keywords": [w for w, n in text_themes.keywords(texts, 8) if n >= MIN_RESPONDENTS]
            if shown else [],
            "quotes": [{"text": texts[i], "question": rows.question.iloc[i],
                        "who": rows.respondent_type.iloc[i], "submission":
                        int(rows.submission.iloc[i])} for i in picked]})
    return out


def keywords(frame: pd.DataFrame) -> list[tuple[str, int]]:
    return [(w, n) for w, n in text_themes.keywords(frame.text.tolist(), 20)
            if n >= MIN_RESPONDENTS]


FILTERS = ("q", "theme", "county", "type", "status")


def submissions(consultation: Consultation, params) -> tuple:
    """The moderation list filtered by search text, theme, county, respondent type and
    status; returns (the rows, a queryset or a ranked sequence, and the filters applied)."""
    chosen = {k: str(params.get(k, "")).strip()[:200] for k in FILTERS}
    rows = consultation.submissions.prefetch_related("answers__question")
    if chosen["status"] in dict(Submission.STATUSES):
        rows = rows.filter(status=chosen["status"])
    if chosen["type"]:
        rows = rows.filter(respondent_type=chosen["type"])
    if chosen["theme"].isdigit():
        rows = rows.filter(answers__question__theme_id=int(chosen["theme"]))
    if chosen["county"]:
        codes = [c for c, name in counties().items() if name == chosen["county"]]
        rows = rows.filter(municipality_code__in=codes)
    if not chosen["q"]:
        return rows.distinct(), chosen
    return _ranked(consultation, rows.values_list("id", flat=True).distinct(), chosen["q"]), chosen


def _ranked(consultation: Consultation, ids, query: str) -> "Ranked":
    """The submissions among ids that match every word of the query, best match first."""
    texts: dict[int, list] = {}
    for ident, created, organisation in Submission.objects.filter(id__in=ids).values_list(
            "id", "created_at", "organisation"):
        texts[ident] = [created, organisation]
    for ident, text in Answer.objects.filter(submission_id__in=ids).values_list(
            "submission_id", "text"):
        texts[ident].append(text)
    order = word_search.rank([(i, t[0], " ".join(t[1:])) for i, t in texts.items()], query)
    return Ranked(consultation.submissions.prefetch_related("answers__question"), order)


class Ranked(Sequence):
    """Submissions in a given order, loaded a page at a time (for the Paginator)."""

    def __init__(self, rows, ids: list[int]):
        self.rows, self.ids = rows, ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index:index + 1][0]
        chosen = self.ids[index]
        loaded = self.rows.in_bulk(chosen)
        return [loaded[i] for i in chosen]
