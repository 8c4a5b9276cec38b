"""Login limits and landing page, log redaction, and the Content-Security-Policy."""

import pytest
from django.contrib.auth.models import User

from livskraft.web.log_privacy import redact
from tests.consultations.conftest import make_consultation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_limits")]


def test_redaction_of_tokens_codes_and_addresses_keeps_the_rest():
    assert redact("Not Found: /v/K7M2QX/") == "Not Found: /v/[skjult]/"
    assert redact("mail to ola.nordmann+x@kommune.example failed") == \
        "mail to [skjult] failed"
    assert redact("cookie 0123456789abcdefghijABCDEFGHIJ_-xyz") == "cookie [skjult]"
    # Long words without digits are not tokens: table names stay readable.
    assert redact("no such table: consultations_submission") == \
        "no such table: consultations_submission"


LOCKED = {"nb": "Det er prøvd feil passord 5 ganger for denne brukeren",
          "nn": "Det er prøvd feil passord 5 gonger for denne brukaren",
          "en": "A wrong password has been tried 5 times for this user"}


@pytest.mark.parametrize("language", LOCKED)
def test_five_wrong_passwords_lock_the_name_for_a_while(client, language):
    User.objects.create_user("leder", password="riktig-passord-123")
    for _attempt in range(4):
        wrong = client.post("/konto/logg-inn/", {"username": "leder", "password": "feil"})
        assert wrong.status_code == 200
    fifth = client.post("/konto/logg-inn/", {"username": "leder", "password": "feil"},
                        HTTP_ACCEPT_LANGUAGE=language)
    assert fifth.status_code == 429
    assert LOCKED[language] in fifth.content.decode()
    # Now even the right password is refused, for 15 minutes.
    locked = client.post("/konto/logg-inn/", {"username": "leder",
                                             "password": "riktig-passord-123"},
                         HTTP_ACCEPT_LANGUAGE=language)
    assert locked.status_code == 429
    assert " 15 " in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Someone else's name is not locked: a hall or an office shares one address.
    User.objects.create_user("kollega", password="annet-passord-456")
    assert client.post("/konto/logg-inn/", {"username": "kollega",
                                           "password": "annet-passord-456"}).status_code == 302


def test_many_names_from_one_address_meet_a_ceiling(client):
    # 60 attempts per 15 minutes per address (config/account.py): the 61st is refused.
    for number in range(60):
        assert client.post("/konto/logg-inn/", {"username": f"navn{number}",
                                               "password": "feil"}).status_code == 200
    refused = client.post("/konto/logg-inn/", {"username": "navn60", "password": "feil"})
    assert refused.status_code == 429
    assert "svært mange innloggingsforsøk fra denne adressen" in refused.content.decode()


def test_login_without_next_lands_on_the_own_page(client):
    consultation = make_consultation()
    from livskraft.consultations.models import Membership

    owner = User.objects.create_user("eier", password="riktig-passord-123")
    Membership.objects.create(user=owner, consultation=consultation, role="owner")
    response = client.post("/konto/logg-inn/", {"username": "eier",
                                               "password": "riktig-passord-123"})
    assert response.status_code == 302 and response["Location"] == "/konto/"
    page = client.get("/konto/").content.decode()
    assert "Min side" in page and consultation.title in page
    assert f'href="/horing/{consultation.slug}/moderer/"' in page
    client.logout()
    assert client.get("/konto/")["Location"] == "/konto/logg-inn/?next=/konto/"


def test_every_page_has_a_content_security_policy(client):
    consultation = make_consultation()
    policy = client.get(f"/horing/{consultation.slug}/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy
