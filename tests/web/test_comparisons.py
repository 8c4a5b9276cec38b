"""The kommune page beside its county, centrality class, the country and chosen kommuner,
against population/kommune_befolkning_total_b2024.csv and the 2024 outlines."""

import pandas as pd
import pytest

from tests import page_parts as part

pytestmark = pytest.mark.django_db
PERIOD = "start=2016&end=2026&borders=2024"
TABLE = "Folketall som indeks (1.1.2016 = 100)"


def test_neighbours_come_from_the_outlines(imported_shared_data):
    from livskraft.profiles.comparisons import neighbours

    # Oslo borders Bærum, Lillestrøm, Nordre Follo, Enebakk, Lørenskog, Nittedal, Lunner
    # and Ringerike
    assert neighbours("0301", 2024) == ["3201", "3205", "3207", "3220", "3222", "3232", "3234",
                                        "3305"]
    # Frøya is islands: it touches no one on the coast-clipped map; its nearest stand in
    assert "5056" in neighbours("5014", 2024)  # Hitra


def test_the_index_beside_county_class_country_and_chosen(client, imported_shared_data):
    totals = pd.read_csv(imported_shared_data / "population" / "kommune_befolkning_total_b2024.csv",
                         dtype={"kommunenr": str})
    by_year = totals.set_index(["aar", "kommunenr"]).personer
    trondelag = totals[totals.kommunenr.str.startswith("50")].groupby("aar").personer.sum()
    country = totals.groupby("aar").personer.sum()
    html = client.get(f"/kommune/5014/?{PERIOD}&sml=Hitra, trondheim").content.decode()
    # Frøya 4,799 → 5,794: 100 × 5,794 / 4,799 = 120.7
    assert part.cell(html, TABLE, "2026", "Frøya") == "120,7"
    expected = f"{100 * trondelag[2026] / trondelag[2016]:.1f}".replace(".", ",")
    assert part.cell(html, TABLE, "2026", "Trøndelag") == expected
    expected = f"{100 * country[2026] / country[2016]:.1f}".replace(".", ",")
    assert part.cell(html, TABLE, "2026", "Hele landet") == expected
    hitra = 100 * by_year[(2026, "5056")] / by_year[(2016, "5056")]
    assert part.cell(html, TABLE, "2026", "Hitra") == f"{hitra:.1f}".replace(".", ",")
    assert part.cell(html, TABLE, "2016", "Trondheim") == "100,0"
    assert "Sentralitetsklasse 6, median" in part.table(html, TABLE)[0]
    assert html.count('<svg viewBox="0 0 640') - 0 >= 2 and 'class="locator"' in html
    csv = client.get(f"/kommune/5014/data/sammenligning.csv?{PERIOD}&sml=Hitra").content.decode()
    assert "2016,kommune,5014,100.0,4799" in csv and "2026,kommune,5014,120.7,5794" in csv
    assert f"2026,valgt,5056,{hitra:.1f}," in csv


def test_by_default_the_neighbours_are_chosen(client, imported_shared_data):
    html = client.get(f"/kommune/0301/?{PERIOD}").content.decode()
    heads = part.table(html, TABLE)[0]
    assert heads[-5:] == ["Bærum", "Lillestrøm", "Nordre Follo", "Enebakk", "Lørenskog"]
    assert "Nabokommunene er valgt til å begynne med." in html
