"""The phone's JSON answers through the real ASGI application (workshops/answer_endpoint.py):
the same rules as the Django view — host, CSRF, participant, validation, limit, lock — and
the same headers, with the answer written in a batch and acknowledged after the commit."""

import httpx
import pytest
from asgiref.sync import async_to_sync
from django.core.cache import cache
from django.test.client import encode_multipart

from livskraft.config.asgi import application
from livskraft.workshops import participants
from livskraft.workshops.models import Participant, Workshop
from livskraft.workshops.participants import ANSWERS_PER_WINDOW, PARTICIPANT_COOKIE, cookie_value
from livskraft.workshops.tools.priority import Factor, PriorityScore

from .test_permission_table import expected

pytestmark = pytest.mark.django_db(transaction=True)
CSRF = "answerendpointcsrf0123456789abcd"  # 32 letters and digits: a valid CSRF secret
URL = "/verksted/delta/svar/"


def post(data: dict | None = None, *, participant: Participant | None = None,
         token: str | None = CSRF, accept: str = "application/json", host: str = "testserver",
         language: str = "nb", content: bytes | None = None,
         content_type: str = "application/x-www-form-urlencoded") -> httpx.Response:
    cookies = f"csrftoken={CSRF}"
    if participant is not None:
        cookies += f"; {PARTICIPANT_COOKIE}={cookie_value(participant)}"
    form = dict(data or {})
    if token is not None:
        form["csrfmiddlewaretoken"] = token
    headers = {"Cookie": cookies, "Accept": accept, "Host": host, "Accept-Language": language}

    async def send():
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            if content is not None:
                return await client.post(URL, content=content, headers={
                    **headers, "Content-Type": content_type})
            return await client.post(URL, data=form, headers=headers)

    return async_to_sync(send)()


@pytest.fixture
def hall(workshop):
    cache.clear()
    return workshop, workshop.factors.first(), Participant.objects.create(workshop=workshop)


def test_an_answer_is_stored_and_acknowledged_with_djangos_headers(hall):
    workshop, factor, ann = hall
    reply = post({"factor": factor.id, "importance": 4, "influence": 2, "at": 1000},
                 participant=ann)
    assert (reply.status_code, reply.json()) == (200, {"saved": factor.id})
    score = PriorityScore.objects.get()  # committed before the reply went out
    assert (score.participant, score.importance, score.influence, score.answered_at) == \
        (ann, 4, 2, 1000)
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["X-Frame-Options"] == "DENY"
    assert reply.headers["Referrer-Policy"] == "same-origin"
    assert "default-src" in reply.headers["Content-Security-Policy"]
    assert reply.headers["Content-Language"] == "nb"


def test_the_phones_page_posts_multipart_form_data(hall):
    """participant.js sends a FormData: multipart, with the CSRF field inside."""
    _workshop, factor, ann = hall
    body = encode_multipart("grense", {"factor": factor.id, "importance": 2, "influence": 5,
                                       "csrfmiddlewaretoken": CSRF})
    reply = post(participant=ann, content=body,
                 content_type="multipart/form-data; boundary=grense")
    assert (reply.status_code, reply.json()) == (200, {"saved": factor.id})
    assert PriorityScore.objects.get().influence == 5


def test_without_the_csrf_token_nothing_is_stored(hall):
    _workshop, factor, ann = hall
    for token in (None, "wrongwrongwrongwrongwrongwrong12"):
        reply = post({"factor": factor.id, "importance": 4, "influence": 2}, participant=ann,
                     token=token)
        assert reply.status_code == 403
    assert not PriorityScore.objects.exists()


def test_an_unknown_host_is_refused(hall):
    _workshop, factor, ann = hall
    reply = post({"factor": factor.id, "importance": 4, "influence": 2}, participant=ann,
                 host="evil.example")
    assert reply.status_code == 400
    assert not PriorityScore.objects.exists()


def test_bad_values_get_field_messages_in_the_phones_language(hall):
    _workshop, factor, ann = hall
    reply = post({"factor": factor.id, "importance": "abc", "influence": 9}, participant=ann,
                 language="en")
    assert reply.status_code == 400
    assert reply.json()["fields"] == {"importance": ["Choose a value from 1 to 5."],
                                      "influence": ["Choose a value from 1 to 5."]}
    reply = post({"importance": 3, "influence": 3}, participant=ann, language="nn")
    assert reply.status_code == 400 and list(reply.json()["fields"]) == ["factor"]
    too_long = post(content=b"factor=1&importance=3&influence=3&x=" + b"a" * 20000,
                    participant=ann)
    assert too_long.status_code == 413
    assert not PriorityScore.objects.exists()


def test_a_locked_round_and_a_foreign_factor_are_refused(hall):
    workshop, factor, ann = hall
    elsewhere = Workshop.objects.create(title="Prøvebygd")
    foreign = Factor.objects.create(workshop=elsewhere, text="Ferje")
    reply = post({"factor": foreign.id, "importance": 3, "influence": 3}, participant=ann)
    assert (reply.status_code, reply.json()["message"]) == (400, "Ukjent faktor.")
    workshop.locked = True
    workshop.save()
    reply = post({"factor": factor.id, "importance": 3, "influence": 3}, participant=ann,
                 language="en")
    assert (reply.status_code, reply.json()["message"]) == \
        (400, "The facilitator has locked the round.")
    assert not PriorityScore.objects.exists()


def test_the_limit_is_shared_with_the_websocket_and_counts_per_participant(hall, monkeypatch):
    """60 answers a minute per participant: the 61st gets 429; another phone is not held."""
    # one window throughout: on a loaded machine the 61 answers can cross a minute's edge
    monkeypatch.setattr(participants, "current_window", lambda: 1)
    _workshop, factor, ann = hall
    data = {"factor": factor.id, "importance": 3, "influence": 3}
    statuses = [post(data, participant=ann).status_code for _ in range(ANSWERS_PER_WINDOW + 1)]
    assert statuses == [200] * 60 + [429]
    bo = Participant.objects.create(workshop=ann.workshop)
    assert post(data, participant=bo).status_code == 200
    assert PriorityScore.objects.count() == 2


def test_a_deleted_participant_and_a_plain_form_post(hall):
    _workshop, factor, ann = hall
    data = {"factor": factor.id, "importance": 3, "influence": 3}
    gone = Participant.objects.create(workshop=ann.workshop)
    gone.delete()
    reply = post(data, participant=gone)
    assert (reply.status_code, reply.json()["error"]) == (403, "not_joined")
    without_cookie = post(data, language="en")
    assert (without_cookie.status_code, without_cookie.json()) == (
        403, {"error": "not_joined", "message": "You have not joined a workshop."})  # en .po
    plain = post(data, participant=ann, accept="text/html")  # no JavaScript: Django's view
    assert (plain.status_code, plain.headers["Location"]) == (302, "/verksted/delta/")
    assert PriorityScore.objects.get().participant == ann


@pytest.mark.parametrize("locked", [False, True], ids=["open", "locked"])
@pytest.mark.parametrize("role", ["deltaker", "besokende", "annen_deltaker"])
def test_role_and_state_as_in_the_permission_table(role, locked, hall):
    """The table's answer column (test_permission_table.expected) through the lean path; a
    participant of another workshop answering this one's factor is refused as well."""
    workshop, factor, ann = hall
    workshop.locked = locked
    workshop.save()
    other = Participant.objects.create(workshop=Workshop.objects.create(title="Prøvebygd"))
    who = {"deltaker": ann, "besokende": None, "annen_deltaker": other}[role]
    reply = post({"factor": factor.id, "importance": 4, "influence": 2}, participant=who)
    status, changes = expected("answer", locked, "deltaker" if who is ann else "besokende")
    if role == "annen_deltaker":
        status, changes = 400, False  # «Ukjent faktor.»: not this participant's workshop
    assert reply.status_code == status
    assert PriorityScore.objects.exists() == changes


@pytest.mark.parametrize("data", [
    {"factor": 7, "importance": 1, "influence": 5},
    {"factor": "7", "importance": "5", "influence": "1", "at": "1733112000000"},
    {"factor": "7", "importance": "3", "influence": "3", "at": ""},
    {"factor": 7, "importance": " 3", "influence": 3},  # the form strips the space
    {"factor": 7, "importance": "3.0", "influence": 3},  # the form reads it as 3
    {"factor": 7, "importance": True, "influence": 3},
    {"factor": 7, "importance": 6, "influence": 3},
    {"factor": 0, "importance": 3, "influence": 3},
    {"factor": 7, "importance": "٣", "influence": 3},  # an Arabic-Indic three
    {"factor": 7, "importance": 3, "influence": 3, "at": -1},
    {"factor": 7, "importance": 3},
])
def test_the_quick_reading_agrees_with_the_form(data):
    """check_score reads plain whole numbers without a form; whatever it gives must be
    what ScoreForm gives (the same vote, or the same field errors)."""
    from livskraft.workshops.tools.priority import ScoreForm, check_score

    form = ScoreForm(data)
    vote, reply = check_score("key", data)
    if form.is_valid():
        assert vote == ("key", *(form.cleaned_data[n] for n in ScoreForm.base_fields))
    else:
        assert vote is None and set(reply["fields"]) == set(form.errors)
