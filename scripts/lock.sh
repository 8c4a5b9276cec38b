#!/usr/bin/env bash
# Writes requirements.lock from pyproject.toml: every package pinned with the hashes of all its
# files on PyPI, for any platform running Python 3.11 or newer (uv's universal resolution).
# The app's packages come first; those only the test extra needs follow the "# test extra" line,
# at the versions the app's resolution chose. Run it after changing a dependency and commit the
# lock with the change (tests/test_lock.py fails until you do). scripts/install.sh installs from it.
#   scripts/lock.sh                 keep today's pins where pyproject.toml still allows them
#   scripts/lock.sh --upgrade       move every package to its newest allowed release
set -euo pipefail
cd "$(dirname "$0")/.."

uv_version=0.13.8
[ -x .venv/bin/python ] || python3 -m venv .venv
if [ "$(.venv/bin/uv --version 2>/dev/null | cut -d' ' -f2)" != "$uv_version" ]; then
  .venv/bin/python -m pip install -q "uv==$uv_version"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compile() {
  .venv/bin/uv pip compile pyproject.toml --quiet --universal --python-version 3.11 \
    --generate-hashes --no-header "$@"
}
previous=()
[ -f requirements.lock ] && [ "${1:-}" != --upgrade ] && previous=(-c requirements.lock)
compile "${previous[@]}" -o "$work/app.txt"
compile --extra test -c "$work/app.txt" "${previous[@]}" -o "$work/all.txt"

{
  echo "# Made by scripts/lock.sh from pyproject.toml (uv $uv_version); do not edit by hand."
  echo "# Installed by scripts/install.sh: pip install --require-hashes --no-deps -r requirements.lock"
  cat "$work/app.txt"
  echo "# test extra"
  # a package's block is its "name==version" line and the indented lines under it
  awk 'NR == FNR { if ($0 ~ /^[a-z0-9]/) app[$1] = 1; next }
       /^[a-z0-9]/ { keep = !($1 in app) }
       /^[a-z0-9]/ || /^ / { if (keep) print }' "$work/app.txt" "$work/all.txt"
} > requirements.lock
echo "requirements.lock: $(grep -c '^[a-z0-9]' requirements.lock) pakker"
