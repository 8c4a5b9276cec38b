import numpy as np
import pandas as pd
import pytest

from livskraft.analysis import attractiveness, shift_share
from livskraft.analysis.errors import MissingDataError

GROUPS = {"C": "basis", "I": "visitor", "F": "regional", "O": "local"}


def jobs_frame(rows):
    return pd.DataFrame(rows, columns=["year", "code", "industry", "jobs"])


def population_frame(rows):
    return pd.DataFrame(rows, columns=["year", "code", "persons"])


# Nation = Testvik + Prøvebygd. Basis grows 10 %, visitor 0 %, regional 20 % nationally.
JOBS = jobs_frame([
    (2020, "9901", "C", 100), (2022, "9901", "C", 110),
    (2020, "9901", "I", 50), (2022, "9901", "I", 50),
    (2020, "9901", "F", 50), (2022, "9901", "F", 60),
    (2020, "9901", "O", 500), (2022, "9901", "O", 10),  # public jobs do not count
    (2020, "9902", "C", 100), (2022, "9902", "C", 110),
    (2020, "9902", "I", 150), (2022, "9902", "I", 150),
    (2020, "9902", "F", 50), (2022, "9902", "F", 60),
])
POPULATION = population_frame([(2020, "9901", 1000), (2022, "9901", 1100),
                               (2020, "9902", 3000), (2022, "9902", 3300)])


def test_a_kommune_growing_like_the_nation_has_zero_business_attractiveness():
    out = shift_share.decompose(JOBS, GROUPS, POPULATION, 2020, 2022).set_index("code")
    testvik = out.loc["9901"]
    assert testvik.jobs_start == 200 and testvik.jobs_end == 220
    assert testvik.job_growth == pytest.approx(0.10)
    assert testvik.national_growth == pytest.approx(40 / 500)
    # mix: (100·(0.10−0.08) + 50·(0−0.08) + 50·(0.20−0.08)) / 200 = 0.02
    assert testvik.industry_mix == pytest.approx(0.02)
    assert testvik.population_effect == pytest.approx(0)
    assert testvik.business_attractiveness == pytest.approx(0)
    assert out.loc["9902", "business_attractiveness"] == pytest.approx(0)


def test_extra_growth_shows_as_business_attractiveness_and_population_effect():
    jobs = JOBS.copy()
    jobs.loc[(jobs.code == "9901") & (jobs.year == 2022) & (jobs.industry == "C"), "jobs"] = 130
    population = POPULATION.copy()
    population.loc[(population.code == "9901") & (population.year == 2022), "persons"] = 1200
    out = shift_share.decompose(jobs, GROUPS, population, 2020, 2022).set_index("code")
    testvik = out.loc["9901"]
    national = 60 / 500
    national_pop = (4500 - 4000) / 4000
    assert testvik.national_growth == pytest.approx(national)
    assert testvik.population_effect == pytest.approx(50 / 200 * (0.20 - national_pop))
    expected = (40 / 200 - national - testvik.industry_mix - testvik.population_effect)
    assert testvik.business_attractiveness == pytest.approx(expected)


def test_unmapped_industries_are_reported_not_dropped():
    jobs = pd.concat([JOBS, jobs_frame([(2020, "9901", "Z", 1)])])
    with pytest.raises(MissingDataError, match="Z"):
        shift_share.decompose(jobs, GROUPS, POPULATION, 2020, 2022)


def test_regression_recovers_a_known_relationship_and_residuals_are_attractiveness():
    rng = np.random.default_rng(3)
    codes = [f"99{i:02d}" for i in range(40)]
    growth = rng.normal(0, 0.05, 40)
    size = rng.uniform(1000, 50000, 40)
    attractiveness_true = np.zeros(40)
    attractiveness_true[0] = 0.03  # Testvik-like outlier: 3 % extra in-migration
    rate = 0.01 + 0.5 * growth + attractiveness_true
    business = pd.DataFrame({"code": codes, "job_growth": growth, "national_growth": 0.0,
                             "business_attractiveness": growth})
    migration = pd.DataFrame({"code": codes, "pop_start": size, "net_migration": rate * size})
    table, model = attractiveness.assess(business, migration, ["relative_job_growth"])
    assert model.observations == 40
    slope, intercept = np.polyfit(growth, rate, 1)  # an independent least-squares fit
    assert model.coefficients["relative_job_growth"] == pytest.approx(slope)
    assert model.coefficients["intercept"] == pytest.approx(intercept)
    assert slope == pytest.approx(0.5, abs=0.05)
    top = table.sort_values("residential_attractiveness").iloc[-1]
    assert top.code == "9900"
    assert top.residential_attractiveness == pytest.approx(rate[0] - intercept - slope * growth[0])
    total = top.residential_attractiveness + model.coefficients["relative_job_growth"] * growth[0]
    assert top.total_attractiveness == pytest.approx(total)
    assert 0 < model.r_squared <= 1
    with pytest.raises(ValueError, match="unknown_terms"):
        attractiveness.assess(business, migration, ["weather"])
