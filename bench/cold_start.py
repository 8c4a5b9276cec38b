"""Benchmark: cold start, from `livskraft serve` being started to the first kommune page.

Imports the shared data into a temporary SQLite database, then starts `livskraft serve`
(one process) ROUNDS times and measures the time until GET /kommune/5014/ has answered 200:
wall-clock time, and the CPU time the server process had used by then (user + system, from
/proc; on a machine shared with other work the wall clock mostly measures the others).
The reference, measured in the same run the same way: Python importing Django and pandas
and setting up an empty Django project (the floor of any app built on them).
Run: .venv/bin/python bench/cold_start.py [ROUNDS]          target: < 1.5 s
"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import services

DATA = Path(__file__).parents[2] / "shared" / "data"
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
PAGE = "/kommune/5014/"


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_page(env: dict) -> tuple[float, float]:
    port = services.free_port()
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "livskraft", "serve", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{PAGE}", timeout=30) as r:
                    assert r.status == 200
                    r.read()
                return time.perf_counter() - started, cpu_seconds(server.pid)
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None:
                    raise SystemExit("serveren stoppet") from None
                time.sleep(0.01)
    finally:
        server.terminate()
        server.wait(timeout=20)


def reference(env: dict) -> tuple[float, float]:
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", "import pandas, django; from django.conf import "
                    "settings; settings.configure(); django.setup()"], env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - started, cpu


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "LIVSKRAFT_HOME": home}
        env.pop("DATABASE_URL", None)
        subprocess.run([sys.executable, "-m", "livskraft", "import-data", str(DATA)], env=env,
                       check=True, capture_output=True)
        starts = [first_page(env) for _ in range(ROUNDS)]
        floors = [reference(env) for _ in range(ROUNDS)]
    print(f"{ROUNDS} kaldstarter, {os.cpu_count()} kjerner, belastning "
          f"{os.getloadavg()[0]:.1f}; median (min–maks)")
    for label, runs in [(f"livskraft serve → første {PAGE}", starts),
                        ("referanse: pandas + tomt Django-prosjekt", floors)]:
        wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
        print(f"  {label:<42} klokke {statistics.median(wall):5.2f} s "
              f"({min(wall):.2f}–{max(wall):.2f})  CPU {statistics.median(cpu):5.2f} s "
              f"({min(cpu):.2f}–{max(cpu):.2f})")
    ratio = statistics.median(r[1] for r in starts) / statistics.median(r[1] for r in floors)
    print(f"  forhold (CPU) {ratio:.1f}×; mål: under 1.5 s")


if __name__ == "__main__":
    main()
