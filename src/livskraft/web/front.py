"""The ASGI layer in front of Django: static files and cached pages without entering Django.

Django under ASGI runs its (synchronous) middleware and views in a worker thread, so every
request pays thread hops and the whole middleware stack. Two kinds of answers need neither:
- static files, served by servestatic's ASGI app from the files found at start-up;
- pages that `page_cache.cached_page` marked public: the first answer per data version,
  language, encoding and URL is kept (`page_store`: in memory, and on disk for every process
  and the next start) and replayed, with 304 for a matching If-None-Match. Requests
  carrying a session (or any cookie but the language and CSRF cookies) always go to Django.
"""

import asyncio
from http.cookies import SimpleCookie

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.staticfiles import finders
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_request
from servestatic.asgi import ServeStaticASGI

from . import page_cache, page_store, warm

SHARED_COOKIES = {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME}
CONDITIONAL_HEADERS = {b"if-none-match", b"if-modified-since", b"if-match",
                       b"if-unmodified-since", b"if-range", b"range"}
NOT_MODIFIED_HEADERS = {b"cache-control", b"etag", b"expires", b"last-modified", b"vary",
                        b"content-location"}
SMALL_FILE = 512 * 1024
MEMO_SIZE = 4096


def _header(scope, wanted: bytes) -> bytes:
    for name, value in scope["headers"]:
        if name == wanted:
            return value
    return b""


class _LanguageProbe:
    """The two request attributes Django's language negotiation reads."""

    def __init__(self, cookies: dict, accept_language: str) -> None:
        self.COOKIES = cookies
        self.META = {"HTTP_ACCEPT_LANGUAGE": accept_language}


class StaticFiles(ServeStaticASGI):
    """servestatic's file table, headers, ranges and 304s. Our static files are small and
    sit in the OS page cache, so they are read in the event loop in one go (servestatic's
    own ASGI path reads every chunk in a worker thread, which costs more than the read;
    uvicorn offers no `pathsend`), and a plain GET of a small file (no validators, no range)
    gets the answer made the first time for its Accept-Encoding."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._plain: dict[tuple[str, bytes], tuple[int, list, bytes]] = {}

    async def __call__(self, scope, receive, send) -> None:
        static_file = self.files.get(scope["path"]) if scope["type"] == "http" else None
        if static_file is None:
            return await self.application(scope, receive, send)
        memo = None
        if scope["method"] == "GET" and not any(name in CONDITIONAL_HEADERS
                                                for name, _ in scope["headers"]):
            memo = (scope["path"], _header(scope, b"accept-encoding"))
        answer = self._plain.get(memo) if memo is not None else None
        if answer is None:
            answer = self._answer(static_file, scope)
            if memo is not None and answer[0] == 200 and len(answer[2]) <= SMALL_FILE \
                    and len(self._plain) < MEMO_SIZE:
                self._plain[memo] = answer
        status, headers, body = answer
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _answer(static_file, scope) -> tuple[int, list, bytes]:
        environ = {"HTTP_" + name.decode("latin-1").upper().replace("-", "_"):
                   value.decode("latin-1") for name, value in scope["headers"]}
        environ["QUERY_STRING"] = scope["query_string"].decode("latin-1")
        response = static_file.get_response(scope["method"], environ)
        body = b""
        if response.file is not None:
            with response.file as file:
                body = file.read()
        return (int(response.status),
                [(name.lower().encode("latin-1"), value.encode("latin-1"))
                 for name, value in response.headers if value is not None], body)


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
        self._refreshing: asyncio.Task | None = None
        self._variants: dict[tuple[bytes, ...], tuple | None] = {}

    async def __call__(self, scope, receive, send) -> None:
        key = self._key(scope) if scope["type"] == "http" else None
        if key is None:
            return await self.app(scope, receive, send)
        entry = page_store.store().get(key)
        if entry is not None:
            return await self._replay(scope, entry, send)
        await warm.finished()  # a page to render needs what the warm-up builds: never twice
        # Django answers in full (no 304 to a revalidating proxy), so the page can be kept.
        unconditional = dict(scope, headers=[(name, value) for name, value in scope["headers"]
                                             if name not in CONDITIONAL_HEADERS])
        await self.app(unconditional, receive, self._recorder(scope, key, send))

    def _key(self, scope) -> tuple | None:
        if scope["method"] not in ("GET", "HEAD"):
            return None
        host = cookie = languages = encodings = accept = b""
        for name, value in scope["headers"]:
            if name == b"host":
                host = value  # a bad host still gets Django's 400
            elif name == b"cookie":
                cookie = value
            elif name == b"accept-language":
                languages = value
            elif name == b"accept-encoding":
                encodings = value
            elif name == b"accept":
                accept = value
            elif name == b"authorization":
                return None
        variant = self._variant(cookie, languages, encodings, accept)
        if variant is None:
            return None
        self._keep_version_fresh()
        if not page_cache.version.known():
            return None
        return (page_cache.version.cached(), *variant, host, scope["path"],
                scope["query_string"])

    def _variant(self, cookie: bytes, languages: bytes, encodings: bytes,
                 accept: bytes) -> tuple | None:
        """(language, gzip, CSV) the request gets, or None when its cookies are its own;
        remembered per combination of the four headers, which visitors share."""
        memo = (cookie, languages, encodings, accept)
        if memo in self._variants:
            return self._variants[memo]
        variant = None
        cookies = {}
        if cookie:
            parsed = SimpleCookie()
            parsed.load(cookie.decode("latin-1"))
            cookies = {name: morsel.value for name, morsel in parsed.items()}
        if cookies.keys() <= SHARED_COOKIES:
            language = get_language_from_request(_LanguageProbe(
                cookies, languages.decode("latin-1")))
            gzip = bool(re_accepts_gzip.search(encodings.decode("latin-1")))
            csv = b"text/csv" in accept  # the API answers CSV to it (Vary)
            variant = (language, gzip, csv)
        if len(self._variants) >= MEMO_SIZE:
            self._variants.clear()
        self._variants[memo] = variant
        return variant

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

    def _recorder(self, scope, key: tuple, send):
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
                    page_store.store().put(key, entry, persist=not scope["query_string"])
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
