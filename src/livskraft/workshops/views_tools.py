"""Pages for the other tools: the ten-step workspace, downloads, and participants' answers
to the capacity diamond and the trust check."""

from functools import wraps

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from . import diamond, downloads, live, ten_steps, trust
from .models import Factor, Workshop
from .views import PARTICIPANT_RATE, _participant, by_participant, runners_only

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def participant_post(view):
    """A participant's form post: rate-limited per participant, then back to their page."""

    @require_POST
    @ratelimit(key=by_participant, rate=PARTICIPANT_RATE, method="POST", block=False)
    @wraps(view)
    def checked(request):
        participant = _participant(request)
        if participant is None:
            return redirect("workshop-join-form")
        if getattr(request, "limited", False):
            messages.error(request, _("For mange svar på kort tid. Vent litt."))
        else:
            view(request, participant)
        return redirect("workshop-participate")

    return checked


def _file(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@runners_only
def steps(request, workshop: Workshop):
    if request.method == "POST":
        try:
            ten_steps.save(workshop, int(request.POST.get("step", 0)),
                           request.POST.get("notes", ""), request.POST.get("decisions", ""),
                           request.POST.get("done") == "on")
        except ValueError as error:
            messages.error(request, str(error))
        else:
            live.announce(workshop.id)
            messages.success(request, _("Lagret."))
        return redirect("workshop-steps", workshop_id=workshop.id)
    return render(request, "workshops/steps.html", {
        "workshop": workshop, "steps": ten_steps.entries(workshop),
        "done": ten_steps.progress(workshop)})


@runners_only
def plan(request, workshop: Workshop):
    return _file(ten_steps.plan_document(workshop),
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 f"plan-{workshop.id}.docx")


@runners_only
def chart(request, workshop: Workshop, tool: str, fmt: str):
    if tool not in (Workshop.PRIORITY, Workshop.DIAMOND) or fmt not in ("svg", "png"):
        return HttpResponse(status=404)
    if fmt == "svg":
        return _file(downloads.chart_svg(workshop, tool), "image/svg+xml", f"{tool}.svg")
    return _file(downloads.chart_png(workshop, tool), "image/png", f"{tool}.png")


@runners_only
def summary(request, workshop: Workshop):
    return _file(downloads.summary_pdf(workshop), "application/pdf",
                 f"sammendrag-{workshop.id}.pdf")


@runners_only
def factor_list(request, workshop: Workshop):
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ValueError(_("Velg en XLSX-fil."))
            added = downloads.import_factors(workshop, upload)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            live.announce(workshop.id)
            messages.success(request, _("La til %(n)s faktorer.") % {"n": added})
        return redirect("workshop", workshop_id=workshop.id)
    return _file(downloads.factors_xlsx(workshop), XLSX, f"faktorer-{workshop.id}.xlsx")


@participant_post
def answer_diamond(request, participant):
    try:
        for key in diamond.KEYS:
            if request.POST.get(key):
                diamond.record(participant, key, int(request.POST[key]),
                               request.POST.get(f"reason_{key}", ""))
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Lagret"))
        live.announce(participant.workshop_id)


@participant_post
def answer_trust(request, participant):
    try:
        answers = {key: int(request.POST[key]) for key in trust.KEYS if request.POST.get(key)}
        trust.record(participant, answers)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Takk! Svarene er anonyme."))
        live.announce(participant.workshop_id)


@participant_post
def choose_group(request, participant):
    group = request.POST.get("group", "")
    if group in participant.workshop.group_names() or group == "":
        participant.group = group
        participant.save(update_fields=["group"])


@participant_post
def suggest_factor(request, participant):
    workshop = participant.workshop
    text = request.POST.get("text", "").strip()[:200]
    if not workshop.participants_add_factors or workshop.locked:
        messages.error(request, _("Prosesslederen tar ikke imot nye faktorer nå."))
    elif text:
        Factor.objects.create(workshop=workshop, text=text, added_by_participant=True,
                              position=workshop.factors.count())
        live.announce(workshop.id)
