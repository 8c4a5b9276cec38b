"""Start a throw-away Redis or PostgreSQL server for a benchmark (Debian's binaries, the same
ones scripts/test.sh uses), on a free loopback port, and stop it afterwards."""

import contextlib
import glob
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(port: int, what: str, process: subprocess.Popen | None = None) -> None:
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process is not None and process.poll() is not None:
                break
            time.sleep(0.1)
    raise SystemExit(f"{what} startet ikke på port {port}")


@contextlib.contextmanager
def redis():
    """Yields a redis:// URL."""
    if not shutil.which("redis-server"):
        raise SystemExit("redis-server mangler (Debian-pakken redis-server)")
    port = free_port()
    process = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1",
                                "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(port, "Redis", process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _postgres_bin() -> str:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    initdb = shutil.which("initdb")
    if initdb is None:
        raise SystemExit("PostgreSQL mangler (Debian-pakken postgresql)")
    return os.path.dirname(initdb)


@contextlib.contextmanager
def postgres():
    """Yields a postgres:// URL of an empty database `livskraft` on a fresh cluster."""
    binaries = _postgres_bin()
    root = tempfile.mkdtemp(prefix="livskraft-bench-pg-")
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    port = free_port()
    data = os.path.join(root, "data")
    ctl = [*as_postgres, os.path.join(binaries, "pg_ctl"), "-D", data]
    try:
        subprocess.run([*as_postgres, os.path.join(binaries, "initdb"), "-D", data,
                        "--auth=trust", "--username=postgres", "-E", "UTF8"],
                       check=True, capture_output=True)
        subprocess.run([*ctl, "-l", os.path.join(root, "log"), "-w", "start", "-o",
                        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 "
                        "-c max_connections=300 -c fsync=on"],
                       check=True, capture_output=True)
        _wait(port, "PostgreSQL")
        subprocess.run([*as_postgres, os.path.join(binaries, "createdb"), "-h", "127.0.0.1",
                        "-p", str(port), "-U", "postgres", "livskraft"],
                       check=True, capture_output=True)
        yield f"postgres://postgres@127.0.0.1:{port}/livskraft"
    finally:
        subprocess.run([*ctl, "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def nginx(site: str, folder: str):
    """Runs nginx with `site` (a site file such as docs/nginx/livskraft.conf, already pointed
    at this machine's ports and folders) in its `http` block, one worker, its temporary files
    and logs in `folder`; access.log there names the upstream of each request."""
    if not shutil.which("nginx"):
        raise SystemExit("nginx mangler (Debian-pakken nginx-light)")
    os.makedirs(os.path.join(folder, "tmp"), exist_ok=True)
    with open(os.path.join(folder, "site.conf"), "w") as file:
        file.write(site)
    conf = os.path.join(folder, "nginx.conf")
    temp = "\n".join(f"    {kind}_temp_path {folder}/tmp;"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    with open(conf, "w") as file:
        file.write(f"""{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    log_format upstreams '$request_method $uri $status $upstream_addr';
    access_log {folder}/access.log upstreams;
{temp}
    include {folder}/site.conf;
}}
""")
    process = subprocess.Popen(["nginx", "-c", conf], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        ports = [int(p) for p in re.findall(r"listen 127\.0\.0\.1:(\d+)", site)]
        for port in ports:
            _wait(port, "nginx", process)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)
