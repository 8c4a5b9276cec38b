#!/usr/bin/env bash
# The first README command: install (skipped when nothing changed), load data if the database
# is empty, start the web app.
# Data comes from LIVSKRAFT_DATA_DIR (default ../shared/data when it exists); otherwise run
# `.venv/bin/livskraft sync` on a machine that can reach SSB.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
# An empty database is filled from the data folder first: valid files are stored, refused ones
# are listed (and shown to staff on the home page); the site starts either way.
exec .venv/bin/livskraft serve --host "${LIVSKRAFT_HOST:-127.0.0.1}" --port "${LIVSKRAFT_PORT:-8000}" \
  --load-if-empty "${LIVSKRAFT_DATA_DIR:-../shared/data}"
