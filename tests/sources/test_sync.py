import os
import socket
import subprocess
import sys

import httpx
import pytest

from livskraft.placefinder import indicators
from livskraft.places.models import Centrality, CodeCrosswalk, Municipality
from livskraft.sources.http import Fetcher
from livskraft.sources.pxweb import PxWebClient
from livskraft.sources.ssb_errors import SsbError
from livskraft.stats import frames
from livskraft.stats.models import (
    DemographicRate,
    Employment,
    OfficialProjection,
    PlaceIndicator,
    PopulationByAge,
    PopulationChange,
    PopulationTotal,
)
from livskraft.stats.syncing import sync_all
from livskraft.web.data_messages import describe

from .fake_ssb import FakeSsb

pytestmark = pytest.mark.usefixtures("empty_database")
# a bare environment for the command, but coverage (scripts/test.sh) still follows it
MEASURED = {k: v for k, v in os.environ.items() if k.startswith("COVERAGE")}


def fetcher_for(fake: FakeSsb, waits: list | None = None) -> Fetcher:
    sleep = waits.append if waits is not None else (lambda s: None)
    return Fetcher(httpx.Client(transport=fake.transport()), attempts=3, sleep=sleep)


def test_sync_stores_code_lists_population_and_components():
    fake = FakeSsb()
    stored = sync_all(2020, fetcher=fetcher_for(fake))
    assert stored["population_totals"] == 7  # 3 kommuner in 2020, 2 in 2021 and 2022
    testvik = PopulationTotal.objects.get(code="9901", year=2022, vintage=2022)
    assert (testvik.men, testvik.women, testvik.persons) == (1060, 2120, 3180)
    ages = PopulationByAge.objects.get(code="9913", year=2021, sex="K")
    assert ages.counts == [6] * 106
    assert Municipality.objects.get(vintage=2022, code="9913").county_name == "Prøvefylke"
    assert set(CodeCrosswalk.objects.filter(from_code="9911").values_list("pivot_code", "weight")) \
        == {("9913", 1.0)}
    assert Centrality.objects.get(code="9901").index == 512
    change = PopulationChange.objects.get(code="9901", year=2021)
    assert (change.births, change.deaths, change.domestic_in) == (50, 40, 70)


def test_synced_own_border_series_shown_on_the_newest_borders():
    sync_all(2020, fetcher=fetcher_for(FakeSsb()))
    population = frames.population(2022).set_index(["year", "code"])
    assert population.loc[(2020, "9913"), "persons"] == (1 + 2) * 318  # Nordøy + Sørøy
    assert not population.estimated.any()


def test_requests_are_split_to_respect_the_cell_limit():
    fake = FakeSsb()
    client = PxWebClient("https://ssb.test/api/pxwebapi/v2", fetcher_for(fake), cell_limit=700)
    selection = {"Region": ["9901", "9911", "9912", "9913"], "Kjonn": ["1", "2"],
                 "Alder": ["000", "001", "002"], "ContentsCode": ["Personer1"],
                 "Tid": ["2020", "2021", "2022"]}
    plan = client.plan(selection, "Region")
    cells = [len(p["Region"]) * 2 * 3 * 3 for p in plan]
    assert max(cells) <= 700 and sum(len(p["Region"]) for p in plan) == 4
    with pytest.raises(SsbError) as refused:
        PxWebClient("x", fetcher_for(fake), cell_limit=10).plan(selection, "Region")
    assert (refused.value.code, refused.value.values["cells"]) == ("cell_limit", 2 * 3 * 3)


def test_temporary_errors_are_retried_with_backoff():
    fake = FakeSsb()
    fake.failures["/tables/06913/data"] = [503, 502]
    waits: list[float] = []
    sync_all(2020, fetcher=fetcher_for(fake, waits))
    assert waits == [1.0, 1.0]  # Retry-After from the server
    assert PopulationChange.objects.exists()


def test_a_lasting_error_stores_nothing_and_says_what_ssb_answered():
    fake = FakeSsb()
    fake.failures["/tables/06913/data"] = [400]
    with pytest.raises(SsbError) as refused:
        sync_all(2020, fetcher=fetcher_for(fake))
    assert refused.value.code == "too_many_cells" and refused.value.values["status"] == 400
    assert not PopulationTotal.objects.exists() and not Municipality.objects.exists()


def test_an_interrupted_sync_stores_nothing():
    fake = FakeSsb()
    fake.interrupt_on = "/tables/06913/data"
    with pytest.raises(KeyboardInterrupt):
        sync_all(2020, fetcher=fetcher_for(fake))
    assert not PopulationTotal.objects.exists() and not CodeCrosswalk.objects.exists()


def test_sync_command_offline_gives_a_clear_message(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    env = {**MEASURED, "PATH": "/usr/bin:/bin", "LIVSKRAFT_HOME": str(tmp_path),
           "LIVSKRAFT_SSB_PXWEB_URL": closed, "LIVSKRAFT_SSB_KLASS_URL": closed,
           "LIVSKRAFT_SSB_RETRY_BACKOFF": "0.01"}
    result = subprocess.run([sys.executable, "-m", "livskraft", "sync"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Fikk ikke kontakt med 127.0.0.1" in result.stderr
    assert "Ingenting ble lagret" in result.stderr
    assert "Traceback" not in result.stderr


def test_sync_stores_jobs_by_industry_and_national_rates():
    sync_all(2020, fetcher=fetcher_for(FakeSsb()))
    jobs = {(e.industry, e.jobs) for e in Employment.objects.filter(code="9901", year=2022)}
    assert jobs == {("10-33", 100), ("55-56", 30), ("84", 50)}  # the all-sector totals
    men = DemographicRate.objects.get(kind="mortality", sex="M", age=30)
    assert (men.year, men.value) == (2021, pytest.approx(0.002))  # newest year, per 1000 → share
    assert DemographicRate.objects.get(kind="mortality", sex="K", age=30).value == \
        pytest.approx(0.001)
    fertility = dict(DemographicRate.objects.filter(kind="fertility").values_list("age", "value"))
    assert fertility[27] == pytest.approx(0.05) and fertility[15] == pytest.approx(0.01)
    assert set(fertility) == set(range(15, 50))


def test_sync_stores_land_area_from_09280_for_the_place_finder():
    """The fake 09280 (like SSB's: an area type dimension with «Totalt areal», «Landareal»,
    «Ferskvann») publishes 2021–2022: the newest year's land area is stored, fresh water
    left out. Testvik 1.1.2022: 1,060 men + 2,120 women = 3,180 residents on 110.25 km² of
    land: 3,180 / 110.25 = 28.84 per km²."""
    fake = FakeSsb()
    sync_all(2020, fetcher=fetcher_for(fake))
    stored = set(PlaceIndicator.objects.filter(indicator="landareal").values_list(
        "vintage", "year", "code", "value"))
    assert stored == {(2022, 2022, "9901", 110.25), (2022, 2022, "9913", 40.5)}
    asked = [r.url.params for r in fake.requests if r.url.path.endswith("/tables/09280/data")]
    assert {(p["valueCodes[Arealtype]"], p["valueCodes[Tid]"]) for p in asked} == {
        ("0001", "2022")}
    data = indicators.table()
    assert data.values.at["9901", "natur_og_plass"] == pytest.approx(28.84, abs=0.005)
    assert "natur_og_plass" not in data.approximate and data.years["areal"] == "2022"


def test_a_09280_without_a_land_area_type_is_a_clear_error_and_stores_nothing():
    fake = FakeSsb()
    answer = fake.handle

    def without_land(request):
        response = answer(request)
        if request.url.path.endswith("/tables/09280/metadata"):
            document = response.json()
            document["dimension"]["Arealtype"]["category"]["label"]["0001"] = "Bebygd areal"
            return httpx.Response(200, json=document)
        return response

    fake.handle = without_land
    with pytest.raises(SsbError) as raised:
        sync_all(2020, fetcher=fetcher_for(fake))
    assert describe(raised.value) == "Tabell 09280 har ingen arealtype «Landareal»."
    assert not PopulationTotal.objects.exists() and not PlaceIndicator.objects.exists()


def test_sync_stores_ssbs_own_projection_for_current_kommuner():
    older = OfficialProjection.objects.create(edition=2020, vintage=2020, year=2024, code="9901",
                                              alternative="MMMM", persons=9000)
    sync_all(2020, fetcher=fetcher_for(FakeSsb()))
    assert OfficialProjection.objects.get(edition=2020) == older  # another edition is kept
    older.delete()
    # the edition is the table's first year (the fake table's Tid: 2023, 2024)
    assert set(OfficialProjection.objects.values_list("edition", flat=True)) == {2023}
    stored = {(p.code, p.alternative, p.year): p.persons
              for p in OfficialProjection.objects.all()}
    assert stored[("9901", "MMMM", 2024)] == 10 * 1000 + 10  # the both-sexes total only
    assert ("9901", "LLML", 2024) not in stored
    assert {code for code, _, _ in stored} == {"9901", "9913"}  # 9911 no longer exists


def test_a_reply_that_is_not_json_is_a_clear_error_and_stores_nothing():
    fake = FakeSsb()
    answer = fake.handle

    def html_for_06913(request):
        if "/tables/06913/data" in request.url.path:  # e.g. a captive portal's login page
            return httpx.Response(200, text="<html><body>Logg inn på gjestenettet</body></html>",
                                  headers={"Content-Type": "text/html"})
        return answer(request)

    fake.handle = html_for_06913
    with pytest.raises(SsbError, match="not_json"):
        sync_all(2020, fetcher=fetcher_for(fake))
    assert not PopulationTotal.objects.exists() and not Municipality.objects.exists()


def test_a_network_error_is_retried_then_reported_and_stores_nothing():
    fake = FakeSsb()
    answer, failures = fake.handle, []

    def drop_06913(request):
        if "/tables/06913/data" in request.url.path:
            failures.append(request.url.path)
            raise httpx.ConnectError("connection refused", request=request)
        return answer(request)

    fake.handle = drop_06913
    waits: list[float] = []
    with pytest.raises(SsbError, match="unreachable"):
        sync_all(2020, fetcher=fetcher_for(fake, waits))
    assert len(failures) == 3  # attempts=3
    assert waits == [2.0, 4.0]  # the backoff doubles between attempts (default 2 s)
    assert not PopulationTotal.objects.exists() and not PopulationChange.objects.exists()


def test_a_network_error_that_passes_is_only_a_retry():
    fake = FakeSsb()
    answer, dropped = fake.handle, []

    def drop_once(request):
        if "/tables/06913/data" in request.url.path and not dropped:
            dropped.append(request)
            raise httpx.ReadTimeout("timed out", request=request)
        return answer(request)

    fake.handle = drop_once
    sync_all(2020, fetcher=fetcher_for(fake))
    assert PopulationChange.objects.get(code="9901", year=2021).births == 50


@pytest.fixture
def fake_ssb_server():
    """The fake SSB behind a real HTTP server, for the `sync` command in a subprocess."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    fake = FakeSsb()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            response = fake.handle(httpx.Request("GET", f"http://ssb.test{self.path}"))
            self.send_response(response.status_code)
            for name in ("Content-Type", "Retry-After"):
                if name in response.headers:
                    self.send_header(name, response.headers[name])
            self.end_headers()
            self.wfile.write(response.content)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield fake, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_sync_command_from_to_fetches_only_those_years(tmp_path, fake_ssb_server):
    import sqlite3

    fake, url = fake_ssb_server
    env = {**MEASURED, "PATH": "/usr/bin:/bin", "LIVSKRAFT_HOME": str(tmp_path),
           "LIVSKRAFT_SSB_PXWEB_URL": f"{url}/api/pxwebapi/v2",
           "LIVSKRAFT_SSB_KLASS_URL": f"{url}/api/klass/v1", "LIVSKRAFT_SSB_RETRY_BACKOFF": "0.01"}
    result = subprocess.run([sys.executable, "-m", "livskraft", "sync", "--from", "2021",
                             "--to", "2021"], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "livskraft.sqlite3") as database:
        years = {y for (y,) in database.execute("SELECT DISTINCT year FROM stats_populationtotal")}
        testvik = database.execute("SELECT persons FROM stats_populationtotal "
                                   "WHERE code = '9901' AND year = 2021").fetchall()
    assert years == {2021}  # the fake publishes 2020–2022
    assert len(testvik) == 1
    asked = {request.url.params.get("valueCodes[Tid]") for request in fake.requests
             if request.url.path.endswith("/tables/07459/data")}
    assert asked == {"2021"}
    bad = subprocess.run([sys.executable, "-m", "livskraft", "sync", "--from", "tjue"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert "--from" in bad.stderr


@pytest.mark.parametrize(("part", "message"), [
    ("/tables/07459/metadata", "Kunne ikke lese metadata for tabell 07459"),
    ("/tables/07459/data", "Ugyldig JSON-stat fra tabell 07459"),
])
def test_json_that_is_not_json_stat_is_a_clear_error_and_stores_nothing(part, message):
    fake = FakeSsb()
    answer = fake.handle

    def not_jsonstat(request):
        if request.url.path.endswith(part):
            return httpx.Response(200, json={"error": "no such table"})
        return answer(request)

    fake.handle = not_jsonstat
    with pytest.raises(SsbError) as raised:
        sync_all(2020, fetcher=fetcher_for(fake))
    assert describe(raised.value).startswith(message)
    assert not PopulationTotal.objects.exists()


def test_a_table_without_the_expected_contents_is_a_clear_error():
    from livskraft.sources.pxweb import content_codes_by_label

    metadata = {"version": "2.0", "class": "dataset", "id": ["ContentsCode"], "size": [1],
                "dimension": {"ContentsCode": {"category": {
                    "index": {"Folketallet1": 0}, "label": {"Folketallet1": "Folketallet"}}}}}
    assert content_codes_by_label(metadata, {"persons": ("folketall",)}) == {
        "persons": "Folketallet1"}
    with pytest.raises(SsbError) as raised:
        content_codes_by_label(metadata, {"births": ("levendefødte",)})
    assert describe(raised.value) == "Fant ikke innholdet births i tabellens metadata."


def test_a_null_cell_with_a_status_is_missing_not_zero():
    fake = FakeSsb()
    fake.missing.add(("07459", "9901", "1", "050", "Personer1", "2022"))  # men aged 50
    sync_all(2020, fetcher=fetcher_for(fake))
    assert not PopulationByAge.objects.filter(code="9901", year=2022, sex="M").exists()
    assert PopulationByAge.objects.get(code="9901", year=2022, sex="K").counts == [20] * 106
    assert not PopulationTotal.objects.filter(code="9901", year=2022).exists()
    assert PopulationTotal.objects.get(code="9901", year=2021).persons == 106 * (10 + 20)
