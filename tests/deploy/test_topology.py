"""The production topology without containers (what compose.yaml runs): nginx with
docs/nginx/livskraft.conf in front of two `livskraft serve` processes sharing PostgreSQL,
Redis and the attachment folder; the database migrated once by `livskraft migrate`.

A participant joins and votes through nginx; the vote lands in one process while the big
screen's websocket is held by the other, and the screen shows it: the update crossed Redis.
A respondent's attachment stored by one process is downloaded by the committee from the
other (the shared media folder). nginx's access log names the process of each request, so
that is checked, not assumed."""

import asyncio
import contextlib
import gzip
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import services  # noqa: E402
import serving  # noqa: E402

SITE = ROOT / "docs" / "nginx" / "livskraft.conf"
CSRF = "topologytestcsrfsecret0123456789"  # any 32 letters/digits are a valid CSRF secret
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")),
    reason="starter sin egen PostgreSQL; kjøres i SQLite-runden av scripts/test.sh")


def run(env, *command):
    done = subprocess.run([sys.executable, *command], env=env, capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def site_for(app_ports, port, folder, static_root):
    site = SITE.read_text()
    servers = "\n".join(f"    server 127.0.0.1:{p};" for p in app_ports)
    for documented, here in [
            (re.search(r"^ *server 127\.0\.0\.1:8000;.*$", site, re.M).group(), servers),
            ("listen 80;", f"listen 127.0.0.1:{port};"),
            ("/var/cache/nginx/livskraft", f"{folder}/cache"),
            ("/srv/livskraft/var/static/", f"{static_root}/")]:
        assert documented in site, documented
        site = site.replace(documented, here)
    return site


def upstreams(log: Path, method: str, path: str) -> list[str]:
    return [line.split()[3] for line in log.read_text().splitlines()
            if line.split()[:2] == [method, path]]


async def vote_through_nginx(base, workshop_id, code, factor_id, session_key):
    import httpx
    import websockets

    from livskraft.workshops.participants import PARTICIPANT_COOKIE

    forms = {"Cookie": f"csrftoken={CSRF}", "Referer": base + "/"}
    async with httpx.AsyncClient(base_url=base, timeout=30) as client, websockets.connect(
            f"ws{base[4:]}/ws/verksted/{workshop_id}/storskjerm/", origin=base,
            additional_headers={"Cookie": f"sessionid={session_key}"}) as screen:
        assert json.loads(await asyncio.wait_for(screen.recv(), 10))["answers"] == 0
        joined = await client.post("/verksted/bli-med/", headers=forms,
                                   data={"code": code, "csrfmiddlewaretoken": CSRF})
        participant = joined.cookies[PARTICIPANT_COOKIE]
        answer = await client.post(
            "/verksted/delta/svar/", data={"factor": factor_id, "importance": 2,
                                           "influence": 5, "csrfmiddlewaretoken": CSRF},
            headers={**forms, "Cookie": f"csrftoken={CSRF}; {PARTICIPANT_COOKIE}={participant}",
                     "Accept": "application/json"})
        assert (answer.status_code, answer.json()) == (200, {"saved": factor_id})
        deadline = time.monotonic() + 10
        state = {"answers": 0}
        with contextlib.suppress(TimeoutError):  # then the screen never saw it
            while state.get("answers", 0) == 0:
                state = json.loads(await asyncio.wait_for(screen.recv(),
                                                          deadline - time.monotonic()))
        return state


def in_own_loop(coroutine):
    """asyncio.run in a thread of its own: the browser tests' Playwright keeps an event loop
    running in the main thread for the rest of the session."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def test_a_vote_through_nginx_reaches_a_big_screen_held_by_the_other_process(tmp_path):
    tmp_path.chmod(0o755)  # nginx's worker reads the static files
    static_root = tmp_path / "static"
    with services.postgres() as database_url, services.redis() as redis_url:
        env = {**os.environ, "DATABASE_URL": database_url, "LIVSKRAFT_REDIS_URL": redis_url,
               "LIVSKRAFT_HOME": str(tmp_path / "home"), "LIVSKRAFT_STATIC_ROOT": str(static_root),
               "LIVSKRAFT_MEDIA_ROOT": str(tmp_path / "shared-media"),
               "DJANGO_SETTINGS_MODULE": "livskraft.config.settings"}
        assert re.fullmatch(r"Databasen er oppdatert \(\d+ migreringer kjørt\)\.\n",
                            run(env, "-m", "livskraft", "migrate"))
        # as an image build does: production's storage writes the .gz copies nginx serves
        run({**env, "LIVSKRAFT_PRODUCTION": "1", "LIVSKRAFT_SECRET_KEY": "x" * 60},
            "-m", "django", "collectstatic", "--noinput", "-v0")
        workshop_id, code, (factor_id,), session_key, slug, question = json.loads(run(
            env, "-c", PREPARE))
        apps = [serving.start(env) for _ in range(2)]
        try:
            port = services.free_port()
            with services.nginx(site_for([p for _, p in apps], port, tmp_path, static_root),
                                str(tmp_path / "nginx")):
                base = f"http://127.0.0.1:{port}"
                state = in_own_loop(vote_through_nginx(base, workshop_id, code, factor_id,
                                                         session_key))
                served_by = upload_then_download(base, slug, question, session_key, env,
                                                 tmp_path / "nginx" / "access.log")
                health = serving_get(base + "/healthz")
                css = serving_get(base + "/static/livskraft/site.css", gzip_ok=True)
                time.sleep(0.5)  # the websocket's log line is written when it closes
        finally:
            for server, _ in apps:
                server.terminate()
                server.wait(timeout=20)
    assert state["answers"] == 1
    assert health == (200, None, {"status": "ok", "database": "ok", "cache": "ok",
                                  "channel_layer": "ok"})
    assert css[1] == "gzip" and b"{" in css[2]  # compressed by nginx, a stylesheet
    log = tmp_path / "nginx" / "access.log"
    (screen,) = upstreams(log, "GET", f"/ws/verksted/{workshop_id}/storskjerm/")
    (vote,) = upstreams(log, "POST", "/verksted/delta/svar/")
    assert {screen, vote} == {f"127.0.0.1:{p}" for _, p in apps}
    # the attachment was stored by one process and handed to the committee by the other
    assert set(served_by) == {f"127.0.0.1:{p}" for _, p in apps}


# A workshop with one factor and its facilitator's session (the load benchmark's set-up), and
# a consultation (the consultation tests' synthetic one) owned by the same person.
PREPARE = """
import json, sys
sys.path.insert(0, "bench")
import django
django.setup()
from participation_load import prepare
from django.contrib.auth.models import User
from livskraft.consultations.models import Membership, Question
from livskraft.places.models import Municipality
from tests.consultations.conftest import make_consultation
workshop = prepare(1)
Municipality.objects.create(vintage=2024, code="9901", name="Testvik", county_code="99",
                            county_name="Prøvefylke")
consultation = make_consultation()
Membership.objects.create(user=User.objects.get(username="leder"), consultation=consultation,
                          role="owner")
question = Question.objects.filter(theme__consultation=consultation).first().id
print(json.dumps([*workshop, consultation.slug, question]))
"""
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def upload_then_download(base, slug, question, session_key, env, log):
    """A respondent's attachment through nginx, then the committee's download through nginx
    until the other process serves it; returns the two processes' addresses."""
    import httpx

    with httpx.Client(base_url=base, timeout=30) as client:
        sent = client.post(
            f"/horing/{slug}/innspill/",
            data={"respondent_type": "individual", "name": "Kari Testesen",
                  "email": "kari@example.org", "municipality_code": "9901",
                  f"q_{question}": "Bedre bredbånd", "csrfmiddlewaretoken": CSRF},
            files={"attachment": ("innspill.pdf", PDF, "application/pdf")},
            headers={"Cookie": f"csrftoken={CSRF}", "Referer": base + "/"})
        assert sent.status_code == 302, sent.text[:500]
        (stored_by,) = upstreams(log, "POST", f"/horing/{slug}/innspill/")
        submission = int(run(env, "-c", "import django; django.setup(); from livskraft."
                             "consultations.models import Submission; "
                             "print(Submission.objects.get().id)"))
        path = f"/horing/{slug}/moderer/vedlegg/{submission}/"
        for _ in range(4):  # least_conn takes turns between idle processes
            got = client.get(path, headers={"Cookie": f"sessionid={session_key}"})
            assert (got.status_code, got.content) == (200, PDF)
            served = upstreams(log, "GET", path)[-1]
            if served != stored_by:
                return stored_by, served
    return stored_by, stored_by


def serving_get(url, gzip_ok=False):
    import urllib.request

    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        body, encoding = response.read(), response.headers.get("Content-Encoding")
        if encoding == "gzip":
            return response.status, encoding, gzip.decompress(body)
        return response.status, encoding, json.loads(body)
