#!/usr/bin/env bash
# The first README command: install, load data if the database is empty, start the web app.
# Data comes from LIVSKRAFT_DATA_DIR (default ../shared/data when it exists); otherwise run
# `.venv/bin/livskraft sync` on a machine that can reach SSB.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
data_dir="${LIVSKRAFT_DATA_DIR:-../shared/data}"
if ! .venv/bin/python -m livskraft analyse population --kommune 0301 >/dev/null 2>&1 \
   && [ -d "$data_dir" ]; then
  echo "Laster inn data fra $data_dir ..."
  .venv/bin/livskraft import-data "$data_dir"
fi
exec .venv/bin/livskraft serve --host "${LIVSKRAFT_HOST:-127.0.0.1}" --port "${LIVSKRAFT_PORT:-8000}"
