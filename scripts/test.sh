#!/usr/bin/env bash
# The second README command (and what .ci/run calls): install everything, lint, then run the
# whole suite on SQLite and again on a real PostgreSQL server started here.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh test
.venv/bin/ruff check src tests bench

redis_port=${LIVSKRAFT_TEST_REDIS_PORT:-6390}
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
  --pidfile "/tmp/livskraft-redis-$redis_port.pid" >/dev/null
export LIVSKRAFT_TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"
stop_redis() { redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; }
trap stop_redis EXIT

# Both passes always run; the script fails at the end if either failed, after printing both summaries.
summary() { grep -E '[0-9]+ (passed|failed|errors?|skipped)|no tests ran' "$1" | tail -n 1; }
logs=$(mktemp -d /tmp/livskraft-test-logs.XXXXXX)

# The PostgreSQL pass (without the browser tests) runs beside the SQLite pass, with its own
# Redis database, to keep CI within its time; its output is printed when it is done.
initdb=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
bin=$(dirname "$initdb")
pgdir=$(mktemp -d /tmp/livskraft-pg.XXXXXX)
port=${LIVSKRAFT_TEST_PG_PORT:-54329}
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pgdir"
trap 'run_pg "$bin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1; rm -rf "$pgdir"; stop_redis' EXIT
postgres_pass() {
  if run_pg "$bin/initdb" -D "$pgdir/data" --auth=trust --username=postgres -E UTF8 >/dev/null \
     && run_pg "$bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
          -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null; then
    DATABASE_URL="postgres://postgres@127.0.0.1:$port/livskraft" \
      LIVSKRAFT_TEST_REDIS_URL="redis://127.0.0.1:$redis_port/1" \
      .venv/bin/python -m pytest -m "not browser" "$@"
  else
    echo "PostgreSQL kunne ikke startes:"
    cat "$pgdir/log" 2>/dev/null || true
    return 1
  fi
}
postgres_pass "$@" > "$logs/postgres.log" 2>&1 &
postgres_pid=$!

# tests/deploy/test_topology.py starts the production topology without containers here: nginx
# (docs/nginx/livskraft.conf) in front of two app processes, its own Redis and PostgreSQL.
echo "== Testene på SQLite (med nettlesertester i Chromium), med dekningsmåling"
# coverage follows the CLI and the servers started in subprocesses ([tool.coverage.run])
export COVERAGE_FILE="$PWD/.coverage"
rm -f .coverage .coverage.*
sqlite_status=0
.venv/bin/python -m coverage run -m pytest "$@" 2>&1 | tee "$logs/sqlite.log" || sqlite_status=$?
unset COVERAGE_FILE
.venv/bin/python -m coverage combine -q
coverage_status=0
.venv/bin/python -m coverage report --sort=cover | tee "$logs/coverage.txt" || coverage_status=$?
.venv/bin/python -m coverage json -q -o "$logs/coverage.json" || coverage_status=$?
.venv/bin/python scripts/coverage_floor.py "$logs/coverage.json" | tee "$logs/floor.txt" \
  || coverage_status=$?

echo "== Testene på PostgreSQL"
postgres_status=0
wait "$postgres_pid" || postgres_status=$?
cat "$logs/postgres.log"

echo "== Sammendrag"
echo "SQLite og Chromium (exit $sqlite_status): $(summary "$logs/sqlite.log")"
echo "PostgreSQL (exit $postgres_status): $(summary "$logs/postgres.log")"
echo "Dekning (exit $coverage_status): $(grep "^TOTAL" "$logs/coverage.txt")" \
  "$(grep -c 'UNDER GULVET' "$logs/floor.txt" || true) moduler under gulvet"
rm -rf "$logs"
[ "$sqlite_status" = 0 ] && [ "$postgres_status" = 0 ] && [ "$coverage_status" = 0 ]
