"""Attractiveness from total jobs, the book's ready set, ranks and commuting; by hand."""

import pandas as pd
import pytest

from livskraft.analysis import attractiveness_sets, commuting, shift_share
from livskraft.analysis.errors import MissingInput


def test_business_attractiveness_from_totals_leaves_the_industry_terms_unavailable():
    jobs = pd.DataFrame({"year": [2017, 2022, 2017, 2022], "code": ["9901", "9901", "9902", "9902"],
                         "jobs": [100, 130, 300, 310]})
    out = shift_share.decompose_totals(jobs, 2017, 2022).set_index("code")
    # national growth (440 − 400) / 400 = 10 %; Testvik 30 % → +20 points; Prøvebygd 3⅓ %
    assert out.national_growth.iloc[0] == pytest.approx(0.10)
    assert out.loc["9901", "business_attractiveness"] == pytest.approx(0.20)
    assert out.loc["9902", "business_attractiveness"] == pytest.approx(10 / 300 - 0.10)
    assert out.industry_mix.isna().all() and out.population_effect.isna().all()


def test_a_missing_year_of_jobs_names_the_table():
    jobs = pd.DataFrame({"year": [2017], "code": ["9901"], "jobs": [1]})
    with pytest.raises(MissingInput) as caught:
        shift_share.decompose_totals(jobs, 2017, 2022)
    assert caught.value.values == {"table": "11618", "year": 2022}


def test_the_books_fifteen_kommuner_on_newer_borders():
    crosswalk = pd.DataFrame({
        "from_code": ["1620", "1750", "1546", "1546", "0615"],
        "from_year": [2006, 2006, 2006, 2006, 2006], "to_year": [2019, 2019, 2019, 2019, 2019],
        "pivot_code": ["5014", "5060", "1580", "1508", "3318"],
        "weight": [1.0, 1.0, 0.5, 0.5, 1.0]})
    on = attractiveness_sets.codes_on("suksessrike_2012", crosswalk)
    assert on == {"5014": ["Frøya"], "5060": ["Vikna"], "1508": ["Sandøy"], "3318": ["Flå"]}
    assert len(attractiveness_sets.SUCCESSFUL_2012) == 15


def test_the_books_fifteen_kommuner_on_2018_borders():
    """As in KLASS 131: Frøya 1620 became 5014 and Vikna 1750 5050 (beside Nærøy 1751 →
    5051) in 2018, both of which reach the pivot 5060 Nærøysund; Sandøy 1546 and Flå 0615
    kept their codes until 2020."""
    crosswalk = pd.DataFrame([
        ("1620", 1964, 2017, "5014", 1.0), ("5014", 2018, 2026, "5014", 1.0),
        ("1750", 1940, 2017, "5060", 1.0), ("1751", 1940, 2017, "5060", 1.0),
        ("5050", 2018, 2019, "5060", 1.0), ("5051", 2018, 2019, "5060", 1.0),
        ("5060", 2020, 2026, "5060", 1.0),
        ("1546", 1940, 2019, "1508", 0.5), ("1546", 1940, 2019, "1580", 0.5),
        ("1504", 1940, 2019, "1508", 1.0), ("1534", 1940, 2019, "1580", 1.0),
        ("0615", 1940, 2019, "3320", 1.0), ("3320", 2024, 2026, "3320", 1.0),
    ], columns=["from_code", "from_year", "to_year", "pivot_code", "weight"]).assign(
        pivot_vintage=2024)
    names = {"5014": "Frøya", "5050": "Vikna", "5051": "Nærøy", "1546": "Sandøy",
             "1504": "Ålesund", "1534": "Haram", "0615": "Flå"}
    on = attractiveness_sets.codes_on("suksessrike_2012", crosswalk, 2018, names)
    assert on == {"5014": ["Frøya"], "5050": ["Vikna"], "1546": ["Sandøy"], "0615": ["Flå"]}
    # on the pivot borders as before: the pivot kommune of the largest weight
    assert attractiveness_sets.codes_on("suksessrike_2012", crosswalk, 2024) == {
        "5014": ["Frøya"], "5060": ["Vikna"], "1508": ["Sandøy"], "3320": ["Flå"]}


def test_the_books_fifteen_without_a_crosswalk_is_an_empty_set():
    empty = pd.DataFrame(columns=["from_code", "from_year", "to_year", "pivot_vintage",
                                  "pivot_code", "weight"])
    assert attractiveness_sets.codes_on("suksessrike_2012", empty, 2018, {}) == {}


def test_rank_counts_strictly_higher_values():
    values = pd.Series({"9901": 3.0, "9902": 5.0, "9903": 5.0, "9904": None})
    assert attractiveness_sets.rank(values, "9901") == 3
    assert attractiveness_sets.rank(values, "9903") == 1
    assert attractiveness_sets.rank(values, "9904") is None


FLOWS = pd.DataFrame({"work_code": ["9901", "9901", "9901", "9902", "9903"],
                      "home_code": ["9901", "9902", "9903", "9901", "9901"],
                      "persons": [500, 40, 10, 70, 5]})


def test_commuting_by_hand():
    out = commuting.summary(FLOWS, "9901")
    assert out.jobs == 550  # 500 + 40 + 10
    assert out.employed_residents == 575  # 500 + 70 + 5
    assert (out.in_commuters, out.out_commuters) == (50, 75)
    assert out.inbound.code.tolist() == ["9902", "9903"]
    assert out.outbound.persons.tolist() == [70, 5]


def test_commuting_for_a_kommune_not_in_the_matrix_is_an_error():
    with pytest.raises(MissingInput):
        commuting.summary(FLOWS, "9999")


def test_flows_move_to_newer_borders_with_weights():
    crosswalk = pd.DataFrame({"from_code": ["9901", "9902", "9902", "9903"],
                              "from_year": [2000] * 4, "to_year": [2030] * 4,
                              "pivot_code": ["9801", "9801", "9802", "9803"],
                              "weight": [1.0, 0.5, 0.5, 1.0]})
    out = commuting.to_pivot(FLOWS, crosswalk, 2022).set_index(["work_code", "home_code"])
    # 9901 + half of 9902 → 9801: 500 + 40·0.5 + 70·0.5 = 555 within 9801
    assert out.loc[("9801", "9801"), "persons"] == pytest.approx(555)
    assert out.loc[("9801", "9802"), "persons"] == pytest.approx(20)
    assert out.loc[("9801", "9801"), "estimated"]
    assert not out.loc[("9801", "9803"), "estimated"]
