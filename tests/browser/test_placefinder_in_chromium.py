import pytest

from .test_pages_in_chromium import serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]


def test_compare_places_on_a_phone_and_share_the_link(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                                  locale="nb-NO")
    phone = context.new_page()
    phone.goto(f"{server}/bygdekalkulator/")
    phone.get_by_label("Barn i husstanden").fill("2")
    phone.get_by_label("Vi jobber hjemmefra / fjernarbeid").check()
    phone.get_by_label("Kommune 1", exact=True).select_option("5014")
    phone.get_by_label("Kommune 2", exact=True).select_option("1151")
    phone.get_by_role("button", name="Beregn").click()
    phone.wait_for_url("**k1=5014**")
    table = phone.locator("table.compare")
    assert "Frøya" in table.inner_text() and "Utsira" in table.inner_text()
    assert table.locator("td.verdict").count() >= 2 * 4
    assert "fordel" in table.inner_text() or "ulempe" in table.inner_text()
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert serious_violations(phone) == []
    shared = phone.get_by_role("link", name="lenke til denne sammenligningen").get_attribute("href")
    other = browser.new_context(locale="en-GB").new_page()
    other.goto(shared)
    assert other.locator("html").get_attribute("lang") == "en"
    assert "Frøya" in other.locator("table.compare").inner_text()
    other.context.close()
    context.close()
