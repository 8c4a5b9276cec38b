"""GET /healthz: can this process reach its database, its cache and its channel layer?

Answered first in the middleware stack, so a load balancer's or container's probe gets an
answer whatever host name it uses and without the HTTPS redirect. The JSON names each part
"ok" or "feil" and nothing else: no addresses, versions or error texts.
"""

import asyncio
import logging
import secrets

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

PATH = "/healthz"
TIMEOUT_SECONDS = 3
log = logging.getLogger(__name__)


def database_ok() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_ok() -> bool:
    key, value = f"healthz-{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, timeout=TIMEOUT_SECONDS)
    found = cache.get(key)
    cache.delete(key)
    return found == value


@async_to_sync
async def channel_layer_ok() -> bool:
    """A message sent to a fresh channel comes back: through Redis when that is the layer."""
    layer = get_channel_layer()
    channel = await layer.new_channel("healthz.")
    token = secrets.token_hex(8)
    await layer.send(channel, {"type": "healthz", "token": token})
    message = await asyncio.wait_for(layer.receive(channel), TIMEOUT_SECONDS)
    return message.get("token") == token


CHECKS = {"database": database_ok, "cache": cache_ok, "channel_layer": channel_layer_ok}


def health() -> JsonResponse:
    parts = {}
    for name, check in CHECKS.items():
        try:
            parts[name] = "ok" if check() else "feil"
        except Exception as error:  # any failure is a "feil", whatever raised it
            log.warning("helsesjekk: %s feilet (%s)", name, type(error).__name__)
            parts[name] = "feil"
    healthy = all(state == "ok" for state in parts.values())
    response = JsonResponse({"status": "ok" if healthy else "feil", **parts},
                            status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == PATH and request.method in ("GET", "HEAD"):
            return health()
        return self.get_response(request)
