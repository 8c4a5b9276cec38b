"""Benchmark: the national immigration-effect classification for all kommuner.

Reads population and the code crosswalk from ../shared/data (pure analysis core, no Django).
SSB 06913 components are not in shared/data, so the benchmark makes SYNTHETIC components
of the same shape (one row per kommune and year, random counts): the timing is what matters
here, not the categories. Run: .venv/bin/python bench/immigration_effect.py
"""

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from livskraft.analysis import borders, immigration_effect
from livskraft.analysis.accounts import COMPONENTS

DATA = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "shared" / "data")
RUNS = 20


def timed(label: str, work) -> None:
    seconds = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    print(f"{label:<58} median {1000 * statistics.median(seconds):7.1f} ms   "
          f"max {1000 * max(seconds):7.1f} ms")


def main() -> None:
    totals = pd.read_csv(DATA / "population" / "kommune_befolkning_total_b2024.csv",
                         dtype={"kommunenr": str})
    population = pd.DataFrame({"vintage": 2024, "year": totals.aar, "code": totals.kommunenr,
                               "persons": totals.personer, "estimated": totals.estimert == 1})
    own = pd.read_csv(DATA / "population" / "kommune_befolkning_total_aarets_grenser_2017_2021.csv",
                      dtype={"kommunenr": str})
    reference = own[own.aar == 2018].set_index("kommunenr").personer.astype(float)
    crosswalk = pd.read_csv(DATA / "codes" / "kommunenr_til_2024.csv",
                            dtype={"kommunenr_fra": str, "kommunenr_2024": str}).rename(
        columns={"kommunenr_fra": "from_code", "kommunenr_2024": "pivot_code",
                 "fra_aar": "from_year", "til_aar": "to_year", "vekt": "weight"}
    ).assign(pivot_vintage=2024)
    rng = np.random.default_rng(7)
    components = population[population.year < 2026][["vintage", "year", "code"]].copy()
    for column in COMPONENTS:
        components[column] = rng.integers(0, 500, len(components))
    kommuner = population.code.nunique()
    print(f"{kommuner} kommuner, {population.year.nunique()} år, {RUNS} gjentak per måling")

    timed("klassifisering 2006–2026, 2024-grenser",
          lambda: immigration_effect.classify(population, components, 2006, 2026))
    on_2018 = {}

    def convert():
        on_2018["population"] = borders.to_vintage(population, ["persons"], crosswalk, 2018,
                                                   reference)
        on_2018["components"] = borders.to_vintage(components, COMPONENTS, crosswalk, 2018,
                                                   reference)

    timed("omregning av befolkning + komponenter til 2018-grenser", convert)
    timed("klassifisering 2006–2018, 2018-grenser (422 kommuner)",
          lambda: immigration_effect.classify(on_2018["population"], on_2018["components"],
                                              2006, 2018))
    start = time.perf_counter()
    convert()
    result = immigration_effect.classify(on_2018["population"], on_2018["components"], 2006, 2018)
    total = time.perf_counter() - start
    print(f"hele kjeden (omregning + klassifisering), 2018-grenser: {1000 * total:.1f} ms "
          f"for {len(result)} kommuner = {1e6 * total / len(result):.0f} µs per kommune")


if __name__ == "__main__":
    main()
