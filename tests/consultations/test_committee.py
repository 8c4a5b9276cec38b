import io

import openpyxl
import pytest
from django.test import Client

from livskraft.consultations import intake
from livskraft.consultations.models import Consultation, Question, Statement, Submission, Vote
from tests import page_parts as part
from tests.consultations.conftest import THEMES

ACTIONS = [
    ("GET", "moderer/"), ("GET", "analyse/"), ("GET", "analyse/sammendrag/"),
    ("GET", "analyse/sammendrag.pdf"),
    ("GET", "analyse/innspill.xlsx"), ("POST", "moderer/"),
]
def poll_url(consultation) -> str:
    return f"/enig/{consultation.poll().slug}/"


def propose(client, consultation, text):
    return client.post(poll_url(consultation) + "foresla/", {"text": text})


def vote(client, consultation, statement, value, **kwargs):
    return client.post(f"{poll_url(consultation)}{statement.id}/", {"value": value}, **kwargs)


ROLES = {"eier": 200, "moderator": 200, "fremmed_moderator": 403, "utenforstaaende": 403,
         "respondent": 302, "besokende": 302}


def submit(consultation, code="9901", text="Bedre bredbånd og flere arbeidsplasser", **who):
    respondent = {"respondent_type": "individual", "name": "", "organisation": "",
                  "email": "", "municipality_code": code, **who}
    first = Question.objects.filter(theme__consultation=consultation).first()
    return intake.save(consultation, respondent, {first.id: text})


def client_for(role, people, consultation):
    client = Client()
    if role in people:
        client.force_login(people[role])
    elif role == "respondent":
        submission = submit(consultation)
        client.get(f"/horing/{consultation.slug}/innspill/{submission.token}/")
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path"), ACTIONS)
def test_permission_matrix(role, method, path, people, consultation, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    target = submit(consultation)
    client = client_for(role, people, consultation)
    url = f"/horing/{consultation.slug}/{path}"
    data = {"action": "hide", "submission": target.id, "reason": "test"}
    response = client.get(url) if method == "GET" else client.post(url, data)
    expected = ROLES[role]
    if method == "POST" and expected == 200:
        expected = 302  # back to the list after the action
    assert response.status_code == expected, (role, method, path)
    if expected == 302 and role in ("respondent", "besokende"):
        assert "/konto/logg-inn/" in response["Location"]
    target.refresh_from_db()
    allowed = method == "POST" and ROLES[role] == 200
    assert (target.status == Submission.HIDDEN) == allowed


def test_everyone_may_read_and_answer_the_public_consultation(client, consultation):
    page = part.document(client.get(f"/horing/{consultation.slug}/").content)
    assert [part.text(h) for h in page.xpath("//h1")] == ["Distriktspolitikk for framtida"]
    assert [part.text(h) for h in page.xpath("//section/h3")] == THEMES  # in their order
    first = page.xpath("//section[h3='Digital infrastruktur']//li")
    assert [part.text(q) for q in first] == ["Hva bør gjøres med digital infrastruktur?"]
    form = part.document(client.get(f"/horing/{consultation.slug}/innspill/").content)
    questions = Question.objects.filter(theme__consultation=consultation)
    assert len(form.xpath("//textarea")) == questions.count() == 5  # one field per question
    consultation.published = False
    consultation.save()
    hidden = client.get(f"/horing/{consultation.slug}/")
    assert hidden.status_code == 404
    assert "Distriktspolitikk for framtida" not in hidden.content.decode()


def test_hide_with_reason_keeps_the_text_and_publish_shows_it(client, people, consultation):
    keep, hide = submit(consultation, text="Et godt innspill"), submit(consultation,
                                                                      text="Noe upassende")
    client.force_login(people["moderator"])
    url = f"/horing/{consultation.slug}/moderer/"
    client.post(url, {"action": "publish", "submission": keep.id})
    missing_reason = client.post(url, {"action": "hide", "submission": hide.id, "reason": ""},
                                 follow=True)
    assert "Skriv en begrunnelse" in missing_reason.content.decode()
    client.post(url, {"action": "hide", "submission": hide.id, "reason": "Personangrep"})
    hide.refresh_from_db()
    assert hide.status == Submission.HIDDEN and hide.hidden_reason == "Personangrep"
    assert hide.answers.get().text == "Noe upassende"  # never lost
    public = Client().get(f"/horing/{consultation.slug}/").content.decode()
    assert "Et godt innspill" in public and "Noe upassende" not in public
    analysis = client.get(f"/horing/{consultation.slug}/analyse/?q=upassende").content.decode()
    assert "Ingen treff." in analysis


def test_analysis_hides_groups_under_five_and_finds_themes(client, people, consultation):
    for i in range(6):
        submit(consultation, "9901", f"Vi trenger bredbånd og fiber i bygda nummer {i}")
    for i in range(6):
        submit(consultation, "9901", f"Skolen og barnehagen må være nær, skole nummer {i}")
    submit(consultation, "9902", "Ferja må gå oftere")
    client.force_login(people["eier"])
    page = client.get(f"/horing/{consultation.slug}/analyse/?q=ferja").content.decode()
    assert "13 innspill" in page
    assert '<th scope="row">Prøvefylke</th><td class="num">12</td>' in page
    assert '<th scope="row">Eksempelfylke</th><td class="num">færre enn 5</td>' in page
    assert '<th scope="row">klasse 6</th><td class="num">12</td>' in page
    assert "Ferja må gå oftere" in page  # search finds the single answer
    assert "bredbånd (6)" in page
    assert page.count('class="card"') >= 2  # two theme clusters of six respondents each


def test_export_has_every_answer_and_no_names_or_emails(client, people, consultation):
    submit(consultation, name="Ola Hemmelig", email="ola@example.org")
    submit(consultation, respondent_type="organisation", organisation="Bygdelaget")
    client.force_login(people["moderator"])
    workbook = openpyxl.load_workbook(io.BytesIO(
        client.get(f"/horing/{consultation.slug}/analyse/innspill.xlsx").content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 3 and "svar" in rows[0]
    flat = " ".join(str(v) for row in rows for v in row)
    assert "Bygdelaget" in flat and "Hemmelig" not in flat and "ola@" not in flat


def test_statements_are_moderated_voted_once_and_grouped(client, people, consultation):
    url = poll_url(consultation)
    propose(client, consultation, "Staten bør flytte arbeidsplasser ut av Oslo")
    statement = Statement.objects.get()
    assert statement.status == Statement.PENDING
    assert "flytte arbeidsplasser" not in client.get(url).content.decode()
    moderator = Client()
    moderator.force_login(people["moderator"])
    moderator.post(f"/horing/{consultation.slug}/moderer/",
                   {"action": "approve", "statement": statement.id})
    vote(client, consultation, statement, "1")
    vote(client, consultation, statement, "-1")
    assert Vote.objects.get().value == -1  # one vote per visitor, the last one counts
    assert "Ugyldig stemme" in vote(client, consultation, statement, "7",
                                    follow=True).content.decode()
    more = [Statement.objects.create(poll=consultation.poll(), text=f"Påstand {i}",
                                     status=Statement.APPROVED) for i in range(4)]
    for voter in range(12):
        visitor = Client()
        camp = voter < 6
        vote(visitor, consultation, statement, "1")
        for i, s in enumerate(more):
            agree = (i % 2 == 0) == camp
            vote(visitor, consultation, s, "1" if agree else "-1")
    page = client.get(url + "resultater/").content.decode()
    assert "Stemmene deler seg i 2 grupper." in page
    consensus = page.split("Dette samler alle gruppene")[1].split("Dette skiller")[0]
    assert "Staten bør flytte arbeidsplasser ut av Oslo" in consensus  # all 12 agree
    assert "Påstand 0" in page.split("Dette skiller gruppene")[1]


def test_summary_pdf_keeps_the_five_respondent_rule(client, people, consultation):
    from pypdf import PdfReader

    for i in range(6):
        submit(consultation, "9901", f"Vi trenger bredbånd og fiber i bygda nummer {i}")
    submit(consultation, "9902", "Ferja må gå oftere")
    client.force_login(people["eier"])
    response = client.get(f"/horing/{consultation.slug}/analyse/sammendrag.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Distriktspolitikk for framtida" in text and "7 innspill" in text
    assert "Prøvefylke 6" in text and "Eksempelfylke færre enn 5" in text
    assert "Privatperson 7" in text


def moderate(client, consultation, **data):
    return client.post(f"/horing/{consultation.slug}/moderer/", data)


def test_rejecting_a_statement_keeps_it_off_the_poll_and_it_cannot_be_voted_on(
        client, people, consultation):
    url = poll_url(consultation)
    propose(client, consultation, "Ferjene skal være gratis")
    statement = Statement.objects.get()
    moderator = Client()
    moderator.force_login(people["moderator"])
    assert moderate(moderator, consultation, action="reject",
                    statement=statement.id).status_code == 302
    statement.refresh_from_db()
    assert statement.status == Statement.REJECTED and statement.text == "Ferjene skal være gratis"
    poll = part.document(client.get(url).content)
    assert [part.text(li) for li in poll.xpath("//ol[@class='statements']/li")] == [
        "Ingen påstander ennå."]
    pending = part.document(moderator.get(f"/horing/{consultation.slug}/moderer/").content)
    assert pending.xpath("//input[@name='statement']") == []  # no longer waiting
    refused = vote(client, consultation, statement, "1")
    assert refused.status_code == 404  # not a statement of the poll any more
    assert not Vote.objects.exists()


@pytest.mark.parametrize("action", ["approve", "reject", "publish", "hide"])
def test_a_moderator_cannot_act_on_another_consultations_items(client, people, consultation,
                                                               action):
    """`moderator` moderates `consultation`; the ids below belong to the other one ("annen")."""
    other = Consultation.objects.get(slug="annen")
    their_statement = Statement.objects.create(poll=other.poll(), text="Fremmed påstand")
    their_submission = submit(other, text="Fremmed innspill")
    client.force_login(people["moderator"])
    data = {"action": action, "statement": their_statement.id,
            "submission": their_submission.id, "reason": "Forsøk"}
    # through their own consultation's page: the id is not found there (404, or back to the
    # list with a message)
    assert moderate(client, consultation, **data).status_code in (302, 404)
    # through the other consultation's page: not a member there
    assert moderate(client, other, **data).status_code == 403
    their_statement.refresh_from_db()
    their_submission.refresh_from_db()
    assert their_statement.status == Statement.PENDING
    assert their_submission.status == Submission.PENDING and their_submission.hidden_reason == ""


@pytest.mark.parametrize("bad", ["", "abc", "-1", "99999999", "1.5"])
def test_moderation_with_a_missing_or_bad_id_changes_nothing(client, people, consultation, bad):
    target = submit(consultation)
    client.force_login(people["moderator"])
    for action in ("publish", "hide", "approve"):
        response = moderate(client, consultation, action=action, submission=bad, statement=bad,
                            reason="x")
        assert response.status_code in (302, 404), (action, bad)  # never a 500
    target.refresh_from_db()
    assert target.status == Submission.PENDING


def test_roles_of_visitors_superusers_and_members(people, consultation):
    from django.contrib.auth.models import AnonymousUser, User

    from livskraft.consultations.permissions import can_moderate, role_of

    admin = User.objects.create_superuser("admin", password="x")
    assert role_of(AnonymousUser(), consultation) is None
    assert role_of(admin, consultation) == "owner" and can_moderate(admin, consultation)
    assert role_of(people["eier"], consultation) == "owner"
    assert role_of(people["moderator"], consultation) == "moderator"
    assert role_of(people["fremmed_moderator"], consultation) is None
    assert not can_moderate(people["utenforstaaende"], consultation)
    assert not can_moderate(AnonymousUser(), consultation)
