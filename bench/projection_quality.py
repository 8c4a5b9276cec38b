"""Benchmark: how close our projection comes to SSB's own (table 14288, MMMM, 2024 edition)
for every kommune, from the data a fresh install has.

Ours: cohort-component from 1.1.2024, history 2019–2024 by sex and age (2024 borders),
national fertility (HFD) and HMD death rates converted to q(x) for the newest common year,
fertility scaled to each kommune's age-0 counts, net migration the cohort-change residual
(with each past year's own HMD q(x)).
Reference (plain, measured in the same run): each kommune's average yearly change over
2019–2024 carried forward in a straight line. Prints the median and 90th percentile of the
absolute difference from SSB's MMMM in 2034 and 2050 (persons and per cent of SSB's
figure) and the ratio ours / reference. Run: .venv/bin/python bench/projection_quality.py
"""

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from livskraft.analysis import projection, projection_comparison, projection_setup
from livskraft.sources.datasets.base import FileRead
from livskraft.sources.datasets.hmd_death_rates import read_death_rates

DATA = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "shared" / "data")
BASE_YEAR, HISTORY_YEARS, YEARS = 2024, 5, (2034, 2050)


def national_rates() -> tuple[int, projection.Rates, np.ndarray]:
    read = FileRead("nasjonal_dodsrate_hmd.csv")
    mortality = read_death_rates(DATA / "rates" / "nasjonal_dodsrate_hmd.csv", read)
    if mortality is None:
        raise SystemExit("\n".join(map(str, read.problems)))
    fertility = pd.read_csv(DATA / "rates" / "nasjonal_fruktbarhet.csv")
    year = int(min(mortality.year.max(), fertility.aar.max()))
    q = mortality[mortality.year == year].pivot_table(index="sex", columns="age", values="value")
    f = (fertility[fertility.aar == year].set_index("alder").fodte_per_kvinne
         .reindex(range(projection.AGES), fill_value=0.0))
    past = [mortality[mortality.year == y].pivot_table(index="sex", columns="age", values="value")
            .reindex(["M", "K"]).to_numpy(float)
            for y in range(BASE_YEAR - HISTORY_YEARS, BASE_YEAR)]  # 2019–2023, all in HMD
    return (year, projection.Rates(q.reindex(["M", "K"]).to_numpy(float), f.to_numpy(float)),
            np.stack(past))


def history() -> tuple[list[str], np.ndarray]:
    people = pd.read_csv(DATA / "population" / "kommune_befolkning_alder_kjonn_b2024.csv.gz",
                         dtype={"kommunenr": str})
    years = list(range(BASE_YEAR - HISTORY_YEARS, BASE_YEAR + 1))
    people = people[people.aar.isin(years)]
    codes = sorted(people.kommunenr.unique())
    cube = people.pivot_table(index=["aar", "kommunenr", "kjonn"], columns="alder",
                              values="personer", aggfunc="sum").reindex(
        pd.MultiIndex.from_product([years, codes, ["M", "K"]]), fill_value=0)
    return codes, cube.to_numpy(float).reshape(len(years), len(codes), 2, projection.AGES)


def frame(codes, years, totals) -> pd.DataFrame:
    return pd.DataFrame([{"code": c, "year": y, "persons": float(v)}
                         for y, row in zip(years, totals) for c, v in zip(codes, row)])


def main() -> None:
    ssb = pd.read_csv(DATA / "projections" / "kommune_framskriving_ssb_b2024.csv",
                      dtype={"kommunenr": str})
    ssb = ssb[ssb.alternativ == "MMMM"].rename(columns={"kommunenr": "code", "aar": "year",
                                                        "personer": "persons"})
    rate_year, rates, past_mortality = national_rates()
    codes, past = history()
    started = time.perf_counter()
    setup = projection_setup.prepare(BASE_YEAR, codes, past, rates, rate_year,
                                     history_mortality=past_mortality)
    horizon = max(YEARS) - BASE_YEAR
    path = projection.project(past[-1], rates, setup.migration, horizon,
                              setup.fertility_scale, setup.mortality_scale)
    seconds = time.perf_counter() - started
    years = list(range(BASE_YEAR, max(YEARS) + 1))
    ours = frame(codes, years, path.sum(axis=(2, 3)))
    totals = past.sum(axis=(2, 3))
    trend = (totals[-1] - totals[0]) / HISTORY_YEARS
    plain = frame(codes, years, [totals[-1] + trend * (y - BASE_YEAR) for y in years])
    ours_q = projection_comparison.quality(ours, ssb, YEARS).set_index("year")
    plain_q = projection_comparison.quality(plain, ssb, YEARS).set_index("year")
    print(f"Projection of {len(codes)} kommuner from 1.1.{BASE_YEAR} (rates {rate_year}): "
          f"{seconds:.2f} s")
    print(f"{'year':<6}{'measure':<32}{'ours':>10}{'reference':>12}{'ratio':>8}")
    for year in YEARS:
        for column, label in (("median_abs_pct", "median |diff| % of SSB"),
                              ("p90_abs_pct", "90th pct |diff| % of SSB"),
                              ("median_abs", "median |diff| persons"),
                              ("p90_abs", "90th pct |diff| persons")):
            a, b = ours_q.at[year, column], plain_q.at[year, column]
            print(f"{year:<6}{label:<32}{a:>10.1f}{b:>12.1f}{a / b:>8.2f}")
    national = {y: (ours[ours.year == y].persons.sum(), ssb[ssb.year == y].persons.sum())
                for y in YEARS}
    for year, (a, b) in national.items():
        print(f"national total {year}: ours {a:,.0f}, SSB {b:,.0f} ({100 * (a - b) / b:+.1f} %)")


if __name__ == "__main__":
    main()
