"""Who a participant is: a random key in a signed cookie, nothing personal. HTTP views and
the websocket both find the participant here."""

from functools import wraps

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from .models import Participant, Workshop

PARTICIPANT_COOKIE = "verksted_deltaker"
COOKIE_AGE = 60 * 60 * 24 * 7
PARTICIPANT_RATE = "60/m"


def from_cookie(value: str | None) -> Participant | None:
    try:
        key = signing.loads(value or "", salt=PARTICIPANT_COOKIE)
    except signing.BadSignature:
        return None
    return Participant.objects.select_related("workshop").filter(key=key).first()


def from_request(request) -> Participant | None:
    return from_cookie(request.COOKIES.get(PARTICIPANT_COOKIE))


def cookie_value(participant: Participant) -> str:
    return signing.dumps(str(participant.key), salt=PARTICIPANT_COOKIE)


def join(request, workshop: Workshop) -> Participant:
    """The participant this browser already is in the workshop, or a new one."""
    current = from_request(request)
    if current is None or current.workshop_id != workshop.id:
        current = Participant.objects.create(workshop=workshop)
    return current


def remember(response, request, participant: Participant) -> None:
    response.set_cookie(PARTICIPANT_COOKIE, cookie_value(participant), max_age=COOKIE_AGE,
                        httponly=True, samesite="Lax", secure=request.is_secure())


def rate_key(group, request) -> str:
    """Rate-limit key: the participant's cookie (never the IP address: a hall shares one)."""
    return request.COOKIES.get(PARTICIPANT_COOKIE, "") or "no-participant"


def participant_post(view):
    """A participant's form post: rate-limited per participant, then back to their page.
    The view gets (request, participant)."""

    @require_POST
    @ratelimit(key=rate_key, rate=PARTICIPANT_RATE, method="POST", block=False)
    @wraps(view)
    def checked(request):
        participant = from_request(request)
        if participant is None:
            return redirect("workshop-join-form")
        if getattr(request, "limited", False):
            messages.error(request, _("For mange svar på kort tid. Vent litt."))
        else:
            view(request, participant)
        return redirect("workshop-participate")

    return checked
