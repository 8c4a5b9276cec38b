"""The live layer: which participants are connected, and the one function that tells a
workshop's big screens and phones that something changed."""

import contextlib
import os

from asgiref.sync import SyncToAsync, async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import transaction

CHANGED = {"type": "workshop.changed"}


def group(workshop_id: int) -> str:
    """Big screens: told about every change (they redraw, a burst at a time)."""
    return f"workshop-{workshop_id}"


def phones(workshop_id: int) -> str:
    """Participants' pages: told only when what they show changes (tool, lock, reveal …)."""
    return f"workshop-{workshop_id}-phones"


def announce(workshop_id: int, phones_too: bool = False) -> None:
    """Tell everyone following the workshop that something changed, once the current
    transaction (if any) has committed, so nobody reads the state before it is stored.
    `phones_too`: the participants' pages must follow (their state goes with the message)."""

    def send() -> None:
        layer = get_channel_layer()
        _send(layer.group_send(group(workshop_id), CHANGED))
        if phones_too:
            from .screens import phone_state  # screens loads the tools, which use this module

            _send(layer.group_send(phones(workshop_id), {
                "type": "workshop.switched", "state": phone_state(workshop_id)}))

    transaction.on_commit(send)


def _send(message) -> None:
    """Hand the message to the event loop. In a websocket's database thread (asgiref's
    sync_to_async) the loop is running: do not hold that one thread while it sends."""
    loop = getattr(SyncToAsync.threadlocal, "main_event_loop", None)
    if loop is not None and loop.is_running() and \
            getattr(SyncToAsync.threadlocal, "main_event_loop_pid", None) == os.getpid():
        loop.call_soon_threadsafe(loop.create_task, message)
    else:
        async_to_sync(_wait)(message)


async def _wait(message) -> None:
    await message


def _presence_key(workshop_id: int) -> str:
    return f"workshop-{workshop_id}-connected"


def _tabs_key(workshop_id: int, participant_id: int) -> str:
    return f"workshop-{workshop_id}-participant-{participant_id}-tabs"


def arrived(workshop_id: int, participant_id: int) -> None:
    """A participant's page connected; a participant with two tabs open counts once."""
    tabs = _tabs_key(workshop_id, participant_id)
    cache.add(tabs, 0, timeout=None)
    if cache.incr(tabs) == 1:
        cache.add(_presence_key(workshop_id), 0, timeout=None)
        cache.incr(_presence_key(workshop_id))
    announce(workshop_id)


def left(workshop_id: int, participant_id: int) -> None:
    with contextlib.suppress(ValueError):
        if cache.decr(_tabs_key(workshop_id, participant_id)) <= 0:
            cache.delete(_tabs_key(workshop_id, participant_id))
            cache.decr(_presence_key(workshop_id))
    announce(workshop_id)


def present(workshop_id: int, participant_ids: list[int]) -> set[int]:
    """Which of these participants have a page connected now."""
    keys = {_tabs_key(workshop_id, pid): pid for pid in participant_ids}
    return {keys[key] for key, tabs in cache.get_many(list(keys)).items() if tabs and tabs > 0}


def connected(workshop_id: int) -> int:
    return max(cache.get(_presence_key(workshop_id), 0), 0)
