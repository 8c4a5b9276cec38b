"""The websockets, through the real ASGI application and the in-memory channel layer."""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.test import Client

from livskraft.config.asgi import application
from livskraft.workshops import live, screens
from livskraft.workshops.consumers import SCREEN_INTERVAL
from livskraft.workshops.models import Facilitation, Participant, Workshop
from livskraft.workshops.participants import PARTICIPANT_COOKIE
from livskraft.workshops.tools.priority import Factor, PriorityScore

pytestmark = pytest.mark.django_db(transaction=True)
ORIGIN = (b"origin", b"http://localhost")


def participant_socket(participant: Participant) -> WebsocketCommunicator:
    cookie = f"{PARTICIPANT_COOKIE}={signing.dumps(str(participant.key), salt=PARTICIPANT_COOKIE)}"
    return WebsocketCommunicator(application, "/ws/verksted/delta/",
                                 headers=[ORIGIN, (b"cookie", cookie.encode())])


def screen_socket(workshop: Workshop, user=None) -> WebsocketCommunicator:
    headers = [ORIGIN]
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={session}".encode()))
    return WebsocketCommunicator(application, f"/ws/verksted/{workshop.id}/storskjerm/",
                                 headers=headers)


@pytest.fixture
def setup():
    workshop = Workshop.objects.create(title="Direkte", results_hidden=False)
    factor = Factor.objects.create(workshop=workshop, text="Bredbånd")
    facilitator = User.objects.create_user("leder", password="x")
    Facilitation.objects.create(user=facilitator, workshop=workshop, role="facilitator")
    return workshop, factor, facilitator


def test_a_vote_reaches_the_big_screen_and_is_stored_once(setup):
    workshop, factor, facilitator = setup
    participant = Participant.objects.create(workshop=workshop)
    screen, phone = screen_socket(workshop, facilitator), participant_socket(participant)

    async def scenario():
        assert (await screen.connect())[0]
        first = await screen.receive_json_from(timeout=5)
        assert first["answers"] == 0
        assert (await phone.connect())[0]
        state = (await phone.receive_json_from(timeout=5))["state"]  # what the page follows
        assert (state["tool"], state["locked"], state["factors"]) == ("priority", False, 1)
        await phone.send_json_to({"factor": factor.id, "importance": 5, "influence": 2})
        assert await phone.receive_json_from(timeout=5) == {"saved": factor.id}
        await phone.send_json_to({"factor": factor.id, "importance": 4, "influence": 2})
        assert await phone.receive_json_from(timeout=5) == {"saved": factor.id}
        state = await screen.receive_json_from(timeout=5)
        while state["answers"] == 0 or state["connected"] == 0:
            state = await screen.receive_json_from(timeout=5)
        assert state["connected"] == 1 and state["answers"] == 1
        assert f'data-factor="{factor.id}"' in state["html"]
        await phone.send_json_to({"factor": factor.id, "importance": 9, "influence": 2})
        assert (await phone.receive_json_from(timeout=5))["error"]
        await phone.disconnect()
        await screen.disconnect()

    async_to_sync(scenario)()
    assert PriorityScore.objects.get().importance == 4  # one row, the last answer


def test_screens_need_a_facilitator_and_phones_need_to_have_joined(setup):
    workshop, _, _ = setup
    stranger = User.objects.create_user("fremmed", password="x")
    sockets = (screen_socket(workshop), screen_socket(workshop, stranger),
               WebsocketCommunicator(application, "/ws/verksted/delta/", headers=[ORIGIN]))

    async def scenario():
        for socket in sockets:
            connected, code = await socket.connect()
            assert not connected or (await socket.receive_output(timeout=5))["type"] == \
                "websocket.close"
            await socket.disconnect()

    async_to_sync(scenario)()


def test_a_participant_is_rate_limited_across_reconnects(setup, monkeypatch):
    """60 answers a minute per participant (participants.ANSWERS_PER_WINDOW), counted on
    the participant: 40 on one connection and 25 on the next give 60 saved, 5 refused."""
    monkeypatch.setattr("livskraft.workshops.participants.current_window", lambda: 1)
    workshop, factor, _ = setup
    participant = Participant.objects.create(workshop=workshop)

    async def answers(count: int) -> list[dict]:
        phone = participant_socket(participant)
        await phone.connect()
        await phone.receive_json_from(timeout=5)  # the page's state
        replies = []
        for _ in range(count):
            await phone.send_json_to({"factor": factor.id, "importance": 3, "influence": 3})
            replies.append(await phone.receive_json_from(timeout=5))
        await phone.disconnect()
        return replies

    first, second = async_to_sync(answers)(40), async_to_sync(answers)(25)
    assert all("saved" in r for r in first)
    assert sum("saved" in r for r in second) == 20
    assert all(r.get("error") == "too_many" for r in second[20:])
    assert "For mange svar" in second[-1]["message"]


def refused(socket) -> tuple[bool, int | None]:
    async def scenario():
        connected, code = await socket.connect(timeout=5)
        await socket.disconnect()
        return connected, code

    return async_to_sync(scenario)()


@pytest.mark.parametrize("origin", [b"http://angriper.example", b"null",
                                    b"http://localhost.angriper.example", None])
def test_websockets_from_a_foreign_origin_are_refused_and_store_nothing(setup, origin):
    workshop, factor, facilitator = setup
    participant = Participant.objects.create(workshop=workshop)
    headers = [] if origin is None else [(b"origin", origin)]
    phone, screen = participant_socket(participant), screen_socket(workshop, facilitator)
    phone.scope["headers"] = headers + [h for h in phone.scope["headers"] if h[0] != b"origin"]
    screen.scope["headers"] = headers + [h for h in screen.scope["headers"] if h[0] != b"origin"]
    assert refused(phone)[0] is False
    assert refused(screen)[0] is False
    assert not PriorityScore.objects.exists()


def test_the_facilitator_of_another_workshop_cannot_open_this_big_screen(setup):
    workshop, _, facilitator = setup
    other = Workshop.objects.create(title="Et annet verksted")
    theirs = User.objects.create_user("annen_leder", password="x")
    Facilitation.objects.create(user=theirs, workshop=other, role="facilitator")
    assert refused(screen_socket(workshop, theirs)) == (False, 4403)  # not theirs
    assert refused(screen_socket(other, facilitator)) == (False, 4403)  # nor the other way
    missing = Workshop(id=other.id + 1000)
    assert refused(screen_socket(missing, facilitator)) == (False, 4403)  # no such workshop
    assert refused(screen_socket(other, theirs))[0] is True  # their own one opens


def test_phones_on_every_tool_follow_a_switch_and_count_once(setup):
    workshop, _, facilitator = setup
    workshop.active_tool = "trust"
    workshop.save()
    participant = Participant.objects.create(workshop=workshop)
    tab, second_tab = participant_socket(participant), participant_socket(participant)
    screen = screen_socket(workshop, facilitator)
    desk = Client()
    desk.force_login(facilitator)

    async def scenario():
        await screen.connect()
        await screen.receive_json_from(timeout=5)
        for socket in (tab, second_tab):
            assert (await socket.connect())[0]
            assert (await socket.receive_json_from(timeout=5))["state"]["tool"] == "trust"
        state = await screen.receive_json_from(timeout=5)
        while state["connected"] == 0:
            state = await screen.receive_json_from(timeout=5)
        assert state["connected"] == 1  # one participant, two tabs
        await database_sync_to_async(desk.post)(f"/verksted/{workshop.id}/",
                                                {"action": "tool", "tool": "diamond"})
        switched = (await tab.receive_json_from(timeout=1))["state"]
        assert (switched["tool"], switched["locked"]) == ("diamond", False)
        assert (await second_tab.receive_json_from(timeout=1))["state"] == switched
        await database_sync_to_async(desk.post)(f"/verksted/{workshop.id}/", {"action": "lock"})
        assert (await second_tab.receive_json_from(timeout=1))["state"]["locked"] is True
        for socket in (tab, second_tab, screen):
            await socket.disconnect()

    async_to_sync(scenario)()


def test_two_screens_share_one_render_and_a_burst_of_changes_costs_at_most_two(setup,
                                                                               monkeypatch):
    """Two big screens of one workshop (a projector and the facilitator's panel): ten
    changes at once are drawn once at once and, for those that came after that draw
    started, once more at the end of the interval (consumers.SCREEN_INTERVAL): one or two
    renders in all, each sent to both screens, not ten per screen."""
    workshop, _, facilitator = setup
    renders = []
    real = screens.screen_state

    def counted(shown):
        renders.append(shown.id)
        return real(shown)

    monkeypatch.setattr(screens, "screen_state", counted)
    projector, panel = screen_socket(workshop, facilitator), screen_socket(workshop, facilitator)

    async def scenario():
        for screen in (projector, panel):
            assert (await screen.connect())[0]
            await screen.receive_json_from(timeout=5)  # its own first state
        assert len(renders) == 2
        layer = get_channel_layer()
        for _ in range(10):
            await layer.group_send(live.group(workshop.id), live.CHANGED)
        seen = {projector: [], panel: []}
        for screen, states in seen.items():
            while not await screen.receive_nothing(timeout=3 * SCREEN_INTERVAL):
                states.append(await screen.receive_json_from())
        for screen in (projector, panel):
            await screen.disconnect()
        return seen[projector], seen[panel]

    on_projector, on_panel = async_to_sync(scenario)()
    assert 1 <= len(on_projector) <= 2
    assert on_panel == on_projector
    assert len(renders) == 2 + len(on_projector)


def test_the_big_screen_is_drawn_in_its_own_language(setup):
    """The live view comes in the screen page's language (its Accept-Language here), as the
    page around it: the quadrant names of the priority tool in English and in bokmål."""
    workshop, _, facilitator = setup
    english, bokmal = screen_socket(workshop, facilitator), screen_socket(workshop, facilitator)
    english.scope["headers"].append((b"accept-language", b"en"))
    bokmal.scope["headers"].append((b"accept-language", b"nb"))

    async def scenario():
        drawn = []
        for screen in (english, bokmal):
            assert (await screen.connect())[0]
            drawn.append((await screen.receive_json_from(timeout=5))["html"])
        await get_channel_layer().group_send(live.group(workshop.id), live.CHANGED)
        for screen in (english, bokmal):
            drawn.append((await screen.receive_json_from(timeout=5))["html"])
            await screen.disconnect()
        return drawn

    first_en, first_nb, then_en, then_nb = async_to_sync(scenario)()
    for html in (first_en, then_en):
        assert "Important and possible to influence" in html
    for html in (first_nb, then_nb):
        assert "Viktig og mulig å påvirke" in html
