"""Benchmark: the kommune page and the national page under concurrent load.

Starts `livskraft serve` on 127.0.0.1 with the shared data imported into a temporary
database, then sends a bounded number of requests from client threads (keep-alive, loopback
only) and prints requests per second and latency percentiles.
Run: .venv/bin/python bench/kommune_page_load.py [REQUESTS] [THREADS] [WORKERS]
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

import serving

DATA = Path(__file__).parents[2] / "shared" / "data"
REQUESTS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 8
WORKERS = int(sys.argv[3]) if len(sys.argv) > 3 else 2
CODES = ["0301", "5014", "1151", "4601", "5001", "1806", "3907", "5501", "1508", "4204"]


def start_server(home: str) -> tuple[subprocess.Popen, int]:
    env = {**os.environ, "LIVSKRAFT_HOME": home}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "livskraft"]
    subprocess.run([*command, "import-data", str(DATA)], env=env, check=True,
                   capture_output=True)
    return serving.start(env, WORKERS)


def load(port: int, paths: list[str], requests: int) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_thread = requests // THREADS

    def client() -> None:
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        for _ in range(per_thread):
            start = time.perf_counter()
            connection.request("GET", random.choice(paths))
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                with lock:
                    errors += 1
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def report(label: str, port: int, paths: list[str], requests: int) -> None:
    load(port, paths, THREADS * 2)  # warm caches
    start = time.perf_counter()
    latencies, errors = load(port, paths, requests)
    elapsed = time.perf_counter() - start
    cuts = statistics.quantiles(latencies, n=100)
    print(f"{label:<22} {len(latencies):>6} forespørsler  {len(latencies) / elapsed:7.1f} req/s  "
          f"p50 {1000 * cuts[49]:6.1f} ms  p99 {1000 * cuts[98]:6.1f} ms  feil {errors}")


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        server, port = start_server(home)
        try:
            print(f"uvicorn med {WORKERS} arbeidsprosess(er), {THREADS} klienttråder, "
                  f"{os.cpu_count()} kjerner")
            report("kommuneside", port, [f"/kommune/{c}/" for c in CODES], REQUESTS)
            report("nasjonal side (kart)", port, ["/nasjonalt/"], max(REQUESTS // 10, THREADS))
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
