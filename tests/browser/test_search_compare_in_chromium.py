"""Search as you type, the kommune page's comparisons and the place finder's filters, on a
phone (390 px) and on a desktop, in headless Chromium against the shared data."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests import page_parts as part

from .accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "locale": "nb-NO"}


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_candidates_appear_as_you_type_on_a_phone(browser, server):
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto(server)
    phone.get_by_label("Kommunenavn eller kommunenummer").press_sequentially("bø i tel", delay=40)
    # codes/ssb_kommuneliste_2013_2020.csv: 0821 Bø (Telemark) became 4020 Midt-Telemark
    candidate = phone.locator("#q-candidates").get_by_role("link", name="Midt-Telemark")
    candidate.wait_for()
    assert "(0821)" in phone.locator("#q-candidates").inner_text()
    candidate.click()
    phone.wait_for_url("**/kommune/4020/")
    assert overflow(phone) <= 0
    context.close()


def test_search_lists_candidates_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False, locale="nb-NO")
    page = context.new_page()
    page.goto(server)
    page.get_by_label("Kommunenavn eller kommunenummer").fill("Frø")
    page.get_by_role("button", name="Søk").click()
    page.wait_for_url("**/finn/?q=Fr*")
    page.get_by_role("link", name="Frøya").click()
    page.wait_for_url("**/kommune/5014/")
    page.goto(server + "/finn/?q=Trondhjem")
    assert page.get_by_role("link", name="Trondheim").is_visible()
    context.close()


def test_comparisons_and_locator_map_on_a_phone(browser, server):
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto(f"{server}/kommune/0301/?start=2016&end=2026&borders=2024")
    assert phone.locator("svg.locator").is_visible()
    table = "Folketall som indeks (1.1.2016 = 100)"
    # by default the neighbours from the outlines: Bærum first (codes in order)
    assert "Bærum" in part.table(phone.content(), table)[0]
    field = phone.get_by_label("Sammenlign med (inntil fem kommuner")
    field.fill("Frøya, Utsira")
    phone.get_by_role("button", name="Sammenlign").click()
    phone.wait_for_url("**sml=**")
    heads = part.table(phone.content(), table)[0]
    assert heads[-2:] == ["Frøya", "Utsira"]
    assert overflow(phone) <= 0
    # this section only: the projection and attractiveness sections are checked elsewhere
    results = Axe().run(phone, context="section[aria-labelledby=comparison-heading]",
                        options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]})
    assert [v["id"] for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")] == []
    context.close()


SERIES = ["befolkning", "unge", "alder", "arbeid", "attraktivitet", "framskriving"]


def test_every_series_compared_on_a_desktop_and_the_choice_kept(page, server):
    page.goto(f"{server}/kommune/5014/?start=2016&end=2026&borders=2024")
    for key in SERIES:
        block = page.locator(f"#sammenligning-{key}")
        assert block.locator("svg.chart-wide").is_visible(), key
        assert not block.locator("svg.chart-narrow").is_visible(), key
    assert "Frøya" in page.locator("svg.locator > title").text_content()
    page.get_by_label("Sammenlign med (inntil fem kommuner").fill("Utsira")
    page.get_by_role("button", name="Sammenlign").click()
    page.wait_for_url("**sml=Utsira**")
    projection = "SSBs framskriving (MMMM) som indeks"
    assert part.table(page.content(), projection)[0][-1] == "Utsira"
    with page.expect_download() as download_info:
        page.locator("#sammenligning-arbeid").get_by_role("link", name="(CSV)").click()
    text = Path(download_info.value.path()).read_text(encoding="utf-8")
    # codes/kommuner_2024.csv: Utsira is 1151
    assert ",valgt,1151,Utsira," in text and ",kommune,5014,Frøya," in text


def test_every_series_reflows_on_a_phone(browser, server):
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto(f"{server}/kommune/5014/?start=2016&end=2026&borders=2024&sml=Hitra")
    for key in SERIES:
        block = phone.locator(f"#sammenligning-{key}")
        assert block.locator("svg.chart-narrow").is_visible(), key
        assert not block.locator("svg.chart-wide").is_visible(), key
        assert block.locator("svg.chart-narrow").bounding_box()["width"] <= 390
        assert "Hitra" in part.table(phone.content(), block.locator("caption").inner_text())[0]
    assert overflow(phone) <= 0
    context.close()


def test_place_finder_filters_pages_and_districts_on_a_desktop(page, server):
    page.goto(f"{server}/bygdekalkulator/")
    page.get_by_label("Fylke", exact=True).select_option("50")
    page.get_by_label("Vis fordelene ved distriktene").check()
    page.get_by_label("Kommune 1", exact=True).fill("Frøya")
    page.get_by_role("button", name="Beregn").click()
    page.wait_for_url("**fylke=50**")
    html = page.content()
    ranking = "Poeng 0–100"
    # codes/kommuner_2024.csv: 38 kommuner in Trøndelag, 20 per page
    rows = part.table(html, ranking)[1:]
    assert len(rows) == 20 and {r[2] for r in rows} == {"Trøndelag-Trööndelage"}
    assert page.get_by_role("heading", name="Fordelene ved distriktene").is_visible()
    assert violations(page) == []
    page.get_by_role("link", name="Neste side").click()
    page.wait_for_url("**side=2**")
    assert len(part.table(page.content(), ranking)[1:]) == 18
    assert page.get_by_label("Fylke", exact=True).input_value() == "50"


def test_the_national_ranking_table_sorts_by_any_column(page, server):
    """population/kommune_befolkning_total_b2024.csv, 2016–2026: Lørenskog grew most
    (36,368 → 51,511, +41.6 %)."""
    page.goto(f"{server}/nasjonalt/?start=2016&end=2026&borders=2024")
    table = page.locator("table.sortable").first
    table.get_by_role("button", name="Endring").click()
    table.get_by_role("button", name="Endring").click()  # again: largest first
    expect(table.locator("th[aria-sort=descending]")).to_have_count(1)
    names = table.locator("tbody th").all_inner_texts()
    changes = [float(t.replace("\u2212", "-").replace(",", ".").rstrip(" %\u00a0"))
               for t in table.locator("tbody td:nth-of-type(3)").all_inner_texts()]
    assert changes == sorted(changes, reverse=True)
    # the largest counted growth (estimates, marked *, are FHI's split shares)
    assert [n for n in names if not n.endswith("*")][0] == "Lørenskog"
    table.get_by_role("button", name="Kommune").focus()
    page.keyboard.press("Enter")
    expect(table.locator("th[aria-sort=ascending]")).to_have_count(1)


def test_the_national_map_zooms_pans_by_keyboard_and_follows_the_filter(page, server):
    """geo/kommuner_2024.geojson: 357 outlines; fylke 50 (Trøndelag) has 38 kommuner
    (codes/kommuner_2024.csv)."""
    page.goto(f"{server}/nasjonalt/?start=2016&end=2026&borders=2024&fylke=50")
    zoomable = page.locator("section[aria-labelledby=change-heading] .zoomable-map")
    page.wait_for_selector("section[aria-labelledby=change-heading] .zoomable-map[data-kommuner]")
    assert zoomable.get_attribute("data-kommuner") == "357"
    assert page.locator("section[aria-labelledby=change-heading] svg.map").is_hidden()
    assert zoomable.evaluate("e => e.getBoundingClientRect().height") >= 500
    rows = page.locator("section[aria-labelledby=change-heading] table.sortable tbody tr")
    assert rows.count() == 38
    zoomable.focus()
    assert page.evaluate("document.activeElement.classList.contains('zoomable-map')")
    pane = zoomable.locator(".leaflet-map-pane")
    before = pane.evaluate("e => getComputedStyle(e).transform")
    page.keyboard.press("ArrowRight")
    expect(pane).not_to_have_css("transform", before)  # panned (waits for the animation)
    zoom_in = zoomable.get_by_role("button", name="Zoom in")
    assert zoom_in.count() == 1
    assert violations(page) == []


def test_the_national_map_without_javascript_is_the_svg(browser, server):
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(f"{server}/nasjonalt/?start=2016&end=2026&borders=2024")
    assert plain.locator("section[aria-labelledby=change-heading] svg.map").is_visible()
    assert plain.locator(".zoomable-map").count() == 0
    context.close()
