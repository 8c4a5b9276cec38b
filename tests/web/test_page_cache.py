"""Cached pages: validators and conditional GET in Django, and the ASGI front that replays
finished pages without queries, never shares a session's page and sees a new import."""

import asyncio
import gzip
import threading
import time
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from django.core import signals
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from livskraft.stats.importing import import_directory
from livskraft.web import page_cache, page_store, warm

pytestmark = pytest.mark.django_db
SITE_CSS = Path(__file__).parents[2] / "src/livskraft/web/static/livskraft/site.css"


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
    return client


@pytest.fixture
def imported(synthetic_dir, settings):
    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
    import_directory(synthetic_dir)
    return synthetic_dir


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """A real request closes the database connection when it ends; inside a test that connection
    holds the test's transaction (PostgreSQL), so do what Django's own test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def asgi_get(path: str, *headers: tuple[bytes, bytes], query: bytes = b"") -> tuple[int, dict, bytes]:
    """One GET through the whole ASGI application (front, Django), as uvicorn sends it."""
    from livskraft.config.asgi import application

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": query, "root_path": "", "server": ("127.0.0.1", 8000),
             "client": ("127.0.0.1", 50000), "headers": [(b"host", b"127.0.0.1"), *headers]}
    messages = []

    async def call():
        delivered = False

        async def receive():
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # the client stays until the answer is sent

        async def send(message):
            messages.append(message)

        await application(scope, receive, send)

    async_to_sync(call)()
    start = messages[0]
    headers = {name.decode().lower(): value.decode() for name, value in start["headers"]}
    body = b"".join(m.get("body", b"") for m in messages[1:])
    return start["status"], headers, body


def test_anonymous_page_carries_validators_and_answers_304(client, imported):
    first = client.get("/")
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=1"
    assert first["Last-Modified"].endswith(" GMT")
    assert "Accept-Language" in first["Vary"] and "Cookie" in first["Vary"]
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_logged_in_page_is_private(client, imported, django_user_model):
    user = django_user_model.objects.create_user("planlegger", password="x")
    client.force_login(user)
    response = client.get("/")
    assert response["Cache-Control"] == "private, no-cache"
    assert "ETag" not in response


def test_front_replays_a_page_without_a_query(imported):
    page_cache.version.refresh()
    status, headers, body = asgi_get("/")  # rendered by Django and kept
    assert status == 200 and "Testvik" in body.decode()
    with CaptureQueriesContext(connection) as queries:
        replay = asgi_get("/")
    assert len(queries) == 0
    assert replay == (status, headers, body)


def test_front_answers_if_none_match_with_304(imported):
    page_cache.version.refresh()
    _, headers, _ = asgi_get("/")
    status, again, body = asgi_get("/", (b"if-none-match", headers["etag"].encode()))
    assert status == 304 and body == b""
    assert again["etag"] == headers["etag"]


def test_front_compresses_the_same_page(imported):
    page_cache.version.refresh()
    _, plain_headers, plain = asgi_get("/")
    _, headers, packed = asgi_get("/", (b"accept-encoding", b"gzip, deflate, br"))
    assert headers["content-encoding"] == "gzip" and "content-encoding" not in plain_headers
    assert gzip.decompress(packed) == plain
    # Django's GZipMiddleware pads the gzip header with up to 100 random bytes against BREACH.
    assert len(packed) - 100 < len(plain) / 2


def test_front_never_replays_to_a_session(imported):
    page_cache.version.refresh()
    asgi_get("/")
    with CaptureQueriesContext(connection) as queries:
        status, _, _ = asgi_get("/", (b"cookie", b"sessionid=abc"))
    assert status == 200 and len(queries) >= 1  # Django looked the session up


def test_front_renders_again_after_an_import(imported):
    page_cache.version.refresh()
    asgi_get("/")
    before = page_cache.version.cached()
    import_directory(imported)  # a new data load: a new version
    page_cache.version.refresh()
    assert page_cache.version.cached() != before
    with CaptureQueriesContext(connection) as queries:
        status, _, _ = asgi_get("/")
    assert status == 200 and len(queries) >= 1


def test_front_serves_static_files_as_they_are_on_disk(imported):
    status, headers, body = asgi_get("/static/livskraft/site.css")
    assert status == 200 and body == SITE_CSS.read_bytes()
    assert headers["content-type"].startswith("text/css")


def test_front_keeps_a_page_first_asked_for_by_a_revalidating_proxy(imported):
    page_cache.version.refresh()
    status, _, body = asgi_get("/", (b"if-none-match", b'"an-old-copy"'))
    assert status == 200 and "Testvik" in body.decode()
    with CaptureQueriesContext(connection) as queries:
        status, _, _ = asgi_get("/")
    assert status == 200 and len(queries) == 0


def kept_files(settings) -> list[Path]:
    return [p for p in Path(settings.PAGE_STORE_DIR).glob("*/*") if not p.name.startswith(".")]


def test_a_kept_page_serves_another_process_and_the_next_start(imported, settings):
    page_cache.version.refresh()
    first = asgi_get("/", (b"accept-encoding", b"gzip"))
    assert first[0] == 200 and len(kept_files(settings)) == 1
    settings.PAGE_STORE_DIR = Path(str(settings.PAGE_STORE_DIR))  # a new process: memory empty
    page_cache.version.refresh()
    with CaptureQueriesContext(connection) as queries:
        again = asgi_get("/", (b"accept-encoding", b"gzip"))
    assert len(queries) == 0 and again == first


def test_pages_with_a_query_are_kept_in_memory_only(imported, settings):
    page_cache.version.refresh()
    status, _, _ = asgi_get("/", query=b"start=2020")
    assert status == 200 and kept_files(settings) == []
    with CaptureQueriesContext(connection) as queries:
        assert asgi_get("/", query=b"start=2020")[0] == 200
    assert len(queries) == 0


def test_a_new_import_removes_the_pages_of_the_old_data(imported, settings):
    page_cache.version.refresh()
    asgi_get("/")
    old_generation = kept_files(settings)[0].parent
    import_directory(imported)
    page_cache.version.refresh()
    assert not old_generation.exists()
    with CaptureQueriesContext(connection) as queries:
        asgi_get("/")
    assert len(queries) >= 1  # rendered again, from the new data
    assert [p.parent for p in kept_files(settings)] != [old_generation]


def test_other_code_never_reads_the_pages_kept_by_this_code(tmp_path, monkeypatch):
    entry = (200, [(b"content-type", b"text/html")], b"<p>gammel mal</p>", '"x"')
    monkeypatch.setattr(page_store, "code_fingerprint", lambda: "kode-1")
    before = page_store.PageStore(tmp_path)
    before.switch("7")
    before.put("side", entry, persist=True)
    assert page_store.PageStore(tmp_path).get("side") is None  # no generation chosen yet
    same = page_store.PageStore(tmp_path)
    same.switch("7")
    assert same.get("side") == entry
    monkeypatch.setattr(page_store, "code_fingerprint", lambda: "kode-2")  # templates changed
    after = page_store.PageStore(tmp_path)
    after.switch("7")
    assert after.get("side") is None


def test_memory_drops_the_least_recently_used_page_first(tmp_path):
    # three bodies of 1,000 bytes, each counted with 200 bytes of headers: 3,600 > 3,000
    store = page_store.PageStore(tmp_path, memory_bytes=3000)
    pages = {name: (200, [], name.encode() * 1000, "") for name in "abc"}
    store.put("a", pages["a"], persist=False)
    store.put("b", pages["b"], persist=False)
    store.get("a")  # a is used again: b is now the oldest
    store.put("c", pages["c"], persist=False)
    assert store.get("b") is None
    assert store.get("a") == pages["a"] and store.get("c") == pages["c"]


def test_a_page_to_render_waits_for_the_warm_up(imported, monkeypatch):
    asgi_get("/static/livskraft/site.css")  # the application imported before the clock runs
    order = []

    def warming():
        time.sleep(0.3)
        order.append("warm-up done")

    thread = threading.Thread(target=warming)
    thread.start()
    monkeypatch.setattr(warm, "_rest", thread)

    def entered(**_kwargs):
        order.append("Django entered")

    signals.request_started.connect(entered)
    try:
        page_cache.version.refresh()
        assert asgi_get("/")[0] == 200
    finally:
        signals.request_started.disconnect(entered)
    assert order == ["warm-up done", "Django entered"]
