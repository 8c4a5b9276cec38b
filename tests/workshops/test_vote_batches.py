"""Priority scores written in batches: one transaction per batch, the same rules as one by
one, the unique constraint as the guarantee, and many phones at once through the websocket."""

import os
import uuid

import pytest
from asgiref.sync import async_to_sync
from django.core.cache import cache
from django.test import override_settings

from livskraft.workshops.models import Participant, Workshop
from livskraft.workshops.participants import answer_allowed, answers_allowed
from livskraft.workshops.tools import priority
from livskraft.workshops.tools.priority import Factor, PriorityScore, record_many

from .test_live import participant_socket

REDIS = os.environ.get("LIVSKRAFT_TEST_REDIS_URL")


@pytest.fixture
def hall(db):
    workshop = Workshop.objects.create(title="Batch", results_hidden=False)
    factors = [Factor.objects.create(workshop=workshop, text=t, position=i)
               for i, t in enumerate(["Bredbånd", "Barnehage"])]
    people = [Participant.objects.create(workshop=workshop) for _ in range(3)]
    return workshop, factors, people


def test_a_batch_keeps_the_newest_answer_and_refuses_what_one_vote_would(hall):
    workshop, (broadband, kindergarten), (ann, bo, cai) = hall
    other = Factor.objects.create(workshop=Workshop.objects.create(title="Annen"), text="X")
    PriorityScore.objects.create(participant=cai, factor=broadband, importance=1, influence=1,
                                 answered_at=900)
    outcomes = record_many([
        (ann, broadband.id, 4, 2, 200),
        (ann, broadband.id, 5, 5, 100),  # arrives later, answered earlier: not kept
        (bo, broadband.id, 6, 1, None),  # out of range
        (bo, other.id, 3, 3, None),  # another workshop's factor
        (bo, kindergarten.id, 3, 1, None),
        (cai, broadband.id, 2, 2, 800),  # older than the stored answer at 900
    ])
    assert outcomes == [None, None, "Velg en verdi fra 1 til 5.", "Ukjent faktor.", None, None]
    stored = {(s.participant_id, s.factor_id): (s.importance, s.influence)
              for s in PriorityScore.objects.all()}
    assert stored == {(ann.id, broadband.id): (4, 2), (bo.id, kindergarten.id): (3, 1),
                      (cai.id, broadband.id): (1, 1)}


def test_a_locked_round_refuses_the_whole_batch(hall):
    workshop, (broadband, _), (ann, bo, _) = hall
    Workshop.objects.filter(id=workshop.id).update(locked=True)
    assert record_many([(ann, broadband.id, 3, 3, None), (bo, broadband.id, 2, 2, None)]) \
        == ["Runden er låst av prosesslederen."] * 2
    assert not PriorityScore.objects.exists()


@pytest.mark.parametrize(("stored_at", "sent_at", "kept"), [
    (900, 800, (1, 1)),  # answered earlier on the phone, arrived later: the stored one stays
    (10, 20, (5, 4)),  # newer: replaces
    (20, 20, (5, 4)),  # the same moment is not older: replaces
    (None, 20, (5, 4)),  # without a time on either side the last to arrive wins
    (20, None, (5, 4)),
])
def test_a_score_stored_meanwhile_is_updated_in_place_by_the_upsert(hall, stored_at, sent_at,
                                                                    kept):
    """Another process (or the plain form) stored Ann's score before our batch: the upsert on
    the unique constraint updates that row (or leaves it, when ours is older), never a
    second row."""
    _, (broadband, kindergarten), (ann, bo, _) = hall
    PriorityScore.objects.create(participant=ann, factor=broadband, importance=1, influence=1,
                                 answered_at=stored_at)
    assert record_many([(ann, broadband.id, 5, 4, sent_at), (bo, kindergarten.id, 2, 3, None)]) \
        == [None, None]
    assert PriorityScore.objects.count() == 2
    score = PriorityScore.objects.get(participant=ann)
    assert (score.importance, score.influence) == kept
    assert score.answered_at == (stored_at if kept == (1, 1) else sent_at)


@pytest.mark.django_db(transaction=True)
def test_a_participant_deleted_meanwhile_fails_the_batch_and_the_rest_is_stored_one_by_one():
    """The participants were looked up, then one was deleted before the commit: the foreign
    key refuses the batch at the commit, and each vote is then stored on its own — the
    others' answers are kept, the deleted participant's is refused."""
    workshop = Workshop.objects.create(title="Sal")
    broadband = Factor.objects.create(workshop=workshop, text="Bredbånd")
    ann, bo = (Participant.objects.create(workshop=workshop) for _ in range(2))
    gone = priority.Voter(ann.id, workshop.id)
    ann.delete()
    outcomes = record_many([(gone, broadband.id, 5, 4, None), (bo, broadband.id, 2, 3, None)])
    assert outcomes == ["Du er ikke med i et verksted.", None]
    assert list(PriorityScore.objects.values_list("participant_id", "importance")) == \
        [(bo.id, 2)]


@pytest.mark.django_db(transaction=True)
def test_forty_phones_at_once_are_written_in_few_batches(monkeypatch):
    workshop = Workshop.objects.create(title="Sal", results_hidden=False)
    factors = [Factor.objects.create(workshop=workshop, text=f"F{i}", position=i)
               for i in range(2)]
    people = [Participant.objects.create(workshop=workshop) for _ in range(40)]
    calls = []
    real = priority.record_many

    def counted(votes):
        calls.append(len(votes))
        return real(votes)

    monkeypatch.setattr(priority, "record_many", counted)

    async def hall_votes():
        phones = [participant_socket(p) for p in people]
        for phone in phones:
            assert (await phone.connect())[0]
            await phone.receive_json_from(timeout=5)
        for phone in phones:
            for factor in factors:
                await phone.send_json_to({"factor": factor.id, "importance": 4,
                                          "influence": 2})
        replies = [await phone.receive_json_from(timeout=10) for phone in phones
                   for _ in factors]
        for phone in phones:
            await phone.disconnect()
        return replies

    replies = async_to_sync(hall_votes)()
    assert sorted(r["saved"] for r in replies) == sorted([f.id for f in factors] * 40)
    assert PriorityScore.objects.count() == 80  # 40 phones × 2 factors, once each
    assert sum(calls) == 80 and len(calls) < 80 / 4  # batches, not one write per vote


LIMIT_CACHES = [
    pytest.param({"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                  "LOCATION": "limit-test"}, id="minne"),
    pytest.param({"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS},
                 id="redis", marks=pytest.mark.skipif(
                     not REDIS, reason="ingen Redis-server: scripts/test.sh starter en")),
]


@pytest.mark.parametrize("store", LIMIT_CACHES)
def test_a_batchs_answers_count_against_each_participants_limit(store):
    """The limit is 60 answers a minute per participant (participants.ANSWERS_PER_WINDOW):
    after 2 of ann's answers one by one, a batch with 58 more of hers, 2 of bo's and 3 more
    of hers allows 2 + 58 = 60 of hers and refuses the 3 over; bo counts on his own."""
    ann = Participant(key=uuid.uuid4())
    bo = str(uuid.uuid4())
    with override_settings(CACHES={"default": store}):
        cache.clear()
        assert answer_allowed(ann) and answer_allowed(ann)
        batch = answers_allowed([str(ann.key)] * 58 + [bo, bo] + [str(ann.key)] * 3)
        assert batch == [True] * 58 + [True, True] + [False] * 3
        assert not answer_allowed(ann)
        assert answers_allowed([bo]) == [True]  # his third
