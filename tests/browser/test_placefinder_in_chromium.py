import pytest

from tests import page_parts as part

from .accessibility import violations

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]


def test_compare_places_on_a_phone_and_share_the_link(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True,
                                  locale="nb-NO")
    phone = context.new_page()
    phone.goto(f"{server}/bygdekalkulator/")
    phone.get_by_label("Barn i husstanden").fill("2")
    phone.get_by_label("Vi jobber hjemmefra / fjernarbeid").check()
    # a name typed in lower case and without its ø finds the kommune in the shared list
    phone.get_by_label("Kommune 1", exact=True).fill("froya")
    phone.get_by_label("Kommune 2", exact=True).fill("Utsira")
    phone.get_by_role("button", name="Beregn").click()
    phone.wait_for_url("**k2=Utsira**")
    assert phone.get_by_label("Kommune 1", exact=True).input_value() == "Frøya"
    html = phone.content()
    compare = "Fordeler og ulemper"
    assert [h.split(" nr. ")[0] for h in part.table(html, compare)[0][1:]] == ["Frøya", "Utsira"]
    # population/kommune_befolkning_total_b2024.csv: Frøya 4,799 (2016) → 5,794 (2026),
    # 995 / 4,799 = +20.7 %, among the fastest-growing: an advantage
    assert part.cell(html, compare, "Befolkningsvekst siste ti år (2)", "Frøya") == "20,7 fordel"
    # regions/sentralitetsindeks_klass128.csv: Utsira 293, the lowest index: a drawback
    assert part.cell(html, compare, "Nærhet til tjenester (sentralitetsindeks) (2)",
                     "Utsira") == "293 ulempe"
    # every criterion starts at 2; regions/ba_regioner_2024.csv: Frøya 43.27 min
    assert part.cell(html, compare, "Reisetid til regionsenteret (2)", "Frøya").startswith("43,3")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert violations(phone) == []
    shared = phone.get_by_role("link", name="lenke til denne sammenligningen").get_attribute("href")
    other = browser.new_context(locale="en-GB").new_page()
    other.goto(shared)
    assert other.locator("html").get_attribute("lang") == "en"
    english = other.content()
    assert part.table(english, "Advantages and drawbacks")[0][1].startswith("Frøya")
    other.context.close()
    context.close()
