"""The edges of building projection inputs from past populations."""

import numpy as np
import pytest

from livskraft.analysis import projection_setup
from livskraft.analysis.projection import AGES, Rates


def test_one_year_of_history_is_not_enough():
    rates = Rates(np.full((2, AGES), 0.01), np.zeros(AGES))
    with pytest.raises(ValueError):
        projection_setup.prepare(2024, ["9901"], np.ones((1, 1, 2, AGES)), rates, 2022)


@pytest.mark.parametrize(("years", "base", "span", "expected"), [
    ([2020, 2021, 2022, 2023, 2024], None, 2, slice(2, 5)),  # the last year and two before it
    ([2020, 2021, 2022, 2023, 2024], 2022, 5, slice(0, 3)),  # cut at the start of the data
    ([2024], None, 3, slice(0, 1)),
])
def test_base_index_picks_the_history_up_to_the_base_year(years, base, span, expected):
    assert projection_setup.base_index(years, base, span) == expected


def test_base_index_without_years_is_an_error():
    with pytest.raises(ValueError):
        projection_setup.base_index([], None, 5)
