"""Who a participant is: a random key in a signed cookie, nothing personal. HTTP views and
the websocket both find the participant here, and share one answer limit per participant.
A participant is created only when someone presses «Bli med» (a POST), never by opening a
link: link previews and scripts do not count as people."""

import time
from collections import Counter
from functools import lru_cache, wraps

from django.contrib import messages
from django.core import signing
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
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


@lru_cache(maxsize=20_000)
def key_from_cookie(value: str | None) -> str | None:
    """The participant key a cookie was signed for (no database look-up). Remembered per
    cookie: a signature's check depends on nothing else, and a phone sends the same cookie
    with every answer."""
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
    """Count one answer; False once the participant has sent too many this minute."""
    return answers_allowed([str(participant.key)])[0]


def answers_allowed(keys: list[str]) -> list[bool]:
    """Count a batch of answers (one participant key per answer, in order): per answer,
    whether it is within the participant's limit this minute. Keyed on the participant's
    random key, which (unlike a row id) is never used again."""
    window = current_window()
    counts = Counter(keys)
    totals = _add_to_counters({f"workshop-answers-{key}-{window}": n
                               for key, n in counts.items()})
    seen: Counter = Counter()
    allowed = []
    for key in keys:
        seen[key] += 1
        before = totals[f"workshop-answers-{key}-{window}"] - counts[key]
        allowed.append(before + seen[key] <= ANSWERS_PER_WINDOW)
    return allowed


def _add_to_counters(counters: dict[str, int]) -> dict[str, int]:
    """Add to each counter (made with the window's timeout); their new totals. On Redis in
    one round trip for the whole batch (SET NX then INCRBY: atomic per counter, so several
    server processes count together); elsewhere through the cache API."""
    store = caches["default"]
    timeout = 2 * WINDOW_SECONDS
    if isinstance(store, RedisCache):
        names = [store.make_and_validate_key(counter) for counter in counters]
        pipe = store._cache.get_client(write=True).pipeline(transaction=False)
        for name, n in zip(names, counters.values(), strict=True):
            pipe.set(name, 0, ex=timeout, nx=True)
            pipe.incrby(name, n)
        results = pipe.execute()
        return {counter: int(results[2 * i + 1]) for i, counter in enumerate(counters)}
    totals = {}
    for counter, n in counters.items():
        store.add(counter, 0, timeout=timeout)
        try:
            totals[counter] = store.incr(counter, n)
        except ValueError:  # expired between add and incr: a new window
            store.add(counter, n, timeout=timeout)
            totals[counter] = n
    return totals


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
