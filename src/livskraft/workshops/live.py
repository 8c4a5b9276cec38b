"""Live state for the big screen, shared through the channel layer, and who is connected."""

import contextlib

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache

from . import screens
from .models import Workshop


def group(workshop_id: int) -> str:
    return f"workshop-{workshop_id}"


def _presence_key(workshop_id: int) -> str:
    return f"workshop-{workshop_id}-connected"


def arrived(workshop_id: int) -> None:
    cache.add(_presence_key(workshop_id), 0, timeout=None)
    cache.incr(_presence_key(workshop_id))


def left(workshop_id: int) -> None:
    with contextlib.suppress(ValueError):
        cache.decr(_presence_key(workshop_id))


def connected(workshop_id: int) -> int:
    return max(cache.get(_presence_key(workshop_id), 0), 0)


def screen_state(workshop: Workshop) -> dict:
    return {
        "connected": connected(workshop.id),
        "participants": workshop.participants.count(),
        "answers": screens.answers(workshop),
        "locked": workshop.locked,
        "tool": workshop.active_tool,
        "html": screens.render(workshop),
    }


def announce(workshop_id: int) -> None:
    """Tell every big screen of the workshop that something changed."""
    async_to_sync(get_channel_layer().group_send)(group(workshop_id),
                                                  {"type": "workshop.changed"})
