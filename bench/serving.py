"""Start `livskraft serve` on a free loopback port for a benchmark and wait until it answers
(Redis and PostgreSQL servers of a benchmark's own: services.py)."""

import socket
import subprocess
import sys
import time

from services import free_port


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
