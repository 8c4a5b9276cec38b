"""Properties that must hold for any input: border conversions conserve people, a closed
population follows its survival rates and never goes negative, and the place finder's ranking
responds to each weight in the right direction."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from livskraft.analysis.borders import to_vintage
from livskraft.analysis.place_ranking import Criterion, percentiles, rank
from livskraft.analysis.projection import AGES, Rates, project, step

PROPERTY = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


# Border conversions ---------------------------------------------------------------------

@st.composite
def merged_kommuner(draw):
    """2019 kommuner 9801… merged into 2024 kommuner 9901…; optionally one 2019 kommune split
    between two 2024 ones with a published share. Returns (crosswalk, 2019 persons)."""
    old = [f"98{i:02d}" for i in range(draw(st.integers(1, 8)))]
    target = {code: draw(st.integers(0, len(old) - 1)) for code in old}
    rows = [(code, 1990, 2019, f"99{target[code]:02d}", 1.0) for code in old]
    split = draw(st.booleans()) and len(set(target.values())) > 1
    if split:
        share = draw(st.integers(1, 99)) / 100
        first, *_ = old
        other = next(v for v in sorted(set(target.values())) if v != target[first])
        rows[0] = (first, 1990, 2019, f"99{target[first]:02d}", share)
        rows.append((first, 1990, 2019, f"99{other:02d}", round(1 - share, 2)))
    pivots = sorted({row[3] for row in rows})
    rows += [(code, 2020, 2024, code, 1.0) for code in pivots]
    crosswalk = pd.DataFrame(rows, columns=["from_code", "from_year", "to_year", "pivot_code",
                                            "weight"]).assign(pivot_vintage=2024)
    persons = {code: draw(st.integers(1, 100_000)) for code in old}
    return crosswalk, persons, split


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(merged_kommuner())
def test_merging_then_splitting_conserves_the_total(case):
    crosswalk, persons, split = case
    on_2019 = pd.DataFrame({"vintage": 2019, "year": 2019, "code": list(persons),
                            "persons": list(persons.values())})
    total = sum(persons.values())
    merged = to_vintage(on_2019, ["persons"], crosswalk, 2024)
    assert merged.persons.sum() == pytest.approx(total)
    assert merged.code.str.startswith("99").all()
    assert merged.estimated.any() == split  # only a split share is an estimate
    back = to_vintage(merged.assign(vintage=2024), ["persons"], crosswalk, 2019,
                      reference=pd.Series(persons, dtype="float64"))
    assert back.persons.sum() == pytest.approx(total)
    assert set(back.code) == set(persons)
    if not split:  # split by the same people it was merged from: every kommune comes back
        got = dict(zip(back.code, back.persons))
        assert got == pytest.approx({code: float(n) for code, n in persons.items()})


# Projection ------------------------------------------------------------------------------

def populations(kommuner=1):
    return hnp.arrays(np.float64, (kommuner, 2, AGES),
                      elements=st.floats(0, 10_000, allow_nan=False, allow_infinity=False))


def probabilities():
    return hnp.arrays(np.float64, (2, AGES), elements=st.floats(0, 1, allow_nan=False))


NO_BIRTHS = np.zeros(AGES)


@PROPERTY
@given(populations(), probabilities())
def test_a_closed_population_without_births_is_its_survivors(population, q):
    following, births = step(population, Rates(q, NO_BIRTHS), np.zeros_like(population))
    survivors = population * (1 - q)
    assert births.tolist() == [0.0]
    assert following[0, :, 0] == pytest.approx([0.0, 0.0])  # nobody is born
    assert following[0, :, 1:-1] == pytest.approx(survivors[0, :, :-2])  # a → a + 1
    top = survivors[0, :, -2] + survivors[0, :, -1]  # the open group keeps its survivors
    assert following[0, :, -1] == pytest.approx(top)
    assert following.sum() <= population.sum() + 1e-6


@PROPERTY
@given(populations(), probabilities(), st.integers(1, 15))
def test_a_closed_cohort_follows_the_product_of_its_survival_rates(population, q, years):
    path = project(population, Rates(q, NO_BIRTHS), np.zeros_like(population), years)
    for age in range(AGES - 1 - years):
        ages = np.arange(age, age + years)
        expected = population[0, :, age] * np.prod(1 - q[:, ages], axis=1)
        assert path[-1, 0, :, age + years] == pytest.approx(expected, rel=1e-9, abs=1e-9)


@PROPERTY
@given(populations(2), probabilities(),
       hnp.arrays(np.float64, AGES, elements=st.floats(0, 0.5, allow_nan=False)),
       hnp.arrays(np.float64, (2, 2, AGES),
                  elements=st.floats(-20_000, 20_000, allow_nan=False)),
       st.integers(1, 10))
def test_no_negative_persons_whatever_the_migration(population, q, fertility, migration, years):
    path = project(population, Rates(q, fertility), migration, years)
    assert (path >= 0).all() and np.isfinite(path).all()


# Place-finder ranking --------------------------------------------------------------------

CRITERIA = [Criterion("a", +1), Criterion("b", -1), Criterion("c", +1)]
KOMMUNER = [f"99{i:02d}" for i in range(6)]


def indicator_tables(missing: bool):
    value = st.floats(-100, 100, allow_nan=False, allow_infinity=False).map(lambda v: round(v, 1))
    if missing:
        value = st.one_of(value, st.just(float("nan")))
    return st.fixed_dictionaries({c.key: st.lists(value, min_size=6, max_size=6)
                                  for c in CRITERIA}).map(
        lambda columns: pd.DataFrame(columns, index=KOMMUNER))


WEIGHTS = st.fixed_dictionaries({c.key: st.integers(0, 5) for c in CRITERIA})


def raise_weight(table, weights, criterion, more):
    """Scores before and after raising one weight, and the kommuner's percentiles on it."""
    assume(any(weights.values()))
    before = rank(table, CRITERIA, weights).score
    after = rank(table, CRITERIA, {**weights, criterion.key: weights[criterion.key] + more}).score
    return before, after, percentiles(table, CRITERIA)[criterion.key]


@PROPERTY
@given(indicator_tables(missing=True), WEIGHTS, st.sampled_from(CRITERIA), st.integers(1, 5))
def test_a_higher_weight_moves_each_score_towards_that_criterion(table, weights, criterion,
                                                                 more):
    before, after, on_it = raise_weight(table, weights, criterion, more)
    for code in KOMMUNER:
        if np.isnan(on_it[code]) or np.isnan(before[code]):
            continue  # no data on the criterion: its weight does not touch the score
        if on_it[code] >= before[code]:
            assert after[code] >= before[code] - 1e-9
        else:
            assert after[code] <= before[code] + 1e-9


@PROPERTY
@given(indicator_tables(missing=False), WEIGHTS, st.sampled_from(CRITERIA), st.integers(1, 5))
def test_raising_a_weight_never_lets_a_worse_kommune_on_it_overtake(table, weights, criterion,
                                                                    more):
    before, after, on_it = raise_weight(table, weights, criterion, more)
    for better in KOMMUNER:
        for worse in KOMMUNER:
            if on_it[better] > on_it[worse] and before[better] >= before[worse]:
                assert after[better] >= after[worse] - 1e-9
