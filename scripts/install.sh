#!/usr/bin/env bash
# Installs what Livskraft needs on a fresh Debian/Ubuntu machine. Safe to run again.
#   scripts/install.sh        the web app (Python virtual environment in .venv)
#   scripts/install.sh test   also Chromium, PostgreSQL and the test tools
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(python3 python3-venv libcairo2 gettext
  libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-dejavu-extra)  # PDFs (web/pdf.py)
if [ "${1:-}" = test ]; then
  packages+=(chromium postgresql redis-server nginx-light wrk docker-compose)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ] && command -v apt-get >/dev/null; then
  echo "Installerer Debian-pakker: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=python3
[ -x .venv/bin/python ] || "$python" -m venv .venv
# pip runs only when the pinned packages (requirements.lock), pyproject.toml or this script changed
# since the last install of the same kind; the package itself is installed editable, so code
# changes need none. Every package comes from the lock, checked against its hashes; the app
# alone takes the lock's part above the "# test extra" line (scripts/lock.sh writes it).
fingerprint="$(cat requirements.lock pyproject.toml scripts/install.sh | sha256sum | cut -d' ' -f1)"
stamp=.venv/livskraft-installed
if ! grep -qxF "$fingerprint ${1:-app}" "$stamp" 2>/dev/null \
   && ! grep -qxF "$fingerprint test" "$stamp" 2>/dev/null; then
  .venv/bin/python -m pip install -q --upgrade pip
  pinned=$(mktemp)
  if [ "${1:-}" = test ]; then
    cp requirements.lock "$pinned"
  else
    sed '/^# test extra$/,$d' requirements.lock > "$pinned"
  fi
  .venv/bin/python -m pip install -q --require-hashes --no-deps -r "$pinned"
  rm -f "$pinned"
  .venv/bin/python -m pip install -q --no-deps -e .
  # fails when pyproject.toml asks for a package the lock lacks (run scripts/lock.sh)
  .venv/bin/python -m pip check
  echo "$fingerprint ${1:-app}" > "$stamp"
fi
# The compiled translations are built here, not committed (binary files do not merge);
# a catalogue is compiled again whenever its .po file is newer than its .mo file.
for po in src/livskraft/locale/*/LC_MESSAGES/django.po; do
  if [ "$po" -nt "${po%.po}.mo" ]; then msgfmt --check -o "${po%.po}.mo" "$po"; fi
done
