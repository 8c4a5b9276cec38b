"""A fresh install with no data, served by a real `livskraft serve` and opened in Chromium
on a phone and a desktop: every page linked from the site answers without a server error,
and the main pages say plainly that no data is loaded yet."""

import pytest

from .test_chart_text_in_chromium import DESKTOP, PHONE

pytestmark = pytest.mark.browser
MAIN_PAGES = ["/", "/kommune/5014/", "/nasjonalt/", "/bygdekalkulator/", "/finn/?q=Frøya"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_linked_page_answers_without_a_server_error(browser, empty_server, viewport):
    context = browser.new_context(**viewport)
    page = context.new_page()
    seen, queue = set(), list(MAIN_PAGES)
    while queue and len(seen) < 60:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = page.goto(empty_server + path)
        assert response.status < 500, (path, response.status)
        if path in MAIN_PAGES:
            assert "lastet inn ennå" in page.content(), path
            assert page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth") <= 0, path
        if response.headers.get("content-type", "").startswith("text/html"):
            for href in page.eval_on_selector_all(
                    "a[href^='/']", "links => links.map(a => a.getAttribute('href'))"):
                if not href.startswith(("/static/", "/admin/", "/logg")) and href not in seen:
                    queue.append(href.split("#")[0])
    assert len(seen) > len(MAIN_PAGES)  # the walk followed the menus beyond them
    context.close()
