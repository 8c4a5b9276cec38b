"""Benchmark: opinion groups for 1,000 voters × 20 statements, uncached and cached, in one run.

The reference is the uncached path measured in the same run (read every vote, PCA, k-means
for k = 2..4, agreement per group); the figure is the cached path a page view takes (read the
poll's vote version, one cache look-up). Both go through `polls.groups`, against a temporary
SQLite database (or DATABASE_URL) and the configured cache. Votes are SYNTHETIC: three camps
with a little noise, and one voter in five skipping each statement.
Run: .venv/bin/python bench/opinion_groups.py [VOTERS] [STATEMENTS]
"""

import os
import random
import statistics
import sys
import tempfile
import time

VOTERS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
STATEMENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
ROUNDS = 5
os.environ.setdefault("LIVSKRAFT_HOME", tempfile.mkdtemp())
os.environ["DJANGO_SETTINGS_MODULE"] = "livskraft.config.settings"

import django  # noqa: E402

django.setup()
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402

from livskraft.consultations import polls  # noqa: E402
from livskraft.consultations.models import Poll, Statement, Vote  # noqa: E402


def main() -> None:
    call_command("migrate", verbosity=0)
    poll = Poll.objects.create(slug="benk", title="Benk", organiser="Benk", published=True)
    statements = Statement.objects.bulk_create(
        Statement(poll=poll, text=f"Påstand {i}", status=Statement.APPROVED, position=i)
        for i in range(STATEMENTS))
    rng = random.Random(18)
    votes = []
    for voter in range(VOTERS):
        camp = voter % 3
        for i, statement in enumerate(statements):
            if rng.random() < 0.2:
                continue
            value = 1 if (i + camp) % 3 else -1
            if rng.random() < 0.1:
                value = -value
            votes.append(Vote(statement=statement, voter=f"velger-{voter}", value=value))
    Vote.objects.bulk_create(votes, batch_size=5000)
    print(f"{VOTERS} velgere × {STATEMENTS} påstander, {len(votes)} stemmer")
    uncached, cached = [], []
    for round_ in range(ROUNDS):
        Poll.objects.filter(id=poll.id).update(votes_version=round_ + 1)  # a new vote state
        cache.clear()
        begin = time.perf_counter()
        groups = polls.groups(poll)
        uncached.append(time.perf_counter() - begin)
        for _ in range(20):
            begin = time.perf_counter()
            again = polls.groups(poll)
            cached.append(time.perf_counter() - begin)
        assert again.consensus == groups.consensus
    reference, figure = statistics.median(uncached), statistics.median(cached)
    print(f"referanse, uten hurtigbuffer (ny stemmetilstand): median {1000 * reference:.1f} ms "
          f"over {ROUNDS} runder ({groups.membership.nunique()} meningsgrupper)")
    print(f"med hurtigbuffer (sidevisning, samme stemmetilstand): median {1000 * figure:.2f} ms "
          f"over {len(cached)} oppslag")
    print(f"forhold: {reference / figure:.0f} × raskere med hurtigbuffer")


if __name__ == "__main__":
    main()
