"""The live path as it runs with several server processes: Redis as channel layer and cache.
scripts/test.sh starts a Redis server and sets LIVSKRAFT_TEST_REDIS_URL."""

import os

import pytest
from asgiref.sync import async_to_sync
from django.core.cache import cache
from django.test import override_settings

from livskraft.workshops.models import Participant
from livskraft.workshops.tools.priority import PriorityScore

from .test_live import participant_socket, screen_socket
from .test_live import setup as setup  # noqa: F401  (the fixture)

REDIS = os.environ.get("LIVSKRAFT_TEST_REDIS_URL")
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not REDIS, reason="ingen Redis-server: scripts/test.sh starter en"),
]


def test_a_vote_crosses_redis_to_the_big_screen(setup):  # noqa: F811
    workshop, factor, facilitator = setup
    participant = Participant.objects.create(workshop=workshop)
    layers = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer",
                          "CONFIG": {"hosts": [REDIS]}}}
    caches = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS}}
    with override_settings(CHANNEL_LAYERS=layers, CACHES=caches):
        cache.clear()
        screen, phone = screen_socket(workshop, facilitator), participant_socket(participant)

        async def scenario():
            assert (await screen.connect())[0]
            await screen.receive_json_from(timeout=5)
            assert (await phone.connect())[0]
            assert (await phone.receive_json_from(timeout=5))["state"]["tool"] == "priority"
            await phone.send_json_to({"factor": factor.id, "importance": 2, "influence": 5})
            assert await phone.receive_json_from(timeout=5) == {"saved": factor.id}
            state = await screen.receive_json_from(timeout=5)
            while state["answers"] == 0:
                state = await screen.receive_json_from(timeout=5)
            await phone.disconnect()
            await screen.disconnect()
            return state

        state = async_to_sync(scenario)()
        assert state["connected"] == 1 and state["answers"] == 1
        assert cache.get(f"workshop-{workshop.id}-connected") == 0
    assert PriorityScore.objects.get().influence == 5

