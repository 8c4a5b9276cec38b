"""Every websocket frame a phone could send is checked: the reply names what was wrong, in
the page's language, the connection stays open and nothing is stored."""

import pytest
from asgiref.sync import async_to_sync

from livskraft.workshops.models import Participant
from livskraft.workshops.tools.priority import PriorityScore

from .test_live import participant_socket
from .test_live import setup as setup  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)

FACTOR = "FACTOR"  # replaced by the real factor id
FRAMES = [  # (frame, error code)
    ({"bytes_data": b"\x00\x01binary"}, "not_text"),
    ({"text_data": "not json"}, "not_json"),
    ({"text_data": "[1, 2, 3]"}, "not_json"),
    ({"text_data": '"a string"'}, "not_json"),
    ({"text_data": "null"}, "not_json"),
    ({"text_data": "{"}, "not_json"),
    ({"text_data": "x" * 2_000_001}, "too_large"),  # a 2 MB frame
    ({"text_data": '{"factor": "' + "9" * 3000 + '"}'}, "too_large"),
    ({"json": {}}, "invalid"),
    ({"json": {"importance": 3, "influence": 3}}, "invalid"),  # no factor
    ({"json": {"factor": FACTOR, "importance": "abc", "influence": 3}}, "invalid"),
    ({"json": {"factor": FACTOR, "importance": 0, "influence": 6}}, "invalid"),
    ({"json": {"factor": FACTOR, "importance": [3], "influence": {"a": 1}}}, "invalid"),
    ({"json": {"factor": FACTOR, "importance": None, "influence": True}}, "invalid"),
    ({"json": {"factor": "abc", "importance": 3, "influence": 3}}, "invalid"),
    ({"json": {"factor": 10**30, "importance": 3, "influence": 3}}, "invalid"),
    ({"json": {"factor": 999999, "importance": 3, "influence": 3}}, "rejected"),  # unknown
]
MESSAGES = {"nb": "Meldingen må være et JSON-objekt.", "nn": "Meldinga må vere eit JSON-objekt.",
            "en": "The message must be a JSON object."}


def exchange(participant, frames, language="nb"):
    async def scenario():
        phone = participant_socket(participant)
        phone.scope["headers"].append((b"accept-language", language.encode()))
        await phone.connect()
        await phone.receive_json_from(timeout=5)  # the page's state
        replies = []
        for frame in frames:
            if "json" in frame:
                await phone.send_json_to(frame["json"])
            else:
                await phone.send_to(**frame)
            replies.append(await phone.receive_json_from(timeout=10))
        await phone.disconnect()
        return replies

    return async_to_sync(scenario)()


def test_bad_frames_get_an_error_and_the_connection_goes_on(setup):  # noqa: F811
    workshop, factor, _ = setup
    participant = Participant.objects.create(workshop=workshop)

    def real(value):
        return factor.id if value == FACTOR else value

    frames = [{k: ({f: real(v) for f, v in frame[k].items()} if k == "json" else frame[k])
               for k in frame} for frame, _ in FRAMES]
    good = {"json": {"factor": factor.id, "importance": 4, "influence": 2}}
    replies = exchange(participant, [*frames, good])
    assert [r.get("error") for r in replies[:-1]] == [code for _, code in FRAMES]
    assert all(r["message"] for r in replies[:-1])
    assert replies[-1] == {"saved": factor.id}  # still connected, and a good answer counts
    assert list(PriorityScore.objects.values_list("importance", "influence")) == [(4, 2)]
    invalid = replies[10]
    assert invalid["fields"] == {"importance": ["Velg en verdi fra 1 til 5."]}


@pytest.mark.parametrize("language", MESSAGES)
def test_frame_errors_are_in_the_pages_language(setup, language):  # noqa: F811
    workshop, _, _ = setup
    participant = Participant.objects.create(workshop=workshop)
    (reply,) = exchange(participant, [{"text_data": "[]"}], language)
    assert reply == {"error": "not_json", "message": MESSAGES[language]}


REFUSED = {"nb": "Ukjent faktor.", "nn": "Ukjend faktor.", "en": "Unknown factor."}  # django.po


@pytest.mark.parametrize("language", REFUSED)
def test_every_reply_of_a_connection_is_in_its_pages_language(setup, language):  # noqa: F811
    """The frame check, the form's field messages and the batch writer's refusal (written in
    another thread) all answer in the phone's language, message after message."""
    workshop, factor, _ = setup
    participant = Participant.objects.create(workshop=workshop)
    replies = exchange(participant, [
        {"json": {"factor": 999999, "importance": 3, "influence": 3}},
        {"text_data": "[]"},
        {"json": {"factor": factor.id, "importance": 0, "influence": 3}},
        {"json": {"factor": 999999, "importance": 3, "influence": 3}},
    ], language)
    assert [r["message"] for r in replies[:2]] == [REFUSED[language], MESSAGES[language]]
    assert replies[3]["message"] == REFUSED[language]
    one_to_five = {"nb": "Velg en verdi fra 1 til 5.", "nn": "Vel ein verdi frå 1 til 5.",
                   "en": "Choose a value from 1 to 5."}
    assert replies[2]["fields"] == {"importance": [one_to_five[language]]}
