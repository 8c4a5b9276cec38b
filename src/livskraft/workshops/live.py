"""The live layer: which participants are connected, and the one function that tells a
workshop's big screens (and phones) that something changed."""

import contextlib

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import transaction

CHANGED = {"type": "workshop.changed"}


def group(workshop_id: int) -> str:
    return f"workshop-{workshop_id}"


def announce(workshop_id: int) -> None:
    """Tell everyone following the workshop that something changed, once the current
    transaction (if any) has committed, so nobody reads the state before it is stored."""
    transaction.on_commit(
        lambda: async_to_sync(get_channel_layer().group_send)(group(workshop_id), CHANGED))


def _presence_key(workshop_id: int) -> str:
    return f"workshop-{workshop_id}-connected"


def arrived(workshop_id: int) -> None:
    cache.add(_presence_key(workshop_id), 0, timeout=None)
    cache.incr(_presence_key(workshop_id))
    announce(workshop_id)


def left(workshop_id: int) -> None:
    with contextlib.suppress(ValueError):
        cache.decr(_presence_key(workshop_id))
    announce(workshop_id)


def connected(workshop_id: int) -> int:
    return max(cache.get(_presence_key(workshop_id), 0), 0)
