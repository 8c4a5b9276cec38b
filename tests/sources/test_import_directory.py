import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from livskraft.sources.csv_tables import read_table
from livskraft.sources.problems import DataRejected, Problem
from livskraft.stats.importing import import_directory
from livskraft.stats.models import PlaceIndicator, PopulationChange, PopulationTotal
from livskraft.web.data_messages import describe

pytestmark = pytest.mark.usefixtures("empty_database")

TOTALS = "population/kommune_befolkning_total_b2024.csv"


def rewrite(root, name, transform):
    path = root / name
    path.write_text(transform(path.read_text(encoding="utf-8")), encoding="utf-8")


def test_a_valid_directory_is_imported(synthetic_dir):
    result = import_directory(synthetic_dir)
    assert result.stored["population_totals"] == 9
    assert result.stored["population_changes"] == 6
    assert PopulationTotal.objects.get(code="9901", year=2022).persons == 1030
    assert result.skipped == [] and result.notes == []


@pytest.mark.parametrize(
    ("transform", "line", "code", "reason"),
    [
        (lambda t: t.replace("personer,", "folk,", 1), 1, "missing_columns",
         "mangler kolonne(r) personer"),
        (lambda t: t.replace("2021,9902,Prøvebygd,505", "2021,9902,Prøvebygd,mange"), 6,
         "bad_value", "personer='mange' er ikke et heltall"),
        (lambda t: t.replace("2020,9903", "2020,9909"), 8, "unknown_code",
         "ukjent kommunenummer 9909"),
        (lambda t: t + "2020,9901,Testvik,1000,500,500,0\n", 11, "duplicate_row", "dobbel rad"),
        (lambda t: t.replace("1010,505,505", "1010,505,500"), 3, "persons_not_men_plus_women",
         "personer ≠ menn + kvinner"),
        (lambda t: t.replace("2020,9901,Testvik,1000,500,500,0", "2020,9901,Testvik,1000,500"),
         2, "bad_value", "ikke et heltall"),
    ],
)
def test_a_bad_file_is_left_out_with_file_line_and_reason_and_the_rest_is_imported(
    synthetic_dir, transform, line, code, reason
):
    rewrite(synthetic_dir, TOTALS, transform)
    result = import_directory(synthetic_dir)
    assert {(p.file, p.line, p.code) for p in result.rejected} >= {(TOTALS, line, code)}
    messages = [describe(p) for p in result.rejected]
    assert any(m.startswith(f"{TOTALS}, linje {line}: ") and reason in m for m in messages), messages
    assert not PopulationTotal.objects.exists()  # nothing of the bad file
    assert PopulationChange.objects.count() == 6  # the good file next to it: 3 kommuner × 2 years


def test_population_without_any_code_list_is_left_out(synthetic_dir):
    (synthetic_dir / "codes" / "kommuner_2024.csv").unlink()
    with pytest.raises(DataRejected) as rejected:
        import_directory(synthetic_dir)
    problems = rejected.value.problems
    assert {(p.file, p.code, p.values["years"]) for p in problems} == {
        (TOTALS, "no_code_list", "2024"),
        ("population/kommune_befolkningsendringer_b2024.csv", "no_code_list", "2024")}
    assert "ingen kodeliste for grensene 2024" in describe(problems[0])


def test_broken_geojson_and_unreadable_files_are_reported(synthetic_dir):
    (synthetic_dir / "geo").mkdir()
    (synthetic_dir / "geo" / "kommuner_2024.geojson").write_text("{not json", encoding="utf-8")
    (synthetic_dir / "codes" / "kommuner_2024.csv").write_bytes(b"\xff\xfe\x00 latin")
    with pytest.raises(DataRejected) as rejected:
        import_directory(synthetic_dir)
    text = [describe(p) for p in rejected.value.problems]
    assert "geo/kommuner_2024.geojson, linje 1: ugyldig GeoJSON (ikke JSON)" in text
    assert "codes/kommuner_2024.csv: filen er ikke UTF-8-kodet" in text


def test_a_new_file_that_crashes_its_reader_leaves_the_others_alone(synthetic_dir):
    (synthetic_dir / "population" / "kommune_befolkning_alder_kjonn_b2024.csv.gz").write_bytes(
        b"\x1f\x8b not really gzip")
    result = import_directory(synthetic_dir)
    assert [(p.file, p.code) for p in result.rejected] == [
        ("population/kommune_befolkning_alder_kjonn_b2024.csv.gz", "broken_csv")]
    assert result.stored["population_totals"] == 9


def test_an_empty_or_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(DataRejected) as missing:
        import_directory(tmp_path / "nowhere")
    assert describe(missing.value.problems[0]).endswith("finnes ikke eller er ikke en mappe")
    with pytest.raises(DataRejected) as empty:
        import_directory(tmp_path)
    assert describe(empty.value.problems[0]).endswith("fant ingen kjente datafiler")


def test_reimport_replaces_instead_of_duplicating(synthetic_dir):
    import_directory(synthetic_dir)
    rewrite(synthetic_dir, TOTALS, lambda t: t.replace("1030,515,515", "1031,515,516"))
    import_directory(synthetic_dir)
    assert PopulationTotal.objects.filter(code="9901", year=2022).get().persons == 1031
    assert PopulationTotal.objects.count() == 9


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_read_table_never_crashes_on_arbitrary_bytes(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("fuzz") / "file.csv"
    path.write_bytes(content)
    table, problems = read_table(path, "file.csv", {"aar": "int", "kommunenr": "code4"})
    assert (table is None) == bool(problems)
    assert all(p.file == "file.csv" and p.code for p in problems)


CELL = st.text(alphabet="0123456789 -x,\t٣", max_size=6)  # ٣: ARABIC-INDIC DIGIT THREE


def ascii_digits(value: str, length: int | None = None) -> bool:
    value = value.strip()
    return value != "" and all(c in "0123456789" for c in value) and (
        length is None or len(value) == length)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(CELL, CELL), min_size=1, max_size=12))
def test_read_table_reports_every_bad_value_by_line(tmp_path_factory, rows):
    """The header is line 1, so row i (from 0) is line i + 2; at most five lines per column."""
    path = tmp_path_factory.mktemp("fuzz") / "file.csv"
    body = "".join(f'"{a}","{b}"\n' for a, b in rows)
    path.write_text("aar,kommunenr\n" + body, encoding="utf-8")
    table, problems = read_table(path, "file.csv", {"aar": "int", "kommunenr": "code4"})
    bad_years = [i + 2 for i, (a, _) in enumerate(rows) if not ascii_digits(a)][:5]
    # Years that are whole numbers but outside 1800–2200 are reported too (at most five).
    odd_years = [i + 2 for i, (a, _) in enumerate(rows)
                 if ascii_digits(a) and not 1800 <= int(a) <= 2200][:5]
    bad_codes = [i + 2 for i, (_, b) in enumerate(rows) if not ascii_digits(b, 4)][:5]
    reported = {(p.line, p.values["column"]) for p in problems}
    assert reported == {(line, "aar") for line in bad_years + odd_years} | {
        (line, "kommunenr") for line in bad_codes}
    if not problems:
        assert table.aar.tolist() == [int(a) for a, _ in rows]
        assert table.kommunenr.tolist() == [b.strip() for _, b in rows]


def test_the_whole_shared_data_directory_is_imported_and_a_new_file_does_not_stop_it(
        shared_data, tmp_path):
    """Row counts from ../shared/data/README.md; the folder is linked, not copied, plus one
    file in no known format (like the 1986–2026 file that once made the whole import fail)."""
    copy = tmp_path / "data"
    for path in shared_data.rglob("*"):
        if path.is_file():
            (copy / path.relative_to(shared_data)).parent.mkdir(parents=True, exist_ok=True)
            (copy / path.relative_to(shared_data)).symlink_to(path)
    (copy / "new").mkdir()
    (copy / "new" / "kommune_befolkning_total_1838.csv").write_text(
        "aar,kommunenr,personer\n1838,0101,12\n", encoding="utf-8")
    result = import_directory(copy)
    assert result.stored["crosswalk"] == 855  # codes/kommunenr_til_2024.csv: 855 rows
    # b2024 + 2017–2021 on each year's borders + the 1986–2026 own-borders file less the rows
    # the other two give (1,982 for 2017–2021, 3 × 357 for 2024–2026 on 2024 borders)
    assert result.stored["population_totals"] == 7_497 + 1_982 + 17_281 - 1_982 - 3 * 357
    assert result.stored["code_changes"] == 594  # ssb-responses' KLASS 131 change list
    assert result.stored["official_projection"] == 9_639  # 357 kommuner × 27 years
    # nasjonal_fruktbarhet.csv: 56 years × 44 ages; nasjonal_dodsrate_hmd.csv as q(x) for
    # ages 0–105: 34 years (1990–2023) × 2 sexes × 106 ages = 7,208
    assert result.stored["rates"] == 2_464 + 7_208
    assert "new/kommune_befolkning_total_1838.csv" in result.skipped
    assert PopulationTotal.objects.get(vintage=2024, year=2024, code="0301").persons == 717_710


def test_ba_region_codes_missing_from_the_list_are_matched_by_name_and_reported(synthetic_dir):
    regions = synthetic_dir / "regions"
    regions.mkdir()
    header = "kommunenr,kommunenavn,ba_nr,ba_navn,reisetid_min,utpendling_pst,innpendling_pst,x\n"
    (regions / "ba_regioner_2024.csv").write_text(
        header + "9901,Testvik,1,Testvik,0,0,0,a\n1567,Prøvebygd,1,Testvik,12.5,0,0,b\n")
    result = import_directory(synthetic_dir)
    assert [describe(n) for n in result.notes] == [
        "regions/ba_regioner_2024.csv, linje 3: 1567 Prøvebygd finnes ikke i kodelisten for 2024; "
        "brukte 9902 etter navnet"]
    assert PlaceIndicator.objects.get(indicator="reisetid", code="9902").value == 12.5
    (regions / "ba_regioner_2024.csv").write_text(header + "1567,Atlantis,1,X,1,0,0,c\n")
    rejected = import_directory(synthetic_dir).rejected
    assert [describe(p) for p in rejected] == [
        "regions/ba_regioner_2024.csv, linje 2: ukjent kommunenummer 1567 (Atlantis)"]


def test_place_indicators_are_imported_and_unknown_ones_rejected(synthetic_dir):
    extra = synthetic_dir / "places"
    extra.mkdir()
    (extra / "kommune_indikator_boligpris_b2024.csv").write_text(
        "aar,kommunenr,verdi\n2024,9901,31000\n2024,9902,\"24500,5\"\n")
    import_directory(synthetic_dir)
    assert PlaceIndicator.objects.get(indicator="boligpris", code="9902").value == 24500.5
    (extra / "kommune_indikator_vaer_b2024.csv").write_text("aar,kommunenr,verdi\n2024,9901,1\n")
    rejected = import_directory(synthetic_dir).rejected
    assert [describe(p) for p in rejected] == [
        "places/kommune_indikator_vaer_b2024.csv: ukjent indikator «vaer» (kjente: "
        "arbeidsgiveravgift, boligpris, bredband, tiltakssone)"]


def test_problems_are_told_in_the_users_language():
    from django.utils import translation

    problem = Problem("codes/x.csv", 4, "bad_value", {"column": "aar", "value": "x", "kind": "int"})
    for language, text in (("nb", "codes/x.csv, linje 4: aar='x' er ikke et heltall ≥ 0"),
                           ("nn", "codes/x.csv, linje 4: aar='x' er ikkje eit heiltal ≥ 0"),
                           ("en", "codes/x.csv, line 4: aar='x' is not a whole number ≥ 0")):
        with translation.override(language):
            assert describe(problem) == text
