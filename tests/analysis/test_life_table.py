import numpy as np
import pytest

from livskraft.analysis.life_table import death_probabilities, infant_fraction


def test_infant_fraction_follows_andreev_kingkade_bands():
    assert infant_fraction(0.01, "M") == pytest.approx(0.14929 - 1.99545 * 0.01)  # 0.1293355
    assert infant_fraction(0.02, "K") == pytest.approx(0.04667 + 3.88089 * 0.02)  # 2nd band
    assert infant_fraction(0.5, "M") == pytest.approx(0.29915)


def test_rates_become_probabilities_by_hand():
    m = np.array([0.01, 0.002, 0.5, np.nan])
    q = death_probabilities(m, "M", ages=5)
    # age 0: a0 = 0.1293355, q = 0.01 / (1 + 0.8706645·0.01) = 0.01 / 1.008706645
    assert q[0] == pytest.approx(0.00991368, abs=1e-8)
    assert q[1] == pytest.approx(0.002 / 1.001)  # a = 0.5
    assert q[2] == pytest.approx(0.5 / 1.25)  # 0.4
    # unknown at age 3 and the missing age 4 take the last known rate, 0.5
    assert q[3] == pytest.approx(0.4) and q[4] == pytest.approx(0.4)


def test_rates_must_start_at_age_zero():
    with pytest.raises(ValueError):
        death_probabilities(np.array([np.nan, 0.1]), "K", ages=2)
