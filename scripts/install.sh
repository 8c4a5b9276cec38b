#!/usr/bin/env bash
# Installs what Livskraft needs on a fresh Debian/Ubuntu machine. Safe to run again.
#   scripts/install.sh        the web app (Python virtual environment in .venv)
#   scripts/install.sh test   also Chromium, PostgreSQL and the test tools
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(python3 python3-venv libcairo2 gettext)
if [ "${1:-}" = test ]; then
  packages+=(chromium postgresql redis-server nginx-light wrk)
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
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = test ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
else
  .venv/bin/python -m pip install -q -e .
fi
# The compiled translations are built here, not committed (binary files do not merge).
for po in src/livskraft/locale/*/LC_MESSAGES/django.po; do
  msgfmt --check -o "${po%.po}.mo" "$po"
done
