"""What the committee sees: moderation, analysis, exports. Members only."""

from functools import wraps
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from livskraft.web.downloads import table_response

from . import analysis, attachments, summary_pdf
from .forms import HideForm
from .models import Consultation, Statement, Submission
from .permissions import can_moderate


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
    if request.method == "POST":
        _moderation_action(request, consultation)
        return redirect("consultation-moderate", slug=consultation.slug)
    status = request.GET.get("status", "")
    submissions = consultation.submissions.prefetch_related("answers__question")
    if status in dict(Submission.STATUSES):
        submissions = submissions.filter(status=status)
    return render(request, "consultations/moderate.html", {
        "consultation": consultation, "submissions": submissions[:300], "status": status,
        "statements": consultation.statements.filter(status=Statement.PENDING),
        "hide_form": HideForm(),
    })


def _posted(request, model, consultation: Consultation, field: str):
    """The statement or submission of this consultation named by a posted id, or None."""
    value = request.POST.get(field, "")
    if not value.isdigit():
        return None
    return model.objects.filter(consultation=consultation, id=int(value)).first()


def _moderation_action(request, consultation: Consultation) -> None:
    action = request.POST.get("action")
    if action in ("approve", "reject"):
        statement = _posted(request, Statement, consultation, "statement")
        if statement is None:
            messages.error(request, _("Fant ikke påstanden. Last siden på nytt."))
            return
        statement.status = Statement.APPROVED if action == "approve" else Statement.REJECTED
        statement.save()
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


@members_only
def export(request, consultation: Consultation):
    frame = analysis.answers(consultation)
    table = frame[["submission", "respondent_type", "organisation", "kommune", "county",
                   "centrality_class", "theme", "question", "text"]].rename(columns={
        "submission": "innspill", "respondent_type": "type", "organisation": "organisasjon",
        "kommune": "kommunenr", "county": "fylke", "centrality_class": "sentralitet",
        "theme": "tema", "question": "spørsmål", "text": "svar"})
    return table_response({"Innspill": table}, f"innspill-{consultation.slug}", "xlsx")
