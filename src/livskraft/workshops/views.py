"""Verksted pages: the facilitator's panel and big screen, downloads, joining with a code,
and the participant's phone page. Each tool's part of a page comes from the registry."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from livskraft.web.downloads import csv_bytes
from livskraft.web.sessions import by_session, session_key

from . import actions, downloads, participants, screens
from .files import XLSX, attachment
from .forms import JoinForm, WorkshopForm, municipality_choices
from .models import Facilitation, Workshop
from .permissions import can_control, runners_only
from .tools import registry
from .tools.priority import NOT_JOINED_MESSAGE


@login_required
def index(request):
    form = WorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workshop = Workshop.objects.create(**form.cleaned_data)
        Facilitation.objects.create(user=request.user, workshop=workshop,
                                    role=Facilitation.FACILITATOR)
        return redirect("workshop", workshop_id=workshop.id)
    mine = Workshop.objects.filter(facilitation__user=request.user).order_by("-created_at")
    return render(request, "workshops/index.html", {"form": form, "workshops": mine})


@runners_only
def panel(request, workshop: Workshop):
    if request.method == "POST":
        try:
            problem = actions.apply(request.user, workshop, request.POST)
        except PermissionDenied:
            return render(request, "workshops/forbidden.html", status=403)
        if problem is None:
            return redirect("workshop", workshop_id=workshop.id)
        messages.error(request, problem)
    context = {"workshop": workshop, "scale": range(1, 6),
               "control": can_control(request.user, workshop)}
    sections = [(tool.render("panel", {**context, **tool.panel_context(workshop)}, request),
                 tool.credits(workshop)) for tool in registry.TOOLS]
    return render(request, "workshops/panel.html", {
        **context, "join_url": _join_url(request, workshop), "tools": registry.TOOLS,
        "sections": sections, "municipalities": _municipalities(workshop)})


def _municipalities(workshop: Workshop) -> list[tuple[str, str]]:
    """The kommuner to choose from, with the workshop's own even if `places` lacks it."""
    choices = municipality_choices()
    if workshop.municipality_code not in dict(choices):
        choices.append((workshop.municipality_code, workshop.municipality_code))
    return choices


def _join_url(request, workshop: Workshop) -> str:
    return request.build_absolute_uri(reverse("workshop-join", args=[workshop.join_code]))


@runners_only
def screen(request, workshop: Workshop):
    qr = segno.make(_join_url(request, workshop), error="m")
    svg = qr.svg_inline(scale=6, dark="#1d1d1b", light="#ffffff", title=_("QR-kode for å delta"))
    return render(request, "workshops/screen.html", {
        "workshop": workshop, "qr": mark_safe(svg), "join_url": _join_url(request, workshop),
        "state": screens.screen_state(workshop)})


@runners_only
def workbook(request, workshop: Workshop):
    return attachment(downloads.workbook(workshop), XLSX, f"verksted-{workshop.id}.xlsx")


@runners_only
def table(request, workshop: Workshop, name: str):
    tool = next((t for t in registry.TOOLS if t.csv_name == name), None)
    if tool is None:
        raise Http404
    table = tool.csv_table(workshop)
    table["kjelde"] = " ".join(tool.credits(workshop))
    return attachment(csv_bytes(table), "text/csv; charset=utf-8", f"{name}-{workshop.id}.csv")


@runners_only
def chart(request, workshop: Workshop, tool: str, fmt: str):
    if tool not in registry.BY_KEY or not registry.get(tool).has_chart or \
            fmt not in ("svg", "png"):
        raise Http404
    svg = registry.get(tool).chart(workshop)
    if fmt == "svg":
        return attachment(str(svg), "image/svg+xml", f"{tool}.svg")
    return attachment(downloads.png(svg), "image/png", f"{tool}.png")


@runners_only
def summary(request, workshop: Workshop):
    return attachment(downloads.summary_pdf(workshop), "application/pdf",
                      f"sammendrag-{workshop.id}.pdf")


# Wrong codes per browser session and, for clients without cookies, per address (a whole
# hall shares one); new participants per address, far above any hall.
JOIN_LIMITS = {"wrong_per_session": "20/h", "wrong_per_address": "300/h",
               "joins_per_address": "5000/h"}


def _limited(request, name: str, key: str) -> bool:
    return is_ratelimited(request, group=f"workshop-{name}", key=key,
                          rate=JOIN_LIMITS[name], increment=True)


def _guessing(request) -> bool:
    """Count a wrong code; True once this session or address has tried too many."""
    session_key(request)
    session_over = _limited(request, "wrong_per_session", by_session)
    return _limited(request, "wrong_per_address", "ip") or session_over


def join(request, code: str | None = None):
    """The code's page (from the QR code or the form): says which workshop it is and
    whether it is locked; only the «Bli med» POST makes the visitor a participant."""
    form = JoinForm(request.POST or None)
    if code is None:
        if not form.is_valid():
            status = 400 if request.method == "POST" else 200
            return render(request, "workshops/join.html", {"form": form}, status=status)
        code = form.cleaned_data["code"]
    normalised = code.strip().upper()
    if is_ratelimited(request, group="workshop-wrong_per_address", key="ip",
                      rate=JOIN_LIMITS["wrong_per_address"], increment=False):
        return render(request, "workshops/join.html", {"form": JoinForm(), "limited": True},
                      status=429)
    workshop = Workshop.objects.filter(join_code=normalised).first()
    if workshop is None:
        limited = _guessing(request)
        return render(request, "workshops/join.html",
                      {"form": JoinForm(), "unknown": True, "limited": limited},
                      status=429 if limited else 404)
    current = participants.from_request(request)
    if current is not None and current.workshop_id == workshop.id:
        return redirect("workshop-participate")  # already in: the same participant
    if workshop.locked:
        return render(request, "workshops/join.html",
                      {"form": JoinForm(), "locked": workshop}, status=403)
    if request.method != "POST":
        return render(request, "workshops/join.html",
                      {"form": JoinForm(initial={"code": normalised}), "found": workshop})
    if _limited(request, "joins_per_address", "ip"):
        return render(request, "workshops/join.html", {"form": JoinForm(), "limited": True},
                      status=429)
    participant = participants.join(request, workshop)
    response = redirect("workshop-participate")
    participants.remember(response, request, participant)
    return response


def participate(request):
    participant = participants.from_request(request)
    if participant is None:
        return redirect("workshop-join-form")
    workshop = participant.workshop
    tool = registry.get(workshop.active_tool)
    context = {"workshop": workshop, "participant": participant, "scale": range(1, 6)}
    body = tool.render("participate", {**context, **tool.participant_context(participant)},
                       request)
    return render(request, "workshops/participate.html", {
        **context, "body": body, "credits": tool.credits(workshop),
        "state": screens.phone_state(workshop.id)})


def phone_state(request):
    """The polling fallback for a phone whose websocket is down."""
    participant = participants.from_request(request)
    if participant is None:
        return JsonResponse({"error": str(NOT_JOINED_MESSAGE)}, status=403)
    return JsonResponse({"state": screens.phone_state(participant.workshop_id)})


@participants.participant_post
def choose_group(request, participant):
    group = request.POST.get("group", "")
    if group in participant.workshop.group_names() or group == "":
        participant.group = group
        participant.save(update_fields=["group"])
