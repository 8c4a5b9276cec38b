"""Password reset by e-mail for local accounts: Django's views and tokens, our pages in
nb/nn/en, the same answer for addresses with and without an account, rate limits."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_limits")]
LINK = re.compile(r"http://testserver(/konto/nytt-passord/[^/\s]+/[^/\s]+/)")


def ask(client, email, language="nb"):
    return client.post("/konto/glemt-passord/", {"email": email},
                       HTTP_ACCEPT_LANGUAGE=language)


def test_the_link_sets_a_new_password_once(client):
    kari = User.objects.create_user("kari", email="kari@kommune.no", password="old-pw-1234")
    answer = ask(client, "kari@kommune.no")
    assert (answer.status_code, answer["Location"]) == (302, "/konto/glemt-passord/sendt/")
    (message,) = mail.outbox
    assert message.to == ["kari@kommune.no"] and message.subject == "Nytt passord til Livskraft"
    assert "Brukernavnet ditt er kari." in message.body
    link = LINK.search(message.body).group(1)
    form = client.get(link, follow=True)
    assert "Lagre passordet" in form.content.decode()
    new = "en ny og lang setning 2026"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done["Location"] == "/konto/nytt-passord/ferdig/"
    kari.refresh_from_db()
    assert kari.check_password(new) and not kari.check_password("old-pw-1234")
    used = client.get(link, follow=True).content.decode()
    assert "Lenken er brukt eller for gammel" in used


def test_an_address_without_an_account_gets_the_same_answer_and_no_mail(client):
    User.objects.create_user("kari", email="kari@kommune.no", password="pw-12345678")
    User.objects.create_user("sso", email="sso@kommune.no")  # single sign-on only: no password
    known = ask(client, "kari@kommune.no")
    unknown = ask(client, "ingen@kommune.no")
    sso_only = ask(client, "sso@kommune.no")
    assert {(a.status_code, a["Location"]) for a in (known, unknown, sso_only)} == {
        (302, "/konto/glemt-passord/sendt/")}
    assert [m.to for m in mail.outbox] == [["kari@kommune.no"]]


@pytest.mark.parametrize(("language", "subject", "page"), [
    ("nn", "Nytt passord til Livskraft", "Gløymt passord"),
    ("en", "New password for Livskraft", "Forgotten password")])
def test_the_pages_and_the_mail_follow_the_language(client, language, subject, page):
    User.objects.create_user("kari", email="kari@kommune.no", password="pw-12345678")
    form = client.get("/konto/glemt-passord/", HTTP_ACCEPT_LANGUAGE=language)
    assert f"<h1>{page}</h1>" in form.content.decode()
    ask(client, "kari@kommune.no", language)
    assert mail.outbox[0].subject == subject
    if language == "en":
        assert "Your user name is kari." in mail.outbox[0].body


def test_three_requests_per_address_an_hour_then_wait_known_or_not(client):
    User.objects.create_user("kari", email="kari@kommune.no", password="pw-12345678")
    for address in ("kari@kommune.no", "ingen@kommune.no"):
        answers = [ask(client, address).status_code for _ in range(4)]
        assert answers == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    assert "Vent en time" in ask(client, "KARI@kommune.no ").content.decode()


def test_bad_input_is_a_message_not_an_error(client):
    answer = ask(client, "ikke en adresse")
    assert answer.status_code == 200
    assert "Skriv en gyldig e-postadresse." in answer.content.decode()
