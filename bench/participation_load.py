"""Benchmark: is every answer kept, and how fast, when a whole hall answers at once?

N participants (default 250, 500 and 1,000 one after the other, and 1,000 spread over 30 s)
join a workshop through the join form, as phones do; then all of them answer every factor at
the same moment: half over the websocket and half over the HTTP answer (phones whose live
connection is down), or all over one of them (--websocket, --http). A big screen follows the
count. Per set-up, burst and server: sent, stored, duplicates, errors, votes/s, p50/p99
answer latency over HTTP and over the websocket (sent → the server's acknowledgement, which
comes after the commit) and p50/p99 vote-to-big-screen (sent → the first screen update
counting it), for
  1. SQLite + in-memory channel layer, 1 worker
  2. SQLite + Redis, 2 workers
  3. PostgreSQL + Redis, 2 workers
Targets on this 2-core machine with 1,000 participants: stored = sent, 0 duplicates,
0 errors, answer p99 < 500 ms, big-screen p99 < 1 s, ≥ 3,000 votes/s over websockets.
The reference, measured in the same run against the same database and with the same client,
is a plain ASGI app (bench/plain_answers.py: no Django, no channels, one process, batched
upserts): what this machine and client reach at best. Ratios are Livskraft ÷ reference.
Every phone has its own keep-alive connection with a minimal HTTP/1.1 client: httpx's pool
costs O(connections) per request, and with a thousand phones it measured itself.
Run: .venv/bin/python bench/participation_load.py [PARTICIPANTS] [FACTORS] [SETUPS]
                          [--websocket | --http] [--spread SECONDS] [--no-reference]
PARTICIPANTS is a comma list (default 250,500,1000 and then 1000 over --spread, default 30;
with PARTICIPANTS given, --spread applies to all of them); SETUPS a comma list of 1,2,3.
Redis and PostgreSQL are started here.
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
from urllib.parse import urlencode

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
COOKIE = "verksted_deltaker"
JOIN_CONCURRENCY = 50
REFERENCE = "referanse (ren ASGI)"


@dataclass
class Result:
    setup: str
    participants: int
    server: str = "Livskraft"
    transport: str = "http+websocket"
    sent: int = 0
    stored: int = 0
    duplicates: int = 0
    errors: int = 0
    retried: int = 0  # HTTP answers sent again after a dropped connection or a 503
    http_p50_ms: float | None = None
    http_p99_ms: float | None = None
    websocket_p50_ms: float | None = None
    websocket_p99_ms: float | None = None
    screen_p50_ms: float | None = None
    screen_p99_ms: float | None = None
    static_p50_ms: float = 0.0
    join_seconds: float = 0.0
    answer_seconds: float = 0.0
    spread: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def votes_per_second(self) -> float:
        return self.sent / self.answer_seconds if self.answer_seconds else 0.0

    @property
    def answer_p99_ms(self) -> float:
        return max(v for v in (self.http_p99_ms, self.websocket_p99_ms, 0.0) if v is not None)


def _cuts(values: list[float]) -> tuple[float | None, float | None]:
    if not values:
        return None, None
    if len(values) < 2:
        return 1000 * values[0], 1000 * values[0]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return 1000 * cuts[49], 1000 * cuts[98]


class Phone:
    """One phone's keep-alive HTTP/1.1 connection: a request at a time, Content-Length or
    chunked answers. Raises ConnectionError when the connection drops."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(self, method: str, path: str, form: dict | None = None,
                      cookie: str = "", accept: str = "application/json"):
        body = urlencode(form or {}).encode()
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                f"Cookie: {cookie}\r\nAccept: {accept}\r\n"
                f"Referer: http://127.0.0.1:{self.port}/\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode()
        await self.connect()
        reader, writer = self.streams
        try:
            writer.write(head + body)
            status = await reader.readline()
            if not status:
                raise ConnectionError("closed")
            headers: dict[str, list[str]] = {}
            while (line := await reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                headers.setdefault(name.strip().lower(), []).append(value.strip())
            if "chunked" in headers.get("transfer-encoding", [""])[0]:
                content = b""
                while size := int((await reader.readline()).strip() or b"0", 16):
                    content += await reader.readexactly(size)
                    await reader.readline()
                await reader.readline()
            else:
                content = await reader.readexactly(int(headers.get("content-length", ["0"])[0]))
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            self.close()
            raise ConnectionError(str(error)) from error
        if headers.get("connection", [""])[0].lower() == "close":
            self.close()
        return int(status.split()[1]), headers, content

    async def connect(self) -> None:
        if self.streams is None:
            self.streams = await asyncio.open_connection("127.0.0.1", self.port)

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


def _set_cookie(headers: dict, name: str) -> str | None:
    for value in headers.get("set-cookie", []):
        key, _, rest = value.partition("=")
        if key.strip() == name:
            return rest.split(";")[0]
    return None


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
    leader, _new = User.objects.get_or_create(username="leder")
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
               transport: str = "http+websocket", spread: float = 0.0) -> None:
    import websockets
    from django.conf import settings

    http = f"http://127.0.0.1:{port}"
    ws = f"ws://127.0.0.1:{port}"
    probe = Phone(port)
    reference = []
    for _ in range(50):
        started = time.perf_counter()
        await probe.request("GET", "/static/livskraft/site.css", accept="text/css")
        reference.append(time.perf_counter() - started)
    probe.close()
    result.static_p50_ms = _cuts(reference)[0] or 0.0

    gate = asyncio.Semaphore(JOIN_CONCURRENCY)
    phones = [Phone(port) for _ in range(participants)]

    async def join(phone: Phone) -> str | None:
        async with gate:
            try:
                _status, headers, _body = await phone.request(
                    "POST", "/verksted/bli-med/", {"code": code, "csrfmiddlewaretoken": CSRF},
                    cookie=f"csrftoken={CSRF}", accept="text/html")
            except ConnectionError:
                return None
        return _set_cookie(headers, COOKIE)

    started = time.perf_counter()
    cookies = await asyncio.gather(*(join(phone) for phone in phones))
    result.join_seconds = time.perf_counter() - started
    joined = [(phone, cookie) for phone, cookie in zip(phones, cookies) if cookie]
    for phone in phones:  # the server closes idle connections: each answers on a fresh one,
        phone.close()      # opened before the burst as the websockets are
    if len(joined) < participants:
        result.problems.append(f"{participants - len(joined)} fikk ikke bli med")

    screen_times: list[tuple[float, int]] = []
    total = len(joined) * len(factor_ids)
    done = asyncio.Event()

    async def screen() -> None:
        async with websockets.connect(
            f"{ws}/ws/verksted/{workshop_id}/storskjerm/", origin=http, max_size=2**24,
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
    if transport == "websocket":
        over_sockets, over_forms = joined, []
    elif transport == "http":
        over_sockets, over_forms = [], joined
    else:
        over_sockets, over_forms = joined[::2], joined[1::2]
    sockets = []
    for _phone, cookie in over_sockets:
        sockets.append(await websockets.connect(
            f"{ws}/ws/verksted/delta/", origin=http, open_timeout=60,
            additional_headers={"Cookie": f"{COOKIE}={cookie}"}))
    for phone, _cookie in over_forms:
        await phone.connect()
    acks: dict[str, list[tuple[float, float]]] = {"http": [], "websocket": []}
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
                acks["websocket"].append((sent, time.perf_counter()))
            else:
                result.errors += 1
                result.problems.append(f"websocket: {reply}")

    async def over_http(number: int, phone: Phone, cookie: str) -> None:
        await start(number, len(over_forms))
        for factor in factor_ids:
            sent = time.perf_counter()
            result.sent += 1
            answer = None
            for attempt in range(3):  # as the phone's page does (participant.js)
                with contextlib.suppress(ConnectionError):
                    answer = await phone.request(
                        "POST", "/verksted/delta/svar/",
                        {"factor": factor, "importance": 3, "influence": 4,
                         "csrfmiddlewaretoken": CSRF},
                        cookie=f"csrftoken={CSRF}; {COOKIE}={cookie}")
                if answer is not None and answer[0] != 503:
                    break
                result.retried += 1
                await asyncio.sleep(0.5 * (attempt + 1))
            if answer is None:
                result.errors += 1
                continue
            status, _headers, body = answer
            if status == 200 and json.loads(body).get("saved") == factor:
                acks["http"].append((sent, time.perf_counter()))
            else:
                result.errors += 1
                result.problems.append(f"http {status}: {body[:80]!r}")

    tasks = [asyncio.create_task(over_websocket(n, s)) for n, s in enumerate(sockets)]
    tasks += [asyncio.create_task(over_http(n, phone, cookie))
              for n, (phone, cookie) in enumerate(over_forms)]
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
    for phone in phones:
        phone.close()
    screen_task.cancel()

    result.http_p50_ms, result.http_p99_ms = _cuts([a - s for s, a in acks["http"]])
    result.websocket_p50_ms, result.websocket_p99_ms = _cuts(
        [a - s for s, a in acks["websocket"]])
    ordered = sorted(acks["http"] + acks["websocket"], key=lambda pair: pair[1])
    screen_latencies = []
    for rank, (sent, _acked) in enumerate(ordered, start=1):
        shown = next((t for t, answers in screen_times if answers >= rank and t >= sent), None)
        if shown is not None:
            screen_latencies.append(shown - sent)
    if len(screen_latencies) == len(ordered) and ordered:
        result.screen_p50_ms, result.screen_p99_ms = _cuts(screen_latencies)


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


def start_reference(workshop_id: int) -> tuple[subprocess.Popen, int]:
    from django.conf import settings

    database = settings.DATABASES["default"]
    target = os.environ["DATABASE_URL"] if database["ENGINE"].endswith("postgresql") \
        else str(database["NAME"])
    port = services.free_port()
    server = subprocess.Popen([sys.executable, str(BENCH / "plain_answers.py"), str(port),
                               str(workshop_id), target],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    serving.wait_for(port, server, "referanseserveren")
    return server, port


def run_setup(number: int, participants: int, factors: int, redis_url: str | None,
              database_url: str | None, transport: str = "http+websocket",
              spread: float = 0.0, reference: bool = False) -> Result:
    """In this process: configure Django for the set-up, start the server (Livskraft or the
    plain reference), run the load, count what was stored."""
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
    from django.db import connection
    from django.db.models import Count

    from livskraft.workshops.tools.priority import PriorityScore

    result = Result(label, participants, server=REFERENCE if reference else "Livskraft",
                    transport=transport, spread=spread)
    workshop_id, code, factor_ids, session_key = prepare(factors)
    connection.close()  # the reference writes to the same database
    server, port = start_reference(workshop_id) if reference \
        else serving.start(env, workers=workers)
    try:
        asyncio.run(load(port, workshop_id, code, factor_ids, session_key, participants,
                         result, transport, spread))
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


def measure(number: int, loads: list[tuple[int, float]], factors: int, transport: str,
            reference: bool) -> list[Result]:
    """Each load on the set-up, on a database and Redis of its own, the reference first."""
    _label, database, redis, _workers = SETUPS[number]
    results = []
    for participants, spread in loads:
        options = ("--transport", transport, "--spread", f"{spread:g}")
        with services.redis() if redis else _nothing() as redis_url, \
                services.postgres() if database == "postgres" else _nothing() as database_url:
            for plain in ((True, False) if reference else (False,)):
                result = child(number, participants, factors, redis_url, database_url,
                               options + ("--reference",) * plain)
                results.append(result)
                print(f"{result.setup}, {result.server}: {participants} ble med på "
                      f"{result.join_seconds:.1f} s, {result.sent} svar på "
                      f"{result.answer_seconds:.1f} s ({result.votes_per_second:.0f}/s)",
                      flush=True)
                for problem in sorted(set(result.problems))[:10]:
                    print(f"  merk: {problem}")
    return results


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _ratio(value: float | None, reference: float | None) -> str:
    return f"{value / reference:.1f}×" if value and reference else "–"


def table(results: list[Result]) -> str:
    """One row per run; a Livskraft row's ratios are to the reference row of the same
    set-up, burst and spread (p99 answer and screen: higher is slower; votes/s: lower)."""
    head = ("oppsett", "server", "telefoner", "spredt", "sendt", "lagret", "dobbel", "feil",
            "stemmer/s", "HTTP p50/p99 ms", "websocket p50/p99 ms", "storskjerm p50/p99 ms",
            "statisk p50 ms", "svar p99 ÷ ref", "storskjerm p99 ÷ ref", "stemmer/s ÷ ref")
    rows = [head]
    references = {(r.setup, r.participants, r.spread): r for r in results
                  if r.server == REFERENCE}
    for r in results:
        ref = references.get((r.setup, r.participants, r.spread))
        mine = r.server != REFERENCE and ref is not None
        rows.append((
            r.setup, r.server, str(r.participants), f"{r.spread:g} s", str(r.sent),
            str(r.stored), str(r.duplicates), str(r.errors), f"{r.votes_per_second:.0f}",
            f"{_ms(r.http_p50_ms)}/{_ms(r.http_p99_ms)}",
            f"{_ms(r.websocket_p50_ms)}/{_ms(r.websocket_p99_ms)}",
            f"{_ms(r.screen_p50_ms)}/{_ms(r.screen_p99_ms)}", f"{r.static_p50_ms:.1f}",
            _ratio(r.answer_p99_ms, ref.answer_p99_ms) if mine else "",
            _ratio(r.screen_p99_ms, ref.screen_p99_ms) if mine else "",
            _ratio(r.votes_per_second, ref.votes_per_second) if mine else ""))
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in rows)


def _option(args: list[str], name: str, default: str) -> str:
    return args[args.index(name) + 1] if name in args else default


def main() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 16384)), hard))
    args = sys.argv[1:]
    transport = _option(args, "--transport", "websocket" if "--websocket" in args
                        else "http" if "--http" in args else "http+websocket")
    spread = float(_option(args, "--spread", "0" if "-child-" in args else "30"))
    reference = "--no-reference" not in args
    plain = "--reference" in args
    args = [a for i, a in enumerate(args) if not a.startswith("--")
            and (i == 0 or args[i - 1] not in ("--spread", "--transport"))]
    if args and args[0] == "-child-":
        number, participants, factors = map(int, args[1:4])
        redis_url, database_url = (None if v == "-" else v for v in args[4:6])
        result = run_setup(number, participants, factors, redis_url, database_url,
                           transport, spread, plain)
        print(json.dumps(asdict(result)))
        return
    if args:
        loads = [(int(n), spread if "--spread" in sys.argv else 0.0)
                 for n in args[0].split(",")]
    else:
        loads = [(250, 0.0), (500, 0.0), (1000, 0.0), (1000, spread)]
    factors = int(args[1]) if len(args) > 1 else 3
    chosen = [int(n) for n in args[2].split(",")] if len(args) > 2 else list(SETUPS)
    results = []
    for number in chosen:
        results += measure(number, loads, factors, transport, reference)
    print(f"\nSvar over {transport}, {factors} faktorer per deltaker")
    print(table(results))
    mine = [r for r in results if r.server != REFERENCE]
    ok = all(r.stored == r.sent == r.participants * factors and r.duplicates == r.errors == 0
             for r in mine)
    print("\nOK: hvert svar lagret nøyaktig én gang" if ok else "\nFEIL: svar tapt eller doble")


if __name__ == "__main__":
    main()
