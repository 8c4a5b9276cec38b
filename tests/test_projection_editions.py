"""Several SSB projection editions kept side by side: Kart 2/3 shows the two newest with
MMMM and MMM0, the kommune page compares ours with the newest (tests/synthetic_editions.py)."""

import io
from csv import DictReader

import pytest

from livskraft.profiles import projection_maps, projection_tables
from livskraft.stats.importing import import_directory
from livskraft.stats.models import OfficialProjection
from tests.synthetic_editions import add_editions


@pytest.fixture
def editions_data(empty_database, outlook_dir):
    import_directory(add_editions(outlook_dir))
    return outlook_dir


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return client


def test_each_edition_is_stored_and_a_reimport_replaces_only_itself(editions_data):
    stored = OfficialProjection.objects.values_list("edition", flat=True)
    # 2022: 29 years × 2 alternatives for 9911; 2024: 27 years × 2 × 3 kommuner; 2020: 4 rows
    assert {e: list(stored).count(e) for e in set(stored)} == {2022: 58, 2024: 162, 2020: 4}
    import_directory(editions_data)
    assert OfficialProjection.objects.count() == 58 + 162 + 4


def test_kart_2_3_shows_the_two_newest_editions_with_shares_worked_by_hand(editions_data):
    found = {e.key: e for e in projection_maps.editions()}
    assert list(found) == ["ssb2024", "ssb2022", "livskraft"]  # 2020 is the third SSB edition
    shares = found["ssb2024"].table.set_index("code")
    # t = 16 in 2040. 9911: MMMM 3660 − MMM0 3468 = 192 of 3500 = 5.486 % → 5–10 % (class 2)
    # 9912: 2000 − 1920 = 80 of 2000 = 4.0 % → 0–5 %; 9913: 2920 − 2840 = 80 of 3000 = 2.667 %
    assert shares.difference.to_dict() == {"9911": 192, "9912": 80, "9913": 80}
    assert shares.share_pct.to_dict() == pytest.approx({"9911": 5.486, "9912": 4.0,
                                                        "9913": 2.667}, abs=0.001)
    assert shares.class_index.to_dict() == {"9911": 2, "9912": 1, "9913": 1}
    assert [count for _, _, count in found["ssb2024"].counts()] == [0, 2, 1, 0, 0, 0, 0]
    # 2022 (tests/synthetic_outlook.py): 4108 − 3738 = 370 of 3434 = 10.8 % → 10–15 %
    assert found["ssb2022"].table.share_pct.tolist() == pytest.approx([100 * 370 / 3434])
    assert [count for _, _, count in found["ssb2022"].counts()] == [0, 0, 0, 1, 0, 0, 0]
    assert (found["ssb2024"].base_year, found["ssb2022"].base_year) == (2024, 2022)


def test_national_page_shows_both_maps_with_their_counts(client, editions_data):
    page = client.get("/nasjonalt/?start=2016&end=2021").content.decode()
    section = page[page.index('id="projection-maps-heading"'):]
    section = section[:section.index("</section>")]
    figures = section.split('<figure class="map-figure">')[1:]
    assert len(figures) == 3
    newest, older = figures[0], figures[1]
    assert "SSBs framskriving 2024 (MMMM − MMM0), basisår 2024" in newest
    assert "SSBs framskriving 2022 (MMMM − MMM0), basisår 2022" in older
    assert "SSBs framskriving 2020" not in section
    for figure in figures:
        assert figure.count('<path class="kommune"') == 6  # the six outlines on each map
    assert "<strong>2</strong> 0–5 %" in newest and "<strong>1</strong> 5–10 %" in newest
    assert "<strong>1</strong> 10–15 %" in older and "<strong>0</strong> 5–10 %" in older
    csv = client.get("/nasjonalt/data/innvandringframskriving.csv?start=2016&end=2021")
    rows = list(DictReader(io.StringIO(csv.content.decode())))
    by = {(r["utgave"], r["kommunenr"]): r for r in rows}
    assert {r["utgave"] for r in rows} == {"ssb2024", "ssb2022", "livskraft"}
    assert by["ssb2024", "9911"]["forskjell"] == "192"
    assert by["ssb2024", "9911"]["andel_av_basisfolketall_pst"] == "5.5"
    assert by["ssb2022", "9911"]["basisaar"] == "2022"


def test_the_kommune_page_compares_with_the_newest_edition(client, editions_data):
    comparison = projection_tables.ssb_comparison("9911").set_index("etter_aar")
    # ours from 1.1.2021; edition 2024's MMMM 3500 + 10·(year − 2024)
    assert comparison.aar.tolist() == [2031, 2041, 2047]
    assert comparison.ssb_mmmm.tolist() == [3570, 3670, 3730]
    table = projection_tables.kommune_table("9911", 10)
    ssb = table[table.scenario == "ssb_MMMM"].set_index("aar").folketall
    assert ssb.to_dict() == {2024 + t: 3500 + 10 * t for t in range(8)}  # 2024–2031
