"""A few dozen phones answering at the same moment against a real `livskraft serve`: every
answer is stored exactly once and none gets an error. The benchmark's own code runs it
(bench/participation_load.py), here with 36 participants × 3 factors = 108 answers, half over
the websocket and half over HTTP. SQLite with 2 workers needs Redis for the big screen
(scripts/test.sh starts one); on the PostgreSQL pass a fresh database on that server."""

import os
import uuid

import pytest

from bench import participation_load as load

PARTICIPANTS, FACTORS = 36, 3
REDIS = os.environ.get("LIVSKRAFT_TEST_REDIS_URL")
DATABASE = os.environ.get("DATABASE_URL", "")


@pytest.fixture(autouse=True)
def empty_redis():
    """Each run starts on a fresh database whose ids repeat: counters left in Redis by an
    earlier run (limits, presence) must not count against it."""
    if REDIS:
        import redis

        redis.Redis.from_url(REDIS).flushdb()


def check(result):
    assert result.sent == PARTICIPANTS * FACTORS == 108
    assert (result.stored, result.duplicates, result.errors) == (108, 0, 0), result.problems
    assert not result.problems, result.problems


def test_one_worker_keeps_every_answer():
    check(load.child(1, PARTICIPANTS, FACTORS, None, None))


@pytest.mark.skipif(not REDIS, reason="ingen Redis-server: scripts/test.sh starter en")
def test_two_workers_on_sqlite_keep_every_answer():
    check(load.child(2, PARTICIPANTS, FACTORS, REDIS, None))


@pytest.mark.skipif(not REDIS, reason="ingen Redis-server: scripts/test.sh starter en")
def test_three_hundred_websocket_votes_cross_redis_between_two_workers():
    """100 phones × 3 factors, all over websockets, spread over 2 s: the big screen sits in
    one worker, the phones in both, so every count it shows came through Redis."""
    result = load.child(2, 100, FACTORS, REDIS, None, ("--websocket", "--spread", "2"))
    assert (result.sent, result.stored, result.duplicates, result.errors) == (300, 300, 0, 0)
    assert not result.problems, result.problems  # the screen reached 300
    assert result.screen_p99_ms is not None  # and showed every vote


@pytest.mark.skipif(not (REDIS and DATABASE.startswith("postgres")),
                    reason="bare på PostgreSQL-runden i scripts/test.sh (med Redis)")
def test_two_workers_on_postgresql_keep_every_answer():
    import psycopg

    name = f"livskraft_load_{uuid.uuid4().hex[:8]}"
    server = DATABASE.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        check(load.child(3, PARTICIPANTS, FACTORS, REDIS, f"{server}/{name}"))
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
