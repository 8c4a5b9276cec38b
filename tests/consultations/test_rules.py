"""Rules the server enforces: the deadline for votes and statements, moderation ids,
deleting a whole submission, the committee's attachment download, per-address ceilings."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from livskraft.consultations import views_public
from livskraft.consultations.models import Answer, Statement, Submission, Vote

from .conftest import answers_for, make_consultation
from .test_committee import submit

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


pytestmark = pytest.mark.usefixtures("fresh_limits")


def close(consultation):
    consultation.deadline = timezone.now() - timezone.timedelta(minutes=1)
    consultation.save()


def test_no_votes_or_statements_after_the_deadline(client, consultation):
    statement = Statement.objects.create(poll=consultation.poll(), text="Flere statlige jobber "
                                         "i distriktene", status=Statement.APPROVED)
    url = f"/enig/{consultation.poll().slug}/"
    assert client.post(f"{url}{statement.id}/", {"value": "1"}).status_code == 302
    close(consultation)
    late_vote = client.post(f"{url}{statement.id}/", {"value": "-1"})
    late_statement = client.post(url + "foresla/", {"text": "For sent"})
    for response in (late_vote, late_statement):
        assert response.status_code == 403
        assert "Fristen er ute, så det tas ikke imot flere stemmer" in response.content.decode()
    assert Vote.objects.get().value == 1  # the vote before the deadline stands, unchanged
    assert Statement.objects.count() == 1
    for page in (client.get(url).content.decode(),
                 client.get(f"{url}{statement.id}/").content.decode()):
        assert 'name="value"' not in page and "Foreslå en påstand" not in page
        assert "Stemmene er talt" in page


@pytest.mark.parametrize("data", [
    {"action": "publish", "submission": "abc"}, {"action": "publish", "submission": ""},
    {"action": "publish"}, {"action": "hide", "submission": "1e3", "reason": "x"},
    {"action": "publish", "submission": "-1"}, {"action": "publish", "submission": "99999"},
    {"action": "publish", "submission": "OTHER"}, {"action": "approve", "statement": "abc"},
    {"action": "reject", "statement": "99999"}, {"action": "slett-alt", "submission": "MINE"},
    {"action": "publish", "submission": "１２"},  # full-width digits: isdigit() but not ours
])
def test_bad_moderation_ids_get_a_message_and_change_nothing(client, people, consultation, data):
    mine = submit(consultation)
    other = submit(make_consultation("tredje"))
    data = {k: {"OTHER": str(other.id), "MINE": str(mine.id)}.get(v, v) for k, v in data.items()}
    client.force_login(people["moderator"])
    response = client.post(f"/horing/{consultation.slug}/moderer/", data, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Last siden på nytt" in page or "Ukjent handling" in page
    assert set(Submission.objects.values_list("status", flat=True)) == {Submission.PENDING}


def test_a_respondent_deletes_the_whole_submission_after_confirming(
        client, consultation, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    client.post(f"/horing/{consultation.slug}/innspill/", {
        "respondent_type": "individual", "name": "Kari Testesen", "email": "kari@example.org",
        "municipality_code": "9901", "attachment": SimpleUploadedFile("a.pdf", PDF),
        **answers_for(consultation)})
    submission = Submission.objects.get()
    stored = tmp_path / submission.attachment.name
    url = f"/horing/{consultation.slug}/innspill/{submission.token}/slett-alt/"
    assert url in client.get(f"/horing/{consultation.slug}/innspill/{submission.token}/"
                             ).content.decode()
    page = client.get(url).content.decode()
    assert "Det kan ikke angres" in page and 'name="confirm"' in page
    unconfirmed = client.post(url, {})
    assert "Kryss av for at du vil slette innspillet." in unconfirmed.content.decode()
    assert Submission.objects.exists() and stored.exists()
    close(consultation)  # the right to erasure holds after the deadline too
    with django_capture_on_commit_callbacks(execute=True):  # the file goes once rows have
        done = client.post(url, {"confirm": "yes"}, follow=True)
    assert "Innspillet ditt er slettet" in done.content.decode()
    assert not Submission.objects.exists() and not Answer.objects.exists()
    assert not stored.exists()
    assert client.get(url).status_code == 404


ROLES = {"eier": 200, "moderator": 200, "fremmed_moderator": 403, "utenforstaaende": 403,
         "respondent": 302, "besokende": 302}


@pytest.mark.parametrize("role", ROLES)
def test_attachments_are_downloaded_by_the_committee_only(role, people, consultation, settings,
                                                         tmp_path):
    settings.MEDIA_ROOT = tmp_path
    owner_client = Client()
    owner_client.post(f"/horing/{consultation.slug}/innspill/", {
        "respondent_type": "individual", "municipality_code": "9901",
        "attachment": SimpleUploadedFile("uttalelse.pdf", PDF), **answers_for(consultation)})
    submission = Submission.objects.get()
    client = Client()
    if role in people:
        client.force_login(people[role])
    elif role == "respondent":
        client = owner_client
    response = client.get(f"/horing/{consultation.slug}/moderer/vedlegg/{submission.id}/")
    assert response.status_code == ROLES[role]
    if ROLES[role] == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "uttalelse" in response["Content-Disposition"]
    else:
        assert not hasattr(response, "streaming_content")


def test_attachment_download_of_nothing_is_404(client, people, consultation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    without = submit(consultation)
    other = submit(make_consultation("tredje"))
    client.force_login(people["eier"])
    base = f"/horing/{consultation.slug}/moderer/vedlegg/"
    assert client.get(f"{base}{without.id}/").status_code == 404  # has no attachment
    assert client.get(f"{base}{other.id}/").status_code == 404  # another consultation's
    assert client.get(f"{base}abc/").status_code == 404
    without.attachment.name = "innspill/2026/borte.pdf"  # the file has gone from disk
    without.save()
    assert client.get(f"{base}{without.id}/").status_code == 404


def test_clients_without_cookies_meet_a_ceiling_per_address(consultation, monkeypatch):
    monkeypatch.setitem(views_public.RATES, "votes_per_address", "5/h")
    statement = Statement.objects.create(poll=consultation.poll(), text="Påstand",
                                         status=Statement.APPROVED)
    url = f"/enig/{consultation.poll().slug}/{statement.id}/"
    for _vote in range(5):  # a new client each time: a new session, a new "voter"
        assert Client().post(url, {"value": "1"}).status_code == 302
    refused = Client().post(url, {"value": "1"})
    assert refused.status_code == 429 and "For mange stemmer" in refused.content.decode()
    assert Vote.objects.count() == 5
    monkeypatch.setitem(views_public.RATES, "submissions_per_address", "2/h")
    data = {"respondent_type": "individual", "municipality_code": "9901",
            **answers_for(consultation)}
    codes = [Client().post(f"/horing/{consultation.slug}/innspill/", data).status_code
             for _ in range(3)]
    assert codes == [302, 302, 429] and Submission.objects.count() == 2


def test_purge_anonymises_only_consultations_long_past_their_deadline(consultation, settings,
                                                                     tmp_path):
    from io import StringIO

    from django.core.management import call_command

    old = make_consultation("gammel")
    kept = submit(consultation, name="Kari", email="kari@example.org")
    purged = submit(old, name="Ola", email="ola@example.org")
    old.deadline = timezone.now() - timezone.timedelta(days=366)
    old.save()
    out = StringIO()
    call_command("purge_personal_data", "--days", "365", "--dry-run", stdout=out)
    assert out.getvalue().startswith("1 innspill ville blitt anonymisert")
    assert Submission.objects.get(id=purged.id).email == "ola@example.org"
    call_command("purge_personal_data", "--days", "365", stdout=out)
    purged.refresh_from_db()
    kept.refresh_from_db()
    assert (purged.name, purged.email, purged.anonymised) == ("", "", True)
    assert purged.answers.count() == 1  # the answers stay, without who gave them
    assert (kept.name, kept.email, kept.anonymised) == ("Kari", "kari@example.org", False)


def test_deleting_a_consultation_removes_its_attachment_files(
        consultation, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    Client().post(f"/horing/{consultation.slug}/innspill/", {
        "respondent_type": "individual", "municipality_code": "9901",
        "attachment": SimpleUploadedFile("a.pdf", PDF), **answers_for(consultation)})
    stored = tmp_path / Submission.objects.get().attachment.name
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        consultation.delete()
    assert not stored.exists() and not Submission.objects.exists()
