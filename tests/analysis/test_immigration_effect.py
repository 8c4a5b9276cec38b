"""Østby's three classes for every sign of growth and net immigration (synthetic kommuner)."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from livskraft.analysis import immigration_effect as effect
from livskraft.analysis.accounts import COMPONENTS

BASE = 1000  # persons on 1.1.2020 in every synthetic kommune


def frames(cases: dict[str, tuple[int, int]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Population on 1.1.2020 and 1.1.2021 and the 2020 components for codes with
    (growth, net immigration); immigration and emigration are chosen so that
    immigration − emigration = net immigration."""
    population, components = [], []
    for code, (growth, net) in cases.items():
        population += [(2020, code, BASE), (2021, code, BASE + growth)]
        immigration, emigration = max(net, 0) + 2, max(-net, 0) + 2
        components.append((2020, code, 0, 0, immigration, emigration, 0, 0))
    return (pd.DataFrame(population, columns=["year", "code", "persons"]),
            pd.DataFrame(components, columns=["year", "code", *COMPONENTS]))


# code: (growth, net immigration, growth − net immigration worked out by hand, class)
CASES = {
    "9911": (30, 11, 19, effect.GROWING_WITHOUT),  # grows more than immigration adds
    "9912": (10, 10, 0, effect.GROWING_ONLY_WITH),  # 10 − 10 = 0 is not growth without
    "9913": (3, 12, -9, effect.GROWING_ONLY_WITH),
    "9914": (5, 0, 5, effect.GROWING_WITHOUT),  # no net immigration at all
    "9915": (4, -6, 10, effect.GROWING_WITHOUT),  # grows despite net emigration
    "9916": (0, 7, -7, effect.DECLINING),  # no growth counts as decline
    "9917": (0, 0, 0, effect.DECLINING),
    "9918": (0, -3, 3, effect.DECLINING),  # 0 − (−3) = 3 > 0, still no growth
    "9919": (-20, 4, -24, effect.DECLINING),
    "9920": (-8, 0, -8, effect.DECLINING),
    "9921": (-5, -10, 5, effect.DECLINING),  # shrank by 5 while losing 10 abroad
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_every_sign_combination_by_hand(code):
    growth, net, without, expected = CASES[code]
    population, components = frames({code: (growth, net)})
    row = effect.classify(population, components, 2020, 2021).set_index("code").loc[code]
    assert (row.growth, row.net_immigration, row.growth_without_immigration) == (
        growth, net, without)
    assert row.category == expected


def test_the_counts_of_the_table_cases():
    population, components = frames({c: (g, n) for c, (g, n, _, _) in CASES.items()})
    counts = effect.counts(effect.classify(population, components, 2020, 2021))
    # by hand from CASES: 3 growing without, 2 only with, 6 declining, 0 unknown
    assert counts.tolist() == [3, 2, 6, 0]


CHANGES = st.integers(-BASE + 1, 5 * BASE)


@given(st.dictionaries(st.integers(1000, 9999).map(str), st.tuples(CHANGES, CHANGES),
                       min_size=1, max_size=30))
def test_the_classes_partition_all_kommuner_and_follow_the_definition(cases):
    population, components = frames(cases)
    out = effect.classify(population, components, 2020, 2021).set_index("code")
    assert sorted(out.index) == sorted(cases)
    assert effect.counts(out).sum() == len(cases)
    for code, (growth, net) in cases.items():
        if growth <= 0:
            expected = effect.DECLINING
        elif growth - net > 0:
            expected = effect.GROWING_WITHOUT
        else:
            expected = effect.GROWING_ONLY_WITH
        assert out.at[code, "category"] == expected, (growth, net)
