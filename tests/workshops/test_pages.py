import io

import openpyxl
import pytest
from django.test import Client

from livskraft.workshops.models import Participant
from livskraft.workshops.tools.priority import PriorityScore

from .conftest import joined

ROLES = ["prosessleder", "medhjelper", "deltaker", "besokende", "annen_kommune"]
EXPECTED = {  # action: status per role, in ROLES order
    "panel": (200, 200, 302, 302, 403),
    "factor": (302, 302, 302, 302, 403),
    "lock": (302, 403, 302, 302, 403),
    "screen": (200, 200, 302, 302, 403),
    "export": (200, 200, 302, 302, 403),
}


def client_as(role, people, workshop) -> Client:
    if role in people:
        client = Client()
        client.force_login(people[role])
        return client
    return joined(workshop) if role == "deltaker" else Client()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", EXPECTED)
def test_permission_matrix(role, action, people, workshop):
    client = client_as(role, people, workshop)
    base = f"/verksted/{workshop.id}/"
    response = {
        "panel": lambda: client.get(base),
        "factor": lambda: client.post(base, {"action": "factor", "text": "Ny faktor"}),
        "lock": lambda: client.post(base, {"action": "lock"}),
        "screen": lambda: client.get(base + "storskjerm/"),
        "export": lambda: client.get(base + "svar.xlsx"),
    }[action]()
    expected = EXPECTED[action][ROLES.index(role)]
    assert response.status_code == expected, (role, action)
    if expected == 302 and role in ("deltaker", "besokende"):
        assert "/konto/logg-inn/" in response["Location"]
    workshop.refresh_from_db()
    assert workshop.locked == (action == "lock" and role == "prosessleder")
    added = workshop.factors.filter(text="Ny faktor").exists()
    assert added == (action == "factor" and role in ("prosessleder", "medhjelper"))


def test_join_with_code_answer_and_come_back(workshop):
    phone = Client()
    assert phone.post(f"/v/{workshop.join_code.lower()}/").status_code == 302
    page = phone.get("/verksted/delta/").content.decode()
    assert "Bredbånd" in page and "Ferjetilbud" in page
    factor = workshop.factors.get(text="Bredbånd")
    phone.post("/verksted/delta/svar/", {"factor": factor.id, "importance": 5, "influence": 2})
    again = phone.get("/verksted/delta/").content.decode()  # a dropped phone comes back
    assert 'value="5" checked' in again and 'value="2" checked' in again
    phone.post(f"/v/{workshop.join_code}/")  # joining again keeps the same identity
    assert Participant.objects.count() == 1


def test_joining_stores_nothing_personal(workshop):
    fields = {f.name for f in Participant._meta.get_fields()}
    assert fields <= {"id", "workshop", "key", "group", "joined_at", "scores", "diamond_scores",
                      "trust_answers", "step_ideas", "step_votes"}
    joined(workshop)
    assert Participant.objects.count() == 1


def test_wrong_code_and_no_cookie_are_explained(workshop):
    wrong = Client().post("/verksted/bli-med/", {"code": "ZZZZZZ"})
    assert wrong.status_code == 404 and "Fant ikke noe verksted" in wrong.content.decode()
    assert Client().get("/verksted/delta/")["Location"] == "/verksted/bli-med/"
    refused = Client().post("/verksted/delta/svar/", {"factor": 1, "importance": 3,
                                                      "influence": 3})
    assert refused.status_code == 403


def test_export_has_the_summary_and_individual_answers(people, workshop):
    for score in (4, 2):
        phone = joined(workshop)
        phone.post("/verksted/delta/svar/", {"factor": workshop.factors.first().id,
                                             "importance": score, "influence": 3})
    facilitator = Client()
    facilitator.force_login(people["prosessleder"])
    book = openpyxl.load_workbook(io.BytesIO(
        facilitator.get(f"/verksted/{workshop.id}/svar.xlsx").content))
    summary = list(book["Faktorer"].iter_rows(values_only=True))
    assert summary[0][0] == "faktor" and summary[1][1:4] == (2, 3, 3)
    assert len(list(book["Enkeltsvar"].iter_rows(values_only=True))) == 3
    csv = facilitator.get(f"/verksted/{workshop.id}/prioritering.csv").content.decode()
    assert csv.splitlines()[1].startswith("Bredbånd,2,3.0,3.0")
    assert PriorityScore.objects.count() == 2


def test_form_answers_are_rate_limited_per_participant_not_per_address(workshop, monkeypatch):
    monkeypatch.setattr("livskraft.workshops.participants.current_window", lambda: 1)
    factor = workshop.factors.first()
    phone, neighbour = joined(workshop), joined(workshop)  # same hall, same address
    data = {"factor": factor.id, "importance": 3, "influence": 3}
    statuses = [phone.post("/verksted/delta/svar/", data, HTTP_ACCEPT="application/json")
                .status_code for _ in range(61)]
    assert statuses[:60] == [200] * 60 and statuses[60] == 429
    assert neighbour.post("/verksted/delta/svar/", data,
                          HTTP_ACCEPT="application/json").status_code == 200


def test_a_phone_without_its_websocket_polls_the_state_it_follows(people, workshop):
    phone = joined(workshop)
    assert phone.get("/verksted/delta/tilstand/").json()["state"] == {
        "tool": "priority", "locked": False, "revealed": False, "groups": "", "factors": 3,
        "suggestions": False}
    desk = Client()
    desk.force_login(people["prosessleder"])
    desk.post(f"/verksted/{workshop.id}/", {"action": "tool", "tool": "tensteps"})
    assert phone.get("/verksted/delta/tilstand/").json()["state"] == {
        "tool": "tensteps", "locked": False, "revealed": False, "groups": "", "step": 1,
        "ideas": 0}
    assert Client().get("/verksted/delta/tilstand/").status_code == 403
