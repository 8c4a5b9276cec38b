"""A respondent's trail: logs without personal data, and a busy database that asks to
retry instead of failing."""

import io
import logging

import pytest
from django.db import OperationalError
from django.utils import timezone

from livskraft.consultations.models import Submission
from livskraft.web.log_privacy import RedactPrivateData

from .conftest import answers_for

LANGUAGES = {"nb": "Prøv igjen om et par sekunder", "nn": "Prøv igjen om eit par sekund",
             "en": "Try again in a couple of seconds"}


pytestmark = pytest.mark.usefixtures("fresh_limits")


@pytest.fixture
def server_log():
    """What the configured console handler writes (the filter runs there, not in caplog)."""
    handler = next(h for h in logging.getLogger().handlers
                   if any(isinstance(f, RedactPrivateData) for f in h.filters))
    stream = io.StringIO()
    previous = handler.setStream(stream)
    level = logging.getLogger().level
    logging.getLogger().setLevel(logging.INFO)
    yield stream
    handler.setStream(previous)
    logging.getLogger().setLevel(level)


def test_a_whole_respondent_flow_logs_no_address_name_or_token(client, consultation, server_log):
    slug = consultation.slug
    name, email = "Kari Testesen", "kari.testesen@example.org"
    client.post(f"/horing/{slug}/innspill/", {
        "respondent_type": "individual", "name": name, "email": email,
        "municipality_code": "9901", **answers_for(consultation)})
    token = Submission.objects.get().token
    private = f"/horing/{slug}/innspill/{token}/"
    assert client.get(private).status_code == 200
    assert client.get(private + "mine-data.json").status_code == 200
    assert client.get(f"/horing/{slug}/innspill/{token}x/").status_code == 404
    assert client.get(f"/horing/{slug}/innspill/{token}/slett/").status_code == 405
    assert client.get(f"/horing/{slug}/moderer/?epost={email}").status_code == 302
    consultation.deadline = timezone.now() - timezone.timedelta(minutes=1)
    consultation.save()
    assert client.post(private, {"respondent_type": "individual", "name": name,
                                 "municipality_code": "9901"}).status_code == 403
    client.post(f"/horing/{slug}/innspill/{token}/slett/")
    written = server_log.getvalue()
    # The refusals were logged (so the test saw the log), without what identifies anyone.
    assert "Not Found: /horing/distrikt/innspill/[skjult]/" in written
    assert "Forbidden: /horing/distrikt/innspill/[skjult]/" in written
    assert "Method Not Allowed" in written
    for secret in (token, email, name, "kari", "Testesen"):
        assert secret not in written


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_busy_database_gets_a_retryable_message_not_a_500(client, consultation, monkeypatch,
                                                           language):
    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr("livskraft.consultations.intake.save", locked)
    data = {"respondent_type": "individual", "municipality_code": "9901",
            **answers_for(consultation)}
    page = client.post(f"/horing/{consultation.slug}/innspill/", data,
                       HTTP_ACCEPT_LANGUAGE=language)
    assert page.status_code == 503 and page["Retry-After"] == "2"
    assert LANGUAGES[language] in page.content.decode()
    script = client.post(f"/horing/{consultation.slug}/innspill/", data,
                         HTTP_ACCEPT="application/json", HTTP_ACCEPT_LANGUAGE=language)
    assert script.status_code == 503 and script.json()["error"] == "busy"
    assert LANGUAGES[language] in script.json()["message"]
    assert not Submission.objects.exists()
