"""Each kommune chart at a stable SVG and PNG address and on an embeddable page, with its
source and licence drawn on the chart (synthetic data: tests/synthetic.py)."""

import re

import pytest

from livskraft.stats.importing import import_directory

pytestmark = pytest.mark.django_db
SOURCE = "Kilde: Statistisk sentralbyrå, tabell 07459, lisens CC BY 4.0"


@pytest.fixture
def loaded(empty_database, synthetic_dir):
    import_directory(synthetic_dir)


def test_svg_carries_source_and_licence(client, loaded):
    response = client.get("/kommune/9901/figur/befolkning.svg?start=2020&end=2022&borders=2024")
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    text = response.content.decode()
    assert text.startswith('<?xml version="1.0"') and 'xmlns="http://www.w3.org/2000/svg"' in text
    assert SOURCE in text
    # the wide layout alone, 640 × 320; one source line of 12 × 1.4 ≈ 17 units + 6 below it,
    # and one title line of 22 + 4 above it: 320 + 23 + 26 = 369
    assert text.count("<svg") == 1 and 'viewBox="0 0 640 369"' in text
    assert 'class="chart-title">Folketall i Testvik 1. januar</text>' in text
    assert response["Cache-Control"] == "public, max-age=1"


def test_accounts_chart_names_both_tables(client, loaded):
    text = client.get("/kommune/9901/figur/befolkningsregnskap.svg?start=2020&end=2022"
                      ).content.decode()
    assert "Kilde: Statistisk sentralbyrå, tabell 06913, 07459, lisens CC BY 4.0" in text


def test_png_is_a_picture_of_the_same_chart(client, loaded):
    response = client.get("/kommune/9901/figur/befolkning.png?start=2020&end=2022")
    assert response["Content-Type"] == "image/png"
    image = response.content
    assert image[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")
    assert (width, height) == (1280, 738)  # 640 × 369 at twice the size


def test_the_page_shows_the_signed_chart_and_links_its_images(client, loaded):
    page = client.get("/kommune/9901/?start=2020&end=2022&borders=2024").content.decode()
    trend = page[page.index('data-chart="population"'):]
    trend = trend[:trend.index("</div>")]
    # both layouts signed; the narrow one (340 units, font 13: (340 − 8) / (13 × 0.56) = 45
    # characters a line) wraps the sentence in two lines
    assert f'class="chart-source">{SOURCE}</text>' in trend
    assert ('class="chart-source">Kilde: Statistisk sentralbyrå, tabell 07459,</text>'
            in trend and 'class="chart-source">lisens CC BY 4.0</text>' in trend)
    assert ('/kommune/9901/figur/befolkning.png?start=2020&amp;end=2022&amp;borders=2024'
            in page)
    assert "/kommune/9901/figur/befolkning/innebygd/?" in page


def test_embed_page_may_be_framed_by_any_site_and_only_it(client, loaded):
    embedded = client.get("/kommune/9901/figur/befolkning/innebygd/?start=2020&end=2022")
    assert embedded.status_code == 200
    assert "X-Frame-Options" not in embedded
    assert "frame-ancestors *" in embedded["Content-Security-Policy"]
    body = embedded.content.decode()
    assert SOURCE in body and 'href="/kommune/9901/?start=2020&amp;end=2022"' in body
    page = client.get("/kommune/9901/")
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


@pytest.mark.parametrize("url, status", [
    ("/kommune/9901/figur/finnes-ikke.svg", 404),
    ("/kommune/9999/figur/befolkning.svg", 404),
    ("/kommune/9901/figur/attraktivitet.png", 404),  # no jobs in the synthetic data
    ("/kommune/9901/figur/befolkning/innebygd/?start=2022&end=2020", 200),  # as the page: all years
])
def test_missing_chart_is_404_never_500(client, loaded, url, status):
    assert client.get(url).status_code == status


def test_computed_charts_name_the_tables_they_used(client, empty_database, outlook_dir):
    """The synthetic region (tests/synthetic_outlook.py) has jobs by industry (13470),
    components of change (06913) and an SSB projection (14288)."""
    import_directory(outlook_dir)
    quadrant = client.get("/kommune/9911/figur/attraktivitet.svg").content.decode()
    assert source_lines(quadrant) == ("Kilde: Statistisk sentralbyrå, tabell 13470, 06913, "
                                      "07459, lisens CC BY 4.0. Beregnet av Livskraft")
    lines = client.get("/kommune/9911/figur/framskriving.svg").content.decode()
    assert source_lines(lines) == ("Kilde: Statistisk sentralbyrå, tabell 07459, 06913, "
                                   "14288, lisens CC BY 4.0. Beregnet av Livskraft")


def source_lines(svg: str) -> str:
    """The source drawn under the chart, its wrapped lines joined again."""
    return " ".join(re.findall(r'class="chart-source">([^<]*)</text>', svg))


def test_jobs_chart_on_the_shared_data(client, imported_shared_data):
    """Jobs come from SSB 11618 (shipped); the section has no download, but its chart links."""
    page = client.get("/kommune/5014/").content.decode()
    assert 'href="/kommune/5014/figur/arbeidsplasser.png?"' in page
    jobs = client.get("/kommune/5014/figur/arbeidsplasser.svg").content.decode()
    assert source_lines(jobs) == "Kilde: Statistisk sentralbyrå, tabell 11618, lisens CC BY 4.0"


def test_a_long_title_wraps_inside_the_image(client, empty_database, outlook_dir):
    import_directory(outlook_dir)
    quadrant = client.get("/kommune/9911/figur/attraktivitet.svg").content.decode()
    titles = re.findall(r'class="chart-title">([^<]*)</text>', quadrant)
    # (640 − 8) / (15 × 0.56) = 75 characters a line
    assert len(titles) == 2 and all(len(t) <= 75 for t in titles)
    assert " ".join(titles).startswith("Attraktivitet for næringsliv og bosetting")
