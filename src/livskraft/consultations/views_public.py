"""What respondents and visitors see: the consultation, the submission form, the private
link to one's own submission, and the request to invite the committee. The consultation's
statements are an "Er du enig?" poll (views_poll)."""

import json

from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from livskraft.web.sessions import by_session

from . import intake
from .forms import InvitationForm, SubmissionForm
from .geography import kommune_names
from .models import Consultation, Submission
from .rates import RATES, rate

__all__ = ["RATES"]


def _published(slug: str) -> Consultation:
    return get_object_or_404(Consultation, slug=slug, published=True)


def index(request):
    consultations = Consultation.objects.filter(published=True).order_by("-deadline")
    return render(request, "consultations/index.html", {"consultations": consultations})


def detail(request, slug: str):
    consultation = _published(slug)
    published = list(consultation.submissions.filter(status=Submission.PUBLISHED)
                     .prefetch_related("answers__question")[:200])
    names = kommune_names()
    for submission in published:
        submission.kommune = names.get(submission.municipality_code, "")
    return render(request, "consultations/detail.html",
                  {"consultation": consultation, "published": published})


@ratelimit(key=by_session, rate=rate("submissions_per_session"), method="POST", block=False)
@ratelimit(key="ip", rate=rate("submissions_per_address"), method="POST", block=False)
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


def statements(request, slug: str):
    """The consultation's own "Er du enig?" poll."""
    return redirect("poll", slug=_published(slug).poll().slug)


@ratelimit(key=by_session, rate=rate("invitations_per_session"), method="POST", block=False)
@ratelimit(key="ip", rate=rate("invitations_per_address"), method="POST", block=False)
def invite(request, slug: str):
    """"Inviter utvalget": a request that the committee comes to a meeting."""
    consultation = _published(slug)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if getattr(request, "limited", False):
            messages.error(request, _("Det er sendt mange invitasjoner herfra på kort tid. Vent "
                                      "en stund og prøv igjen."))
        elif form.is_valid():
            invitation = form.save(commit=False)
            invitation.consultation = consultation
            invitation.save()
            intake.notify_committee(invitation, request.build_absolute_uri(
                reverse("consultation-moderate", args=[slug])))
            messages.success(request, _("Takk! Invitasjonen er sendt til utvalget."))
            return redirect("consultation", slug=slug)
    return render(request, "consultations/invite.html",
                  {"consultation": consultation, "form": form})
