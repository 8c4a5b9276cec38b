"""Border vintages from a change history (synthetic kommuner, numbers checked by hand).

2010: A 9901, B 9902, C 9903, D 9904. 2012: A and B merge into AB 9905. 2015: D is split
into D1 9906 and D2 9907. 2018: AB and C merge into ABC 9908."""

import pandas as pd
import pytest

from livskraft.analysis.border_history import BorderHistory, to_vintage
from livskraft.analysis.errors import MissingDataError

LISTS = {2010: {"9901", "9902", "9903", "9904"}, 2018: {"9908", "9906", "9907"}}
CHANGES = pd.DataFrame(
    [("9901", "9905", 2012), ("9902", "9905", 2012), ("9904", "9906", 2015),
     ("9904", "9907", 2015), ("9905", "9908", 2018), ("9903", "9908", 2018)],
    columns=["old_code", "new_code", "year"])
HISTORY = BorderHistory(LISTS, CHANGES)


def frame(vintage, year, persons: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame({"vintage": vintage, "year": year, "code": list(persons),
                         "persons": list(persons.values())})


def test_unlisted_years_follow_the_changes():
    assert HISTORY.codes(2011) == {"9901", "9902", "9903", "9904"}
    assert HISTORY.codes(2014) == {"9905", "9903", "9904"}
    assert HISTORY.codes(2016) == {"9905", "9903", "9906", "9907"}


def test_a_merger_forward_is_exact_and_a_split_is_an_estimate():
    out = to_vintage(frame(2010, 2010, {"9901": 100, "9902": 50, "9903": 30, "9904": 20}),
                     ["persons"], HISTORY, 2016, None).set_index("code")
    assert out.loc["9905", "persons"] == 150 and not out.loc["9905", "estimated"]  # 100 + 50
    assert out.loc["9903", "persons"] == 30 and not out.loc["9903", "estimated"]
    assert out.loc["9906", "persons"] == 10 and out.loc["9906", "estimated"]  # 20 / 2
    assert out.persons.sum() == 200


def test_a_kommune_unchanged_until_after_the_target_year_stays_exact():
    # C on 2010 borders shown on 2016 borders: still C, whatever happened to it in 2018
    mapping = HISTORY.forward(2010, 2016).set_index("from_code")
    assert mapping.loc["9903", "to_code"] == "9903" and mapping.loc["9903", "weight"] == 1


def test_back_from_a_later_merger_by_the_target_years_population():
    reference = pd.Series({"9905": 300.0, "9903": 100.0, "9906": 40.0, "9907": 60.0})
    out = to_vintage(frame(2018, 2019, {"9908": 800, "9906": 41, "9907": 59}), ["persons"],
                     HISTORY, 2016, reference).set_index("code")
    assert out.loc["9905", "persons"] == 600  # 800 × 300 / (300 + 100)
    assert out.loc["9903", "persons"] == 200 and out.loc["9903", "estimated"]
    assert out.loc["9906", "persons"] == 41 and not out.loc["9906", "estimated"]  # D1 alone


def test_without_the_reference_population_a_later_merger_cannot_be_shared_out():
    with pytest.raises(MissingDataError) as missing:
        to_vintage(frame(2018, 2019, {"9908": 800}), ["persons"], HISTORY, 2016, pd.Series(
            {"9906": 1.0}, dtype="float64"))
    assert missing.value.code == "reference_population_missing"


def test_a_code_outside_the_history_is_an_error_with_the_code():
    with pytest.raises(MissingDataError) as missing:
        to_vintage(frame(2010, 2010, {"9999": 5}), ["persons"], HISTORY, 2016, None)
    assert (missing.value.code, missing.value.values["codes"]) == ("codes_without_history", "9999")
