"""Benchmark: 1,000 simulated participants answering the priority matrix over websockets.

Starts `livskraft serve` (one process: the in-memory channel layer; use Redis with several)
on a temporary SQLite database, connects a big screen as the facilitator and N participant
websockets on loopback, lets every participant score every factor once, and reports votes/s,
p50/p99 time from a vote being sent until the big screen shows it, and checks that every vote
was stored exactly once.
Run: .venv/bin/python bench/workshop_load.py [PARTICIPANTS] [FACTORS] [SPREAD_SECONDS]
SPREAD_SECONDS 0 (the default) is the worst case: everybody votes at the same moment; 30
spreads each participant's start evenly over half a minute, closer to a real hall.
"""

import asyncio
import json
import os
import resource
import statistics
import sys
import tempfile
import time

PARTICIPANTS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
FACTORS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
SPREAD = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
HOME = tempfile.mkdtemp()
os.environ.update(LIVSKRAFT_HOME=HOME, DJANGO_SETTINGS_MODULE="livskraft.config.settings")
os.environ.pop("DATABASE_URL", None)
os.makedirs(os.path.join(HOME, "static"), exist_ok=True)

import django  # noqa: E402

django.setup()
import websockets  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core import signing  # noqa: E402
from django.core.management import call_command  # noqa: E402

import serving  # noqa: E402
from livskraft.workshops.models import Facilitation, Participant, Workshop  # noqa: E402
from livskraft.workshops.participants import PARTICIPANT_COOKIE  # noqa: E402
from livskraft.workshops.tools.priority import Factor, PriorityScore  # noqa: E402


def prepare() -> tuple[Workshop, list[str], str]:
    call_command("migrate", verbosity=0)
    workshop = Workshop.objects.create(title="Lasttest", results_hidden=False)
    Factor.objects.bulk_create(Factor(workshop=workshop, text=f"Faktor {i}", position=i)
                               for i in range(FACTORS))
    Participant.objects.bulk_create(Participant(workshop=workshop) for _ in range(PARTICIPANTS))
    cookies = [signing.dumps(str(p.key), salt=PARTICIPANT_COOKIE)
               for p in Participant.objects.filter(workshop=workshop)]
    leader = User.objects.create_user("leder", password="x")
    Facilitation.objects.create(user=leader, workshop=workshop, role="facilitator")
    session = SessionStore()
    session["_auth_user_id"] = str(leader.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = leader.get_session_auth_hash()
    session.save()
    return workshop, cookies, session.session_key


async def run(port: int, workshop: Workshop, cookies: list[str], session_key: str,
              factor_ids: list[int]) -> None:
    base = f"ws://127.0.0.1:{port}"
    origin = f"http://127.0.0.1:{port}"
    screen_times: list[tuple[float, int]] = []
    done = asyncio.Event()
    total = len(cookies) * len(factor_ids)

    async def screen() -> None:
        async with websockets.connect(
            f"{base}/ws/verksted/{workshop.id}/storskjerm/", origin=origin,
            additional_headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session_key}"},
        ) as socket_:
            async for message in socket_:
                state = json.loads(message)
                screen_times.append((time.perf_counter(), state["answers"]))
                if state["answers"] >= total:
                    done.set()
                    return

    acks: list[tuple[float, float]] = []  # (sent, acknowledged)
    connections = []
    screen_task = asyncio.create_task(screen())
    await asyncio.sleep(0.5)
    connect_start = time.perf_counter()
    for cookie in cookies:
        connection = await websockets.connect(
            f"{base}/ws/verksted/delta/", origin=origin,
            additional_headers={"Cookie": f"{PARTICIPANT_COOKIE}={cookie}"}, open_timeout=30)
        assert "state" in json.loads(await connection.recv())  # what the page follows
        connections.append(connection)
    connected = time.perf_counter() - connect_start

    async def participant(number: int, connection) -> None:
        await asyncio.sleep(SPREAD * number / len(connections))
        for factor in factor_ids:
            sent = time.perf_counter()
            await connection.send(json.dumps({"factor": factor, "importance": 3,
                                              "influence": 4}))
            reply = json.loads(await connection.recv())
            assert reply.get("saved") == factor, reply
            acks.append((sent, time.perf_counter()))

    start = time.perf_counter()
    await asyncio.gather(*(participant(n, c) for n, c in enumerate(connections)))
    voting = time.perf_counter() - start
    await asyncio.wait_for(done.wait(), timeout=120)
    await asyncio.gather(*(c.close() for c in connections))
    screen_task.cancel()

    ordered = sorted(acks, key=lambda pair: pair[1])
    latencies = []
    for rank, (sent, _acked) in enumerate(ordered, start=1):
        shown = next(t for t, answers in screen_times if answers >= rank and t >= sent)
        latencies.append(shown - sent)
    cuts = statistics.quantiles(latencies, n=100)
    print(f"{len(cookies)} deltakere koblet til på {connected:.1f} s")
    print(f"{total} stemmer på {voting:.2f} s = {total / voting:.0f} stemmer/s "
          f"(start spredt over {SPREAD:g} s)")
    print(f"tid fra stemme til storskjerm: p50 {1000 * cuts[49]:.0f} ms, "
          f"p99 {1000 * cuts[98]:.0f} ms ({len(screen_times)} skjermoppdateringer)")


def main() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 8192)), hard))
    workshop, cookies, session_key = prepare()
    factor_ids = list(workshop.factors.values_list("id", flat=True))
    server, port = serving.start()
    try:
        asyncio.run(run(port, workshop, cookies, session_key, factor_ids))
    finally:
        server.terminate()
        server.wait(timeout=10)
    stored = PriorityScore.objects.filter(factor__workshop=workshop).count()
    per_person = set(PriorityScore.objects.values_list("participant_id", "factor_id"))
    expected = PARTICIPANTS * FACTORS
    verdict = "OK" if stored == expected == len(per_person) else "FEIL"
    print(f"lagret {stored} av {expected} stemmer, {len(per_person)} ulike "
          f"(deltaker, faktor): {verdict} – hver stemme lagret nøyaktig én gang")


if __name__ == "__main__":
    main()
