import numpy as np
import pytest

from livskraft.analysis.projection import (
    AGES,
    BOYS_SHARE,
    Rates,
    age_band_migration,
    calibrate,
    project,
    residual_migration,
    step,
)


def flat_population(kommuner=1, per_age=100.0):
    return np.full((kommuner, 2, AGES), per_age)


def rates(death=0.01, fertility=0.05):
    f = np.zeros(AGES)
    f[20:40] = fertility
    return Rates(np.full((2, AGES), death), f)


def test_a_closed_population_without_births_follows_its_survival_rates():
    start = flat_population()
    q = np.linspace(0.001, 0.3, AGES)
    closed = Rates(np.vstack([q, q * 1.2]), np.zeros(AGES))
    path = project(start, closed, np.zeros_like(start), years=2)
    men = path[1, 0, 0]
    assert men[0] == 0  # no births
    assert men[1] == pytest.approx(100 * (1 - q[0]))
    assert men[50] == pytest.approx(100 * (1 - q[49]))
    assert men[105] == pytest.approx(100 * (1 - q[104]) + 100 * (1 - q[105]))
    assert path[2, 0, 1, 2] == pytest.approx(100 * (1 - 1.2 * q[0]) * (1 - 1.2 * q[1]))


def test_births_by_hand():
    start = flat_population()
    following, births = step(start, rates(death=0.0, fertility=0.05), np.zeros_like(start))
    assert births[0] == pytest.approx(20 * 100 * 0.05)  # 20 fertile ages × 100 women × 0.05
    assert following[0, 0, 0] == pytest.approx(100 * BOYS_SHARE)
    assert following[0, 1, 0] == pytest.approx(100 * (1 - BOYS_SHARE))


def test_migration_is_added_and_nothing_goes_negative():
    start = flat_population()
    migration = np.zeros_like(start)
    migration[0, 0, 30] = 7
    migration[0, 1, 31] = -1000
    following, _ = step(start, rates(death=0.0), migration)
    assert following[0, 0, 30] == pytest.approx(107)
    assert following[0, 1, 31] == 0


def test_scaling_to_observed_births_and_deaths():
    history = np.stack([flat_population(2), flat_population(2)])
    national = rates(death=0.01, fertility=0.05)
    births = np.array([[200.0, 50.0], [200.0, np.nan]])  # expected 100 per kommune and year
    deaths = np.array([[424.0, 212.0], [424.0, 212.0]])  # expected 212
    fertility, mortality = calibrate(history, national, births, deaths)
    assert fertility.tolist() == [2.0, 1.0]  # the second kommune lacks a year: not scaled
    assert mortality.tolist() == pytest.approx([2.0, 1.0])


def test_residual_migration_reproduces_the_history():
    national = rates()
    start = flat_population(3)
    migration = np.zeros_like(start)
    migration[:, :, 20:30] = 3.0
    migration[2, :, 60] = -2.0
    history = project(start, national, migration, years=4)
    estimated = residual_migration(history, national)
    assert estimated == pytest.approx(migration)
    again = project(start, national, estimated, years=4)
    assert again == pytest.approx(history)


def test_kommuner_sum_to_the_national_projection_when_rates_are_shared():
    national = rates()
    rng = np.random.default_rng(1)
    kommuner = rng.uniform(10, 500, (25, 2, AGES))
    migration = rng.normal(0, 2, (25, 2, AGES))
    each = project(kommuner, national, migration, years=30)
    whole = project(kommuner.sum(axis=0, keepdims=True), national,
                    migration.sum(axis=0, keepdims=True), years=30)
    # only the floor at zero in small kommuner can make the sums differ
    assert each[-1].sum() == pytest.approx(whole[-1].sum(), rel=0.005)


def test_user_scenario_spreads_people_over_ages_and_sexes():
    extra = age_band_migration(20, 20, 29)
    assert extra.sum() == pytest.approx(20)
    assert extra[0, 20] == pytest.approx(1.0) and extra[1, 29] == pytest.approx(1.0)
    assert extra[:, 30].sum() == 0
