"""The reference for bench/participation_load.py: the same hall served by a plain ASGI app
(no Django, no channels), so the load benchmark can print what this machine and this client
reach at best, in the same run, beside what Livskraft reaches.

It speaks the same URLs as Livskraft: joining (a participant row and an unsigned cookie),
the JSON answer over HTTP, the participant's websocket and the big screen's websocket.
Answers from both transports go into one queue; each batch is written with one upsert
(INSERT … ON CONFLICT DO UPDATE, so the unique constraint keeps one row per participant and
factor) in one transaction in a writer thread, and acknowledged after the commit; then the
big screens get the new count. One process (its state, like the screens, is in memory), the
same uvicorn (httptools, uvloop), the same database file or server as the set-up measured.
Run by the benchmark: python bench/plain_answers.py PORT WORKSHOP_ID DATABASE
(DATABASE: a SQLite file path or a postgres:// URL).
"""

import asyncio
import json
import sqlite3
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from urllib.parse import parse_qs

COOKIE = "verksted_deltaker"
WRITER = ThreadPoolExecutor(max_workers=1)  # one connection, one thread
CSS = b"body{margin:0}\n" * 64


class Store:
    """The database side: one connection, used by one writer thread at a time."""

    def __init__(self, database: str, workshop_id: int) -> None:
        if database.startswith("postgres"):
            import psycopg

            self.connection = psycopg.connect(database)
            self.mark, self.postgres = "%s", True
        else:
            self.connection = sqlite3.connect(database, timeout=20, isolation_level=None,
                                              check_same_thread=False)
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            self.mark, self.postgres = "?", False
        self.workshop_id = workshop_id
        rows = self._run(f"SELECT id FROM workshops_factor WHERE workshop_id = {self.mark}",
                         [(workshop_id,)], fetch=True)
        self.factors = {row[0] for row in rows}

    def _run(self, sql: str, rows: list[tuple], fetch: bool = False):
        cursor = self.connection.cursor()
        if not self.postgres:
            cursor.execute("BEGIN IMMEDIATE")
        if fetch:
            cursor.execute(sql, rows[0])
            found = cursor.fetchall()
        else:
            cursor.executemany(sql, rows)
            found = None
        self.connection.commit()
        return found

    def join(self, key: uuid.UUID) -> None:
        m = self.mark
        self._run(f'INSERT INTO workshops_participant (workshop_id, key, "group", joined_at) '
                  f"VALUES ({m}, {m}, '', {m})",
                  [(self.workshop_id, key if self.postgres else key.hex,
                    datetime.now(UTC).isoformat(" "))])

    def write(self, votes: list[tuple]) -> int:
        """Upsert the votes (participant key, factor, importance, influence) in one
        transaction; the workshop's count of answers after it."""
        m = self.mark
        key = f"(SELECT id FROM workshops_participant WHERE key = {m})"
        now = datetime.now(UTC).isoformat(" ")
        cursor = self.connection.cursor()
        if not self.postgres:
            cursor.execute("BEGIN IMMEDIATE")
        cursor.executemany(
            "INSERT INTO workshops_priorityscore (participant_id, factor_id, importance, "
            f"influence, updated_at) VALUES ({key}, {m}, {m}, {m}, {m}) "
            "ON CONFLICT (participant_id, factor_id) DO UPDATE SET "
            "importance = excluded.importance, influence = excluded.influence, "
            "updated_at = excluded.updated_at",
            [(k if self.postgres else k.hex, f, i, n, now) for k, f, i, n in votes])
        cursor.execute("SELECT count(*) FROM workshops_priorityscore s JOIN workshops_factor f "
                       f"ON f.id = s.factor_id WHERE f.workshop_id = {m}", (self.workshop_id,))
        count = cursor.fetchone()[0]
        self.connection.commit()
        return count


class Hall:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.participants: set[uuid.UUID] = set()
        self.pending: list[tuple[tuple, asyncio.Future]] = []
        self.writer: asyncio.Task | None = None
        self.screens: set = set()

    def check(self, key: str | None, data: dict) -> tuple | None:
        try:
            participant = uuid.UUID(key or "")
            vote = (participant, int(data["factor"]), int(data["importance"]),
                    int(data["influence"]))
        except (KeyError, TypeError, ValueError):
            return None
        ok = participant in self.participants and vote[1] in self.store.factors
        return vote if ok and 1 <= vote[2] <= 5 and 1 <= vote[3] <= 5 else None

    async def submit(self, vote: tuple) -> None:
        future = asyncio.get_running_loop().create_future()
        self.pending.append((vote, future))
        if self.writer is None or self.writer.done():
            self.writer = asyncio.ensure_future(self._drain())
        await future

    async def _drain(self) -> None:
        await asyncio.sleep(0.02)
        loop = asyncio.get_running_loop()
        while self.pending:
            batch, self.pending = self.pending, []
            count = await loop.run_in_executor(WRITER, self.store.write, [v for v, _ in batch])
            for _vote, future in batch:
                future.set_result(None)
            message = json.dumps({"answers": count})
            for screen in list(self.screens):
                await screen({"type": "websocket.send", "text": message})


async def _body(receive) -> bytes:
    parts = []
    while True:
        message = await receive()
        parts.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(parts)


def _cookie(scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"cookie":
            for part in value.decode("latin-1").split(";"):
                key, _, found = part.strip().partition("=")
                if key == COOKIE:
                    return found
    return None


async def _reply(send, status: int, body: bytes, headers: list | None = None) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-length", str(len(body)).encode()), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


def application_for(hall: Hall):
    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
        elif scope["type"] == "http":
            await http(scope, receive, send)
        elif scope["type"] == "websocket":
            await websocket(scope, receive, send)

    async def http(scope, receive, send):
        body = await _body(receive)
        path = scope["path"]
        if path.startswith("/static/"):
            await _reply(send, 200, CSS, [(b"content-type", b"text/css")])
        elif path == "/verksted/bli-med/" and scope["method"] == "POST":
            key = uuid.uuid4()
            await asyncio.get_running_loop().run_in_executor(WRITER, hall.store.join, key)
            hall.participants.add(key)
            await _reply(send, 302, b"", [(b"location", b"/verksted/delta/"),
                                          (b"set-cookie", f"{COOKIE}={key}; Path=/".encode())])
        elif path == "/verksted/delta/svar/" and scope["method"] == "POST":
            form = {k: v[0] for k, v in parse_qs(body.decode("latin-1")).items()}
            vote = hall.check(_cookie(scope), form)
            if vote is None:
                await _reply(send, 400, b'{"error": "invalid"}')
                return
            await hall.submit(vote)
            await _reply(send, 200, json.dumps({"saved": vote[1]}).encode(),
                         [(b"content-type", b"application/json")])
        else:
            await _reply(send, 404, b"")

    async def websocket(scope, receive, send):
        await receive()  # websocket.connect
        await send({"type": "websocket.accept"})
        screen = scope["path"].endswith("/storskjerm/")
        if screen:
            hall.screens.add(send)
            await send({"type": "websocket.send", "text": json.dumps({"answers": 0})})
        else:
            await send({"type": "websocket.send", "text": json.dumps({"state": {}})})
        key = _cookie(scope)
        tasks = set()
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                hall.screens.discard(send)
                return
            if not screen:
                task = asyncio.ensure_future(answer(key, message.get("text"), send))
                tasks.add(task)
                task.add_done_callback(tasks.discard)

    async def answer(key, text, send):
        try:
            vote = hall.check(key, json.loads(text or ""))
        except ValueError:
            vote = None
        if vote is None:
            reply = {"error": "invalid"}
        else:
            await hall.submit(vote)
            reply = {"saved": vote[1]}
        await send({"type": "websocket.send", "text": json.dumps(reply)})

    return app


def main() -> None:
    import uvicorn

    port, workshop_id, database = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    app = application_for(Hall(Store(database, workshop_id)))
    uvicorn.run(app, host="127.0.0.1", port=port, http="httptools", loop="uvloop",
                log_level="warning")


if __name__ == "__main__":
    main()
