"""What `livskraft serve` prepares in each server process.

Before it accepts connections, only the data version: the key of every cached page, and the
page store's folder for it, so the pages kept from an earlier start (or rendered by another
process) are served from the first request on. Everything a page that is not kept yet needs
(every view imported, the page templates compiled, the national population frame) is
prepared in a thread after the server accepts; a page to render waits for that thread
instead of building the same frames beside it (`bench/cold_start.py` times both starts).
Then the objects alive at that point are moved out of the garbage collector's sight
(`gc.freeze`): a full collection would otherwise walk them all and stall every request of
the process for tens of milliseconds.
"""

import asyncio
import contextlib
import gc
import threading

from django.conf import settings
from django.db import connections
from django.template.loader import get_template
from django.urls import get_resolver

from livskraft.analysis.errors import MissingDataError

from . import page_cache

TEMPLATES = ["web/base.html", "profiles/home.html", "profiles/kommune.html",
             "profiles/national.html"]


def _in_thread(work) -> threading.Thread:
    """Django's database calls refuse to run inside an event loop, and the server may
    already run one."""

    def run() -> None:
        try:
            work()
        finally:
            connections.close_all()

    return threading.Thread(target=run, name=f"livskraft-{work.__name__}", daemon=True)


def _version() -> None:
    page_cache.version.refresh()


def _everything_else() -> None:
    from livskraft.profiles import national_tables

    get_resolver().url_patterns  # noqa: B018 - imports every view
    for name in TEMPLATES:
        get_template(name)
    with contextlib.suppress(MissingDataError):  # an empty database: the pages say so
        national_tables.prepare([settings.LANGUAGE_CODE])
    gc.freeze()


_rest: threading.Thread | None = None


def warm() -> None:
    """Read the data version now; start preparing the rest."""
    global _rest
    first = _in_thread(_version)
    first.start()
    first.join()
    _rest = _in_thread(_everything_else)
    _rest.start()


async def finished() -> None:
    """Wait (without holding the event loop) until the warm-up thread is done, if one runs."""
    if _rest is not None and _rest.is_alive():
        await asyncio.to_thread(_rest.join)
