"""Benchmark: cold start, from starting the server to the first kommune page.

Imports the shared data into a temporary SQLite database, then starts the server ROUNDS
times in each of three ways and measures the time until GET /kommune/5014/ has answered 200:
wall-clock time, and the CPU time the server process had used by then (user + system, with
the children it waited for, from /proc; on a machine shared with other work the wall clock
mostly measures the others):
- `livskraft serve`, the page store emptied first: the first start after an import, the
  page is rendered (issue 15: < 1.5 s);
- `livskraft serve` again: a restart with the same data and code, the page comes from the
  page store on disk;
- `scripts/serve.sh`, the README's command, installed and nothing changed (issue 16: < 3 s).
The reference, measured in the same run the same way: Python importing Django and pandas
and setting up an empty Django project (the floor of any app built on them).
Run: .venv/bin/python bench/cold_start.py [ROUNDS]
"""

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import services

ROOT = Path(__file__).parents[1]
DATA = ROOT.parent / "shared" / "data"
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
PAGE = "/kommune/5014/"


def cpu_seconds(pid: int) -> float:
    """utime + stime + cutime + cstime (fields 14-17 of /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


PORT = services.free_port()  # one address: the Host header is part of a kept page's key


def first_page(env: dict, command: list[str] | None = None,
               forget_pages: bool = False) -> tuple[float, float]:
    port = PORT
    if forget_pages:
        shutil.rmtree(Path(env["LIVSKRAFT_HOME"]) / "cache" / "pages", ignore_errors=True)
    started = time.perf_counter()
    server = subprocess.Popen(
        command or [sys.executable, "-m", "livskraft", "serve", "--port", str(port)],
        env={**env, "LIVSKRAFT_PORT": str(port)}, cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
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
        serve_sh = [str(ROOT / "scripts" / "serve.sh")]
        rendered = [first_page(env, forget_pages=True) for _ in range(ROUNDS)]
        kept = [first_page(env) for _ in range(ROUNDS)]
        script = [first_page(env, serve_sh) for _ in range(ROUNDS)]
        floors = [reference(env) for _ in range(ROUNDS)]
    print(f"{ROUNDS} starter av hvert slag, {os.cpu_count()} kjerner, belastning "
          f"{os.getloadavg()[0]:.1f}; median (min–maks)")
    rows = [(f"livskraft serve → {PAGE}, siden lages", rendered, "mål < 1.5 s"),
            (f"livskraft serve → {PAGE}, siden lagret", kept, "mål < 1.5 s"),
            (f"scripts/serve.sh → {PAGE} (installert)", script, "mål < 3 s"),
            ("referanse: pandas + tomt Django-prosjekt", floors, "")]
    floor = statistics.median(r[1] for r in floors)
    for label, runs, target in rows:
        wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
        print(f"  {label:<46} klokke {statistics.median(wall):5.2f} s "
              f"({min(wall):.2f}–{max(wall):.2f})  CPU {statistics.median(cpu):5.2f} s "
              f"({min(cpu):.2f}–{max(cpu):.2f})  CPU / referanse "
              f"{statistics.median(cpu) / floor:4.2f}  {target}")


if __name__ == "__main__":
    main()
