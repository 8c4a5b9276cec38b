import csv
import io
from pathlib import Path

import pytest

from .accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]


def test_kommune_page_renders_chart_pyramid_and_facts(page, server):
    page.goto(f"{server}/kommune/5014/")
    assert page.locator("h1").inner_text() == "Frøya"
    trend = page.locator('section[aria-labelledby="trend-heading"] svg.chart:visible')
    assert trend.count() == 1
    pyramid = page.locator('section[aria-labelledby="pyramid-heading"] figure').first
    assert pyramid.locator('[data-chart=pyramid] svg.chart:visible').count() == 1
    assert trend.bounding_box()["width"] > 300
    assert "Trøndelag" in page.locator(".facts").first.inner_text()
    page.locator("summary", has_text="Tabell").first.click()
    assert page.locator("table").first.is_visible()


def test_choosing_a_period_and_downloading_the_numbers_shown(page, server):
    page.goto(f"{server}/kommune/5014/")
    page.select_option("#id_start", "2007")
    page.select_option("#id_end", "2017")
    page.locator("form", has=page.locator("#id_start")).get_by_role("button", name="Vis").click()
    page.wait_for_url("**start=2007**")
    shown = page.locator("table").first.locator("tbody tr")
    assert shown.count() == 11
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Folketall (CSV)").click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["aar"] for r in rows] == [str(y) for y in range(2007, 2018)]
    first_cell = shown.first.locator("td").text_content().replace("\u00a0", "")
    assert first_cell == rows[0]["folketall"]


def test_national_map_has_one_shape_per_kommune_and_opens_a_kommune(page, server):
    page.goto(f"{server}/nasjonalt/")
    shapes = page.locator('section[aria-labelledby="change-heading"] svg.map path.kommune')
    assert shapes.count() == 357
    codes = shapes.evaluate_all("els => new Set(els.map(e => e.dataset.kommunenr)).size")
    assert codes == 357
    shapes.and_(page.locator('[data-kommunenr="0301"]')).dispatch_event("click")
    page.wait_for_url("**/kommune/0301/**")
    assert page.locator("h1").inner_text() == "Oslo-Oslove"


def test_search_from_the_front_page(page, server):
    page.goto(server)
    page.get_by_label("Kommunenavn eller kommunenummer").fill("Utsira")
    page.get_by_role("button", name="Søk").click()
    page.wait_for_url("**/kommune/1151/")
    assert "293 av 1000" in page.locator(".facts").first.inner_text()


def test_searching_reading_and_switching_language_without_javascript(browser, server):
    """Scripts only help: search, charts, tables, the place finder and the language switch
    work with JavaScript turned off (every page's axe check: test_accessibility_in_chromium)."""
    context = browser.new_context(java_script_enabled=False, locale="nb-NO")
    page = context.new_page()
    page.goto(server)
    page.get_by_label("Kommunenavn eller kommunenummer").fill("Utsira")
    page.get_by_role("button", name="Søk").click()
    page.wait_for_url("**/kommune/1151/")
    assert page.locator("svg.chart").count() >= 2  # drawn by the server
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Bytt").click()
    page.wait_for_url("**/kommune/1151/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(f"{server}/nasjonalt/")
    assert page.locator("table.sortable tbody tr").count() > 300  # one row per kommune
    page.goto(f"{server}/bygdekalkulator/")
    page.get_by_role("button", name="Calculate").click()
    page.wait_for_load_state()
    assert page.locator("table").count() >= 1
    context.close()


def test_usable_on_a_phone_without_sideways_scrolling(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    for path in ("/kommune/5014/", "/nasjonalt/"):
        phone.goto(server + path)
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, path
    context.close()


def test_switching_language_to_english_and_nynorsk(page, server):
    page.goto(f"{server}/kommune/5014/")
    page.get_by_label("Språk").select_option("en")
    page.get_by_role("button", name="Bytt").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Population accounts").is_visible()
    assert violations(page) == []
    page.get_by_label("Language").select_option("nn")
    page.get_by_role("button", name="Change").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Befolkningsrekneskap").is_visible()
