import json

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from livskraft.consultations.models import Answer, Submission

from .conftest import answers_for

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def post(client, consultation, **extra):
    data = {"respondent_type": "individual", "name": "Kari Testesen",
            "email": "kari@example.org", "municipality_code": "9901",
            **answers_for(consultation), **extra}
    return client.post(f"/horing/{consultation.slug}/innspill/", data)


def test_submit_get_a_receipt_with_a_private_link_and_edit(client, consultation):
    response = post(client, consultation)
    submission = Submission.objects.get()
    assert response.status_code == 302 and submission.token in response["Location"]
    assert submission.status == Submission.PENDING and submission.municipality_code == "9901"
    assert len(mail.outbox) == 1 and submission.token in mail.outbox[0].body
    private = client.get(response["Location"]).content.decode()
    assert "Bedre bredbånd og flere arbeidsplasser" in private
    edited = client.post(response["Location"], {
        "respondent_type": "individual", "municipality_code": "9902",
        **answers_for(consultation, "Nå mener jeg noe annet")})
    assert edited.status_code == 302
    assert Answer.objects.get().text == "Nå mener jeg noe annet"
    assert Submission.objects.get().municipality_code == "9902"


def test_after_the_deadline_nothing_is_accepted(client, consultation):
    post(client, consultation)
    private = f"/horing/{consultation.slug}/innspill/{Submission.objects.get().token}/"
    consultation.deadline = timezone.now() - timezone.timedelta(minutes=1)
    consultation.save()
    late = post(client, consultation)
    assert late.status_code == 403 and "Fristen er ute" in late.content.decode()
    change = client.post(private, {"respondent_type": "individual",
                                   "municipality_code": "9901",
                                   **answers_for(consultation, "for sent")})
    assert change.status_code == 403
    assert Submission.objects.count() == 1 and Answer.objects.get().text != "for sent"


@pytest.mark.parametrize(("extra", "message"), [
    ({"respondent_type": "organisation"}, "Skriv navnet på laget eller organisasjonen."),
    ({"municipality_code": "0000"}, "Velg et gyldig valg"),
    ({"website": "http://spam.example"}, "Innspillet ble ikke sendt."),
])
def test_bad_input_is_explained_and_what_was_written_is_kept(client, consultation, extra,
                                                             message):
    response = post(client, consultation, **extra)
    page = response.content.decode()
    assert response.status_code == 200 and message in page
    assert "Bedre bredbånd og flere arbeidsplasser" in page  # nothing lost
    assert not Submission.objects.exists()


def test_no_answer_at_all_is_rejected(client, consultation):
    response = post(client, consultation, **answers_for(consultation, "   "))
    assert "Svar på minst ett spørsmål." in response.content.decode()


def test_attachments_are_type_checked_and_size_limited(client, consultation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    good = SimpleUploadedFile("uttalelse.pdf", PDF, content_type="application/pdf")
    assert post(client, consultation, attachment=good).status_code == 302
    assert Submission.objects.get().attachment.name.endswith(".pdf")
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    assert "må være en PDF- eller DOCX-fil" in post(client, consultation,
                                                     attachment=fake).content.decode()
    settings.ATTACHMENT_MAX_BYTES = 10
    big = SimpleUploadedFile("stor.pdf", PDF, content_type="application/pdf")
    assert "større enn" in post(client, consultation, attachment=big).content.decode()


def test_rate_limit_is_per_session_not_per_address(client, consultation, django_user_model):
    from django.test import Client

    for _ in range(10):
        assert post(client, consultation).status_code == 302
    limited = post(client, consultation)
    assert limited.status_code == 429 and "Vent en stund" in limited.content.decode()
    neighbour = Client(REMOTE_ADDR="127.0.0.1")  # same hall, same network, own phone
    assert post(neighbour, consultation).status_code == 302


def test_respondent_can_export_and_erase_personal_data(client, consultation, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    post(client, consultation, attachment=SimpleUploadedFile("a.pdf", PDF))
    submission = Submission.objects.get()
    base = f"/horing/{consultation.slug}/innspill/{submission.token}/"
    data = json.loads(client.get(base + "mine-data.json").content)
    assert data["navn"] == "Kari Testesen" and data["epost"] == "kari@example.org"
    stored = tmp_path / submission.attachment.name
    assert stored.exists()
    assert client.get(base + "slett/").status_code == 405
    client.post(base + "slett/")
    submission.refresh_from_db()
    assert (submission.name, submission.email, submission.anonymised) == ("", "", True)
    assert not stored.exists() and not submission.attachment
    assert submission.answers.count() == 1  # the contribution stays, anonymised


def test_a_wrong_private_link_finds_nothing(client, consultation):
    post(client, consultation)
    assert client.get(f"/horing/{consultation.slug}/innspill/gjetting/").status_code == 404


def test_the_receipt_gives_the_deadline_in_oslo_time(client, consultation, settings):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    consultation.deadline = datetime(2099, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    consultation.save()  # stored as 11:00 UTC (winter time, UTC+1)
    post(client, consultation)
    # the locale's DATETIME_FORMAT (livskraft/formats/nb): "kl." and 12.00, as Språkrådet writes it
    assert "1. mars 2099 kl. 12.00" in mail.outbox[0].body and "11." not in mail.outbox[0].body
    nynorsk = Client(HTTP_ACCEPT_LANGUAGE="nn")
    nynorsk.post(f"/horing/{consultation.slug}/innspill/", {
        "respondent_type": "individual", "email": "per@example.org",
        "municipality_code": "9901", **answers_for(consultation)})
    assert "1. mars 2099 kl. 12.00" in mail.outbox[1].body
