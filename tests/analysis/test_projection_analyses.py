"""The projection's set-up from past populations, the comparison with SSB's projection, and
the MMMM − MMM0 effect (Kart 2/3); values worked out by hand in the comments."""

import numpy as np
import pandas as pd
import pytest

from livskraft.analysis import (
    immigration_projection,
    net_migration,
    projection,
    projection_comparison,
    projection_setup,
)
from livskraft.analysis.errors import MissingInput

AGES = projection.AGES


def rates(q=0.0, fertility=0.05):
    f = np.zeros(AGES)
    f[20:40] = fertility
    return projection.Rates(np.full((2, AGES), q), f)


def test_fertility_is_scaled_to_the_infants_a_kommune_had():
    history = np.full((2, 2, 2, AGES), 100.0)
    # national fertility: 20 ages × 100 women × 0.05 = 100 births a year, no deaths
    history[1, 0, :, 0] = [60.0, 60.0]  # Testvik: 120 infants → factor 1.2
    history[1, 1, :, 0] = [25.0, 25.0]  # Prøvebygd: 50 infants → factor 0.5
    scale = projection_setup.infant_fertility_scale(history, rates())
    assert scale.tolist() == pytest.approx([1.2, 0.5])


def test_prepare_without_births_uses_infants_and_reproduces_the_history():
    start = np.full((2, 2, AGES), 100.0)
    migration = np.zeros_like(start)
    migration[:, :, 25] = 4.0
    national = rates(q=0.01)
    history = projection.project(start, national, migration, 3, fertility_scale=0.8)
    setup = projection_setup.prepare(2024, ["9901", "9902"], history, national, 2022)
    assert setup.fertility_from_infants
    # the infants also contain the migrants aged 0 (none here), so the scale is 0.8 exactly
    assert setup.fertility_scale == pytest.approx([0.8, 0.8])
    again = projection.project(history[0], national, setup.migration, 3,
                               setup.fertility_scale, setup.mortality_scale)
    assert again == pytest.approx(history)


def test_residual_net_migration_by_hand():
    history = np.zeros((2, 1, 2, AGES))
    history[0, 0, :, 10] = 100  # 200 people aged 10
    history[1, 0, :, 11] = 95  # 190 aged 11 a year later
    history[1, 0, 0, 0] = 7  # and 7 infants
    q = np.full((2, AGES), 0.1)
    # survivors 200 · 0.9 = 180; aged ≥ 1 next year 190 → 10 moved in
    assert net_migration.yearly(history, q).tolist() == [[pytest.approx(10.0)]]
    # births − deaths ≈ 7 infants − 200 · 0.1 = −13; −13 + 10 = −3 = 197 − 200
    assert net_migration.natural_change(history, q).tolist() == [[pytest.approx(-13.0)]]


def test_residual_net_migration_with_each_years_own_death_probabilities():
    history = np.zeros((3, 1, 2, AGES))
    history[0, 0, :, 10] = 100  # 200 aged 10 on 1.1. of the first year
    history[1, 0, :, 11] = 95  # 190 aged 11
    history[2, 0, :, 12] = 80  # 160 aged 12
    q = np.stack([np.full((2, AGES), 0.1), np.full((2, AGES), 0.2)])
    # year 1: 200 · 0.9 = 180 survive, 190 → +10; year 2: 190 · 0.8 = 152 survive, 160 → +8
    assert net_migration.yearly(history, q).tolist() == [[pytest.approx(10.0)],
                                                         [pytest.approx(8.0)]]
    # with the first year's q for both: year 2 would be 160 − 190 · 0.9 = −11
    assert net_migration.yearly(history, q[0])[1, 0] == pytest.approx(-11.0)
    # births − deaths ≈ 0 infants − 200 · 0.1 = −20, then 0 − 190 · 0.2 = −38
    assert net_migration.natural_change(history, q).tolist() == [[pytest.approx(-20.0)],
                                                                 [pytest.approx(-38.0)]]


def test_cohort_residual_with_each_years_rates_finds_no_migration_in_a_closed_population():
    start = np.full((1, 2, AGES), 100.0)
    first, newest = rates(q=0.02), rates(q=0.01)
    one, _ = projection.step(start, first, np.zeros_like(start))
    two, _ = projection.step(one, newest, np.zeros_like(start))
    history = np.stack([start, one, two])
    yearly_q = np.stack([first.death_probability, newest.death_probability])
    found = projection.residual_migration(history, newest, death_probabilities=yearly_q)
    assert np.abs(found).max() == pytest.approx(0.0, abs=1e-9)
    # with the newest q for both years, the first year's extra deaths (1 % of 100 per sex
    # and age) look like people moving out: half of −1 on average over the two years
    assumed = projection.residual_migration(history, newest)
    assert assumed[0, 0, 30] == pytest.approx(-0.5)


def frame(rows):
    return pd.DataFrame(rows, columns=["code", "year", "persons"])


def test_differences_after_10_20_and_26_years():
    ours = frame([("9901", 2034, 1100), ("9901", 2044, 1200), ("9901", 2050, 1300),
                  ("9901", 2030, 999)])
    ssb = frame([("9901", 2034, 1000), ("9901", 2044, 1250), ("9901", 2050, 1300)])
    out = projection_comparison.differences(ours, ssb, 2024)
    assert out.horizon.tolist() == [10, 20, 26]
    assert out.difference.tolist() == [100, -50, 0]
    assert out.difference_pct.tolist() == pytest.approx([10.0, -4.0, 0.0])  # −50/1250


def test_quality_is_the_median_and_90th_percentile_of_absolute_differences():
    ours = frame([(f"99{i:02d}", 2034, 100 + i) for i in range(11)])
    ssb = frame([(f"99{i:02d}", 2034, 100) for i in range(11)])
    row = projection_comparison.quality(ours, ssb, [2034]).iloc[0]
    # |differences| 0..10: median 5; 90th percentile (linear) = 9; per cent of 100 the same
    assert row.kommuner == 11 and row.median_abs == 5 and row.p90_abs == pytest.approx(9)
    assert row.median_abs_pct == pytest.approx(5) and row.p90_abs_pct == pytest.approx(9)


def test_no_common_years_is_an_error_with_a_code():
    with pytest.raises(MissingInput) as caught:
        projection_comparison.differences(frame([("9901", 2030, 1)]),
                                          frame([("9901", 2034, 1)]), 2024)
    assert caught.value.code == "no_common_years"


def test_immigration_share_of_the_base_population_and_its_classes():
    main = frame([("9901", 2040, 1200), ("9902", 2040, 1030), ("9903", 2040, 980),
                  ("9904", 2040, 5000)])
    without = frame([("9901", 2040, 1000), ("9902", 2040, 1000), ("9903", 2040, 1000),
                     ("9904", 2040, 4000)])
    base = pd.DataFrame({"code": ["9901", "9902", "9903", "9904"],
                         "persons": [1000, 1000, 1000, 4000]})
    out = immigration_projection.effect(main, without, base).set_index("code")
    # 200/1000 = 20 %, 30/1000 = 3 %, −20/1000 = −2 %, 1000/4000 = 25 %
    assert out.share_pct.tolist() == pytest.approx([20.0, 3.0, -2.0, 25.0])
    assert out.class_index.tolist() == [5, 1, 0, 6]  # 20–25, 0–5, below 0, 25 and above
    assert immigration_projection.counts(out) == [1, 1, 0, 0, 0, 1, 1]
    assert immigration_projection.class_of(15.0) == 4  # "more than 15 %" starts here
