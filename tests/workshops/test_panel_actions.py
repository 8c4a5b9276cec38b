"""Every panel action as role × action × state: what each role's post does to the workshop.
Only the facilitator (prosessleder) controls the round; the co-facilitator (medhjelper) may
set joint scores; nobody else changes anything."""

import pytest

from livskraft.workshops.models import Workshop
from livskraft.workshops.tools.diamond import DiamondJoint

from .test_pages import client_as

ROLES = ["prosessleder", "medhjelper", "annen_kommune", "deltaker", "besokende"]


def state(workshop: Workshop) -> dict:
    workshop.refresh_from_db()
    return {"results_hidden": workshop.results_hidden, "locked": workshop.locked,
            "active_tool": workshop.active_tool, "groups": workshop.groups,
            "year_label": workshop.year_label,
            "participants_add_factors": workshop.participants_add_factors,
            "trust_round": workshop.trust_round,
            "joint": dict(DiamondJoint.objects.filter(workshop=workshop)
                          .values_list("component", "score"))}


# action: (posted data, the workshop before, what changes when it is carried out, control)
ACTIONS = {
    "hide": ({}, {"results_hidden": False}, {"results_hidden": True}, True),
    "show": ({}, {"results_hidden": True}, {"results_hidden": False}, True),
    "lock": ({}, {"locked": False}, {"locked": True}, True),
    "open": ({}, {"locked": True}, {"locked": False}, True),
    "tool": ({"tool": "trust"}, {}, {"active_tool": "trust"}, True),
    "settings": ({"groups": "Rød, Blå", "year_label": "År 2", "participants_add_factors": "on"},
                 {}, {"groups": "Rød, Blå", "year_label": "År 2",
                      "participants_add_factors": True}, True),
    "trust_round": ({}, {"trust_round": 1}, {"trust_round": 2}, True),
    "joint": ({"score_utviklingsleiing": "4"}, {},
              {"joint": {"utviklingsleiing": 4}}, False),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_panel_action_by_role(role, action, people, workshop):
    data, before, change, control = ACTIONS[action]
    Workshop.objects.filter(id=workshop.id).update(**before)
    start = state(workshop)
    response = client_as(role, people, workshop).post(
        f"/verksted/{workshop.id}/", {"action": action, **data})
    allowed = role == "prosessleder" or (role == "medhjelper" and not control)
    if allowed:
        assert response.status_code == 302 and response["Location"] == f"/verksted/{workshop.id}/"
        assert state(workshop) == {**start, **change}
        return
    if role in ("deltaker", "besokende"):
        assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]
    else:
        assert response.status_code == 403, (role, action)
    assert state(workshop) == start  # nothing changed


@pytest.mark.parametrize(("data", "message"), [
    ({"action": "tool", "tool": "vaer"}, "Ukjent verktøy."),
    ({"action": "slett_alt"}, "Ukjent handling."),
    ({"action": "settings", "municipality_code": "0000", "groups": "Rød"},
     "Velg en kommune fra listen."),
    ({"action": "joint", "score_utviklingsleiing": "mange"}, "Ugyldige verdier."),
    ({"action": "compare", "earlier": "mange"}, "Ugyldige verdier."),
])
def test_bad_panel_posts_are_explained_and_change_nothing(people, workshop, data, message):
    start = state(workshop)
    client = client_as("prosessleder", people, workshop)
    response = client.post(f"/verksted/{workshop.id}/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert state(workshop) == start


def test_a_joint_score_outside_one_to_five_is_refused(people, workshop):
    client = client_as("medhjelper", people, workshop)
    response = client.post(f"/verksted/{workshop.id}/",
                           {"action": "joint", "score_utviklingsleiing": "6"})
    assert response.status_code == 200
    assert not DiamondJoint.objects.exists()
