"""Verksted pages: the facilitator's panel and big screen, joining with a code, and the
participant's phone page. Participants are known only by a random key in a signed cookie."""

import io
from functools import wraps

import pandas as pd
import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from . import diamond, live, scoring, ten_steps, tool_actions, trust
from .consumers import PARTICIPANT_COOKIE, participant_from_cookie
from .forms import FactorForm, JoinForm, WorkshopForm
from .models import Facilitation, Participant, PriorityScore, Workshop
from .permissions import can_control, can_run

COOKIE_AGE = 60 * 60 * 24 * 7


def runners_only(view):
    @wraps(view)
    def checked(request, workshop_id: int, *args, **kwargs):
        workshop = get_object_or_404(Workshop, id=workshop_id)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_run(request.user, workshop):
            return render(request, "workshops/forbidden.html", status=403)
        return view(request, workshop, *args, **kwargs)
    return checked


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
            problem = tool_actions.apply(request.user, workshop, request.POST)
        except PermissionDenied:
            return render(request, "workshops/forbidden.html", status=403)
        if problem is None:
            live.announce(workshop.id)
            return redirect("workshop", workshop_id=workshop.id)
        messages.error(request, problem)
    return render(request, "workshops/panel.html", {
        "workshop": workshop, "form": FactorForm(), "control": can_control(request.user, workshop),
        "join_url": _join_url(request, workshop), "tools": Workshop.TOOLS,
        "components": diamond.summary(workshop), "scale": range(1, 6),
        "factor_rows": [(f, list(f.placements.order_by("group"))) for f in workshop.factors.all()],
        "steps_done": ten_steps.progress(workshop)})


def _join_url(request, workshop: Workshop) -> str:
    return request.build_absolute_uri(reverse("workshop-join", args=[workshop.join_code]))


@runners_only
def screen(request, workshop: Workshop):
    qr = segno.make(_join_url(request, workshop), error="m")
    svg = qr.svg_inline(scale=6, dark="#1d1d1b", light="#ffffff", title=_("QR-kode for å delta"))
    return render(request, "workshops/screen.html", {
        "workshop": workshop, "qr": mark_safe(svg), "join_url": _join_url(request, workshop),
        "state": live.screen_state(workshop)})


@runners_only
def export(request, workshop: Workshop, fmt: str):
    factors = pd.DataFrame(scoring.summary(workshop)).rename(columns={
        "text": "faktor", "answers": "svar", "importance": "viktighet_snitt",
        "influence": "pavirkning_snitt", "importance_sd": "viktighet_spredning",
        "influence_sd": "pavirkning_spredning"}).drop(columns="id")
    if fmt == "csv":
        response = HttpResponse(factors.to_csv(index=False), content_type="text/csv")
    else:
        individual = scoring.scores(workshop).rename(columns={
            "participant_id": "deltaker", "factor__text": "faktor", "importance": "viktighet",
            "influence": "pavirkning"}).drop(columns="factor_id")
        buffer = io.BytesIO()
        capacity = pd.DataFrame(diamond.summary(workshop)).drop(columns=["reasons"]).rename(
            columns={"component": "komponent", "label": "navn", "answers": "svar",
                     "mean": "snitt", "low": "lavest", "high": "høyest", "joint": "felles"})
        checks = pd.DataFrame([{"runde": r["round"], "gruppe": r["group"] or "alle",
                                "svar": r["respondents"],
                                "snitt": round(r["overall"], 2) if r["shown"] else None}
                               for r in trust.summary(workshop)])
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            factors.to_excel(writer, index=False, sheet_name="Faktorer")
            individual.to_excel(writer, index=False, sheet_name="Enkeltsvar")
            capacity.to_excel(writer, index=False, sheet_name="Kapasitetsdiamant")
            checks.to_excel(writer, index=False, sheet_name="Tillitssjekk")
        response = HttpResponse(buffer.getvalue(), content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    response["Content-Disposition"] = f'attachment; filename="prioritering-{workshop.id}.{fmt}"'
    return response


def join(request, code: str | None = None):
    form = JoinForm(request.POST or None)
    if code is None and form.is_valid():
        code = form.cleaned_data["code"]
    if code is None:
        return render(request, "workshops/join.html", {"form": form})
    workshop = Workshop.objects.filter(join_code=code.strip().upper()).first()
    if workshop is None:
        return render(request, "workshops/join.html",
                      {"form": form, "unknown": True}, status=404)
    current = participant_from_cookie(request.COOKIES.get(PARTICIPANT_COOKIE))
    if current is None or current.workshop_id != workshop.id:
        current = Participant.objects.create(workshop=workshop)
    response = redirect("workshop-participate")
    signed = signing.dumps(str(current.key), salt=PARTICIPANT_COOKIE)
    response.set_cookie(PARTICIPANT_COOKIE, signed, max_age=COOKIE_AGE, httponly=True,
                        samesite="Lax", secure=request.is_secure())
    return response


def _participant(request) -> Participant | None:
    return participant_from_cookie(request.COOKIES.get(PARTICIPANT_COOKIE))


def participate(request):
    participant = _participant(request)
    if participant is None:
        return redirect("workshop-join-form")
    workshop = participant.workshop
    mine = {s.factor_id: s for s in PriorityScore.objects.filter(participant=participant)}
    scored = {s.component: s for s in participant.diamond_scores.all()}
    answered = dict(participant.trust_answers.filter(round=workshop.trust_round)
                    .values_list("statement", "value"))
    return render(request, "workshops/participate.html", {
        "workshop": workshop, "participant": participant, "scale": range(1, 6),
        "factors": [(f, mine.get(f.id)) for f in workshop.factors.all()],
        "components": [(key, label, scored.get(key)) for key, label in diamond.COMPONENTS],
        "statements": [(key, label, answered.get(key)) for key, label in trust.STATEMENTS],
        "steps": ten_steps.entries(workshop)})


def by_participant(group, request) -> str:
    """Rate-limit key: the participant's cookie (never the IP address: a hall shares one)."""
    return request.COOKIES.get(PARTICIPANT_COOKIE, "") or "no-participant"


PARTICIPANT_RATE = "60/m"


@require_POST
@ratelimit(key=by_participant, rate=PARTICIPANT_RATE, method="POST", block=False)
def answer(request):
    """The same as the websocket message, for phones without a live connection."""
    participant = _participant(request)
    if participant is None:
        return JsonResponse({"error": _("Du er ikke med i et verksted.")}, status=403)
    if getattr(request, "limited", False):
        return JsonResponse({"error": _("For mange svar på kort tid. Vent litt.")}, status=429)
    try:
        scoring.record(participant, int(request.POST["factor"]),
                       int(request.POST["importance"]), int(request.POST["influence"]))
    except (KeyError, ValueError) as error:
        return JsonResponse({"error": str(error)}, status=400)
    live.announce(participant.workshop_id)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"saved": int(request.POST["factor"])})
    return redirect("workshop-participate")
