"""Benchmark: is every answer kept when a whole hall answers at once?

N participants (default 1,000) join a workshop through the join form, as phones do; then all
of them answer every factor at the same moment, half over the websocket and half over the
plain HTTP form (phones whose live connection is down). A big screen follows the count.
Printed per set-up: sent, stored, duplicates, errors, p50/p99 answer latency (sent → the
server's acknowledgement) and p99 vote-to-big-screen latency (sent → the first screen update
counting it), for
  1. SQLite + in-memory channel layer, 1 worker
  2. SQLite + Redis, 2 workers
  3. PostgreSQL + Redis, 2 workers
Target on a 2-core machine with 1,000 participants: stored = sent, 0 duplicates, 0 errors,
answer p99 < 500 ms, big-screen p99 < 1 s. The reference printed beside each set-up is the
same machine's round trip for a static file from the same server in the same run (the floor
any answer stands on), so other sessions' load on the machine shows in both.
Run: .venv/bin/python bench/participation_load.py [PARTICIPANTS] [FACTORS] [SETUPS]
                                                 [--websocket] [--spread SECONDS]
SETUPS is a comma list of 1,2,3 (default all). Redis and PostgreSQL are started here.
PARTICIPANTS may be a comma list (250,500,1000: one burst size after the other).
--websocket: every phone answers over its websocket (the live path that issue 15 measures:
target ≥ 3,000 votes/s stored exactly once, vote-to-big-screen p99 < 1 s for 1,000 phones);
--spread 30: the phones start evenly over 30 s instead of at the same moment.
"""

import asyncio
import contextlib
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import services  # noqa: E402
import serving  # noqa: E402

SETUPS = {
    1: ("SQLite + minne, 1 prosess", "sqlite", False, 1),
    2: ("SQLite + Redis, 2 prosesser", "sqlite", True, 2),
    3: ("PostgreSQL + Redis, 2 prosesser", "postgres", True, 2),
}
CSRF = "benchmarkcsrfsecret0123456789abc"  # any 32 letters/digits are a valid CSRF secret
JOIN_CONCURRENCY = 50


@dataclass
class Result:
    setup: str
    participants: int
    sent: int = 0
    stored: int = 0
    duplicates: int = 0
    errors: int = 0
    retried: int = 0  # HTTP answers sent again after a dropped connection or a 503
    answer_p50_ms: float = 0.0
    answer_p99_ms: float = 0.0
    screen_p99_ms: float | None = None
    reference_p50_ms: float = 0.0
    join_seconds: float = 0.0
    answer_seconds: float = 0.0
    spread: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def votes_per_second(self) -> float:
        return self.sent / self.answer_seconds if self.answer_seconds else 0.0


def _cuts(values: list[float]) -> tuple[float, float]:
    if len(values) < 2:
        value = 1000 * values[0] if values else 0.0
        return value, value
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return 1000 * cuts[49], 1000 * cuts[98]


# The child: one set-up, with Django configured for its database


def prepare(factors: int) -> tuple[int, str, list[int], str]:
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from livskraft.workshops.models import Facilitation, Workshop
    from livskraft.workshops.tools.priority import Factor

    call_command("migrate", verbosity=0)
    workshop = Workshop.objects.create(title="Lasttest", results_hidden=False)
    Factor.objects.bulk_create(Factor(workshop=workshop, text=f"Faktor {i}", position=i)
                               for i in range(factors))
    leader = User.objects.create_user("leder", password="x")
    Facilitation.objects.create(user=leader, workshop=workshop, role="facilitator")
    session = SessionStore()
    session["_auth_user_id"] = str(leader.pk)
    session["_auth_user_backend"] = settings.AUTHENTICATION_BACKENDS[-1]
    session["_auth_user_hash"] = leader.get_session_auth_hash()
    session.save()
    factor_ids = list(workshop.factors.values_list("id", flat=True))
    return workshop.id, workshop.join_code, factor_ids, session.session_key


async def load(port: int, workshop_id: int, code: str, factor_ids: list[int],
               session_key: str, participants: int, result: Result,
               all_websocket: bool = False, spread: float = 0.0) -> None:
    import httpx
    import websockets
    from django.conf import settings

    from livskraft.workshops.participants import PARTICIPANT_COOKIE

    http = f"http://127.0.0.1:{port}"
    ws = f"ws://127.0.0.1:{port}"
    # one connection per phone, as in a hall: no answer waits for a slot in the client's pool
    limits = httpx.Limits(max_connections=participants, max_keepalive_connections=participants)
    async with httpx.AsyncClient(base_url=http, limits=limits, timeout=60) as client:
        reference = []
        for _ in range(50):
            started = time.perf_counter()
            await client.get("/static/livskraft/site.css")
            reference.append(time.perf_counter() - started)
        result.reference_p50_ms = _cuts(reference)[0]

        gate = asyncio.Semaphore(JOIN_CONCURRENCY)

        async def join() -> str | None:
            async with gate:
                response = await client.post(
                    "/verksted/bli-med/", data={"code": code, "csrfmiddlewaretoken": CSRF},
                    headers={"Cookie": f"csrftoken={CSRF}", "Referer": http + "/"})
            return response.cookies.get(PARTICIPANT_COOKIE)

        started = time.perf_counter()
        cookies = await asyncio.gather(*(join() for _ in range(participants)))
        result.join_seconds = time.perf_counter() - started
        joined = [c for c in cookies if c]
        if len(joined) < participants:
            result.problems.append(f"{participants - len(joined)} fikk ikke bli med")

        screen_times: list[tuple[float, int]] = []
        total = len(joined) * len(factor_ids)
        done = asyncio.Event()

        async def screen() -> None:
            async with websockets.connect(
                f"{ws}/ws/verksted/{workshop_id}/storskjerm/", origin=http,
                additional_headers={"Cookie": f"{settings.SESSION_COOKIE_NAME}={session_key}"},
            ) as socket_:
                async for message in socket_:
                    state = json.loads(message)
                    if "answers" in state:
                        screen_times.append((time.perf_counter(), state["answers"]))
                        if state["answers"] >= total:
                            done.set()

        screen_task = asyncio.create_task(screen())
        await asyncio.sleep(0.5)
        sockets = []
        over_sockets, over_forms = (joined, []) if all_websocket else (joined[::2], joined[1::2])
        for cookie in over_sockets:
            sockets.append(await websockets.connect(
                f"{ws}/ws/verksted/delta/", origin=http, open_timeout=60,
                additional_headers={"Cookie": f"{PARTICIPANT_COOKIE}={cookie}"}))
        acks: list[tuple[float, float]] = []
        go = asyncio.Event()

        async def start(number: int, of: int) -> None:
            await go.wait()
            await asyncio.sleep(spread * number / max(of, 1))

        async def over_websocket(number: int, connection) -> None:
            await start(number, len(sockets))
            for factor in factor_ids:
                sent = time.perf_counter()
                result.sent += 1
                try:
                    await connection.send(json.dumps(
                        {"factor": factor, "importance": 3, "influence": 4}))
                    while True:
                        reply = json.loads(await asyncio.wait_for(connection.recv(), 60))
                        if "saved" in reply or "error" in reply:
                            break
                except (OSError, TimeoutError, websockets.ConnectionClosed) as error:
                    result.errors += 1
                    result.problems.append(f"websocket: {type(error).__name__}")
                    return
                if reply.get("saved") == factor:
                    acks.append((sent, time.perf_counter()))
                else:
                    result.errors += 1
                    result.problems.append(f"websocket: {reply}")

        async def over_http(number: int, cookie: str) -> None:
            await start(number, len(over_forms))
            for factor in factor_ids:
                sent = time.perf_counter()
                result.sent += 1
                response = None
                for attempt in range(3):  # as the phone's page does (participant.js)
                    try:
                        response = await client.post(
                            "/verksted/delta/svar/",
                            data={"factor": factor, "importance": 3, "influence": 4,
                                  "csrfmiddlewaretoken": CSRF},
                            headers={"Cookie": f"csrftoken={CSRF}; "
                                               f"{PARTICIPANT_COOKIE}={cookie}",
                                     "Accept": "application/json", "Referer": http + "/"})
                    except httpx.TransportError:
                        response = None
                    if response is not None and response.status_code != 503:
                        break
                    result.retried += 1
                    await asyncio.sleep(0.5 * (attempt + 1))
                if response is None:
                    result.errors += 1
                    continue
                if response.status_code == 200 and response.json().get("saved") == factor:
                    acks.append((sent, time.perf_counter()))
                else:
                    result.errors += 1
                    result.problems.append(f"http {response.status_code}: {response.text[:80]}")

        tasks = [asyncio.create_task(over_websocket(n, s)) for n, s in enumerate(sockets)]
        tasks += [asyncio.create_task(over_http(n, c)) for n, c in enumerate(over_forms)]
        await asyncio.sleep(0.2)
        started = time.perf_counter()
        go.set()
        await asyncio.gather(*tasks)
        result.answer_seconds = time.perf_counter() - started
        try:
            await asyncio.wait_for(done.wait(), timeout=60)
        except TimeoutError:
            shown = screen_times[-1][1] if screen_times else 0
            result.problems.append(f"storskjermen viste {shown} av {total} svar")
        await asyncio.gather(*(s.close() for s in sockets))
        screen_task.cancel()

    result.answer_p50_ms, result.answer_p99_ms = _cuts([a - s for s, a in acks])
    ordered = sorted(acks, key=lambda pair: pair[1])
    screen_latencies = []
    for rank, (sent, _acked) in enumerate(ordered, start=1):
        shown = next((t for t, answers in screen_times if answers >= rank and t >= sent), None)
        if shown is not None:
            screen_latencies.append(shown - sent)
    if len(screen_latencies) == len(ordered) and ordered:
        result.screen_p99_ms = _cuts(screen_latencies)[1]


def stop(server: subprocess.Popen) -> None:
    """Stop the server and its worker processes, however busy they are."""
    children = [int(p) for p in
                Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()]
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)
    for pid in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def run_setup(number: int, participants: int, factors: int, redis_url: str | None,
              database_url: str | None, all_websocket: bool = False,
              spread: float = 0.0) -> Result:
    """In this process: configure Django for the set-up, start the server, run the load."""
    label, _database, _redis, workers = SETUPS[number]
    home = tempfile.mkdtemp(prefix="livskraft-bench-")
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "LIVSKRAFT_REDIS_URL")}
    env.update(LIVSKRAFT_HOME=home, DJANGO_SETTINGS_MODULE="livskraft.config.settings")
    if database_url:
        env["DATABASE_URL"] = database_url
    if redis_url:
        env["LIVSKRAFT_REDIS_URL"] = redis_url
    os.environ.clear()
    os.environ.update(env)
    os.makedirs(os.path.join(home, "static"), exist_ok=True)
    import django

    django.setup()
    from django.db.models import Count

    from livskraft.workshops.tools.priority import PriorityScore

    result = Result(label, participants, spread=spread)
    workshop_id, code, factor_ids, session_key = prepare(factors)
    server, port = serving.start(env, workers=workers)
    try:
        asyncio.run(load(port, workshop_id, code, factor_ids, session_key, participants,
                         result, all_websocket, spread))
    finally:
        stop(server)
    rows = PriorityScore.objects.filter(factor__workshop_id=workshop_id)
    result.stored = rows.count()
    result.duplicates = sum(row["n"] - 1 for row in rows.values("participant", "factor")
                            .annotate(n=Count("id")).filter(n__gt=1))
    return result


# The parent: services, one child process per set-up, the table


def child(number: int, participants: int, factors: int, redis_url: str | None,
          database_url: str | None, options: tuple[str, ...] = ()) -> Result:
    command = [sys.executable, __file__, "-child-", str(number), str(participants),
               str(factors), redis_url or "-", database_url or "-", *options]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"oppsett {number} feilet:\n{done.stderr[-3000:]}")
    return Result(**json.loads(done.stdout.strip().splitlines()[-1]))


def measure(number: int, participants: int, factors: int, options: tuple[str, ...]) -> Result:
    _label, database, redis, _workers = SETUPS[number]
    with services.redis() if redis else _nothing() as redis_url, \
            services.postgres() if database == "postgres" else _nothing() as database_url:
        return child(number, participants, factors, redis_url, database_url, options)


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def table(results: list[Result]) -> str:
    head = ("oppsett", "telefoner", "spredt", "sendt", "lagret", "dobbel", "feil",
            "sendt igjen", "stemmer/s", "svar p50", "svar p99", "storskjerm p99",
            "referanse p50", "p99/ref")
    rows = [head]
    for r in results:
        screen = "–" if r.screen_p99_ms is None else f"{r.screen_p99_ms:.0f} ms"
        ratio = r.answer_p99_ms / r.reference_p50_ms if r.reference_p50_ms else float("nan")
        rows.append((r.setup, str(r.participants), f"{r.spread:g} s", str(r.sent),
                     str(r.stored), str(r.duplicates), str(r.errors), str(r.retried),
                     f"{r.votes_per_second:.0f}", f"{r.answer_p50_ms:.0f} ms",
                     f"{r.answer_p99_ms:.0f} ms", screen, f"{r.reference_p50_ms:.1f} ms",
                     f"{ratio:.0f}×"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in rows)


def main() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 16384)), hard))
    args = sys.argv[1:]
    all_websocket = "--websocket" in args
    spread = float(args[args.index("--spread") + 1]) if "--spread" in args else 0.0
    options = ("--websocket",) * all_websocket + ("--spread", f"{spread:g}")
    args = [a for i, a in enumerate(args) if not a.startswith("--")
            and (i == 0 or args[i - 1] != "--spread")]
    if args and args[0] == "-child-":
        number, participants, factors = map(int, args[1:4])
        redis_url, database_url = (None if v == "-" else v for v in args[4:6])
        result = run_setup(number, participants, factors, redis_url, database_url,
                           all_websocket, spread)
        print(json.dumps(asdict(result)))
        return
    sizes = [int(n) for n in args[0].split(",")] if args else [1000]
    factors = int(args[1]) if len(args) > 1 else 3
    chosen = [int(n) for n in args[2].split(",")] if len(args) > 2 else list(SETUPS)
    results = []
    for number in chosen:
        for participants in sizes:
            result = measure(number, participants, factors, options)
            results.append(result)
            print(f"{result.setup}: {participants} ble med på {result.join_seconds:.1f} s, "
                  f"{result.sent} svar sendt på {result.answer_seconds:.1f} s "
                  f"({result.votes_per_second:.0f}/s)", flush=True)
            for problem in sorted(set(result.problems))[:10]:
                print(f"  merk: {problem}")
    print()
    print(table(results))
    ok = all(r.stored == r.sent == r.participants * factors and r.duplicates == r.errors == 0
             for r in results)
    print("\nOK: hvert svar lagret nøyaktig én gang" if ok else "\nFEIL: svar tapt eller doble")


if __name__ == "__main__":
    main()
