"""The bygdekalkulator's numbers per kommune, from a synthetic directory worked by hand."""

import json
import math

import pytest

from livskraft.placefinder import indicators
from livskraft.stats.importing import import_directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def values(empty_database, synthetic_dir):
    """Testvik (9901) on 1.1.2022: 1,030 persons (tests/synthetic.py), here by age, with jobs
    and a 0.1° × 0.1° square on the equator as its outline."""
    population = synthetic_dir / "population"
    ages = ["aar,kommunenr,kjonn,alder,personer,estimert"]
    for sex, counts in (("M", {10: 100, 25: 200, 50: 215}), ("K", {5: 60, 30: 255, 70: 200})):
        ages += [f"2022,9901,{sex},{age},{counts.get(age, 0)},0" for age in range(106)]
    (population / "kommune_befolkning_alder_kjonn_b2024.csv").write_text(
        "\n".join(ages) + "\n", encoding="utf-8")
    (synthetic_dir / "jobs").mkdir()
    (synthetic_dir / "jobs" / "kommune_sysselsatte_arbeidssted_b2024.csv").write_text(
        "aar,kommunenr,naering,sysselsatte\n2022,9901,10-33,300\n2022,9901,84,112\n"
        "2022,9902,10-33,50\n", encoding="utf-8")
    square = [[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]]
    (synthetic_dir / "geo").mkdir()
    (synthetic_dir / "geo" / "kommuner_2024.geojson").write_text(json.dumps({
        "type": "FeatureCollection", "features": [{
            "type": "Feature", "geometry": {"type": "Polygon", "coordinates": [square]},
            "properties": {"kommunenummer": "9901", "kommunenavn": "Testvik"}}]}),
        encoding="utf-8")
    result = import_directory(synthetic_dir)
    assert result.stored["population_by_age"] == 2 and result.stored["employment"] == 3
    data = indicators.table()
    return data.values, data.years


def test_jobs_per_1000_residents(values):
    table, years = values
    # (300 + 112) jobs / 1,030 residents × 1000 = 400; Prøvebygd 50 / 503 × 1000 = 99.4
    assert table.at["9901", "arbeidsplasser"] == pytest.approx(400.0)
    assert table.at["9902", "arbeidsplasser"] == pytest.approx(99.40, abs=0.01)
    assert math.isnan(table.at["9903", "arbeidsplasser"])  # no jobs file row: missing, not 0
    assert years["arbeidsplasser"] == "2022"


def test_age_shares(values):
    table, years = values
    # children 0–15: 100 boys aged 10 + 60 girls aged 5 = 160 of 1,030 = 15.53 %
    assert table.at["9901", "barn"] == pytest.approx(15.53, abs=0.01)
    # young adults 20–39: 200 men aged 25 + 255 women aged 30 = 455 of 1,030 = 44.17 %
    assert table.at["9901", "unge_voksne"] == pytest.approx(44.17, abs=0.01)
    assert math.isnan(table.at["9902", "barn"])  # no ages for Prøvebygd
    assert years["barn"] == years["unge_voksne"] == "2022"


def test_density_from_the_outline(values):
    table, _ = values
    # 0.1° of longitude at the equator = 11.132 km, 0.1° of latitude = 11.057 km:
    # 123.09 km², and 1,030 / 123.09 = 8.37 persons per km²
    assert table.at["9901", "natur_og_plass"] == pytest.approx(8.37, abs=0.01)
    assert math.isnan(table.at["9902", "natur_og_plass"])  # no outline


def test_growth_needs_the_year_ten_years_back(values):
    table, years = values
    # the synthetic data start in 2020, so 2012 → 2022 cannot be computed for anyone
    assert table.befolkningsvekst.isna().all()
    assert years["befolkningsvekst"] == "2012–2022"


def test_land_area_from_ssb_09280_replaces_the_outline(empty_database, synthetic_dir):
    """With kommune_landareal_09280_b2024.csv loaded, density is 1,030 residents (2022) /
    206.0 km² = 5.0 per km², and no longer approximate."""
    (synthetic_dir / "areas").mkdir()
    (synthetic_dir / "areas" / "kommune_landareal_09280_b2024.csv").write_text(
        "aar,kommunenr,landareal_km2\n2024,9901,\"206,0\"\n", encoding="utf-8")
    import_directory(synthetic_dir)
    data = indicators.table()
    assert data.values.at["9901", "natur_og_plass"] == pytest.approx(5.0)
    assert "natur_og_plass" not in data.approximate and data.years["areal"] == "2024"


def test_a_bad_area_is_refused_with_its_line(empty_database, synthetic_dir):
    (synthetic_dir / "kommune_landareal_09280_b2024.csv").write_text(
        "aar,kommunenr,landareal_km2\n2024,9901,0\n", encoding="utf-8")
    result = import_directory(synthetic_dir)
    assert [(p.file, p.line, p.code) for p in result.rejected] == [
        ("kommune_landareal_09280_b2024.csv", 2, "not_a_number")]
