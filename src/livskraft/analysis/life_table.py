"""From central death rates m(x) to the probability q(x) of dying within the year.

The Human Mortality Database publishes m(x), deaths per person-year lived at age x. The
projection needs q(x). With a(x) the average part of the year lived by those who die at x:
    q(x) = m(x) / (1 + (1 − a(x)) · m(x)).
a(x) = 0.5 from age 1 (deaths spread evenly over the year). Infants who die do so early in
the year, so a(0) follows Andreev & Kingkade (2015), the rule of HMD's Methods Protocol v6:
    men:   a0 = 0.14929 − 1.99545·m0 if m0 < 0.0230;   0.02832 + 3.26201·m0 if m0 < 0.08307;
           else 0.29915
    women: a0 = 0.14903 − 2.05527·m0 if m0 < 0.01724;  0.04667 + 3.88089·m0 if m0 < 0.06891;
           else 0.31411
The open top group (105 and older in the projection) takes the rate of the highest age up to
it that has a value (HMD leaves m(x) empty where nobody of that age was alive), so q ≤ 1.
"""

import numpy as np

INFANT_RULE = {  # sex → ((upper m0, intercept, slope), …, (inf, constant, 0))
    "M": ((0.0230, 0.14929, -1.99545), (0.08307, 0.02832, 3.26201), (np.inf, 0.29915, 0.0)),
    "K": ((0.01724, 0.14903, -2.05527), (0.06891, 0.04667, 3.88089), (np.inf, 0.31411, 0.0)),
}


def infant_fraction(m0: float, sex: str) -> float:
    """a(0): the average fraction of the first year lived by infants who die."""
    for upper, intercept, slope in INFANT_RULE[sex]:
        if m0 < upper:
            return intercept + slope * m0
    raise AssertionError("unreachable: the last band is unbounded")


def death_probabilities(rates: np.ndarray, sex: str, ages: int) -> np.ndarray:
    """q(0..ages−1) from m(0..n) for one sex; NaN where m is unknown. Ages at and above
    `ages − 1` form the open group, which takes the last known rate up to that age."""
    m = np.asarray(rates, dtype=float)[:ages].copy()
    known = np.flatnonzero(~np.isnan(m))
    if len(known) == 0 or known[0] != 0:
        raise ValueError("death rates must start at age 0")
    for age in range(1, len(m)):  # carry the last known rate upwards (only the oldest ages)
        if np.isnan(m[age]):
            m[age] = m[age - 1]
    if len(m) < ages:
        m = np.concatenate([m, np.full(ages - len(m), m[-1])])
    lived = np.full(ages, 0.5)
    lived[0] = infant_fraction(m[0], sex)
    return np.minimum(1.0, m / (1 + (1 - lived) * m))
