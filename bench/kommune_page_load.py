"""Benchmark: kommune pages and the national page, from the app and behind nginx, beside
nginx serving the same bytes as files, in one run.

Imports the shared data into a temporary database (SQLite, or a PostgreSQL server of its own
with --postgres), starts `livskraft serve --workers 2`, and nginx with two sites: the one
docs/nginx/livskraft.conf ships (static files and the micro-cache in front of the app) and a
reference that serves the very bytes the app sent (identity and gzip) as files. wrk (one
thread, 8 connections, Accept-Encoding: gzip) then asks for a random mix of 50 kommune pages
and the national page, and for one small static file, and the script prints req/s, p50 and
p99 for each, and the three ratios of issue 15:
  app pages / app static file        (target ≥ 0.5, with p99 < 50 ms)
  app static file / nginx static     (target ≥ 1/20)
  nginx front pages / nginx files    (target ≥ 0.5)
Run: .venv/bin/python bench/kommune_page_load.py [--postgres] [SECONDS]
Needs nginx and wrk (scripts/install.sh test installs them).
"""

import gzip
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import nullcontext
from pathlib import Path

import services
import serving

ROOT = Path(__file__).parents[1]
DATA = ROOT.parent / "shared" / "data"
SITE = ROOT / "docs" / "nginx" / "livskraft.conf"
STATIC_FILE = "/static/livskraft/site.css"
STATIC_SOURCE = ROOT / "src" / "livskraft" / "web" / "static" / "livskraft" / "site.css"
POSTGRES = "--postgres" in sys.argv
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
SECONDS = int(ARGS[0]) if ARGS else 10
WORKERS, CONNECTIONS, SAMPLE = 2, 8, 50


def fetch(url: str, encoding: str | None = None) -> bytes:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding or "identity"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200, (url, response.status)
        return response.read()


def nginx_conf(folder: Path, app_port: int, front_port: int, files_port: int) -> Path:
    site = SITE.read_text()
    for documented, here in [("127.0.0.1:8000", f"127.0.0.1:{app_port}"),
                             ("listen 80;", f"listen 127.0.0.1:{front_port};"),
                             ("/var/cache/nginx/livskraft", str(folder / "cache")),
                             ("/srv/livskraft/var/static/", f"{STATIC_SOURCE.parent.parent}/")]:
        assert documented in site, documented
        site = site.replace(documented, here)
    (folder / "livskraft.conf").write_text(site)
    conf = folder / "nginx.conf"
    conf.write_text(f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes auto;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/tmp;
    proxy_temp_path {folder}/tmp;
    fastcgi_temp_path {folder}/tmp;
    uwsgi_temp_path {folder}/tmp;
    scgi_temp_path {folder}/tmp;
    include {folder}/livskraft.conf;
    server {{  # the reference: the same bytes as files
        listen 127.0.0.1:{files_port};
        root {folder}/files;
        gzip_static on;
        location /static/ {{ alias {STATIC_SOURCE.parent.parent}/; }}
    }}
}}
""")
    return conf


def save_pages(base: str, paths: list[str], folder: Path) -> int:
    """The app's own answers, identity and gzip, as files for the reference server."""
    total = 0
    for path in paths:
        target = folder / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(fetch(base + path))
        packed = fetch(base + path, "gzip")
        assert gzip.decompress(packed).startswith(b"<!doctype html>"), path
        Path(f"{target}.gz").write_bytes(packed)
        total += len(packed)
    return total


def wrk(base: str, paths: list[str], folder: Path, seconds: int = SECONDS) -> dict:
    script = folder / "mix.lua"
    listed = ", ".join(f'"{p}"' for p in paths)
    script.write_text(f"""
local paths = {{{listed}}}
math.randomseed(15)
wrk.headers["Accept-Encoding"] = "gzip"
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
""")
    out = subprocess.run(["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency",
                          "-s", str(script), base], capture_output=True, text=True,
                         check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    # wrk leaves requests it gave up on (2 s) out of the latencies: count them apart
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                       out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
            "p99": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
            "errors": int(errors.group(1)) if errors else 0,
            "timeouts": int(socket.group(4)) if socket else 0,
            "socket_errors": sum(map(int, socket.groups()[:3])) if socket else 0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def main() -> None:
    if not shutil.which("nginx") or not shutil.which("wrk"):
        raise SystemExit("trenger nginx og wrk: kjør scripts/install.sh test")
    folder = Path(tempfile.mkdtemp(prefix="livskraft-bench-pages-"))
    folder.chmod(0o755)  # nginx's workers read the reference files
    (folder / "tmp").mkdir()
    database = services.postgres() if POSTGRES else nullcontext(None)
    with database as url:
        env = {**os.environ, "LIVSKRAFT_HOME": str(folder / "home")}
        env.pop("DATABASE_URL", None)
        if url:
            env["DATABASE_URL"] = url
        subprocess.run([sys.executable, "-m", "livskraft", "import-data", str(DATA)], env=env,
                       check=True, capture_output=True)
        server, app_port = serving.start(env, WORKERS)
        nginx = None
        try:
            app = f"http://127.0.0.1:{app_port}"
            codes = sorted(set(re.findall(r'href="/kommune/(\d{4})/"', fetch(app).decode())))
            paths = [f"/kommune/{c}/" for c in random.Random(15).sample(codes, SAMPLE)]
            paths.append("/nasjonalt/")
            gzipped = save_pages(app, paths, folder / "files")
            front_port, files_port = services.free_port(), services.free_port()
            nginx = subprocess.Popen(["nginx", "-c", str(nginx_conf(
                folder, app_port, front_port, files_port)), "-p", str(folder)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            serving.wait_for(front_port, nginx, "nginx")
            front, files = f"http://127.0.0.1:{front_port}", f"http://127.0.0.1:{files_port}"
            # save_pages had every page rendered once, identity and gzip; the page store on
            # disk hands them to both workers. Through nginx the app sees another Host (part
            # of the page's key): have each page rendered once that way too, one at a time,
            # before the clock runs (else the run measures renders, not the cache: the
            # "8 req/s" of an earlier run). A short run then opens the connections and fills
            # each worker's memory and nginx's micro-cache.
            for path in paths:
                fetch(front + path, "gzip")
            for base in (app, front):
                wrk(base, paths, folder, seconds=3)
            runs = {
                "app: sider": wrk(app, paths, folder),
                "app: statisk fil": wrk(app, [STATIC_FILE], folder),
                "nginx: statisk fil": wrk(files, [STATIC_FILE], folder),
                "nginx foran appen: sider": wrk(front, paths, folder),
                "nginx: sidene som filer": wrk(files, paths, folder),
            }
        finally:
            if nginx is not None:
                nginx.terminate()
                nginx.wait(timeout=10)
            server.terminate()
            server.wait(timeout=20)
    shutil.rmtree(folder, ignore_errors=True)
    print(f"{'PostgreSQL' if POSTGRES else 'SQLite'}, {WORKERS} uvicorn-prosesser, wrk -t1 "
          f"-c{CONNECTIONS} -d{SECONDS}s, {SAMPLE} tilfeldige kommunesider + nasjonal side "
          f"({gzipped / len(paths) / 1024:.1f} KB gzip i snitt), {os.cpu_count()} kjerner, "
          f"belastning {os.getloadavg()[0]:.1f}")
    for label, run in runs.items():
        print(f"  {label:<26} {run['rps']:9.0f} req/s  p50 {run['p50']:7.2f} ms  "
              f"p99 {run['p99']:7.2f} ms  feil {run['errors']}  tidsavbrudd {run['timeouts']}"
              f"  socketfeil {run['socket_errors']}")
    pages, static = runs["app: sider"], runs["app: statisk fil"]
    print(f"  app sider / app statisk fil         {pages['rps'] / static['rps']:6.2f}  "
          f"(mål ≥ 0.5; p99 {pages['p99']:.1f} ms, mål < 50 ms)")
    print(f"  app statisk / nginx statisk         "
          f"{static['rps'] / runs['nginx: statisk fil']['rps']:6.3f}  (mål ≥ 0.05 = 1/20)")
    print(f"  nginx foran appen / nginx filer     "
          f"{runs['nginx foran appen: sider']['rps'] / runs['nginx: sidene som filer']['rps']:6.2f}"
          f"  (mål ≥ 0.5)")


if __name__ == "__main__":
    main()
