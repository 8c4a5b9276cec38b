"""Benchmark: the bygdekalkulator with random weights, households, filters and comparisons.

Starts `livskraft serve` on 127.0.0.1 with ../shared/data imported into a temporary database,
then sends REQUESTS place-finder requests, each with a fresh random set of weights (so no page
cache can answer), from THREADS keep-alive clients. In the same run it measures two
references: the same server answering a small static file (the framework's floor for one
request), and a plain numpy implementation of the same weighted ranking (the kernel, in
process). Prints p50/p99 of each and the ratios. Target (issue 15 item 2): page p99 < 100 ms.
Run: .venv/bin/python bench/placefinder.py [REQUESTS] [THREADS]
"""

import http.client
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import numpy as np

import serving

DATA = Path(__file__).parents[2] / "shared" / "data"
REQUESTS = int(sys.argv[1]) if len(sys.argv) > 1 else 600
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
CRITERIA = ["arbeidsplasser", "befolkningsvekst", "unge_voksne", "barn", "sentralitet",
            "reisetid", "natur_og_plass", "boligpris", "bredband", "tiltakssone",
            "arbeidsgiveravgift"]
PLACES = ["0301", "5014", "1151", "4601", "5001", "1806", "3907", "5501", "1508", "4204",
          "5610", "3201", "1820", "4020"]


def random_query(rng: random.Random) -> str:
    query = {f"w_{key}": rng.randint(0, 5) for key in CRITERIA}
    query.update(voksne=rng.randint(1, 3), barn=rng.randint(0, 3), side=rng.randint(1, 3))
    if rng.random() < 0.5:
        query["arbeidssted"] = rng.choice(PLACES)
    for number in range(1, rng.randint(1, 4) + 1):
        query[f"k{number}"] = rng.choice(PLACES)
    if rng.random() < 0.3:
        query["fylke"] = rng.choice(["50", "18", "56", "46", "32"])
    if rng.random() < 0.3:
        query["maks_reisetid"] = rng.choice([15, 30, 60])
    if rng.random() < 0.3:
        query["distrikt"] = "on"
    return "/bygdekalkulator/?" + urlencode(query)


def load(port: int, paths: list[str]) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    shares = [paths[i::THREADS] for i in range(THREADS)]

    def client(mine_paths: list[str]) -> None:
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for path in mine_paths:
            start = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                with lock:
                    errors += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def plain_ranking(rng: random.Random, rounds: int) -> list[float]:
    """The same weighted mean of percentiles, written plainly over a 357 × 11 matrix."""
    scores = np.random.default_rng(16).uniform(0, 100, size=(357, len(CRITERIA)))
    scores[np.random.default_rng(17).random(scores.shape) < 0.1] = np.nan
    latencies = []
    for _ in range(rounds):
        weight = np.array([rng.randint(0, 5) for _ in CRITERIA], dtype=float) + 0.01
        start = time.perf_counter()
        has = ~np.isnan(scores)
        total = np.nan_to_num(scores) @ weight / (has @ weight)
        np.argsort(-total, kind="stable")
        latencies.append(time.perf_counter() - start)
    return latencies


def line(label: str, latencies: list[float], errors: int = 0) -> float:
    cuts = statistics.quantiles(latencies, n=100)
    print(f"{label:<34} {len(latencies):>5}  p50 {1000 * cuts[49]:8.2f} ms  "
          f"p99 {1000 * cuts[98]:8.2f} ms  feil {errors}")
    return cuts[98]


def main() -> None:
    if not (DATA / "README.md").exists():
        raise SystemExit(f"fant ikke {DATA}")
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "LIVSKRAFT_HOME": home}
        env.pop("DATABASE_URL", None)
        subprocess.run([sys.executable, "-m", "livskraft", "import-data", str(DATA)], env=env,
                       check=True, capture_output=True)
        server, port = serving.start(env)
        try:
            load(port, [random_query(rng) for _ in range(10)])  # first request builds frames
            pages = [random_query(rng) for _ in range(REQUESTS)]
            page_latencies, errors = load(port, pages)
            static_latencies, static_errors = load(
                port, ["/static/livskraft/map.js"] * REQUESTS)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"bygdekalkulatoren, {THREADS} klienter, tilfeldige vekter per forespørsel")
    page_p99 = line("side med rangering", page_latencies, errors)
    static_p99 = line("referanse: statisk fil, samme server", static_latencies, static_errors)
    kernel_p99 = line("referanse: ren numpy-rangering", plain_ranking(rng, REQUESTS))
    print(f"forhold side/statisk fil p99: {page_p99 / static_p99:.1f}×   "
          f"side/numpy-rangering p99: {page_p99 / kernel_p99:.0f}×   "
          f"mål: side p99 < 100 ms ({'nådd' if page_p99 < 0.1 else 'ikke nådd'})")


if __name__ == "__main__":
    main()
