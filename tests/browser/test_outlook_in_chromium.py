import pytest

from .accessibility import violations

pytestmark = pytest.mark.browser


def test_attractiveness_and_projection_sections(page, outlook_server):
    page.goto(f"{outlook_server}/kommune/9911/?start=2016&end=2021&borders=2024")
    section = page.locator("section", has=page.locator("#attractiveness-heading"))
    assert "Telemarksforsking-style" in section.inner_text()
    assert section.locator("figure").first.locator("svg.chart:visible circle").count() == 6
    assert violations(page) == []
    page.get_by_label("Eget scenario: personer per år").fill("40")
    page.get_by_label("Fra alder").fill("25")
    page.get_by_label("Til alder").fill("34")
    page.get_by_role("button", name="Beregn").click()
    page.wait_for_url("**ekstra=40**")
    projection = page.locator("section", has=page.locator("#projection-heading"))
    # the first figure is the projection itself (the comparison blocks follow it)
    assert projection.locator("figure").first.locator("svg.chart:visible polyline").count() \
        == 6  # four scenarios + two SSB
    assert "Eget scenario" in projection.locator("table").first.inner_text()
    assert "Forskjell" in projection.locator("table").nth(1).inner_text()
    assert violations(page) == []


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
    assert section.locator("svg.chart:visible circle").count() == 15
    assert "Vikna → Nærøysund" in section.inner_text()
    projection = page.locator("section", has=page.locator("#projection-heading"))
    assert "begge fra 1.1.2024" in projection.inner_text()
    assert violations(page) == []
    page.goto(f"{server}/nasjonalt/")
    maps = page.locator("section", has=page.locator("#projection-maps-heading"))
    assert maps.locator("svg.map path.kommune").count() == 357
    assert violations(page) == []


def test_kart_2_3_shows_two_ssb_editions_side_by_side(page, editions_server):
    """tests/synthetic_editions.py: editions 2024 and 2022 (2020 is the third, not shown)."""
    page.goto(f"{editions_server}/nasjonalt/?start=2016&end=2021")
    maps = page.locator("section", has=page.locator("#projection-maps-heading"))
    figures = maps.locator("figure.map-figure")
    assert figures.count() == 3  # SSB 2024, SSB 2022, ours
    assert "SSBs framskriving 2024" in figures.nth(0).inner_text()
    assert "SSBs framskriving 2022" in figures.nth(1).inner_text()
    for index in range(3):
        assert figures.nth(index).locator("svg.map path.kommune").count() == 6
    counts = [[int(n) for n in figures.nth(i).locator("ul.counts li strong").all_inner_texts()]
              for i in range(2)]
    assert counts == [[0, 2, 1, 0, 0, 0, 0], [0, 0, 0, 1, 0, 0, 0]]  # worked in the fixture
    first, second = (figures.nth(i).bounding_box() for i in range(2))
    assert abs(first["y"] - second["y"]) < 1 and second["x"] > first["x"]  # side by side
    assert violations(page) == []
