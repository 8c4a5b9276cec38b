"""The API on the real data in ../shared/data, checked against the source files, the
published schema, and the pages' own downloads (one computation path)."""

import csv
import gzip
import io

import pytest

pytestmark = pytest.mark.django_db


def rows_of(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_population_matches_the_source_file(client, imported_shared_data, conforms):
    body = conforms(client.get("/api/kommuner/5014/befolkning?start=2016&end=2026&borders=2024"),
                    "/api/kommuner/{code}/befolkning")
    # population/kommune_befolkning_total_b2024.csv: Frøya 5,794 on 1.1.2026
    assert body["data"][-1] == {"aar": 2026, "folketall": 5794, "estimert": False}
    with gzip.open(imported_shared_data / "population" / "kommune_befolkning_alder_kjonn_b2024.csv.gz",
                   "rt", encoding="utf-8") as file:
        source = sum(int(r["personer"]) for r in csv.DictReader(file)
                     if r["aar"] == "2016" and r["kommunenr"] == "5014")
    assert body["data"][0]["folketall"] == source


def test_older_borders_mark_estimates(client, imported_shared_data, conforms):
    """Midt-Telemark (3817 on 2024 borders) was Bø and Sauherad in 2018: on 2018 borders Bø
    (0821) is the kommune; its own-border figures are exact (README: 5,659 → 6,460)."""
    body = conforms(client.get("/api/kommuner/0821/befolkning?start=2011&end=2018&borders=2018"),
                    "/api/kommuner/{code}/befolkning")
    assert (body["data"][0]["folketall"], body["data"][-1]["folketall"]) == (5659, 6460)
    assert body["vintage"] == 2018


def test_attractiveness_is_the_pages_table(client, imported_shared_data, conforms):
    body = conforms(client.get("/api/attraktivitet?start=2017&end=2022&borders=2024"),
                    "/api/attraktivitet")
    download = rows_of(client.get("/kommune/5014/data/attraktivitet.csv"
                                  "?start=2017&end=2022&borders=2024"))
    assert len(body["data"]) == len(download) > 300
    for api_row, page_row in zip(body["data"][:20], download[:20]):
        assert api_row["kommunenr"] == page_row["kommunenr"]
        assert api_row["samlet_attraktivitet_pst"] == float(page_row["samlet_attraktivitet_pst"])
    # shipped data has no 06913: net migration by the residual method, flagged
    assert body["estimert"] is True and all(r["estimert"] for r in body["data"])
    # 11618 totals only: the industry-mix term is not available (null), never 0
    assert all(r["bransjeeffekt_pst"] is None for r in body["data"])
    # jobs from 11618; no 06913 in the shipped data, so not named
    assert body["ssb_tables"] == ["11618", "07459"] and body["computed_by_livskraft"] is True


def test_projection_starts_from_the_base_population(client, imported_shared_data, conforms):
    body = conforms(client.get("/api/kommuner/5014/framskriving?borders=2024&years=10"),
                    "/api/kommuner/{code}/framskriving")
    main = [r for r in body["data"] if r["scenario"] == "main"]
    assert len(main) == 11
    # base year 1.1.2026: Frøya 5,794 (kommune_befolkning_total_b2024.csv)
    assert (main[0]["aar"], main[0]["folketall"]) == (2026, 5794)
    assert main[0]["alder_0_19"] + main[0]["alder_20_66"] + main[0]["alder_67_pluss"] == 5794
    # without 06913 the zero-immigration scenario rests on IMDi 2014 shares: an estimate
    # shipped: population by age (07459) and SSB's MMMM (14288) beside ours, no 06913
    assert body["ssb_tables"] == ["07459", "14288"]
    zero = [r for r in body["data"] if r["scenario"] == "zero_immigration"]
    assert zero and all(r["estimert"] for r in zero)


def test_place_finder_by_centrality_alone(client, imported_shared_data, conforms):
    """Only the centrality index weighed: Oslo (index 1000, class 1 in KLASS 128) first."""
    zero = "&".join(f"{key}=0" for key in ("arbeidsplasser", "befolkningsvekst", "unge_voksne",
                                           "barn", "reisetid", "natur_og_plass", "boligpris",
                                           "bredband", "tiltakssone", "arbeidsgiveravgift"))
    body = conforms(client.get(f"/api/bygdekalkulator?sentralitet=5&{zero}"),
                    "/api/bygdekalkulator")
    assert body["weights"] == {"sentralitet": 5}
    assert (body["data"][0]["kommunenr"], body["data"][0]["poeng"]) == ("0301", 100.0)
    assert body["data"][0]["datadekning"] == 1.0


def test_place_finder_refuses_a_weight_outside_0_to_5(client, imported_shared_data):
    response = client.get("/api/bygdekalkulator?sentralitet=9")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_parameter"
