"""What respondents and visitors see: the consultation, the submission form, the private
link to one's own submission, and statement voting."""

import contextlib
import json

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from . import analysis, intake
from .forms import StatementForm, SubmissionForm
from .models import Consultation, Statement, Submission, Vote
from .sessions import by_session, voter_id


def _published(slug: str) -> Consultation:
    return get_object_or_404(Consultation, slug=slug, published=True)


def index(request):
    consultations = Consultation.objects.filter(published=True).order_by("-deadline")
    return render(request, "consultations/index.html", {"consultations": consultations})


def detail(request, slug: str):
    consultation = _published(slug)
    published = (consultation.submissions.filter(status=Submission.PUBLISHED)
                 .prefetch_related("answers__question"))
    return render(request, "consultations/detail.html",
                  {"consultation": consultation, "published": published[:200]})


# Limits per browser session, and a much higher one per address as a backstop for clients
# that send no cookie (each request would otherwise be a new session): a hall shares one.
RATES = {"submissions_per_session": "10/h", "submissions_per_address": "300/h",
         "votes_per_session": "120/h", "votes_per_address": "5000/h"}


def _rate(name: str):
    return lambda group, request: RATES[name]


@ratelimit(key=by_session, rate=_rate("submissions_per_session"), method="POST", block=False)
@ratelimit(key="ip", rate=_rate("submissions_per_address"), method="POST", block=False)
def submit(request, slug: str):
    consultation = _published(slug)
    if not consultation.is_open():
        return render(request, "consultations/closed.html", {"consultation": consultation},
                      status=403)
    form = SubmissionForm(consultation, request.POST or None, request.FILES or None)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return render(request, "consultations/submit.html",
                          {"consultation": consultation, "form": form, "limited": True},
                          status=429)
        if form.is_valid():
            try:
                submission = intake.save(consultation, form.respondent(), form.answers(),
                                         form.cleaned_data.get("attachment"))
            except intake.ConsultationClosed:
                return render(request, "consultations/closed.html",
                              {"consultation": consultation}, status=403)
            private = request.build_absolute_uri(_private_url(submission))
            intake.send_receipt(submission, private)
            messages.success(request, _("Takk! Innspillet er mottatt."))
            return redirect(_private_url(submission))
    return render(request, "consultations/submit.html",
                  {"consultation": consultation, "form": form})


def _private_url(submission: Submission) -> str:
    return reverse("consultation-own", args=[submission.consultation.slug, submission.token])


def _own(slug: str, token: str) -> Submission:
    return get_object_or_404(Submission, consultation__slug=slug, token=token)


def own(request, slug: str, token: str):
    """The respondent's private page: see and edit until the deadline."""
    submission = _own(slug, token)
    consultation = submission.consultation
    initial = {**{k: getattr(submission, k) for k in ("respondent_type", "name", "organisation",
                                                      "email", "municipality_code")},
               **{f"q_{a.question_id}": a.text for a in submission.answers.all()}}
    if request.method == "POST":
        if not consultation.is_open():
            return render(request, "consultations/closed.html", {"consultation": consultation},
                          status=403)
        form = SubmissionForm(consultation, request.POST, request.FILES)
        if form.is_valid():
            intake.save(consultation, form.respondent(), form.answers(),
                        form.cleaned_data.get("attachment"), submission)
            messages.success(request, _("Endringene er lagret."))
            return redirect(_private_url(submission))
    else:
        form = SubmissionForm(consultation, initial=initial)
    return render(request, "consultations/own.html",
                  {"consultation": consultation, "submission": submission, "form": form,
                   "open": consultation.is_open()})


def own_data(request, slug: str, token: str):
    data = intake.personal_data(_own(slug, token))
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mine-opplysninger.json"'
    return response


def own_erase(request, slug: str, token: str):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    submission = _own(slug, token)
    intake.anonymise(submission)
    messages.success(request, _("Navn, organisasjon, e-post og vedlegg er slettet. Svarene "
                                "står igjen uten noe som viser hvem du er."))
    return redirect(_private_url(submission))


def own_delete(request, slug: str, token: str):
    """Delete the whole submission (answers, attachment, everything) after a confirmation;
    allowed after the deadline too: it is the respondent's right to erasure."""
    submission = _own(slug, token)
    consultation = submission.consultation
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        intake.delete(submission)
        messages.success(request, _("Innspillet ditt er slettet. Ingenting av det er lagret "
                                    "hos oss lenger."))
        return redirect("consultation", slug=slug) if consultation.published else \
            redirect("consultations")
    return render(request, "consultations/delete.html",
                  {"consultation": consultation, "submission": submission,
                   "unconfirmed": request.method == "POST"})


@ratelimit(key=by_session, rate=_rate("votes_per_session"), method="POST", block=False)
@ratelimit(key="ip", rate=_rate("votes_per_address"), method="POST", block=False)
def statements(request, slug: str):
    consultation = _published(slug)
    form = StatementForm()
    voter = voter_id(request)
    status = 200
    if request.method == "POST":
        if not consultation.is_open():
            messages.error(request, _("Fristen er ute, så det tas ikke imot flere stemmer "
                                      "eller påstander."))
            status = 403
        elif getattr(request, "limited", False):
            messages.error(request, _("For mange stemmer på kort tid. Vent litt og prøv igjen."))
            status = 429
        elif "statement" in request.POST:
            _vote(request, consultation, voter)
        else:
            form = StatementForm(request.POST)
            if form.is_valid():
                Statement.objects.create(consultation=consultation, text=form.cleaned_data["text"])
                messages.success(request, _("Takk! Påstanden vises når den er godkjent."))
                return redirect("consultation-statements", slug=slug)
    approved = consultation.statements.filter(status=Statement.APPROVED)
    mine = dict(Vote.objects.filter(voter=voter, statement__in=approved)
                .values_list("statement_id", "value"))
    context = {"consultation": consultation, "form": form, "groups": None,
               "open": consultation.is_open(),
               "statements": [(s, mine.get(s.id)) for s in approved]}
    groups = analysis.statement_groups(consultation)
    if groups is not None:
        texts = dict(approved.values_list("id", "text"))
        context["groups"] = {
            "count": groups.membership.nunique(),
            "consensus": [texts[i] for i in groups.consensus if i in texts],
            "divisive": [texts[i] for i in groups.divisive if i in texts],
        }
    return render(request, "consultations/statements.html", context, status=status)


def _vote(request, consultation: Consultation, voter: str) -> None:
    try:
        value = int(request.POST.get("value", ""))
        statement = consultation.statements.get(id=int(request.POST["statement"]),
                                                status=Statement.APPROVED)
    except (ValueError, Statement.DoesNotExist):
        messages.error(request, _("Ugyldig stemme."))
        return
    if value not in (Vote.AGREE, Vote.DISAGREE, Vote.PASS):
        messages.error(request, _("Ugyldig stemme."))
        return
    with contextlib.suppress(IntegrityError):  # two clicks at once: the first one counts
        Vote.objects.update_or_create(statement=statement, voter=voter,
                                      defaults={"value": value})
