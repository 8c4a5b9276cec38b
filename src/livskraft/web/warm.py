"""What `livskraft serve` prepares in each server process before it accepts connections:
every view imported, the page templates compiled, the data version read and the national
population frame (behind every kommune page) built."""

import threading

from django.db import connections
from django.template.loader import get_template
from django.urls import get_resolver

from livskraft.analysis.errors import MissingDataError

from . import page_cache

TEMPLATES = ["web/base.html", "profiles/home.html", "profiles/kommune.html",
             "profiles/national.html"]


def _warm() -> None:
    from livskraft.stats import frames

    try:
        get_resolver().url_patterns  # noqa: B018 - imports every view
        for name in TEMPLATES:
            get_template(name)
        page_cache.version.refresh()
        frames.population()
    except MissingDataError:
        pass  # an empty database: the pages say so
    finally:
        connections.close_all()


def warm() -> None:
    """Runs in a thread of its own: the server may already have an event loop running, and
    Django's database calls refuse to run inside one."""
    worker = threading.Thread(target=_warm, name="livskraft-warm")
    worker.start()
    worker.join()
