import math

import pandas as pd
import pytest

from livskraft.analysis.place_ranking import (
    Criterion,
    percentiles,
    pros_and_cons,
    rank,
    rank_scores,
)

CRITERIA = [Criterion("growth", +1), Criterion("travel", -1), Criterion("price", -1)]
# three synthetic kommuner; Prøvebygd has no housing price
INDICATORS = pd.DataFrame(
    {"growth": [5.0, -2.0, 1.0], "travel": [10.0, 60.0, 30.0], "price": [40000, float("nan"), 20000]},
    index=["9901", "9902", "9903"],
)


def test_percentiles_follow_the_direction_and_keep_missing_as_missing():
    out = percentiles(INDICATORS, CRITERIA)
    assert out.growth.tolist() == [100, 0, 50]
    assert out.travel.tolist() == [100, 0, 50]  # shorter travel is better
    assert out.price["9903"] == 100 and out.price["9901"] == 0
    assert math.isnan(out.price["9902"])


def test_weighted_ranking_by_hand():
    out = rank(INDICATORS, CRITERIA, {"growth": 1, "travel": 1, "price": 2})
    # Testvik: (100 + 100 + 0·2)/4 = 50; Eksempelstad: (50 + 50 + 100·2)/4 = 75
    # Prøvebygd: (0 + 0)/2 = 0 with half of the weight covered
    assert out.loc["9901", "score"] == 50 and out.loc["9903", "score"] == 75
    assert out.loc["9902", "score"] == 0 and out.loc["9902", "coverage"] == 0.5
    assert out.index.tolist() == ["9903", "9901", "9902"]
    assert out["rank"].tolist() == [1, 2, 3]


def test_weights_change_the_order():
    growth_only = rank(INDICATORS, CRITERIA, {"growth": 5})
    assert growth_only.index[0] == "9901"
    with pytest.raises(ValueError, match="no_criterion"):
        rank(INDICATORS, CRITERIA, {"growth": 0})


def test_pros_cons_and_missing():
    weights = {"growth": 1, "travel": 1, "price": 1}
    assert pros_and_cons(INDICATORS, CRITERIA, weights, "9901") == {
        "pros": ["growth", "travel"], "cons": ["price"], "missing": []}
    assert pros_and_cons(INDICATORS, CRITERIA, weights, "9902")["missing"] == ["price"]


def test_ties_share_the_average_rank_and_keep_a_stable_order():
    tied = pd.DataFrame({"growth": [1.0, 1.0, 3.0, 1.0]}, index=["9904", "9901", "9903", "9902"])
    # the three 1.0s hold ranks 1–3 and share their average, 2; 3.0 is rank 4.
    # percentile = 100·(rank − 1)/(4 − 1): 100·1/3 = 33.3 for each 1.0, and 100
    out = percentiles(tied, [Criterion("growth", +1)])
    assert out.growth.tolist() == pytest.approx([100 / 3, 100 / 3, 100, 100 / 3])
    ranked = rank(tied, [Criterion("growth", +1)], {"growth": 3})
    assert ranked.index[0] == "9903"
    assert ranked.score.tolist()[1:] == pytest.approx([100 / 3] * 3)  # equal, not ordered apart
    assert ranked.index.tolist()[1:] == ["9904", "9901", "9902"]  # as given: a stable sort
    assert ranked["rank"].tolist() == [1, 2, 3, 4]


def test_a_criterion_only_one_kommune_has_gives_it_the_middle():
    single = pd.DataFrame({"price": [float("nan"), 30000.0]}, index=["9901", "9902"])
    out = percentiles(single, [Criterion("price", -1)])
    assert math.isnan(out.price["9901"]) and out.price["9902"] == 50


def test_ranking_from_precomputed_percentiles_needs_a_positive_weight():
    scores = percentiles(INDICATORS, CRITERIA)
    with pytest.raises(ValueError):
        rank_scores(scores, {"growth": 0, "travel": 0})
    # the same weights through rank() and rank_scores() give the same order
    weights = {"growth": 1, "travel": 1, "price": 2}
    assert rank_scores(scores, weights).index.tolist() == \
        rank(INDICATORS, CRITERIA, weights).index.tolist() == ["9903", "9901", "9902"]
