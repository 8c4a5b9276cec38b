import pytest
from django.db import IntegrityError, transaction

from livskraft.workshops import screens
from livskraft.workshops.models import Participant
from livskraft.workshops.tools import priority
from livskraft.workshops.tools.priority import PriorityScore


def test_summary_mean_and_spread_by_hand(workshop):
    bredband = workshop.factors.get(text="Bredbånd")
    for importance, influence in ((5, 1), (3, 3), (4, 2)):
        priority.record(Participant.objects.create(workshop=workshop), bredband.id, importance,
                       influence)
    row = next(f for f in priority.summary(workshop) if f["text"] == "Bredbånd")
    assert row["answers"] == 3 and row["importance"] == 4 and row["influence"] == 2
    assert row["importance_sd"] == pytest.approx((2 / 3) ** 0.5)


def test_one_answer_per_participant_and_factor(workshop):
    someone = Participant.objects.create(workshop=workshop)
    factor = workshop.factors.first()
    priority.record(someone, factor.id, 2, 2)
    priority.record(someone, factor.id, 5, 4)  # a change, not a second answer
    assert PriorityScore.objects.get().importance == 5
    with pytest.raises(IntegrityError), transaction.atomic():
        PriorityScore.objects.create(participant=someone, factor=factor, importance=1,
                                     influence=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        PriorityScore.objects.filter(participant=someone).update(importance=9)


@pytest.mark.parametrize(("factor_offset", "importance", "influence", "message"), [
    (0, 6, 3, "1 til 5"), (0, 3, 0, "1 til 5"), (999, 3, 3, "Ukjent faktor"),
])
def test_bad_scores_are_rejected(workshop, factor_offset, importance, influence, message):
    someone = Participant.objects.create(workshop=workshop)
    factor_id = workshop.factors.first().id + factor_offset
    with pytest.raises(priority.ScoreRejected, match=message):
        priority.record(someone, factor_id, importance, influence)


def test_a_locked_round_takes_no_answers(workshop):
    workshop.locked = True
    workshop.save()
    with pytest.raises(priority.ScoreRejected, match="låst"):
        priority.record(Participant.objects.create(workshop=workshop),
                       workshop.factors.first().id, 3, 3)


def test_hidden_results_show_once_everyone_has_answered(workshop):
    people = [Participant.objects.create(workshop=workshop) for _ in range(2)]
    assert workshop.results_hidden and "Resultatene vises når alle har svart." in \
        screens.render(workshop)
    for person in people:
        for factor in workshop.factors.all():
            priority.record(person, factor.id, 3, 3)
    assert screens.everyone_done(workshop)
    assert 'class="matrix"' in screens.render(workshop)


def test_a_late_older_answer_never_overwrites_a_newer_one(workshop):
    """A form post sent while the websocket was down may arrive after a newer websocket
    answer: the phone's answer time decides, not the order of arrival."""
    someone = Participant.objects.create(workshop=workshop)
    factor = workshop.factors.first()
    priority.record(someone, factor.id, 4, 2, answered_at=2_000)  # the newer, arriving first
    priority.record(someone, factor.id, 3, 2, answered_at=1_000)  # the older, arriving late
    assert PriorityScore.objects.get().importance == 4
    priority.record(someone, factor.id, 5, 1, answered_at=3_000)
    priority.record(someone, factor.id, 2, 2)  # a plain form without a time: taken as newest
    assert PriorityScore.objects.values_list("importance", "influence").get() == (2, 2)
    with pytest.raises(priority.ScoreRejected):
        priority.record(someone, factor.id, 2, 2, answered_at=10**30)
