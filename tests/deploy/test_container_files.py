"""Dockerfile and compose.yaml, checked as far as this machine can without a Docker engine:
`docker-compose config` (Debian's docker-compose, installed by scripts/install.sh test)
validates and resolves compose.yaml; the Dockerfile is read line by line."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {"LIVSKRAFT_SECRET_KEY": "s" * 60, "LIVSKRAFT_ALLOWED_HOSTS": "livskraft.example",
            "POSTGRES_PASSWORD": "pw-for-this-test"}


def compose_config(folder: Path, settings: dict) -> subprocess.CompletedProcess:
    if not shutil.which("docker-compose"):
        pytest.fail("docker-compose mangler: kjør scripts/install.sh test")
    shutil.copy(ROOT / "compose.yaml", folder / "compose.yaml")
    (folder / ".env").write_text("".join(f"{k}={v}\n" for k, v in settings.items()))
    return subprocess.run(["docker-compose", "config"], cwd=folder, capture_output=True,
                          text=True, timeout=60, env={"PATH": "/usr/bin:/bin"})


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    done = compose_config(tmp_path_factory.mktemp("compose"), REQUIRED)
    assert done.returncode == 0, done.stderr
    return yaml.safe_load(done.stdout)["services"]


def test_the_topology_nginx_two_app_containers_postgresql_redis(services):
    assert set(services) == {"web", "app", "migrate", "housekeeping", "postgres", "redis"}
    app = services["app"]
    assert app["deploy"]["replicas"] == 2
    assert app["command"][:2] == ["livskraft", "serve"] and "--workers" in app["command"]
    assert app["environment"]["DATABASE_URL"] == (
        "postgres://livskraft:pw-for-this-test@postgres:5432/livskraft")
    assert app["environment"]["LIVSKRAFT_REDIS_URL"] == "redis://redis:6379/0"
    assert app["environment"]["LIVSKRAFT_PROXIES"] == "1"  # one proxy: nginx
    assert services["web"]["build"]["target"] == "web"
    assert services["web"]["depends_on"]["app"]["condition"] == "service_healthy"


def test_migrations_run_once_before_any_app_container(services):
    assert services["migrate"]["command"] == ["livskraft", "migrate"]
    assert services["migrate"]["restart"] == "no"
    for name in ("app", "housekeeping"):
        assert services[name]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully")
        assert "migrate" not in services[name]["command"]


def test_every_process_sees_the_same_attachments_and_sessions_are_cleaned_daily(services):
    for name in ("app", "housekeeping"):
        assert services[name]["volumes"] == ["media:/srv/livskraft/media:rw"]
    assert "LIVSKRAFT_MEDIA_ROOT=/srv/livskraft/media" in dockerfile_env()
    script = services["housekeeping"]["command"][-1]
    assert "django clearsessions" in script and "sleep 86400" in script


def test_a_missing_secret_stops_compose_with_the_name_of_what_is_missing(tmp_path):
    settings = {k: v for k, v in REQUIRED.items() if k != "LIVSKRAFT_SECRET_KEY"}
    done = compose_config(tmp_path, settings)
    assert done.returncode != 0 and "set LIVSKRAFT_SECRET_KEY in .env" in done.stderr


def stages() -> dict[str, list[str]]:
    """The Dockerfile's instructions per stage, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    found, current = {}, None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("FROM "):
            current = line.split()[-1]
            found[current] = []
        found[current].append(line)
    return found


def dockerfile_env() -> str:
    return " ".join(line for line in stages()["app"] if line.startswith("ENV "))


def test_the_app_image_runs_as_a_user_and_installs_from_the_lock():
    app = stages()["app"]
    users = [line.split()[1] for line in app if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert "RUN scripts/install.sh" in " ".join(app)  # the lock, with --require-hashes
    assert "--require-hashes" in (ROOT / "scripts" / "install.sh").read_text()
    assert "LIVSKRAFT_PRODUCTION=1" in dockerfile_env()
    (healthcheck,) = [line for line in app if line.startswith("HEALTHCHECK ")]
    assert "/healthz" in healthcheck
    assert app[-1].startswith("CMD ") and "migrate" not in app[-1]


def test_the_web_image_is_nginx_with_the_documented_site_and_the_static_files():
    web = stages()["web"]
    assert web[0].startswith("FROM nginx:")
    assert "COPY --from=app /app/static /srv/livskraft/var/static/" in web
    assert "COPY docs/nginx/livskraft.conf /etc/nginx/conf.d/default.conf" in web
    site = (ROOT / "docs" / "nginx" / "livskraft.conf").read_text()
    assert "alias /srv/livskraft/var/static/;" in site and "server 127.0.0.1:8000;" in site
