"""Who a participant is: a random key in a signed cookie, nothing personal. HTTP views and
the websocket both find the participant here, and share one answer limit per participant.
A participant is created only when someone presses «Bli med» (a POST), never by opening a
link: link previews and scripts do not count as people."""

import time
from functools import wraps

from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import Participant, Workshop

PARTICIPANT_COOKIE = "verksted_deltaker"
COOKIE_AGE = 60 * 60 * 24 * 7
# Answers per participant and minute, over HTTP and the websocket together. Keyed on the
# participant (not the cookie string), so a re-join (a freshly signed cookie) or a
# reconnect starts no new count.
ANSWERS_PER_WINDOW, WINDOW_SECONDS = 60, 60


def key_from_cookie(value: str | None) -> str | None:
    """The participant key a cookie was signed for (no database look-up)."""
    try:
        return str(signing.loads(value or "", salt=PARTICIPANT_COOKIE))
    except signing.BadSignature:
        return None


def from_cookie(value: str | None) -> Participant | None:
    key = key_from_cookie(value)
    if key is None:
        return None
    try:
        return Participant.objects.select_related("workshop").filter(key=key).first()
    except ValueError:  # signed, but not a UUID
        return None


def from_request(request) -> Participant | None:
    return from_cookie(request.COOKIES.get(PARTICIPANT_COOKIE))


def cookie_value(participant: Participant) -> str:
    return signing.dumps(str(participant.key), salt=PARTICIPANT_COOKIE)


def join(request, workshop: Workshop) -> Participant:
    """The participant this browser already is in the workshop, or a new one (call on the
    «Bli med» POST only)."""
    current = from_request(request)
    if current is None or current.workshop_id != workshop.id:
        current = Participant.objects.create(workshop=workshop)
    return current


def current_window() -> int:
    return int(time.time() // WINDOW_SECONDS)


def answer_allowed(participant: Participant) -> bool:
    """Count one answer; False once the participant has sent too many this minute. Keyed
    on the participant's random key, which (unlike a row id) is never used again."""
    counter = f"workshop-answers-{participant.key}-{current_window()}"
    cache.add(counter, 0, timeout=2 * WINDOW_SECONDS)
    try:
        return cache.incr(counter) <= ANSWERS_PER_WINDOW
    except ValueError:  # expired between add and incr: a new window
        cache.add(counter, 1, timeout=2 * WINDOW_SECONDS)
        return True


def remember(response, request, participant: Participant) -> None:
    response.set_cookie(PARTICIPANT_COOKIE, cookie_value(participant), max_age=COOKIE_AGE,
                        httponly=True, samesite="Lax", secure=request.is_secure())


def participant_post(view):
    """A participant's form post: limited per participant, then back to their page.
    The view gets (request, participant)."""

    @require_POST
    @wraps(view)
    def checked(request):
        participant = from_request(request)
        if participant is None:
            return redirect("workshop-join-form")
        if not answer_allowed(participant):
            messages.error(request, _("For mange svar på kort tid. Vent litt."))
        else:
            view(request, participant)
        return redirect("workshop-participate")

    return checked
