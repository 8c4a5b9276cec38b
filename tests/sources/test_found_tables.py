"""The readers for the shipped 11618, 03321, HMD and IMDi files, checked against the figures
in ../shared/data's READMEs."""

import pytest

from livskraft.sources.hmd_mortality import read_death_rates
from livskraft.sources.imdi_migration import read_flows
from livskraft.sources.work_and_commuting import read_commuting, read_jobs


def test_jobs_by_place_of_work(shared_data):
    name = "ssb11618_sysselsatte_arbeidssted_bosted_kommune_2017_2022.csv"
    frame, problems = read_jobs(shared_data / "found" / name, name)
    assert problems == []
    work = frame[frame.indicator == "sysselsatte_arbeidssted"].groupby("year").value.sum()
    assert work[2017] == 2_609_737 and work[2022] == 2_809_789  # found/README.md
    assert len(frame) == 7_014


def test_commuting_matrix_from_rds_sums_to_jobs(shared_data):
    name = "ssb03321_pendling_arbeidssted_x_bosted_kommune_2022.rds"
    frame, problems = read_commuting(shared_data / "found" / name, name)
    assert problems == []
    assert frame.persons.sum() == 2_809_789  # = Σ SysselArbsted 2022
    assert (frame.persons > 0).all() and set(frame.year) == {2022}


def test_hmd_rates_become_probabilities(shared_data):
    name = "nasjonal_dodsrate_hmd.csv"
    frame, problems = read_death_rates(shared_data / "rates" / name, name)
    assert problems == []
    infant = frame[(frame.year == 2017) & (frame.sex == "M") & (frame.age == 0)].value.item()
    # m0 = 0.002241 (README); a0 = 0.14929 − 1.99545·0.002241 = 0.144818
    # q0 = 0.002241 / (1 + 0.855182·0.002241) = 0.0022367
    assert infant == pytest.approx(0.0022367, abs=1e-7)
    assert frame.age.max() == 105 and frame.value.between(0, 1).all()


def test_imdi_totals(shared_data):
    name = "imdi_befolkning_flytting_kommune_2014.csv"
    frame, problems = read_flows(shared_data / "found" / name, name)
    assert problems == []
    totals = frame.groupby("indicator").value.sum()
    assert totals["imdi_innvandring"] == 70_029 and totals["imdi_utvandring"] == 31_883
    assert frame.code.nunique() == 428


def test_a_commuting_file_with_a_wrong_column_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "ssb03321_pendling_arbeidssted_x_bosted_kommune_2022.csv"
    path.write_text("ArbstedKomm,Bokommuen,Tid,verdi\n9901,9901,2022,5\n", encoding="utf-8")
    frame, problems = read_commuting(path, path.name)
    assert frame is None and problems[0].code == "missing_columns"
    assert "value" in problems[0].values["columns"]
