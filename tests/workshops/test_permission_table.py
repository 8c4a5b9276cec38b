"""Who may do what in a workshop, open or locked, as one table: role × action × state. The
status each role gets and whether anything changed; most cells are refusals."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

from livskraft.workshops.models import Participant
from livskraft.workshops.tools.priority import Factor, PriorityScore

from .conftest import joined

ROLES = ["prosessleder", "medhjelper", "annen_kommune", "utenforstaaende", "deltaker",
         "besokende"]
RUNNERS = {"prosessleder", "medhjelper"}
USERS = {"prosessleder", "medhjelper", "annen_kommune", "utenforstaaende"}
ACTIONS = ["panel", "switch_lock", "add_factor", "workbook", "screen", "join", "answer"]


def expected(action: str, locked: bool, role: str) -> tuple[int, bool]:
    """(status, whether something changed), from the rules, not from the views."""
    if action in ("panel", "switch_lock", "add_factor", "workbook", "screen"):
        if role not in USERS:
            return 302, False  # to the login page
        if role not in RUNNERS:
            return 403, False
        if action == "switch_lock":  # only the facilitator, not the co-facilitator
            return (302, True) if role == "prosessleder" else (403, False)
        if action == "add_factor":
            return 302, True  # facilitators may add factors in either state
        return 200, False
    if action == "join":
        if role == "deltaker":
            return 302, False  # already in: the same participant, nothing new
        return (403, False) if locked else (302, True)
    if action == "answer":
        if role != "deltaker":
            return 403, False
        return (400, False) if locked else (200, True)
    raise AssertionError(action)


def snapshot(workshop) -> tuple:
    workshop.refresh_from_db()
    return (workshop.locked, Factor.objects.filter(workshop=workshop).count(),
            Participant.objects.count(), PriorityScore.objects.count())


@pytest.mark.parametrize("locked", [False, True], ids=["open", "locked"])
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_role_action_state(role, action, locked, people, workshop):
    cache.clear()
    people["utenforstaaende"] = User.objects.create_user("utenforstaaende", password="x")
    client = Client()
    if role in people:
        client.force_login(people[role])
    elif role == "deltaker":
        client = joined(workshop)
    workshop.locked = locked
    workshop.save()
    base = f"/verksted/{workshop.id}/"
    factor = workshop.factors.first()
    before = snapshot(workshop)
    response = {
        "panel": lambda: client.get(base),
        "switch_lock": lambda: client.post(base, {"action": "open" if locked else "lock"}),
        "add_factor": lambda: client.post(base, {"action": "factor", "text": "Ny faktor"}),
        "workbook": lambda: client.get(base + "svar.xlsx"),
        "screen": lambda: client.get(base + "storskjerm/"),
        "join": lambda: client.post(f"/v/{workshop.join_code}/"),
        "answer": lambda: client.post("/verksted/delta/svar/", {
            "factor": factor.id, "importance": 4, "influence": 2},
            HTTP_ACCEPT="application/json"),
    }[action]()
    status, changes = expected(action, locked, role)
    assert response.status_code == status, (role, action, locked)
    if status == 302 and role not in USERS and action not in ("join",):
        assert "/konto/logg-inn/" in response["Location"]
    assert (snapshot(workshop) != before) == changes, (role, action, locked)
