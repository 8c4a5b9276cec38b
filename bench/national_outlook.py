"""Benchmark: the national attractiveness run and projecting all kommuner 30 years.

Population by sex and age for all 357 kommuner is real (../shared/data, 2024 borders). SSB's
jobs by industry, national death and fertility rates and 06913 are not in shared/data, so
the benchmark makes SYNTHETIC ones of the real shape (357 kommuner × SSB's industry groups;
106 ages); the timings are what matter here, not the values.
Run: .venv/bin/python bench/national_outlook.py
"""

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from livskraft.analysis import attractiveness, projection, shift_share

DATA = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "shared" / "data")
RUNS = 10
TARGET_SECONDS = 2.0


def timed(label: str, work) -> float:
    seconds = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    median = statistics.median(seconds)
    print(f"{label:<52} median {1000 * median:8.1f} ms   max {1000 * max(seconds):8.1f} ms")
    return median


def main() -> None:
    ages = pd.read_csv(DATA / "population" / "kommune_befolkning_alder_kjonn_b2024.csv.gz",
                       dtype={"kommunenr": str})
    totals = pd.read_csv(DATA / "population" / "kommune_befolkning_total_b2024.csv",
                         dtype={"kommunenr": str})
    population = totals.rename(columns={"aar": "year", "kommunenr": "code",
                                        "personer": "persons"})
    years = sorted(ages.aar.unique())[-6:]
    codes = sorted(ages.kommunenr.unique())
    cube = (ages[ages.aar.isin(years)]
            .pivot_table(index=["aar", "kommunenr", "kjonn"], columns="alder", values="personer")
            .reindex(columns=range(projection.AGES), fill_value=0))
    history = np.stack([
        np.stack([cube.loc[(y, slice(None), s), :].to_numpy(float) for s in ("M", "K")], axis=1)
        for y in years
    ])
    age = np.arange(projection.AGES)
    mortality = np.minimum(0.6, 0.0003 + 0.00001 * age**2.2)
    rates = projection.Rates(np.vstack([mortality * 1.15, mortality]),
                             np.where((age >= 20) & (age <= 40), 0.075, 0.0))
    rng = np.random.default_rng(11)
    births = rng.uniform(10, 500, (len(years) - 1, len(codes)))
    deaths = rng.uniform(10, 500, (len(years) - 1, len(codes)))

    groups = shift_share.load_groups()
    industries = list(groups)
    jobs = pd.DataFrame([(year, code, industry, int(rng.integers(0, 2000)))
                         for year in (2016, 2026) for code in codes for industry in industries],
                        columns=["year", "code", "industry", "jobs"])
    migration = pd.DataFrame({"code": codes, "net_migration": rng.normal(0, 300, len(codes)),
                              "pop_start": population[population.year == 2016]
                              .set_index("code").persons.reindex(codes).to_numpy()})
    print(f"{len(codes)} kommuner, {len(industries)} næringer, {projection.AGES} aldre × 2 kjønn, "
          f"{RUNS} gjentak per måling")

    def attractiveness_run():
        business = shift_share.decompose(jobs, groups, population, 2016, 2026)
        attractiveness.assess(business, migration)

    def projection_run():
        fertility, mortality_scale = projection.calibrate(history[:-1], rates, births, deaths)
        flows = projection.residual_migration(history, rates, births, fertility, mortality_scale)
        projection.project(history[-1], rates, flows, 30, fertility, mortality_scale)

    first = timed("attraktivitet, alle kommuner 2016–2026", attractiveness_run)
    second = timed("framskriving, alle kommuner, 30 år, kalibrert", projection_run)
    total = first + second
    print(f"hele den nasjonale omberegningen: {1000 * total:.0f} ms "
          f"({total / TARGET_SECONDS:.2f} × målet på {TARGET_SECONDS:.0f} s)")


if __name__ == "__main__":
    main()
