"""The kommune beside its county (pooled), its centrality class (median and quartiles),
the country (pooled) and chosen kommuner, on a synthetic set of five kommuner worked by
hand."""

import pandas as pd
import pytest

from livskraft.analysis import peer_comparison as pc
from livskraft.analysis.errors import MissingDataError

# Testvik (9901) and Prøveland (9902) in county 99, Eksempeløy (9801), Modellbygd (9802)
# and Fiktivdal (9803) in county 98. Class 6: 9901, 9801, 9802, 9803; class 5: 9902.
COUNTIES = {"9901": "99", "9902": "99", "9801": "98", "9802": "98", "9803": "98"}
CLASSES = {"9901": 6, "9902": 5, "9801": 6, "9802": 6, "9803": 6}
PERSONS = pd.DataFrame({"9901": [100, 110], "9902": [300, 300], "9801": [200, 180],
                        "9802": [50, 60], "9803": [1000, 1000]}, index=[2020, 2021])


def value(table: pd.DataFrame, series: str, point, kommunenr: str | None = None) -> float:
    rows = table[(table.serie == series) & (table.punkt == point)]
    if kommunenr is not None:
        rows = rows[rows.kommunenr == kommunenr]
    assert len(rows) == 1, (series, point, kommunenr)
    return rows.verdi.iloc[0]


def test_index_beside_county_class_country_and_chosen():
    who = pc.peers("9901", COUNTIES, CLASSES, ["9803", "9901", "9803"])
    assert who.county_codes == ("9901", "9902")
    assert who.class_codes == ("9801", "9802", "9803", "9901")
    assert who.chosen == ("9803",)  # itself and the repeat dropped
    table = pc.compare(*pc.index_of(PERSONS), who, scale=100)
    # Testvik: 100 × 110 / 100 = 110
    assert value(table, "kommune", 2021) == pytest.approx(110)
    # county 99 pooled: 100 × (110 + 300) / (100 + 300) = 100 × 410 / 400 = 102.5
    assert value(table, "fylke", 2021) == pytest.approx(102.5)
    assert table[table.serie == "fylke"].kommunenr.unique().tolist() == ["99"]
    # country pooled: 100 × (110+300+180+60+1000) / (100+300+200+50+1000) = 165000/1650 = 100
    assert value(table, "landet", 2021) == pytest.approx(100)
    # class 6's own indices: 9801 90, 9802 120, 9803 100, 9901 110 → sorted 90 100 110 120;
    # median (100+110)/2 = 105; p25 at position 0.75: 90 + 0.75×10 = 97.5;
    # p75 at position 2.25: 110 + 0.25×10 = 112.5
    assert value(table, "klasse_median", 2021) == pytest.approx(105)
    assert value(table, "klasse_p25", 2021) == pytest.approx(97.5)
    assert value(table, "klasse_p75", 2021) == pytest.approx(112.5)
    assert value(table, "valgt", 2021, "9803") == pytest.approx(100)
    # the start year is 100 for every series
    assert set(table[table.punkt == 2020].verdi.round(9)) == {100.0}


def test_a_rate_per_1000_and_gaps():
    births = pd.DataFrame({"9901": [2, None], "9902": [3, 6], "9801": [4, 2], "9802": [0, 1],
                           "9803": [10, 10]}, index=[2020, 2021])
    table = pc.compare(births, PERSONS, pc.peers("9902", COUNTIES, CLASSES), scale=1000)
    # Prøveland 2021: 1000 × 6 / 300 = 20
    assert value(table, "kommune", 2021) == pytest.approx(20)
    # county 99 in 2021: Testvik has no births, so it is left out: 1000 × 6 / 300 = 20;
    # in 2020 both: 1000 × (2 + 3) / (100 + 300) = 12.5
    assert value(table, "fylke", 2021) == pytest.approx(20)
    assert value(table, "fylke", 2020) == pytest.approx(12.5)
    # country 2021 without Testvik: 1000 × (6+2+1+10) / (300+180+60+1000) = 19000/1540
    assert value(table, "landet", 2021) == pytest.approx(19000 / 1540)
    # class 5 is Prøveland alone: median = quartiles = its own 20
    assert value(table, "klasse_p25", 2021) == pytest.approx(20)
    assert value(table, "klasse_p75", 2021) == pytest.approx(20)


def test_categories_as_points_and_unknown_class():
    groups = pd.DataFrame({"9901": [30, 70], "9902": [90, 210]}, index=["0–19", "20+"])
    totals = pd.DataFrame({"9901": [100, 100], "9902": [300, 300]}, index=["0–19", "20+"])
    table = pc.compare(groups, totals, pc.peers("9901", COUNTIES, {}), scale=100)
    # share 0–19: Testvik 30 %, county (30 + 90) / (100 + 300) = 30 %
    assert value(table, "kommune", "0–19") == pytest.approx(30)
    assert value(table, "fylke", "0–19") == pytest.approx(30)
    assert not table.serie.str.startswith("klasse").any()


def test_a_kommune_without_numbers_is_a_coded_error():
    with pytest.raises(MissingDataError, match="kommune_unknown"):
        pc.peers("1234", COUNTIES, CLASSES)
    with pytest.raises(MissingDataError, match="comparison_no_kommune"):
        pc.compare(PERSONS[["9902"]], PERSONS[["9902"]], pc.peers("9901", COUNTIES, CLASSES))
