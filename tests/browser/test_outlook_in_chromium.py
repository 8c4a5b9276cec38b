import pytest

from .test_pages_in_chromium import serious_violations

pytestmark = pytest.mark.browser


def test_attractiveness_and_projection_sections(page, outlook_server):
    page.goto(f"{outlook_server}/kommune/9911/?start=2016&end=2021&borders=2024")
    section = page.locator("section", has=page.locator("#attractiveness-heading"))
    assert "Telemarksforsking-style" in section.inner_text()
    assert section.locator("svg.chart circle").count() == 6
    assert serious_violations(page) == []
    page.get_by_label("Eget scenario: personer per år").fill("40")
    page.get_by_label("Fra alder").fill("25")
    page.get_by_label("Til alder").fill("34")
    page.get_by_role("button", name="Beregn").click()
    page.wait_for_url("**ekstra=40**")
    projection = page.locator("section", has=page.locator("#projection-heading"))
    assert projection.locator("svg.chart polyline").count() == 6  # four scenarios + two SSB
    assert "Eget scenario" in projection.locator("table").first.inner_text()
    assert "Forskjell" in projection.locator("table").nth(1).inner_text()
    assert serious_violations(page) == []


def test_the_books_fifteen_kommuner_and_kart_2_3_on_the_shipped_data(page, server):
    """A fresh install: jobs and commuting from 11618/03321, the quadrant for the book's
    fifteen kommuner chosen in the form, the comparison with SSB, and Kart 2/3."""
    page.goto(f"{server}/kommune/5014/")
    work = page.locator("section", has=page.locator("#work-heading"))
    assert "Hitra" in work.inner_text()
    section = page.locator("section", has=page.locator("#attractiveness-heading"))
    section.get_by_label("Sammenlign med").select_option("suksessrike_2012")
    section.get_by_role("button", name="Vis").click()
    page.wait_for_url("**sett=suksessrike_2012**")
    assert section.locator("svg.chart circle").count() == 15
    assert "Vikna → Nærøysund" in section.inner_text()
    projection = page.locator("section", has=page.locator("#projection-heading"))
    assert "begge fra 1.1.2024" in projection.inner_text()
    assert serious_violations(page) == []
    page.goto(f"{server}/nasjonalt/")
    maps = page.locator("section", has=page.locator("#projection-maps-heading"))
    assert maps.locator("svg.map path.kommune").count() == 357
    assert serious_violations(page) == []
