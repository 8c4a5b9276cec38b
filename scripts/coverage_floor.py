"""Fail when a module of the pure core or the permission and moderation code is covered below
the floor. Reads the JSON report of `coverage json`; called by scripts/test.sh."""

import json
import sys
from fnmatch import fnmatch
from pathlib import Path

FLOOR = 90.0
GUARDED = [
    "src/livskraft/analysis/*.py",
    "src/livskraft/sources/*.py",
    "src/livskraft/sources/datasets/*.py",
    "src/livskraft/consultations/permissions.py",
    "src/livskraft/consultations/views_committee.py",  # moderation
    "src/livskraft/workshops/permissions.py",
    "src/livskraft/workshops/actions.py",  # the facilitator's panel actions
]


def main(report_path: str) -> int:
    files = json.loads(Path(report_path).read_text(encoding="utf-8"))["files"]
    guarded = {name: data["summary"]["percent_covered"] for name, data in sorted(files.items())
               if any(fnmatch(name, pattern) for pattern in GUARDED)}
    low = {name: percent for name, percent in guarded.items() if percent < FLOOR}
    print(f"Dekning i kjernen, tilgangs- og modereringskoden ({len(guarded)} moduler, "
          f"gulv {FLOOR:.0f} %):")
    for name, percent in guarded.items():
        print(f"  {percent:5.1f} %  {name}{'  UNDER GULVET' if name in low else ''}")
    return 1 if low or not guarded else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
