"""What the committee sees: moderation (submissions, statements, invitations), analysis,
exports. Members only."""

from functools import wraps
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from livskraft.web.collation import sort_key
from livskraft.web.downloads import table_response

from . import analysis, attachments, polls, summary_pdf
from .forms import HideForm, StatementForm
from .geography import counties, kommune_names
from .models import Consultation, Statement, Submission
from .permissions import can_moderate
from .views_poll import statement_actions

PAGE_SIZE = 50


def members_only(view):
    @wraps(view)
    def checked(request, slug: str, *args, **kwargs):
        consultation = get_object_or_404(Consultation, slug=slug)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_moderate(request.user, consultation):
            return render(request, "consultations/forbidden.html",
                          {"consultation": consultation}, status=403)
        return view(request, consultation, *args, **kwargs)
    return checked


@members_only
def moderate(request, consultation: Consultation):
    poll = consultation.poll()
    if request.method == "POST":
        if "statement_action" in request.POST:
            statement_actions(request, poll)
        elif request.POST.get("action") == "invitation_handled":
            consultation.invitations.filter(id=_id(request.POST.get("invitation"))).update(
                handled=True)
        else:
            _moderation_action(request, consultation)
        return redirect(request.get_full_path())
    rows, chosen = analysis.submissions(consultation, request.GET)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("side"))
    names = kommune_names()
    for submission in page:
        submission.kommune = names.get(submission.municipality_code,
                                       submission.municipality_code)
    query = urlencode({k: v for k, v in chosen.items() if v})
    return render(request, "consultations/moderate.html", {
        "consultation": consultation, "page": page, "chosen": chosen, "query": query,
        "themes": consultation.themes.all(), "types": consultation.respondent_types(),
        "counties": sorted(set(counties().values()), key=sort_key),
        "statuses": Submission.STATUSES, "hide_form": HideForm(), "form": StatementForm(),
        "pending": poll.statements.filter(status=Statement.PENDING), "poll": poll,
        "invitations": consultation.invitations.filter(handled=False),
    })


def _id(value) -> int | None:
    return int(value) if str(value).isascii() and str(value).isdigit() else None


def _posted(request, model, consultation: Consultation, field: str):
    """The submission of this consultation named by a posted id, or None."""
    value = request.POST.get(field, "")
    if not (value.isascii() and value.isdigit()):
        return None
    return model.objects.filter(consultation=consultation, id=int(value)).first()


def _moderation_action(request, consultation: Consultation) -> None:
    action = request.POST.get("action")
    if action in ("approve", "reject"):  # one statement, from an older page
        if not polls.moderate(consultation.poll(), [request.POST.get("statement", "")],
                              action == "approve"):
            messages.error(request, _("Fant ikke påstanden. Last siden på nytt."))
        return
    if action not in ("publish", "hide"):
        messages.error(request, _("Ukjent handling."))
        return
    submission = _posted(request, Submission, consultation, "submission")
    if submission is None:
        messages.error(request, _("Fant ikke innspillet. Last siden på nytt."))
        return
    if action == "publish":
        submission.status, submission.hidden_reason = Submission.PUBLISHED, ""
        submission.save()
        messages.success(request, _("Innspillet er publisert."))
    elif action == "hide":
        form = HideForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Skriv en begrunnelse for å skjule innspillet."))
            return
        submission.status, submission.hidden_reason = Submission.HIDDEN, form.cleaned_data[
            "reason"]
        submission.save()
        messages.success(request, _("Innspillet er skjult. Teksten er tatt vare på."))


@members_only
def attachment(request, consultation: Consultation, submission_id: int):
    """A submission's attachment, for the committee only; always downloaded, never shown
    inline, with the type its content was checked to be."""
    submission = get_object_or_404(Submission, consultation=consultation, id=submission_id)
    if not submission.attachment:
        raise Http404
    name = Path(submission.attachment.name).name
    kind = next((mime for mime, ext in attachments.ALLOWED.items()
                 if name.lower().endswith("." + ext)), "application/octet-stream")
    try:
        handle = submission.attachment.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return FileResponse(handle, as_attachment=True, filename=name, content_type=kind)


@members_only
def report(request, consultation: Consultation):
    frame = analysis.answers(consultation)
    query = request.GET.get("q", "").strip()
    return render(request, "consultations/analysis.html", {
        "consultation": consultation, "query": query,
        "respondents": frame.submission.nunique(),
        "summaries": analysis.theme_summaries(frame),
        "by_theme": analysis.breakdown(frame, "theme"),
        "by_question": analysis.breakdown(frame, "question"),
        "by_county": analysis.breakdown(frame, "county"),
        "by_centrality": analysis.breakdown(frame, "centrality_class"),
        "by_type": analysis.breakdown(frame, "respondent_type"),
        "keywords": analysis.keywords(frame),
        "themes": analysis.themes(frame),
        "hits": analysis.search(frame, query).head(100).to_dict("records"),
        "minimum": analysis.MIN_RESPONDENTS,
        "printable": request.resolver_match.url_name == "consultation-summary",
    })


@members_only
def summary(request, consultation: Consultation):
    response = HttpResponse(summary_pdf.build(consultation), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sammendrag-{consultation.slug}.pdf"'
    return response


def _table(consultation: Consultation) -> pd.DataFrame:
    """Every answer that is not hidden, without names or e-mail addresses of individuals."""
    frame = analysis.answers(consultation)
    return frame[["submission", "respondent_type", "organisation", "for_meeting", "present",
                  "kommune", "kommune_name", "county", "centrality_class", "theme", "question",
                  "text"]].rename(columns={
        "submission": _("innspill"), "respondent_type": _("type"),
        "organisation": _("organisasjon"), "for_meeting": _("vedtatt i møte"),
        "present": _("til stede"), "kommune": _("kommunenr"), "kommune_name": _("kommune"),
        "county": _("fylke"), "centrality_class": _("sentralitet"), "theme": _("tema"),
        "question": _("spørsmål"), "text": _("svar")})


def _about(consultation: Consultation) -> list[list[str]]:
    return [[_("Høring"), consultation.title], [_("Fra"), consultation.organiser],
            [_("Kilde"), consultation.source or _("Høringens tekst er eierens egen.")],
            [_("Merk"), _("Skjulte innspill er ikke med. Navn og e-post er ikke med.")]]


@members_only
def export(request, consultation: Consultation):
    statements = pd.DataFrame([[r["statement"].text, r["statement"].by_committee, r["agree"],
                                r["disagree"], r["passed"]]
                               for r in polls.results(consultation.poll())],
                              columns=[_("påstand"), _("fra utvalget"), _("enig"), _("uenig"),
                                       _("vet ikke")])
    about = pd.DataFrame(_about(consultation), columns=[_("Om"), ""])
    return table_response({_("Innspill"): _table(consultation), _("Påstander"): statements,
                           _("Om"): about}, f"innspill-{consultation.slug}", "xlsx")


@members_only
def export_csv(request, consultation: Consultation):
    table = _table(consultation)
    table[_("kilde for spørsmålet")] = consultation.source or _(
        "Høringens tekst er eierens egen.")
    return table_response({_("Innspill"): table}, f"innspill-{consultation.slug}", "csv")
