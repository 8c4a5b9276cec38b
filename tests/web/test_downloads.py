"""The tables behind each figure, downloaded as a user would, checked against the source
files or hand-worked numbers."""

import csv
import gzip
import io

import openpyxl
import pytest

from livskraft.stats.importing import import_directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return client


def rows_of(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def sheet_of(response) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(
        values_only=True))


def test_age_pyramid_download_matches_the_source_file(client, imported_shared_data):
    """Frøya (5014) on 1.1.2026, population/kommune_befolkning_alder_kjonn_b2024.csv.gz."""
    source = {}
    with gzip.open(imported_shared_data / "population" /
                   "kommune_befolkning_alder_kjonn_b2024.csv.gz", "rt", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["aar"] == "2026" and row["kommunenr"] == "5014":
                source[row["kjonn"], int(row["alder"])] = int(row["personer"])
    bands = {r["aldersgruppe"]: r for r in rows_of(
        client.get("/kommune/5014/data/aldersfordeling.csv"))}
    assert len(bands) == 19  # 0–4 … 85–89 and 90+
    # men 0–4: 42 + 37 + 22 + 40 + 31 = 172; women 34 + 31 + 18 + 25 + 30 = 138
    assert (bands["0–4"]["menn"], bands["0–4"]["kvinner"]) == ("172", "138")
    assert (bands["90+"]["menn"], bands["90+"]["kvinner"]) == ("15", "22")  # 90 to 105+
    for low in range(0, 90, 5):
        band = bands[f"{low}–{low + 4}"]
        assert int(band["menn"]) == sum(source["M", a] for a in range(low, low + 5))
        assert int(band["kvinner"]) == sum(source["K", a] for a in range(low, low + 5))
    # kommune_befolkning_total_b2024.csv: 5,794 = 3,147 men + 2,647 women
    assert sum(int(b["menn"]) for b in bands.values()) == 3147
    assert sum(int(b["kvinner"]) for b in bands.values()) == 2647
    workbook = sheet_of(client.get("/kommune/5014/data/aldersfordeling.xlsx"))
    assert workbook[0] == ("aldersgruppe", "menn", "kvinner", "kilde")
    assert workbook[1] == ("0–4", 172, 138,
                           "Kilde: Statistisk sentralbyrå, tabell 07459, lisens CC BY 4.0")


def test_national_xlsx_has_each_kommunes_change(client, imported_shared_data):
    sheet = sheet_of(client.get(
        "/nasjonalt/data/befolkningsendring.xlsx?start=2016&end=2026&borders=2024"))
    header, *body = sheet
    column = {name: i for i, name in enumerate(header)}
    assert len(body) == 357
    froya = next(r for r in body if r[column["kommunenr"]] == "5014")
    # 4,799 → 5,794 (kommune_befolkning_total_b2024.csv): +995, 995 / 4,799 = 20.73 %
    assert froya[column["folketall_2016"]] == 4799 and froya[column["folketall_2026"]] == 5794
    assert froya[column["endring"]] == 995
    assert froya[column["endring_prosent"]] == pytest.approx(20.73, abs=0.005)
    total_2026 = sum(r[column["folketall_2026"]] for r in body)
    assert total_2026 == 5_627_400  # the README's national total for 1.1.2026


@pytest.mark.parametrize("url", [
    "/kommune/5014/data/vaer.csv", "/kommune/5014/data/vaer.xlsx",
    "/nasjonalt/data/vaer.csv", "/nasjonalt/data/vaer.xlsx",
    "/kommune/5014/data/befolkningsregnskap.csv",  # no components in ../shared/data
])
def test_unknown_or_unavailable_tables_are_404_not_500(client, imported_shared_data, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "<html" in response.content.decode().lower()  # the site's own page, not a bare error


def test_accounts_download_by_hand(client, empty_database, synthetic_dir):
    """tests/synthetic.py, Testvik (9901), 2020–2021; observed change 1000 → 1010 → 1030."""
    import_directory(synthetic_dir)
    rows = rows_of(client.get("/kommune/9901/data/befolkningsregnskap.csv"
                              "?start=2020&end=2022&borders=2024"))
    assert [r["aar"] for r in rows] == ["2020", "2021"]
    assert {r["kilde"] for r in rows} == {
        "Kilde: Statistisk sentralbyrå, tabell 06913, 07459, lisens CC BY 4.0"}
    first, second = ({k: int(float(v)) for k, v in r.items() if k != "kilde"} for r in rows)
    # 2020: 12 − 8 = 4 born more than died, 10 − 4 = 6 net immigration, 30 − 30 = 0 domestic
    assert (first["fodselsoverskudd"], first["nettoinnvandring"],
            first["innenlandsk_nettoflytting"], first["sum_komponenter"]) == (4, 6, 0, 10)
    assert (first["observert_endring"], first["differanse"]) == (10, 0)
    # 2021: 14 − 9 = 5, 6 − 1 = 5, 40 − 30 = 10: 20, as observed (1030 − 1010)
    assert (second["fodselsoverskudd"], second["nettoinnvandring"],
            second["innenlandsk_nettoflytting"], second["sum_komponenter"]) == (5, 5, 10, 20)
    assert (second["observert_endring"], second["differanse"]) == (20, 0)


def test_a_reimport_changes_what_the_cached_projection_shows(client, empty_database, outlook_dir):
    """100 more men aged 40 in Testvik Nord's 2021 population (the base year) show in the
    projection after the next import, though its inputs are computed once per data load."""
    import_directory(outlook_dir)
    url = "/kommune/9911/data/framskriving.csv?start=2016&end=2021&borders=2024"

    def base_year() -> int:
        return next(int(r["folketall"]) for r in rows_of(client.get(url))
                    if r["scenario"] == "main" and r["aar"] == "2021")

    before = base_year()
    client.get("/kommune/9911/?start=2016&end=2021&borders=2024")  # the page fills the cache
    population = outlook_dir / "population"
    ages = population / "kommune_befolkning_alder_kjonn_b2024.csv"
    ages.write_text("".join(
        _plus(line, 4, 100) if line.startswith("2021,9911,M,40,") else line
        for line in ages.read_text(encoding="utf-8").splitlines(keepends=True)), encoding="utf-8")
    totals = population / "kommune_befolkning_total_b2024.csv"
    totals.write_text("".join(
        _plus(_plus(line, 3, 100), 4, 100) if line.startswith("2021,9911,") else line
        for line in totals.read_text(encoding="utf-8").splitlines(keepends=True)),
        encoding="utf-8")
    import_directory(outlook_dir)
    assert base_year() == before + 100


def _plus(line: str, field: int, amount: int) -> str:
    parts = line.rstrip("\n").split(",")
    parts[field] = str(int(parts[field]) + amount)
    return ",".join(parts) + "\n"


KILDE = "Kilde: Statistisk sentralbyrå, tabell {tables}, lisens CC BY 4.0"


@pytest.mark.parametrize("url, tables, computed", [
    ("/kommune/9911/data/befolkning.csv", "07459", False),
    ("/kommune/9911/data/aldersfordeling.xlsx", "07459", False),
    ("/kommune/9911/data/sammenligning.csv", "07459", False),
    ("/kommune/9911/data/befolkningsregnskap.xlsx", "06913, 07459", False),
    # the synthetic region has jobs by industry (SSB 13470), components of change (06913)
    # and an SSB projection (kommune_framskriving_ssb_b2024.csv, 14288)
    ("/kommune/9911/data/attraktivitet.csv", "13470, 06913, 07459", True),
    ("/kommune/9911/data/framskriving.xlsx", "07459, 06913, 14288", True),
    ("/nasjonalt/data/befolkningsendring.csv", "07459", False),
    ("/nasjonalt/data/innvandringseffekt.xlsx", "06913, 07459", True),
])
def test_every_data_download_names_its_source_and_licence(client, empty_database, outlook_dir,
                                                          url, tables, computed):
    import_directory(outlook_dir)
    response = client.get(url)
    assert response.status_code == 200, url
    expected = KILDE.format(tables=tables) + (". Beregnet av Livskraft" if computed else "")
    if url.endswith(".csv"):
        rows = rows_of(response)
        assert rows and {r["kilde"] for r in rows} == {expected}
    else:
        header, *body = sheet_of(response)
        assert header[-1] == "kilde" and body and {r[-1] for r in body} == {expected}
