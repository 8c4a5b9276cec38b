"""The ASGI layer in front of Django: static files and cached pages without entering Django.

Django under ASGI runs its (synchronous) middleware and views in a worker thread, so every
request pays thread hops and the whole middleware stack. Two kinds of answers need neither:
- static files, served by servestatic's ASGI app from the files found at start-up;
- pages that `page_cache.cached_page` marked public: the first answer per data version,
  language, encoding and URL is kept in the "pages" cache and replayed, with 304 for a
  matching If-None-Match. Requests carrying a session (or any cookie but the language and
  CSRF cookies) always go to Django.
"""

import asyncio
import hashlib
from http.cookies import SimpleCookie

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_request
from servestatic.asgi import ServeStaticASGI

from . import page_cache

SHARED_COOKIES = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
CONDITIONAL_HEADERS = {b"if-none-match", b"if-modified-since", b"if-match",
                       b"if-unmodified-since", b"if-range", b"range"}
NOT_MODIFIED_HEADERS = {b"cache-control", b"etag", b"expires", b"last-modified", b"vary",
                        b"content-location"}


class _LanguageProbe:
    """The two request attributes Django's language negotiation reads."""

    def __init__(self, cookies: dict, accept_language: str) -> None:
        self.COOKIES = cookies
        self.META = {"HTTP_ACCEPT_LANGUAGE": accept_language}


class StaticFiles(ServeStaticASGI):
    """servestatic's file table, headers, ranges and 304s. Our static files are small and
    sit in the OS page cache, so they are read in the event loop in one go: servestatic's
    own ASGI path reads every chunk in a worker thread, which costs more than the read
    (uvicorn offers no `pathsend`)."""

    async def __call__(self, scope, receive, send) -> None:
        static_file = self.files.get(scope["path"]) if scope["type"] == "http" else None
        if static_file is None:
            return await self.application(scope, receive, send)
        environ = {"HTTP_" + name.decode("latin-1").upper().replace("-", "_"):
                   value.decode("latin-1") for name, value in scope["headers"]}
        environ["QUERY_STRING"] = scope["query_string"].decode("latin-1")
        response = static_file.get_response(scope["method"], environ)
        body = b""
        if response.file is not None:
            with response.file as file:
                body = file.read()
        await send({"type": "http.response.start", "status": int(response.status),
                    "headers": [(name.lower().encode("latin-1"), value.encode("latin-1"))
                                for name, value in response.headers if value is not None]})
        await send({"type": "http.response.body", "body": body})


def static_files(app) -> StaticFiles:
    """Static files in front of `app`: STATIC_ROOT in production (collectstatic, with the
    compressed copies), else the apps' static folders through Django's finders."""
    front = StaticFiles(app, max_age=None if settings.DEBUG else 60)
    if settings.PRODUCTION:
        front.add_files(settings.STATIC_ROOT, prefix=settings.STATIC_URL)
        return front
    seen = set()
    for finder in finders.get_finders():
        for path, storage in finder.list(None):
            url = settings.STATIC_URL + path.replace("\\", "/")
            if url not in seen:
                seen.add(url)
                front.add_file_to_dictionary(url, storage.path(path), root=storage.location)
    return front


class PageCache:
    def __init__(self, app) -> None:
        self.app = app
        self.cache = caches["pages"]
        self._refreshing: asyncio.Task | None = None

    async def __call__(self, scope, receive, send) -> None:
        key = self._key(scope) if scope["type"] == "http" else None
        if key is None:
            return await self.app(scope, receive, send)
        entry = self.cache.get(key)
        if entry is not None:
            return await self._replay(scope, entry, send)
        # Django answers in full (no 304 to a revalidating proxy), so the page can be kept.
        unconditional = dict(scope, headers=[(name, value) for name, value in scope["headers"]
                                             if name not in CONDITIONAL_HEADERS])
        await self.app(unconditional, receive, self._recorder(scope, key, send))

    def _key(self, scope) -> str | None:
        if scope["method"] not in ("GET", "HEAD"):
            return None
        headers = dict(scope["headers"])
        if b"authorization" in headers:
            return None
        cookies = {}
        if b"cookie" in headers:
            parsed = SimpleCookie()
            parsed.load(headers[b"cookie"].decode("latin-1"))
            cookies = {name: morsel.value for name, morsel in parsed.items()}
            if not cookies.keys() <= SHARED_COOKIES:
                return None
        self._keep_version_fresh()
        if not page_cache.version.known():
            return None
        language = get_language_from_request(_LanguageProbe(
            cookies, headers.get(b"accept-language", b"").decode("latin-1")))
        gzip = bool(re_accepts_gzip.search(headers.get(b"accept-encoding", b"").decode("latin-1")))
        host = headers.get(b"host", b"").decode("latin-1")  # a bad host still gets Django's 400
        query = scope["query_string"].decode("latin-1")
        csv = b"text/csv" in headers.get(b"accept", b"")  # the API answers CSV to it (Vary)
        key = (f"{page_cache.version_key(page_cache.version.cached())}|{language}|{int(gzip)}|"
               f"{int(csv)}|{host}{scope['path']}?{query}")
        return hashlib.blake2b(key.encode(), digest_size=16).hexdigest()

    def _keep_version_fresh(self) -> None:
        """Re-read the data version in the background once it is older than its TTL."""
        if page_cache.version.stale() and (self._refreshing is None or self._refreshing.done()):
            self._refreshing = asyncio.ensure_future(sync_to_async(page_cache.version.refresh)())

    async def _replay(self, scope, entry: tuple, send) -> None:
        status, headers, body, etag = entry
        asked = dict(scope["headers"]).get(b"if-none-match", b"").decode("latin-1")
        if etag and _matches(asked, etag):
            status, body = 304, b""
            headers = [(name, value) for name, value in headers
                       if name in NOT_MODIFIED_HEADERS]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body",
                    "body": b"" if scope["method"] == "HEAD" else body})

    def _recorder(self, scope, key: str, send):
        """Keep Django's answer when it is a public 200 to a GET and send it as a replay
        (which answers the client's own If-None-Match); pass anything else on as it comes."""
        start: dict = {}
        chunks: list[bytes] = []

        async def record(message) -> None:
            if message["type"] == "http.response.start" and _shareable(message, scope):
                start.update(message)
            elif message["type"] == "http.response.body" and start:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    headers = [(name.lower(), value) for name, value in start["headers"]]
                    etag = dict(headers).get(b"etag", b"").decode("latin-1")
                    entry = (200, headers, b"".join(chunks), etag)
                    self.cache.set(key, entry)
                    await self._replay(scope, entry, send)
            else:
                await send(message)

        return record


def _shareable(start: dict, scope) -> bool:
    if start["status"] != 200 or scope["method"] != "GET":
        return False
    headers = {name.lower(): value for name, value in start["headers"]}
    if b"set-cookie" in headers:
        return False
    directives = cc_delim_re.split(headers.get(b"cache-control", b"").decode("latin-1"))
    return "public" in (d.split("=")[0].strip().lower() for d in directives)


def _matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2), as for GET."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == bare for tag in if_none_match.split(","))


def front(django_app):
    return static_files(PageCache(django_app))
