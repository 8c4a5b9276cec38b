"""Border vintages on a synthetic history:

- 2019: Testvik (9901), Nordøy (9911) and Sørøy (9912) exist.
- 2020: Nordøy and Sørøy merge into Øyane (9913).
- 2024: Testvik is renumbered 9921; Storvik (9930) is split: 60 % to Testvik, 40 % to Øyane.
"""

import pandas as pd
import pytest

from livskraft.analysis.borders import to_vintage
from livskraft.analysis.errors import MissingDataError

CROSSWALK = pd.DataFrame(
    [
        ("9901", 1990, 2023, "9921", 1.0),
        ("9911", 1990, 2019, "9913", 1.0),
        ("9912", 1990, 2019, "9913", 1.0),
        ("9913", 2020, 2024, "9913", 1.0),
        ("9921", 2024, 2024, "9921", 1.0),
        ("9930", 1990, 2023, "9921", 0.6),
        ("9930", 1990, 2023, "9913", 0.4),
    ],
    columns=["from_code", "from_year", "to_year", "pivot_code", "weight"],
).assign(pivot_vintage=2024)


def frame(rows):
    return pd.DataFrame(rows, columns=["vintage", "year", "code", "persons"])


def test_merges_are_summed_exactly_and_renumbering_is_followed():
    data = frame([(2019, 2019, "9901", 100), (2019, 2019, "9911", 30), (2019, 2019, "9912", 20)])
    out = to_vintage(data, ["persons"], CROSSWALK[CROSSWALK.pivot_code != "x"], 2024)
    got = dict(zip(out.code, out.persons))
    assert got == {"9921": 100, "9913": 50}
    assert not out.estimated.any()


def test_splits_use_the_published_weights_and_are_flagged():
    out = to_vintage(frame([(2019, 2019, "9930", 1000)]), ["persons"], CROSSWALK, 2024)
    got = {c: (p, e) for c, p, e in zip(out.code, out.persons, out.estimated)}
    assert got == {"9921": (600, True), "9913": (400, True)}


def test_back_to_earlier_borders_splits_by_population_shares_in_the_target_year():
    data = frame([(2024, 2024, "9913", 150)])
    reference = pd.Series({"9901": 100.0, "9911": 30.0, "9912": 20.0, "9930": 0.0})
    out = to_vintage(data, ["persons"], CROSSWALK, 2019, reference)
    got = {c: round(p, 6) for c, p in zip(out.code, out.persons)}
    assert got == {"9911": 90.0, "9912": 60.0, "9930": 0.0}
    assert out.estimated.all()


def test_a_kommune_with_the_same_territory_is_carried_over_unchanged():
    without_storvik = CROSSWALK[CROSSWALK.from_code != "9930"]
    data = frame([(2020, 2020, "9901", 123)])
    reference = pd.Series({"9901": 100.0, "9911": 30.0, "9912": 20.0})
    out = to_vintage(data, ["persons"], without_storvik, 2019, reference)
    assert list(zip(out.code, out.persons, out.estimated)) == [("9901", 123, False)]


def test_a_kommune_sharing_its_later_unit_with_another_is_an_estimate():
    """Testvik and part of Storvik both became 9921, so Testvik's figure is re-split."""
    reference = pd.Series({"9901": 100.0, "9911": 30.0, "9912": 20.0, "9930": 50.0})
    out = to_vintage(frame([(2020, 2020, "9901", 123)]), ["persons"], CROSSWALK, 2019, reference)
    assert out.estimated.all()
    assert out.persons.sum() == pytest.approx(123)


def test_unknown_codes_and_missing_reference_give_clear_errors():
    with pytest.raises(MissingDataError, match="9999"):
        to_vintage(frame([(2019, 2019, "9999", 1)]), ["persons"], CROSSWALK, 2024)
    with pytest.raises(MissingDataError, match="reference_population_missing"):
        to_vintage(frame([(2024, 2024, "9913", 1)]), ["persons"], CROSSWALK, 2019)
    newcomer = pd.concat([CROSSWALK, pd.DataFrame([{"from_code": "9940", "from_year": 2024,
                                                     "to_year": 2024, "pivot_code": "9940",
                                                     "weight": 1.0, "pivot_vintage": 2024}])])
    reference = pd.Series({"9901": 1.0, "9911": 1.0, "9912": 1.0, "9930": 1.0})
    with pytest.raises(MissingDataError, match=r"no_kommune_for \(year=2019, codes=9940\)"):
        to_vintage(frame([(2024, 2024, "9940", 5)]), ["persons"], newcomer, 2019, reference)


def test_extra_key_columns_are_kept_apart():
    data = pd.DataFrame(
        [(2019, 2019, "9911", "C", 10), (2019, 2019, "9912", "C", 5),
         (2019, 2019, "9912", "I", 7)],
        columns=["vintage", "year", "code", "industry", "jobs"],
    )
    out = to_vintage(data, ["jobs"], CROSSWALK, 2024, keys=("industry",))
    assert list(zip(out.code, out.industry, out.jobs)) == [("9913", "C", 15), ("9913", "I", 7)]
