"""The API's docs page works in Chromium under the site's content security policy, from our
own static files; an embedded chart shows inside another site's frame."""

from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import pytest

pytestmark = pytest.mark.browser


def test_swagger_ui_lists_the_operations_without_other_origins(page, outlook_server):
    problems, requests = [], []
    page.on("console", lambda message: problems.append(message.text)
            if message.type == "error" else None)
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{outlook_server}/api/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/kommuner/{code}/befolkning" in [p.replace("\u200b", "") for p in paths]
    assert all(url.startswith(outlook_server) or url.startswith("data:") for url in requests)
    assert not [p for p in problems if "Content Security Policy" in p], problems


def test_try_it_out_answers_from_the_api(page, outlook_server):
    page.goto(f"{outlook_server}/api/docs")
    answer = page.request.get(f"{outlook_server}/api/kommuner/9911/befolkning")
    assert answer.ok and answer.json()["data"][0]["aar"] == 2016


@pytest.fixture
def other_site(tmp_path):
    """Another origin on this machine (its own port) serving the files put in `tmp_path`."""
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        Thread(target=server.serve_forever, daemon=True).start()
        yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()


def test_a_chart_embedded_in_another_sites_frame(page, outlook_server, other_site):
    """A page on another site frames the chart: the browser shows it; the kommune page
    itself stays unframeable (frame-ancestors 'none', X-Frame-Options DENY)."""
    folder, origin = other_site
    for name, target in (("chart.html", "/kommune/9911/figur/befolkning/innebygd/"),
                         ("page.html", "/kommune/9911/")):
        (folder / name).write_text(f'<!doctype html><title>Kommunen</title><iframe id="f" '
                                   f'width="700" height="500" src="{outlook_server}{target}">'
                                   f'</iframe>', encoding="utf-8")
    blocked = []
    page.on("console", lambda message: blocked.append(message.text)
            if "frame-ancestors" in message.text or "X-Frame-Options" in message.text else None)
    page.goto(f"{origin}/chart.html")
    figure = page.frame_locator("#f").locator("figure")
    assert "Kilde: Statistisk sentralbyrå" in figure.inner_text(timeout=20_000)
    assert blocked == []
    with page.expect_console_message(lambda message: "frame-ancestors" in message.text
                                     or "X-Frame-Options" in message.text):
        page.goto(f"{origin}/page.html")  # the console says why it refused
    assert page.frames[1].locator("#main").count() == 0  # not our page: Chromium's error page
