import math

import pandas as pd
import pytest

from livskraft.analysis import accounts, immigration_effect, population
from livskraft.analysis.errors import MissingDataError
from tests.synthetic import CHANGES, POPULATION


def synthetic_population() -> pd.DataFrame:
    rows = [(y, c, p) for c, values in POPULATION.items() for y, p in zip((2020, 2021, 2022), values)]
    return pd.DataFrame(rows, columns=["year", "code", "persons"]).assign(estimated=False)


def synthetic_components() -> pd.DataFrame:
    rows = [(y, c, *r) for c, values in CHANGES.items() for y, r in zip((2020, 2021), values)]
    return pd.DataFrame(rows, columns=["year", "code", *accounts.COMPONENTS])


def test_change_between_two_years():
    out = population.change(synthetic_population(), 2020, 2022).set_index("code")
    assert out.loc["9901", "change"] == 30
    assert out.loc["9901", "change_pct"] == pytest.approx(3.0)
    assert out.loc["9903", "change"] == -20
    with pytest.raises(ValueError):
        population.change(synthetic_population(), 2022, 2020)
    with pytest.raises(MissingDataError, match=r"no_population_in_year \(year=2030\)"):
        population.change(synthetic_population(), 2020, 2030)


def test_series_of_one_kommune():
    out = population.series(synthetic_population(), "9902", 2021)
    assert out.persons.tolist() == [505, 503]
    with pytest.raises(MissingDataError):
        population.series(synthetic_population(), "0000")


def test_age_pyramid_bands_sum_to_the_total_and_keep_the_open_top_group():
    men, women = list(range(106)), [1] * 106
    out = population.age_pyramid(men, women)
    assert out.age.iloc[0] == "0–4" and out.age.iloc[-1] == "90+"
    assert out.men.iloc[0] == 0 + 1 + 2 + 3 + 4
    assert out.men.sum() == sum(men) and out.women.sum() == 106
    assert out.women.iloc[-1] == 16  # ages 90..105


def test_population_accounts_by_hand():
    out = accounts.population_accounts(
        synthetic_components(), synthetic_population(), code="9901"
    ).set_index("year")
    assert out.loc[2020, "natural_increase"] == 4
    assert out.loc[2020, "net_immigration"] == 6
    assert out.loc[2020, "net_domestic"] == 0
    assert out.loc[2020, "total_change"] == 10
    assert out.loc[2021, "total_change"] == 20
    assert out.loc[2021, "observed_change"] == 20 and out.loc[2021, "residual"] == 0
    with pytest.raises(MissingDataError, match="06913"):
        accounts.population_accounts(synthetic_components().iloc[0:0])


def test_accounts_leave_observed_change_empty_where_next_year_is_missing():
    pop = synthetic_population()
    out = accounts.population_accounts(synthetic_components(), pop[pop.year < 2022], code="9902")
    assert math.isnan(out.set_index("year").loc[2021, "observed_change"])


def test_immigration_effect_three_way_classification_by_hand():
    out = immigration_effect.classify(synthetic_population(), synthetic_components(), 2020, 2022)
    got = out.set_index("code")
    # Testvik: growth 30, net immigration 11 -> 19 without immigration
    assert got.loc["9901", "growth_without_immigration"] == 19
    assert got.loc["9901", "category"] == immigration_effect.GROWING_WITHOUT
    # Prøvebygd: growth 3, net immigration 12 -> -9 without immigration
    assert got.loc["9902", "category"] == immigration_effect.GROWING_ONLY_WITH
    assert got.loc["9903", "category"] == immigration_effect.DECLINING
    counts = immigration_effect.counts(out)
    assert counts.tolist() == [1, 1, 1, 0]


def test_immigration_effect_marks_missing_components_as_unknown_never_guessed():
    components = synthetic_components()
    components = components[~((components.code == "9902") & (components.year == 2021))]
    out = immigration_effect.classify(synthetic_population(), components, 2020, 2022)
    assert out.set_index("code").loc["9902", "category"] == immigration_effect.UNKNOWN
    with pytest.raises(MissingDataError):
        immigration_effect.classify(synthetic_population(), components, 2010, 2012)
