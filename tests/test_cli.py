"""The `livskraft` command run as a user runs it: in a subprocess, on its own database."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def livskraft(home, *args, check=True):
    env = {**os.environ, "LIVSKRAFT_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-m", "livskraft", *map(str, args)], env=env,
                            capture_output=True, text=True, timeout=300)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def shared_home(tmp_path_factory, shared_data):
    home = tmp_path_factory.mktemp("cli-shared")
    result = livskraft(home, "import-data", shared_data)
    # b2024 7,497 + 2017–2021 on own borders 1,982 + the 1986–2026 own-borders file's 17,281
    # rows less the 3,053 the other two files give (1,982 for 2017–2021 and 3 × 357 for
    # 2024–2026 on 2024 borders) = 23,707
    assert "population_totals: 23707 rader" in result.stdout
    return home


def test_the_whole_shared_data_imports_as_serve_sh_does_with_the_readmes_national_totals(
        shared_home):
    """scripts/serve.sh runs `livskraft import-data ../shared/data` on an empty database and then
    checks `analyse population --kommune 0301`; every figure below is from ../shared/data/README.md."""
    livskraft(shared_home, "analyse", "population", "--kommune", "0301")
    database = sqlite3.connect(shared_home / "livskraft.sqlite3")

    def national(table, vintage, year, extra=""):
        return database.execute(f"SELECT count(*), sum(persons) FROM {table} "
                                f"WHERE vintage = ? AND year = ? {extra}", (vintage, year)).fetchone()

    # each year on that year's borders (kommune_befolkning_total_aarets_grenser_2017_2021.csv)
    assert national("stats_populationtotal", 2017, 2017) == (426, 5_258_317)
    assert national("stats_populationtotal", 2018, 2018) == (422, 5_295_619)
    assert national("stats_populationtotal", 2019, 2019) == (422, 5_328_212)
    assert national("stats_populationtotal", 2020, 2020) == (356, 5_367_580)
    assert national("stats_populationtotal", 2021, 2021) == (356, 5_391_369)
    # 2024 borders (kommune_befolkning_total_b2024.csv): 2018 is FHI's sum, 24 below SSB's
    # 5,295,619; 2024–2026 equal SSB's totals (2026 = the own-borders file's 5,627,400)
    assert national("stats_populationtotal", 2024, 2018) == (357, 5_295_595)
    assert national("stats_populationtotal", 2024, 2024) == (357, 5_550_203)
    assert national("stats_populationtotal", 2024, 2026) == (357, 5_627_400)
    # SSB's projection 14288 MMMM (projections/kommune_framskriving_ssb_b2024.csv)
    mmmm = "AND alternative = 'MMMM'"
    assert national("stats_officialprojection", 2024, 2025, mmmm) == (357, 5_599_999)
    assert national("stats_officialprojection", 2024, 2030, mmmm) == (357, 5_744_565)
    assert national("stats_officialprojection", 2024, 2050, mmmm) == (357, 6_114_899)


def test_population_of_one_kommune_as_csv(shared_home):
    result = livskraft(shared_home, "analyse", "population", "--kommune", "5014",
                       "--from", "2007", "--to", "2017", "--format", "csv")
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "aar,folketall,estimert"
    assert lines[1] == "2007,4052,0" and lines[-1] == "2017,4937,0"
    assert len(lines) == 12


def test_population_on_2018_borders_as_table_and_json(shared_home):
    table = livskraft(shared_home, "analyse", "population", "--kommune", "5030",
                      "--from", "2018", "--to", "2019", "--borders", "2018")
    assert "6094" in table.stdout
    as_json = livskraft(shared_home, "analyse", "population", "--kommune", "5030",
                        "--from", "2006", "--to", "2006", "--borders", "2018", "--format", "json")
    # Klæbu was 1662 in 2006 and 5030 in 2018 (a renumbering): exact, the own-borders file's
    # 2006,1662,Klæbu,5353 (its 2020 merger into Trondheim comes after the target year)
    assert (json.loads(as_json.stdout)[0]["folketall"], json.loads(as_json.stdout)[0]["estimert"]) \
        == (5353, 0)


def test_immigration_effect_without_components_says_what_to_load(shared_home):
    result = livskraft(shared_home, "analyse", "immigration-effect", "--from", "2006",
                       "--to", "2018", "--borders", "2018", check=False)
    assert result.returncode == 2
    assert "06913" in result.stderr and "Traceback" not in result.stderr


def test_unknown_kommune_is_a_clear_error(shared_home):
    result = livskraft(shared_home, "analyse", "population", "--kommune", "9876", check=False)
    assert result.returncode == 2
    assert "Fant ingen kommune med nummer 9876" in result.stderr


def test_immigration_effect_on_synthetic_data(tmp_path, synthetic_dir):
    livskraft(tmp_path, "import-data", synthetic_dir)
    result = livskraft(tmp_path, "analyse", "immigration-effect", "--from", "2020", "--to",
                       "2022", "--format", "json")
    rows = {r["kommunenr"]: r for r in json.loads(result.stdout)}
    assert rows["9901"]["kategori"] == "growing_without_immigration"
    assert rows["9901"]["vekst_uten_innvandring"] == 19
    assert rows["9902"]["kategori"] == "growing_only_with_immigration"
    assert rows["9903"]["kategori"] == "declining"


def test_import_keeps_the_national_tables_for_the_kommune_pages(tmp_path, synthetic_dir):
    livskraft(tmp_path, "import-data", synthetic_dir)
    kept = list((tmp_path / "cache" / "tables").glob("*/*.pickle"))
    assert kept  # one data version's folder (tests/web/test_national_tables.py: what is in it)
    livskraft(tmp_path, "import-data", synthetic_dir)  # a new data version
    assert not any(path.exists() for path in kept)
    assert len(list((tmp_path / "cache" / "tables").iterdir())) == 1


def test_import_of_a_bad_file_reports_it_and_keeps_its_stored_rows(tmp_path, synthetic_dir):
    livskraft(tmp_path, "import-data", synthetic_dir)
    totals = synthetic_dir / "population" / "kommune_befolkning_total_b2024.csv"
    totals.write_text(totals.read_text().replace("2022,9901,Testvik,1030", "2022,9901,Testvik,x"))
    result = livskraft(tmp_path, "import-data", synthetic_dir, check=False)
    assert result.returncode == 1  # some files left out, the others imported
    assert "Disse filene ble ikke importert" in result.stderr
    assert "kommune_befolkning_total_b2024.csv, linje 4: personer='x' er ikke et heltall" \
        in result.stderr
    assert "population_changes: 6 rader" in result.stdout
    after = livskraft(tmp_path, "analyse", "population", "--kommune", "9901", "--format", "csv")
    assert "2022,1030,0" in after.stdout


def test_import_of_nothing_usable_says_so(tmp_path):
    result = livskraft(tmp_path, "import-data", tmp_path / "nowhere", check=False)
    assert result.returncode == 2
    assert "Ingenting ble importert" in result.stderr and "finnes ikke" in result.stderr


def test_attractiveness_and_projection_from_the_cli(tmp_path, outlook_dir):
    livskraft(tmp_path, "import-data", outlook_dir)
    ranking = livskraft(tmp_path, "analyse", "attractiveness", "--from", "2016", "--to", "2021",
                        "--format", "csv").stdout.splitlines()
    assert ranking[0].startswith("rangering,kommunenr,kommune,sentralitetsklasse")
    assert len(ranking) == 7
    regression = livskraft(tmp_path, "analyse", "attractiveness", "--from", "2016", "--to",
                           "2021", "--terms", "relative_job_growth", "--regression")
    assert "relative_job_growth" in regression.stdout and "log_size" not in regression.stdout
    rows = json.loads(livskraft(tmp_path, "analyse", "projection", "--kommune", "9911",
                                "--years", "10", "--extra", "20", "--ages", "20-29",
                                "--format", "json").stdout)
    first = {r["scenario"]: r["folketall"] for r in rows if r["aar"] == 2022}
    assert first["custom"] - first["main"] == 20
    assert {r["aar"] for r in rows} == set(range(2021, 2032))


def test_projection_cli_rejects_bad_input_clearly(tmp_path, outlook_dir):
    livskraft(tmp_path, "import-data", outlook_dir)
    result = livskraft(tmp_path, "analyse", "projection", "--kommune", "9911", "--extra", "5",
                       "--ages", "tjue", check=False)
    assert result.returncode == 2 and "--ages må være på formen 20-29" in result.stderr
    result = livskraft(tmp_path, "analyse", "attractiveness", "--from", "2016", "--to", "2021",
                       "--terms", "weather", check=False)
    assert result.returncode == 2 and "Ukjente regresjonsledd: weather" in result.stderr


EXAMPLE = Path(__file__).parents[1] / "docs" / "examples" / "distriktshoring.json"


def consultations_in(home) -> list[tuple[str, str]]:
    with sqlite3.connect(home / "livskraft.sqlite3") as database:
        return database.execute("SELECT slug, title FROM consultations_consultation").fetchall()


def test_consultation_load_creates_then_updates_the_example(tmp_path):
    first = livskraft(tmp_path, "consultation", "load", EXAMPLE)
    assert first.stdout.startswith(
        "Høringen «Diskusjonsnotat – distriktspolitikk» ligger på /horing/distriktshoring/")
    again = livskraft(tmp_path, "consultation", "load", EXAMPLE)  # loading twice is safe
    assert again.stdout.startswith("Høringen «Diskusjonsnotat – distriktspolitikk»")
    assert consultations_in(tmp_path) == [("distriktshoring",
                                           "Diskusjonsnotat – distriktspolitikk")]
    with sqlite3.connect(tmp_path / "livskraft.sqlite3") as database:
        themes = [t for (t,) in database.execute(
            "SELECT title FROM consultations_theme ORDER BY position")]
    # the five themes of seed 000's note (docs/examples/distriktshoring.json), in order, once
    assert themes == ["Hvordan skapes verdier og arbeidsplasser i Norge?",
                      "Tillit krever nærhet – trygge tjenester der folk bor!",
                      "Det skal være attraktivt for unge å bo i hele landet",
                      "Digital infrastruktur er grunnleggende – for all videre utvikling!",
                      "Har sentraliseringen gått for langt?"]


@pytest.mark.parametrize(("content", "message"), [
    (None, "kan ikke lese"),  # no such file
    ("{not json", "kan ikke lese"),
    ('{"slug": "uten-temaer", "title": "T", "organiser": "O", "introduction": "I",'
     ' "deadline": "2027-03-01T12:00:00"}', "kan ikke lese"),  # no "themes"
    ('{"slug": "feil-frist", "title": "T", "organiser": "O", "introduction": "I",'
     ' "deadline": "snart", "themes": []}', "kan ikke lese"),
    ('{"slug": "ukjent-medlem", "title": "T", "organiser": "O", "introduction": "I",'
     ' "deadline": "2027-03-01T12:00:00", "themes": [{"title": "Tema", "questions": ["Hva?"]}],'
     ' "members": [{"username": "finnesikke", "role": "moderator"}]}', "Ukjent bruker finnesikke"),
])
def test_consultation_load_rejects_a_bad_description_clearly_and_stores_nothing(
        tmp_path, content, message):
    path = tmp_path / "beskrivelse.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = livskraft(tmp_path, "consultation", "load", path, check=False)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert consultations_in(tmp_path) == []

def test_createuser_without_input_reads_the_environment(tmp_path):
    home = tmp_path / "home"
    missing = livskraft(home, "createuser", "--no-input", check=False)
    assert missing.returncode == 2 and "DJANGO_SUPERUSER_USERNAME" in missing.stderr
    env = {"DJANGO_SUPERUSER_USERNAME": "planlegger", "DJANGO_SUPERUSER_PASSWORD": "lang-og-trygg-42",
           "DJANGO_SUPERUSER_EMAIL": "plan@example.org"}
    os.environ.update(env)
    try:
        created = livskraft(home, "createuser", "--no-input")
        again = livskraft(home, "createuser", "--no-input", check=False)
    finally:
        for name in env:
            os.environ.pop(name)
    assert "Brukeren er opprettet" in created.stdout
    assert again.returncode == 2 and "planlegger" not in again.stdout


def test_createuser_asks_when_interactive(tmp_path):
    env = {**os.environ, "LIVSKRAFT_HOME": str(tmp_path / "home")}
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-m", "livskraft", "createuser"], env=env,
                            input="prosessleder\n\nlang-og-trygg-42\nlang-og-trygg-42\n",
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Brukeren er opprettet" in result.stdout


def test_serve_loads_what_is_valid_reports_the_rest_and_starts(tmp_path, synthetic_dir):
    import socket
    import time
    import urllib.request

    changes = synthetic_dir / "population" / "kommune_befolkningsendringer_b2024.csv"
    changes.write_text("aar,kommunenr\n2020,9901\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "LIVSKRAFT_HOME": str(tmp_path / "home")}
    env.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "livskraft", "serve", "--port", str(port),
         "--load-if-empty", str(synthetic_dir)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(120):
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the server did not start")
        assert "Testvik" in page.decode()
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    assert "population_totals: 9 rader" in out
    assert "Disse filene ble ikke importert" in err and "kommune_befolkningsendringer_b2024.csv" in err


def test_projection_beside_ssbs_after_10_20_and_26_years(shared_home):
    result = livskraft(shared_home, "analyse", "projection", "--kommune", "5014",
                       "--against-ssb", "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0] == "aar,etter_aar,livskraft,ssb_mmmm,forskjell,forskjell_pst"
    # SSB's MMMM for Frøya (projections/kommune_framskriving_ssb_b2024.csv): 2050 = 6980
    assert [line.split(",")[:2] for line in lines[1:]] == [["2034", "10"], ["2044", "20"],
                                                          ["2050", "26"]]
    assert lines[3].split(",")[3] == "6980"
    ours, ssb, difference = (int(v) for v in lines[3].split(",")[2:5])
    assert difference == ours - ssb
    table = livskraft(shared_home, "analyse", "projection", "--kommune", "5014", "--years", "5")
    assert "Livskraft mot SSBs hovedalternativ (MMMM)" in table.stdout
    missing = livskraft(shared_home, "analyse", "projection", "--kommune", "9999",
                        "--against-ssb", check=False)
    assert missing.returncode == 2 and "9999" in missing.stderr
