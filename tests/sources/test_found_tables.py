"""The formats for the shipped 11618, 03321, HMD and IMDi files, read as `import-data` reads
them (with the shipped code lists), checked against the figures in ../shared/data's READMEs."""

import pandas as pd
import pytest

from livskraft.sources.directory import read_directory


def read(shared_data, tmp_path, *files):
    """The batch `import-data` would store for `files` plus the code lists in codes/."""
    folder = tmp_path / "data"
    folder.mkdir()
    for path in [*sorted((shared_data / "codes").glob("*.csv")),
                 *(shared_data / f for f in files)]:
        (folder / path.name).symlink_to(path)
    empty = pd.DataFrame(columns=["vintage", "code", "name"])
    result = read_directory(folder, empty, pd.DataFrame(columns=["from_code", "from_year",
                                                                 "to_year"]))
    assert result.rejected == []
    return result.batch


def test_jobs_by_place_of_work(shared_data, tmp_path):
    batch = read(shared_data, tmp_path,
                 "found/ssb11618_sysselsatte_arbeidssted_bosted_kommune_2017_2022.csv")
    frame = batch.get("indicators")
    work = frame[frame.indicator == "sysselsatte_arbeidssted"].groupby("year").value.sum()
    assert work[2017] == 2_609_737 and work[2022] == 2_809_789  # found/README.md
    assert len(frame) == 7_014
    # Rindal is 1567 in the file's 2019 rows, but 5061 in SSB's list for 2019
    assert {(n.values["code"], n.values["used"]) for n in batch.notes} == {("1567", "5061")}
    in_2019 = frame[frame.year == 2019]
    assert "5061" in set(in_2019.code) and "1567" not in set(in_2019.code)


def test_commuting_matrix_from_rds_sums_to_jobs(shared_data, tmp_path):
    batch = read(shared_data, tmp_path,
                 "found/ssb03321_pendling_arbeidssted_x_bosted_kommune_2022.rds")
    frame = batch.get("commuting")
    assert frame.persons.sum() == 2_809_789  # = Σ SysselArbsted 2022
    assert (frame.persons > 0).all() and set(frame.year) == {2022}


def test_hmd_rates_become_probabilities(shared_data, tmp_path):
    frame = read(shared_data, tmp_path, "rates/nasjonal_dodsrate_hmd.csv").get("rates")
    infant = frame[(frame.year == 2017) & (frame.sex == "M") & (frame.age == 0)].value.item()
    # m0 = 0.002241 (README); a0 = 0.14929 − 1.99545·0.002241 = 0.144818
    # q0 = 0.002241 / (1 + 0.855182·0.002241) = 0.0022367
    assert infant == pytest.approx(0.0022367, abs=1e-7)
    assert frame.age.max() == 105 and frame.value.between(0, 1).all()
    assert len(frame) == 34 * 2 * 106  # 1990–2023, both sexes, ages 0–105


def test_imdi_totals(shared_data, tmp_path):
    frame = read(shared_data, tmp_path,
                 "found/imdi_befolkning_flytting_kommune_2014.csv").get("indicators")
    totals = frame.groupby("indicator").value.sum()
    assert totals["imdi_innvandring"] == 70_029 and totals["imdi_utvandring"] == 31_883
    assert frame.code.nunique() == 428


def test_a_commuting_file_with_a_wrong_column_is_left_out_with_the_reason(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "ssb03321_pendling_arbeidssted_x_bosted_kommune_2022.csv").write_text(
        "ArbstedKomm,Bokommuen,Tid,verdi\n9901,9901,2022,5\n", encoding="utf-8")
    (folder / "kommuner_2022.csv").write_text(
        "kommunenr,kommunenavn,fylkesnr,fylkesnavn\n9901,Testvik,99,Prøvefylke\n",
        encoding="utf-8")
    result = read_directory(folder, pd.DataFrame(columns=["vintage", "code", "name"]),
                            pd.DataFrame(columns=["from_code", "from_year", "to_year"]))
    assert [(p.code, p.values["columns"]) for p in result.rejected] == [("missing_columns",
                                                                         "value")]
