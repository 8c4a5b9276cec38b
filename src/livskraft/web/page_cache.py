"""Pages that are the same for every anonymous visitor: marked cacheable, with ETag and
Last-Modified, and kept under a key that changes with the data version.

`cached_page` wraps a view. The ASGI front (`livskraft.web.front`) stores the finished
responses of such views and serves them again without entering Django; the test client and
any server without the front get the same headers and conditional GET from the decorator.
"""

import hashlib
import threading
import time
from functools import wraps

from django.db.models.signals import post_delete, post_save
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from .page_store import store

# A page shows a new import within this many seconds in every process; in the process that
# imported, at once (the signals below).
VERSION_TTL_SECONDS = 1.0
# nginx's micro-cache and browsers may reuse a page for this long without asking.
MAX_AGE_SECONDS = 1


class _Version:
    """The data version (`stats.frames.data_version`), read at most once per TTL."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: tuple = ()
        self._read_at = float("-inf")

    def stale(self) -> bool:
        return time.monotonic() - self._read_at > VERSION_TTL_SECONDS

    def get(self) -> tuple:
        if self.stale():
            self.refresh()
        return self._value

    def known(self) -> bool:
        return self._read_at != float("-inf")

    def cached(self) -> tuple:
        return self._value

    def refresh(self) -> None:
        from livskraft.stats.frames import data_version

        value = data_version()
        store().switch(version_key(value))
        with self._lock:
            self._value, self._read_at = value, time.monotonic()

    def forget(self, **_kwargs) -> None:
        with self._lock:
            self._read_at = float("-inf")
        store().forget()


version = _Version()


def connect_signals() -> None:
    from livskraft.stats.models import DataLoad

    post_save.connect(version.forget, sender=DataLoad, dispatch_uid="page-cache-save")
    post_delete.connect(version.forget, sender=DataLoad, dispatch_uid="page-cache-delete")


def version_key(value: tuple) -> str:
    return "-".join(str(part) for part in value) or "empty"


def last_modified(value: tuple) -> float | None:
    """The time of the newest data load, or None before any import."""
    return value[1].timestamp() if len(value) > 1 else None


def etag_for(body: bytes) -> str:
    return f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'


def cached_page(view):
    """Mark the view's 200 answers to anonymous visitors as shared and cacheable."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200 \
                or response.streaming or response.cookies:
            return response
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        if request.user.is_authenticated:  # the header shows who is logged in
            response["Cache-Control"] = "private, no-cache"
            return response
        response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
        response["ETag"] = etag_for(response.content)
        modified = last_modified(version.get())
        if modified is not None:
            response["Last-Modified"] = http_date(modified)
        return get_conditional_response(request, etag=response["ETag"],
                                        last_modified=modified, response=response)

    return wrapper
