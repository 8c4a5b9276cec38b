"""The open API on the synthetic data of tests/synthetic.py (Testvik, Prøvebygd,
Eksempelstad), every answer checked against the published OpenAPI schema."""

import csv
import io

import pytest

from livskraft.stats.importing import import_directory

# autouse here too: requests through the ASGI app keep the test transaction's connection (PostgreSQL)
from tests.web.test_page_cache import keep_the_test_connection  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(empty_database, synthetic_dir):
    import_directory(synthetic_dir)


def test_kommuner_per_vintage(client, loaded, conforms):
    body = conforms(client.get("/api/kommuner?vintage=2024"), "/api/kommuner")
    assert body["vintage"] == 2024 and body["vintages"] == [2024]
    assert [(k["kommunenr"], k["kommune"], k["fylke"]) for k in body["data"]] == [
        ("9901", "Testvik", "Prøvefylke"), ("9902", "Prøvebygd", "Prøvefylke"),
        ("9903", "Eksempelstad", "Prøvefylke")]
    assert body["source"] == "Statistisk sentralbyrå" and body["licence"] == "CC BY 4.0"
    assert body["ssb_tables"] == ["KLASS 131"] and body["estimert"] is False


def test_population_series_with_source_and_licence(client, loaded, conforms):
    path = "/api/kommuner/{code}/befolkning"
    body = conforms(client.get("/api/kommuner/9901/befolkning?start=2020&end=2022"), path)
    # tests/synthetic.py: Testvik 1000, 1010, 1030 on 1 January 2020–2022
    assert [(r["aar"], r["folketall"], r["estimert"]) for r in body["data"]] == [
        (2020, 1000, False), (2021, 1010, False), (2022, 1030, False)]
    assert body["ssb_tables"] == ["07459"] and body["vintage"] == 2024
    assert body["attribution"] == "Kilde: Statistisk sentralbyrå, tabell 07459, lisens CC BY 4.0"


def test_accounts_by_hand(client, loaded, conforms):
    body = conforms(client.get("/api/kommuner/9901/befolkningsregnskap?start=2020&end=2022"),
                    "/api/kommuner/{code}/befolkningsregnskap")
    first, second = body["data"]
    # 2020: 12 − 8 = 4, 10 − 4 = 6, 30 − 30 = 0: 10 = 1010 − 1000
    assert (first["aar"], first["fodselsoverskudd"], first["nettoinnvandring"],
            first["sum_komponenter"], first["observert_endring"]) == (2020, 4, 6, 0 + 10, 10)
    # 2021: 14 − 9 = 5, 6 − 1 = 5, 40 − 30 = 10: 20 = 1030 − 1010
    assert (second["sum_komponenter"], second["differanse"]) == (20, 0)
    assert body["ssb_tables"] == ["06913", "07459"]


def test_immigration_effect_classes(client, loaded, conforms):
    body = conforms(client.get("/api/innvandringseffekt?start=2020&end=2022"),
                    "/api/innvandringseffekt")
    classes = {r["kommunenr"]: (r["vekst"], r["nettoinnvandring"], r["kategori"])
               for r in body["data"]}
    # Testvik +30 with 6 + 5 = 11 net immigration: 19 without; Prøvebygd +3 with 8 + 4 = 12:
    # −9 without; Eksempelstad −20
    assert classes == {"9901": (30, 11, "growing_without_immigration"),
                       "9902": (3, 12, "growing_only_with_immigration"),
                       "9903": (-20, 0, "declining")}
    assert body["computed_by_livskraft"] is True and (body["start"], body["end"]) == (2020, 2022)


def test_csv_by_parameter_and_by_accept_header(client, loaded):
    by_parameter = client.get("/api/kommuner/9901/befolkning?start=2020&end=2022&format=csv")
    by_header = client.get("/api/kommuner/9901/befolkning?start=2020&end=2022",
                           HTTP_ACCEPT="text/csv")
    for response in (by_parameter, by_header):
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert [(r["aar"], r["folketall"], r["estimert"]) for r in rows] == [
            ("2020", "1000", "0"), ("2021", "1010", "0"), ("2022", "1030", "0")]
        assert rows[0]["kilde"] == ("Kilde: Statistisk sentralbyrå, tabell 07459, "
                                    "lisens CC BY 4.0")
    assert "Accept" in by_header["Vary"]
    json_answer = client.get("/api/kommuner/9901/befolkning", HTTP_ACCEPT="application/json")
    assert json_answer["Content-Type"].startswith("application/json")


def test_csv_cells_cannot_be_formulas(client, empty_database, synthetic_dir):
    codes = synthetic_dir / "codes" / "kommuner_2024.csv"
    codes.write_text(codes.read_text(encoding="utf-8").replace("Testvik", "=HYPERLINK(1)"),
                     encoding="utf-8")
    import_directory(synthetic_dir)
    text = client.get("/api/kommuner?format=csv").content.decode()
    assert "'=HYPERLINK(1)" in text and ",=HYPERLINK" not in text


@pytest.mark.parametrize("url, status, code", [
    ("/api/kommuner/9999/befolkning", 404, "unknown_kommune"),
    ("/api/kommuner/99/befolkning", 422, "invalid_parameter"),
    ("/api/kommuner/9901/befolkning?start=2022&end=2020", 400, "bad_period"),
    ("/api/kommuner/9901/befolkning?start=1850", 400, "bad_period"),
    ("/api/kommuner/9901/befolkning?start=abc", 422, "invalid_parameter"),
    ("/api/kommuner/9901/befolkning?borders=1900", 400, "bad_period"),
    ("/api/kommuner?vintage=1900", 400, "unknown_vintage"),
    ("/api/kommuner?format=xml", 422, "invalid_parameter"),
    ("/api/kommuner/9901/framskriving?years=500", 422, "invalid_parameter"),
    ("/api/kommuner/9901/framskriving?borders=1900", 400, "unknown_vintage"),
    ("/api/finnes-ikke", 404, "not_found"),
])
def test_bad_input_is_a_coded_json_error(client, loaded, schema, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["code"] == code and error["message"]


def test_error_messages_follow_the_language(client, loaded):
    texts = {language: client.get("/api/kommuner/9999/befolkning",
                                  HTTP_ACCEPT_LANGUAGE=language).json()["error"]["message"]
             for language in ("nb", "nn", "en")}
    assert texts["nb"] == "Fant ingen kommune med nummer 9999."
    assert texts["nn"] == "Fann ingen kommune med nummer 9999."
    assert texts["en"] == "Found no municipality with number 9999."


def test_missing_data_is_a_404_not_a_500(client, empty_database):
    for url in ("/api/kommuner", "/api/innvandringseffekt", "/api/attraktivitet",
                "/api/bygdekalkulator", "/api/kommuner/9901/framskriving"):
        response = client.get(url)
        assert response.status_code in (400, 404), url
        assert response.json()["error"]["code"] in ("missing_data", "unknown_kommune",
                                                    "bad_period"), url


def test_rate_limit_per_address_answers_429_in_json(client, loaded, settings):
    settings.API_RATE = "3/m"
    answers = [client.get(f"/api/kommuner?vintage=2024&n={n}", REMOTE_ADDR="10.0.0.7")
               for n in range(4)]
    other = client.get("/api/kommuner?vintage=2024", REMOTE_ADDR="10.0.0.8")
    spoofed = client.get("/api/kommuner", REMOTE_ADDR="10.0.0.7",
                         HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert answers[-1].json()["error"]["code"] == "rate_limited"
    assert int(answers[-1]["Retry-After"]) >= 1
    assert other.status_code == 200  # counted per address
    assert spoofed.status_code == 429  # X-Forwarded-For is not trusted without a proxy


def test_answers_are_cached_like_pages(client, loaded):
    first = client.get("/api/kommuner/9901/befolkning")
    assert first["Cache-Control"] == "public, max-age=1" and first["ETag"]
    again = client.get("/api/kommuner/9901/befolkning", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_docs_are_served_from_our_static_files(client):
    page = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/kommuner", "/api/kommuner/{code}/befolkning",
            "/api/kommuner/{code}/befolkningsregnskap", "/api/innvandringseffekt",
            "/api/attraktivitet", "/api/kommuner/{code}/framskriving",
            "/api/bygdekalkulator"} <= set(paths)


def test_the_asgi_front_keeps_json_and_csv_apart(loaded, settings):
    """The front replays cached answers without Django: Accept must be part of its key."""
    from livskraft.web import page_cache
    from tests.web.test_page_cache import asgi_get

    settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1"]
    page_cache.version.refresh()
    path = "/api/kommuner"
    for _ in range(2):  # the second round is replayed from the front's cache
        _, json_headers, json_body = asgi_get(path)
        _, csv_headers, csv_body = asgi_get(path, (b"accept", b"text/csv"))
        assert json_headers["content-type"].startswith("application/json")
        assert csv_headers["content-type"] == "text/csv; charset=utf-8"
        assert csv_body.decode().startswith("kommunenr,kommune,fylkesnr,fylke,kilde")
