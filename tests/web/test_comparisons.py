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
    assert 'data-chart="lines"' in html and 'class="locator"' in html
    csv = client.get(f"/kommune/5014/data/sammenligning.csv?{PERIOD}&sml=Hitra").content.decode()
    # 100 × 5,794 / 4,799 = 120.733…, two decimals in the download
    assert "2016,kommune,5014,Frøya,100.0" in csv and "2026,kommune,5014,Frøya,120.73" in csv
    assert f"2026,valgt,5056,Hitra,{hitra:.2f}" in csv


def test_by_default_the_neighbours_are_chosen(client, imported_shared_data):
    html = client.get(f"/kommune/0301/?{PERIOD}").content.decode()
    heads = part.table(html, TABLE)[0]
    assert heads[-5:] == ["Bærum", "Lillestrøm", "Nordre Follo", "Enebakk", "Lørenskog"]
    assert "Nabokommunene er valgt til å begynne med." in html


def test_every_series_beside_the_others(client, imported_shared_data):
    """Young adults, age groups, jobs and SSB's projection, each with its own table and
    download, worked from the shared files by hand."""
    html = client.get(f"/kommune/5014/?{PERIOD}&sml=Hitra").content.decode()
    # population/kommune_befolkning_alder_kjonn_b2024.csv.gz, Frøya 1.1.2026: 1,801 of
    # 5,794 persons are 20–39: 100 × 1801 / 5794 = 31.08 %
    young = "Unge voksne 20–39 år, andel av folketallet"
    assert part.cell(html, young, "2026", "Frøya") == "31,1"
    assert part.cell(html, "Aldersgrupper, andel av folketallet", "20–39", "Frøya") == "31,1"
    # ssb11618 (SysselArbsted 2022: 3,263) over 5,265 residents 1.1.2022:
    # 1000 × 3263 / 5265 = 619.75 → 620
    jobs = "Arbeidsplasser per 1000 innbyggere"
    assert part.cell(html, jobs, "2022", "Frøya") == "620"
    # projections/kommune_framskriving_ssb_b2024.csv, MMMM: Frøya 5,453 (2024) → 6,980
    # (2050): 100 × 6980 / 5453 = 128.0; Hitra chosen beside it
    projection = "SSBs framskriving (MMMM) som indeks (første år = 100)"
    assert part.cell(html, projection, "2050", "Frøya") == "128,0"
    heads = part.table(html, projection)[0]
    assert heads[:6] == ["År", "Frøya", "Trøndelag-Trööndelage", "Sentralitetsklasse 6, median",
                         "Klassen, midterste halvdel", "Hele landet"] and heads[-1] == "Hitra"
    for name in ("unge", "alder", "arbeid", "framskriving", "attraktivitet"):
        query = PERIOD.replace("&", "&amp;")
        assert f"data/sammenligning{name}.csv?{query}&amp;sml=Hitra" in html, name
    csv = client.get(f"/kommune/5014/data/sammenligningframskriving.csv?{PERIOD}&sml=Hitra")
    assert "2050,kommune,5014,Frøya,128.0" in csv.content.decode()
    # the class's spread is never narrower than its median: p25 ≤ median ≤ p75
    low, high = part.cell(html, projection, "2050", "Klassen").split("–")
    median = part.cell(html, projection, "2050", "Sentralitetsklasse")
    as_number = [float(v.replace(",", ".").replace("\u2212", "-")) for v in (low, median, high)]
    assert as_number == sorted(as_number)


def test_a_download_of_an_unknown_series_is_a_404(client, imported_shared_data):
    assert client.get(f"/kommune/5014/data/sammenligningfinnesikke.csv?{PERIOD}").status_code \
        == 404


def test_components_and_immigration_effect_beside_the_county(client, synthetic_dir,
                                                             empty_database):
    """tests/synthetic.py: Testvik, Prøvebygd and Eksempelstad make up Prøvefylke (and the
    country); no centrality is loaded, so no class columns."""
    from livskraft.stats.importing import import_directory

    import_directory(synthetic_dir)
    html = client.get("/kommune/9901/?start=2020&end=2022&borders=2024").content.decode()
    births = "Fødselsoverskudd per 1000 innbyggere"
    # Testvik 2021: 1000 × (14 − 9) / 1,010 = 4.95
    assert part.cell(html, births, "2021", "Testvik") == "5,0"
    # county 2021: 1000 × ((14−9) + (4−6) + (5−10)) / (1,010 + 505 + 790) = −2000/2305
    assert part.cell(html, births, "2021", "Prøvefylke") == "−0,9"
    assert part.cell(html, births, "2021", "Hele landet") == "−0,9"
    assert "Sentralitetsklasse" not in " ".join(part.table(html, births)[0])
    # by default the neighbours: none touch on a map that is not loaded, so none chosen
    migration = "Innenlandsk nettoflytting per 1000 innbyggere"
    # Testvik 2020: 1000 × (30 − 30) / 1,000 = 0
    assert part.cell(html, migration, "2020", "Testvik") == "0,0"
    effect = "Vekst med og uten nettoinnvandring"
    # Testvik 2020–2022: growth 1,030 − 1,000 = 30 → 3.0 % of 1,000; without the net
    # immigration of 6 + 5 = 11: 19 → 1.9 %
    assert part.cell(html, effect, "Vekst i alt", "Testvik") == "3,0"
    assert part.cell(html, effect, "Vekst uten", "Testvik") == "1,9"
    # county: growth 2,313 − 2,300 = 13 → 100 × 13 / 2,300 = 0.57; net immigration
    # 11 + 12 + 0 = 23, so 13 − 23 = −10 → −0.43
    assert part.cell(html, effect, "Vekst i alt", "Prøvefylke") == "0,6"
    assert part.cell(html, effect, "Vekst uten", "Prøvefylke") == "−0,4"
    chosen = client.get("/kommune/9901/?start=2020&end=2022&borders=2024&sml=Prøvebygd")
    # Prøvebygd 2021: 1000 × (5 − 1) / 505 = 7.92
    immigration = "Nettoinnvandring per 1000 innbyggere"
    assert part.cell(chosen.content.decode(), immigration, "2021", "Prøvebygd") == "7,9"
    csv = client.get("/kommune/9901/data/sammenligninginnvandringseffekt.csv"
                     "?start=2020&end=2022&borders=2024&sml=Prøvebygd").content.decode()
    assert "Vekst uten nettoinnvandring,valgt,9902,Prøvebygd," in csv
    # each comparison chart also at its own image address, signed with its tables
    image = client.get("/kommune/9901/figur/sammenligningfodsel.svg"
                       "?start=2020&end=2022&borders=2024&sml=Prøvebygd").content.decode()
    assert "Kilde: Statistisk sentralbyrå, tabell 06913, 07459, lisens CC BY 4.0" in image
    assert "Prøvebygd" in image and image.count("<svg") == 1
