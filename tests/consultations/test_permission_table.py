"""Who may do what in a consultation, in each state, as one table (adhocracy4's rules tests
in spirit): role × action × state (open, past its deadline, unpublished). Each cell is the
status the server answers and whether anything was stored; most cells are refusals."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from livskraft.consultations.models import Statement, Submission, Vote

from .conftest import answers_for
from .test_committee import submit

ROLES = ["eier", "moderator", "fremmed_moderator", "utenforstaaende", "respondent", "besokende"]
MEMBERS = {"eier", "moderator"}
STATES = ["open", "closed", "unpublished"]


def make_state(consultation, state):
    if state == "closed":
        consultation.deadline = timezone.now() - timezone.timedelta(minutes=1)
    if state == "unpublished":
        consultation.published = False
    consultation.save()


def expected(action: str, state: str, role: str) -> int:
    """The status each role gets; worked out from the rules, not from the views."""
    member = role in MEMBERS
    login = 302  # not logged in: to the login page
    if action in ("moderate", "export"):
        if member:
            return 302 if action == "moderate" else 200
        return login if role in ("respondent", "besokende") else 403
    if action == "edit_own":
        if role != "respondent":
            return 404  # only the private link finds the submission
        return 302 if state == "open" else 403  # unpublished counts as closed
    if action == "delete_own":  # erasure is a right after the deadline and unpublishing too
        return 302 if role == "respondent" else 404
    if state == "unpublished":
        return 404  # the public pages of an unpublished consultation do not exist
    if action == "submit":
        return 302 if state == "open" else 403
    if action == "vote":
        return 302 if state == "open" else 403  # a vote goes back to its statement
    raise AssertionError(action)


def stored(action: str, before: dict, after: dict) -> bool:
    return before[action] != after[action]


def snapshot(consultation, target) -> dict:
    target_now = Submission.objects.filter(id=target.id).first()
    return {
        "moderate": target_now.status if target_now else None,
        "export": None,
        "submit": Submission.objects.count(),
        "vote": Vote.objects.count(),
        "edit_own": target_now.answers.first().text if target_now else None,
        "delete_own": Submission.objects.filter(id=target.id).exists(),
    }


ACTIONS = ["moderate", "export", "submit", "vote", "edit_own", "delete_own"]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_role_action_state(role, action, state, people, consultation, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    cache.clear()
    target = submit(consultation)
    poll = consultation.poll()
    statement = Statement.objects.create(poll=poll, text="Påstand", status=Statement.APPROVED)
    client = Client()
    if role in people:
        client.force_login(people[role])
    slug = consultation.slug
    token = target.token if role == "respondent" else "ikke-" + target.token[5:]
    make_state(consultation, state)
    before = snapshot(consultation, target)
    requests = {
        "moderate": lambda: client.post(f"/horing/{slug}/moderer/",
                                        {"action": "publish", "submission": target.id}),
        "export": lambda: client.get(f"/horing/{slug}/analyse/innspill.xlsx"),
        "submit": lambda: client.post(f"/horing/{slug}/innspill/", {
            "respondent_type": "individual", "municipality_code": "9901",
            **answers_for(consultation, "Nytt innspill")}),
        "vote": lambda: client.post(f"/enig/{poll.slug}/{statement.id}/", {"value": "1"}),
        "edit_own": lambda: client.post(f"/horing/{slug}/innspill/{token}/", {
            "respondent_type": "individual", "municipality_code": "9901",
            **answers_for(consultation, "Endret tekst")}),
        "delete_own": lambda: client.post(f"/horing/{slug}/innspill/{token}/slett-alt/",
                                          {"confirm": "yes"}),
    }
    response = requests[action]()
    want = expected(action, state, role)
    assert response.status_code == want, (role, action, state)
    if response.status_code == 302 and want == 302 and action in ("moderate", "export"):
        assert ("/konto/logg-inn/" in response["Location"]) == (role not in MEMBERS)
    changed = stored(action, before, snapshot(consultation, target))
    allowed = want in (200, 302) and not (want == 302 and role not in MEMBERS
                                          and action in ("moderate", "export"))
    assert changed == (allowed and action != "export"), (role, action, state)
