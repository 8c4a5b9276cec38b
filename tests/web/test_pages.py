import io
import json
from csv import reader

import openpyxl
import pytest

from livskraft.stats.importing import import_directory
from tests import page_parts as part

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return client


def test_kommune_page_shows_facts_trend_and_pyramid(client, imported_shared_data):
    page = client.get("/kommune/5014/").content.decode()
    assert "<h1>Frøya</h1>" in page
    assert "531 av 1000" in page and "6 av 6" in page
    # from the first year on record: the own-borders file's 1986,1620,Frøya,4445 (1620 became
    # 5014 in 2018) to b2024's 2026,5014,Frøya,5794
    assert "4\u00a0445 (1.1.1986) → 5\u00a0794 (1.1.2026)" in page
    assert page.count('<svg viewBox') >= 2
    assert "06913" in page  # components are not in shared data: said plainly


def test_download_returns_the_numbers_shown(client, imported_shared_data):
    query = "?start=2007&end=2017&borders=2024"
    page = client.get("/kommune/5014/" + query).content.decode()
    csv = client.get("/kommune/5014/data/befolkning.csv" + query)
    assert csv["Content-Type"].startswith("text/csv")
    header, *rows = list(reader(io.StringIO(csv.content.decode())))
    assert header == ["aar", "folketall", "estimert", "kilde"]
    assert len(rows) == 11
    for year, persons, _, source in rows:
        shown = f"{int(persons):,}".replace(",", "\u00a0")
        assert f'<th scope="row">{year}</th><td class="num">{shown}</td>' in page
        assert source == "Kilde: Statistisk sentralbyrå, tabell 07459, lisens CC BY 4.0"
    xlsx = client.get("/kommune/5014/data/befolkning.xlsx" + query)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("aar", "folketall", "estimert", "kilde")
    assert [list(map(str, v)) for v in values[1:]] == rows


def test_bad_period_gives_a_message_and_still_shows_data(client, imported_shared_data):
    page = client.get("/kommune/5014/?start=2020&end=2010").content.decode()
    assert "Sluttåret må være etter startåret." in page
    assert "<svg viewBox" in page
    invalid = client.get("/kommune/5014/?start=abc").content.decode()
    assert "Velg et gyldig valg" in invalid or "Select a valid choice" in invalid


def test_national_map_has_one_shape_per_kommune(client, imported_shared_data):
    page = client.get("/nasjonalt/?start=2016&end=2026&borders=2024").content.decode()
    change_map = page.split('id="effect-heading"')[0]  # the other maps follow
    assert change_map.count('class="kommune"') == 357
    assert "Befolkningsendring 1.1.2016–1.1.2026" in page
    csv = client.get("/nasjonalt/data/befolkningsendring.csv?start=2016&end=2026&borders=2024")
    assert len(csv.content.decode().strip().splitlines()) == 358


def test_national_page_on_2018_borders_uses_the_2019_outlines(client, imported_shared_data):
    page = client.get("/nasjonalt/?start=2006&end=2018&borders=2018").content.decode()
    assert "kartgrenser fra 2019" in page
    assert page.split('id="effect-heading"')[0].count('class="kommune"') == 422


def test_search_finds_by_name_or_number_and_explains_misses(client, imported_shared_data):
    assert client.get("/finn/?q=Frøya")["Location"] == "/kommune/5014/"
    assert client.get("/finn/?q=0301")["Location"] == "/kommune/0301/"
    missing = client.get("/finn/?q=Atlantis")
    assert missing.status_code == 404 and "Fant ingen kommune for «Atlantis»" in missing.content.decode()
    assert client.get("/kommune/9876/").status_code == 404


def test_immigration_effect_map_and_counts_with_components(client, synthetic_dir, empty_database):
    squares = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"kommunenummer": code, "kommunenavn": code},
         "geometry": {"type": "Polygon", "coordinates": [[[i, 60], [i + 1, 60], [i + 1, 61],
                                                           [i, 61], [i, 60]]]}}
        for i, code in enumerate(["9901", "9902", "9903"])]}
    (synthetic_dir / "geo").mkdir()
    (synthetic_dir / "geo" / "kommuner_2024.geojson").write_text(json.dumps(squares))
    import_directory(synthetic_dir)
    page = client.get("/nasjonalt/?start=2020&end=2022&borders=2024").content.decode()
    assert page.count('class="kommune"') == 6  # two maps, three kommuner each
    for label in ("Vekst også uten innvandring", "Vekst bare på grunn av nettoinnvandring",
                  "Nedgang eller ingen vekst"):
        assert f"<strong>1</strong> {label}" in page
    csv = client.get("/nasjonalt/data/innvandringseffekt.csv?start=2020&end=2022&borders=2024")
    assert "9901,Testvik,1000,1030,30,11,19,growing_without_immigration" in csv.content.decode()
    accounts = client.get("/kommune/9901/?start=2020&end=2022&borders=2024").content.decode()
    assert "Befolkningsendringer per år" in accounts


def test_empty_database_explains_how_to_load_data(client, empty_database):
    assert "Ingen data er lastet inn ennå" in client.get("/").content.decode()


def test_unknown_pages_get_a_helpful_norwegian_404(client, imported_shared_data):
    response = client.get("/kommune/9876/")
    assert response.status_code == 404
    assert "Ingen kommune har nummer 9876." in response.content.decode()
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    assert "Fant ikke siden" in response.content.decode()


def test_national_filters_by_county_and_centrality_class(client, imported_shared_data):
    """codes/kommuner_2024.csv: 38 kommuner in fylke 50 (Trøndelag); of them 13 have
    centrality class 6 in regions/sentralitetsindeks_klass128.csv (gyldig_2024), Frøya
    among them, Trondheim (class 1) not."""
    query = "/nasjonalt/?start=2016&end=2026&borders=2024&fylke=50&sentralitet=6"
    html = client.get(query).content.decode()
    table = part.table(html, "Befolkningsendring per kommune")[1:]
    names = [row[0].rstrip("*") for row in table]
    assert len(names) == 13 and "Frøya" in names and "Trondheim" not in names
    assert "Kart og tabeller viser 13 kommuner som passer filtrene" in html
    change_map = html.split('id="projection-maps-heading"')[0]
    assert change_map.count('class="kommune"') >= 357  # every outline, the rest drawn pale
    assert change_map.count('fill="#f5f5f5"') >= 357 - 13
    # Kart 2/3 (ours from 14288 MMMM and IMDi's shares) follows the filter too
    projection = html.split('id="projection-maps-heading"')[1]
    assert projection.count('class="kommune"') >= 357
    assert projection.count('fill="#f5f5f5"') >= 357 - 13
    every = client.get("/nasjonalt/?start=2016&end=2026&borders=2024&fylke=99&sentralitet=x")
    assert len(part.table(every.content.decode(), "Befolkningsendring per kommune")) == 358


def test_national_outlines_as_geojson(client, imported_shared_data):
    """geo/kommuner_2024.geojson has 357 features."""
    answer = client.get("/nasjonalt/kart/2024.geojson")
    assert answer["Content-Type"] == "application/geo+json"
    features = json.loads(answer.content)["features"]
    assert len(features) == 357
    froya = next(f for f in features if f["properties"]["kommunenr"] == "5014")
    assert froya["properties"]["navn"] == "Frøya"
    assert client.get("/nasjonalt/kart/1999.geojson").status_code == 404


def test_national_attractiveness_map_and_table_for_every_kommune(client, imported_shared_data):
    """Jobs by place of work in ../shared/data cover 2017–2022 (found/ssb11618_…_2017_2022.csv),
    so the national attractiveness spans 2017–2022; its table lists all 357 kommuner with the
    same total as the attractiveness download (Frøya's row), and the filter keeps Trøndelag's 38."""
    html = client.get("/nasjonalt/?start=2016&end=2026&borders=2024").content.decode()
    assert "Attraktivitet for næringsliv og bosetting 2017–2022" in html
    table = part.table(html, "Attraktivitet per kommune (prosentpoeng)")
    assert len(table) == 358 and [r[0] for r in table[1:4]] == ["1", "2", "3"]
    section = html.split('id="attractiveness-heading"')[1].split("</section>")[0]
    assert section.count('class="kommune"') == 357
    download = client.get("/kommune/5014/data/attraktivitet.csv?start=2017&end=2022&borders=2024")
    rows = list(reader(io.StringIO(download.content.decode("utf-8-sig"))))
    total = rows[0].index("samlet_attraktivitet_pst")
    froya = next(r for r in rows[1:] if r[rows[0].index("kommunenr")] == "5014")
    shown = next(r for r in table[1:] if r[1] == "Frøya")
    assert shown[5] == f"{float(froya[total]):.2f}".replace(".", ",").replace("-", "−")
    filtered = client.get("/nasjonalt/?start=2016&end=2026&borders=2024&fylke=50").content.decode()
    assert len(part.table(filtered, "Attraktivitet per kommune (prosentpoeng)")) == 39
