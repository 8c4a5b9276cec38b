"""Start what a benchmark runs against on free loopback ports: `livskraft serve`, and on
request a PostgreSQL or Redis server of its own in a temporary folder."""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, what: str) -> None:
    for _ in range(600):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"{what} startet ikke")


def start(env: dict | None = None, workers: int = 1) -> tuple[subprocess.Popen, int]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "livskraft", "serve", "--port", str(port), "--workers",
         str(workers)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(port, server, "serveren")
    return server, port


@contextlib.contextmanager
def postgres():
    """A throw-away PostgreSQL cluster; yields its DATABASE_URL."""
    initdb = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))[-1]
    folder = tempfile.mkdtemp(prefix="livskraft-bench-pg-")
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(folder, "postgres")
    port = free_port()
    pg_ctl = [*as_postgres, os.path.join(os.path.dirname(initdb), "pg_ctl"), "-D",
              f"{folder}/data"]
    subprocess.run([*as_postgres, initdb, "-D", f"{folder}/data", "--auth=trust",
                    "--username=postgres", "-E", "UTF8"], check=True, capture_output=True)
    subprocess.run([*pg_ctl, "-l", f"{folder}/log", "-w", "-o",
                    f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=on",
                    "start"], check=True, capture_output=True)
    try:
        subprocess.run([*as_postgres, os.path.join(os.path.dirname(initdb), "createdb"), "-h",
                        "127.0.0.1", "-p", str(port), "-U", "postgres", "livskraft"],
                       check=True, capture_output=True)
        yield f"postgres://postgres@127.0.0.1:{port}/livskraft"
    finally:
        subprocess.run([*pg_ctl, "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def redis():
    """A throw-away Redis server; yields its URL."""
    port = free_port()
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, server, "Redis")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)
