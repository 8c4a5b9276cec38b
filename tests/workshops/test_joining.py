"""Joining: opening a link makes no participant, «Bli med» does; a locked workshop says so;
wrong codes are limited; answer limits hold on the participant; form answers are checked
field by field (in nb, nn and en)."""

import re

import pytest
from django.core import signing
from django.core.cache import cache
from django.test import Client

from livskraft.workshops import screens, views
from livskraft.workshops.models import Participant
from livskraft.workshops.participants import PARTICIPANT_COOKIE
from livskraft.workshops.tools.priority import PriorityScore

from .conftest import joined

pytestmark = pytest.mark.usefixtures("fresh_limits")


def test_opening_the_link_makes_no_participant_but_bli_med_does(workshop):
    url = f"/v/{workshop.join_code}/"
    for _ in range(50):  # link previews, scripts, a phone reloading the page
        page = Client().get(url)
        assert page.status_code == 200
    assert Participant.objects.count() == 0
    text = page.content.decode()
    assert "Framtidsverksted i Testvik" in text and f'action="{url}"' in text
    phone = Client()
    assert phone.post(url)["Location"] == "/verksted/delta/"
    assert Participant.objects.count() == 1
    assert phone.get(url)["Location"] == "/verksted/delta/"  # already in: straight on
    phone.post(url)
    assert Participant.objects.count() == 1
    typed = Client().post("/verksted/bli-med/", {"code": workshop.join_code.lower()})
    assert typed["Location"] == "/verksted/delta/" and Participant.objects.count() == 2


LOCKED = {"nb": "er låst: prosesslederen tar ikke imot nye deltakere",
          "nn": "er låst: prosessleiaren tek ikkje imot nye deltakarar",
          "en": "is locked: the facilitator is not taking new participants"}


@pytest.mark.parametrize("language", LOCKED)
def test_a_locked_workshop_says_so_and_takes_no_one_new(workshop, language):
    phone = joined(workshop)
    workshop.locked = True
    workshop.save()
    for response in (Client().get(f"/v/{workshop.join_code}/", HTTP_ACCEPT_LANGUAGE=language),
                     Client().post(f"/v/{workshop.join_code}/", HTTP_ACCEPT_LANGUAGE=language),
                     Client().post("/verksted/bli-med/", {"code": workshop.join_code},
                                   HTTP_ACCEPT_LANGUAGE=language)):
        assert response.status_code == 403
        assert LOCKED[language] in response.content.decode()
    assert Participant.objects.count() == 1
    # Someone already in comes back to their page (which shows the lock itself).
    assert phone.get(f"/v/{workshop.join_code}/")["Location"] == "/verksted/delta/"


def test_wrong_codes_are_limited_per_session_and_per_address(workshop, monkeypatch):
    guesser = Client()
    for number in range(20):  # JOIN_LIMITS: 20 wrong codes per session and hour
        assert guesser.post("/verksted/bli-med/", {"code": f"AAA{number:03d}"}).status_code == 404
    blocked = guesser.post("/verksted/bli-med/", {"code": "AAA999"})
    assert blocked.status_code == 429 and "For mange forsøk med feil kode" in \
        blocked.content.decode()
    monkeypatch.setitem(views.JOIN_LIMITS, "wrong_per_address", "3/h")
    cache.clear()
    statuses = [Client().get(f"/v/BBB{n:03d}/").status_code for n in range(4)]
    assert statuses == [404, 404, 404, 429]  # new cookie-less clients: the address counts
    right = Client().post("/verksted/bli-med/", {"code": workshop.join_code})
    assert right.status_code == 429 and Participant.objects.count() == 0


@pytest.mark.parametrize(("code", "status"), [("", 400), ("ABCDEFGH", 400), ("   ", 400),
                                              ("<script>", 400), ("ÆØÅ123", 404)])
def test_bad_codes_in_the_form_get_a_field_message(workshop, code, status):
    response = Client().post("/verksted/bli-med/", {"code": code})
    assert response.status_code == status
    page = response.content.decode()
    # the field's message (bad format) or the page's alert (no such workshop)
    assert re.search(r'class="ds-(validation-message|alert) error"', page)
    assert Participant.objects.count() == 0


def test_the_answer_limit_survives_a_freshly_signed_cookie(workshop, monkeypatch):
    monkeypatch.setattr("livskraft.workshops.participants.current_window", lambda: 1)
    phone = joined(workshop)
    participant = Participant.objects.get()
    factor = workshop.factors.first()
    data = {"factor": factor.id, "importance": 3, "influence": 3}
    for _ in range(60):
        phone.post("/verksted/delta/svar/", data, HTTP_ACCEPT="application/json")
    # A new signature for the same participant (what re-opening /v/CODE/ used to hand out).
    class Later(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(2_000_000_000)

    fresh = Later(salt=PARTICIPANT_COOKIE).sign_object(str(participant.key))
    assert fresh != phone.cookies[PARTICIPANT_COOKIE].value
    again = Client()
    again.cookies[PARTICIPANT_COOKIE] = fresh
    refused = again.post("/verksted/delta/svar/", data, HTTP_ACCEPT="application/json")
    assert refused.status_code == 429 and refused.json()["error"] == "too_many"


FIELD = {"nb": "Velg en verdi fra 1 til 5.", "nn": "Vel ein verdi frå 1 til 5.",
         "en": "Choose a value from 1 to 5."}


@pytest.mark.parametrize(("data", "fields"), [
    ({"importance": "abc", "influence": "3"}, {"importance"}),
    ({"importance": "3"}, {"influence"}),
    ({"importance": "0", "influence": "6"}, {"importance", "influence"}),
    ({"importance": "3.5", "influence": "-1"}, {"importance", "influence"}),
    ({"importance": "9" * 40, "influence": "3"}, {"importance"}),
    ({"importance": "", "influence": " "}, {"importance", "influence"}),
])
@pytest.mark.parametrize("language", FIELD)
def test_bad_form_answers_get_field_messages(workshop, data, fields, language):
    phone = joined(workshop)
    factor = workshop.factors.first()
    reply = phone.post("/verksted/delta/svar/", {"factor": factor.id, **data},
                       HTTP_ACCEPT="application/json", HTTP_ACCEPT_LANGUAGE=language)
    assert reply.status_code == 400
    body = reply.json()
    assert body["error"] == "invalid" and set(body["fields"]) == fields
    assert all(messages == [FIELD[language]] for messages in body["fields"].values())
    assert not PriorityScore.objects.exists()


@pytest.mark.parametrize("factor", ["", "abc", "0", "-3", "99999", "1e3", "9" * 30])
def test_a_bad_or_foreign_factor_is_refused_with_a_message(workshop, factor):
    phone = joined(workshop)
    reply = phone.post("/verksted/delta/svar/", {"factor": factor, "importance": 3,
                                                 "influence": 3},
                       HTTP_ACCEPT="application/json")
    assert reply.status_code == 400 and reply.json()["message"]
    assert not PriorityScore.objects.exists()


def test_everyone_done_counts_who_is_here_or_has_answered(workshop):
    """Results hidden until everyone has answered: three joined, one answered every factor,
    one left without answering and one page is still connected without answers."""
    from livskraft.workshops import live
    from livskraft.workshops.tools import priority

    answered, left, waiting = (Participant.objects.create(workshop=workshop) for _ in range(3))
    for factor in workshop.factors.all():
        priority.record(answered, factor.id, 4, 2)
    live.arrived(workshop.id, waiting.id)
    assert not screens.everyone_done(workshop)  # the connected one has not answered yet
    live.left(workshop.id, waiting.id)
    assert screens.everyone_done(workshop)  # 3 answers = 1 person here × 3 factors
    assert left.scores.count() == 0
