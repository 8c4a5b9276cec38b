"""Single sign-on for staff against a fake OpenID Connect provider (tests/accounts/
fake_provider.py, on a loopback port): the authorization-code flow with PKCE, through the
app's own URLs, settings made from LIVSKRAFT_OIDC_* as in production."""

import pytest
from django.contrib.auth.models import User

from livskraft.accounts.models import SingleSignOnIdentity
from livskraft.accounts.settings_from_environment import MissingOIDCSettings, oidc_settings

from .fake_provider import FakeProvider

pytestmark = pytest.mark.django_db
PASSWORD = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture
def provider():
    fake = FakeProvider()
    yield fake
    fake.stop()


def configure(settings, provider, **extra):
    for name, value in oidc_settings(provider.environment(**extra)).items():
        setattr(settings, name, value)
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS,
                                        "livskraft.accounts.oidc.StaffBackend"]


@pytest.fixture
def sso(settings, provider):
    configure(settings, provider)
    return provider


def sign_on(client, provider, sub, email=None, next_url="/konto/"):
    start = client.get("/oidc/logg-inn/", {"next": next_url})
    assert start.status_code == 302
    code, state = provider.approve(start["Location"], sub, email)
    return client.get("/oidc/callback/", {"code": code, "state": state})


def signed_in_user(client):
    return client.session.get("_auth_user_id")


def test_off_when_unset_no_button_and_no_endpoints(client):
    assert oidc_settings({}) == {"OIDC_ENABLED": False}
    page = client.get("/konto/logg-inn/").content.decode()
    assert "Logg inn med" not in page and "/konto/glemt-passord/" in page
    assert client.get("/oidc/logg-inn/").status_code == 404
    assert client.get("/oidc/callback/", {"code": "x", "state": "y"}).status_code == 404


def test_a_client_id_without_its_endpoints_names_what_is_missing():
    with pytest.raises(MissingOIDCSettings) as missing:
        oidc_settings({"LIVSKRAFT_OIDC_CLIENT_ID": "x", "LIVSKRAFT_OIDC_ISSUER": "https://idporten.no"})
    assert missing.value.names == [
        "LIVSKRAFT_OIDC_AUTHORIZATION_ENDPOINT", "LIVSKRAFT_OIDC_TOKEN_ENDPOINT",
        "LIVSKRAFT_OIDC_USERINFO_ENDPOINT", "LIVSKRAFT_OIDC_JWKS_ENDPOINT",
        "LIVSKRAFT_OIDC_CLIENT_SECRET"]


def test_a_linked_account_signs_on_with_pkce_and_lands_where_it_was_going(client, sso):
    kari = User.objects.create_user("kari", email="kari@kommune.no", password="pw-12345678")
    SingleSignOnIdentity.objects.create(user=kari, issuer=sso.issuer, subject="feide-sub-kari")
    assert "Logg inn med Feide" in client.get("/konto/logg-inn/").content.decode()
    answer = sign_on(client, sso, "feide-sub-kari", next_url="/verksted/")
    assert (answer.status_code, answer["Location"]) == (302, "/verksted/")
    assert signed_in_user(client) == str(kari.pk)
    (token_request,) = sso.token_requests
    assert len(token_request["code_verifier"]) == 64 and "client_secret" not in token_request


def test_an_unknown_identity_gets_no_account_and_the_reason(client, sso):
    User.objects.create_user("kari", email="kari@kommune.no")
    answer = sign_on(client, sso, "someone-new", email="kari@kommune.no")
    assert answer["Location"] == "/konto/logg-inn/?sso=feil"
    assert signed_in_user(client) is None
    assert User.objects.count() == 1 and not SingleSignOnIdentity.objects.exists()
    page = client.get(answer["Location"]).content.decode()
    assert "Innloggingen med Feide ga ingen konto her" in page


def test_with_email_matching_the_first_sign_on_links_the_one_active_account(
        client, settings, provider):
    configure(settings, provider, LIVSKRAFT_OIDC_MATCH_EMAIL="1")
    kari = User.objects.create_user("kari", email="Kari@Kommune.no")
    User.objects.create_user("gammel", email="ola@kommune.no", is_active=False)
    assert signed_in_user(client) is None
    sign_on(client, provider, "sub-kari", email="kari@kommune.no")
    assert signed_in_user(client) == str(kari.pk)
    assert SingleSignOnIdentity.objects.get().user == kari
    client.logout()
    sign_on(client, provider, "sub-ola", email="ola@kommune.no")  # only an inactive account
    assert signed_in_user(client) is None
    client.logout()
    sign_on(client, provider, "sub-kari", email="kari.ny@kommune.no")  # e-mail changed since
    assert signed_in_user(client) == str(kari.pk)


def test_a_staff_member_links_the_account_while_logged_in_with_the_password(client, sso):
    kari = User.objects.create_user("kari", password="pw-12345678")
    client.force_login(kari, backend=PASSWORD)
    assert "Koble kontoen til Feide" in client.get("/konto/").content.decode()
    sign_on(client, sso, "sub-kari")
    assert SingleSignOnIdentity.objects.get().user == kari
    assert "Kontoen er koblet til Feide." in client.get("/konto/").content.decode()
    client.logout()
    sign_on(client, sso, "sub-kari")
    assert signed_in_user(client) == str(kari.pk)


def test_an_identity_linked_to_one_account_cannot_be_taken_by_another(client, sso):
    kari = User.objects.create_user("kari")
    SingleSignOnIdentity.objects.create(user=kari, issuer=sso.issuer, subject="sub-kari")
    client.force_login(User.objects.create_user("ola"), backend=PASSWORD)
    answer = sign_on(client, sso, "sub-kari")
    assert answer["Location"] == "/konto/logg-inn/?sso=feil"
    assert SingleSignOnIdentity.objects.get().user == kari


@pytest.mark.parametrize("forged", [{"aud": "another-client"}, {"iss": "https://evil.example"},
                                    {"nonce": "replayed"}, {"exp": 1000}],
                         ids=["audience", "issuer", "nonce", "expired"])
def test_a_forged_or_stale_id_token_is_refused_without_an_error_page(client, sso, forged):
    kari = User.objects.create_user("kari")
    SingleSignOnIdentity.objects.create(user=kari, issuer=sso.issuer, subject="sub-kari")
    sso.id_token_changes = forged
    answer = sign_on(client, sso, "sub-kari")
    assert (answer.status_code, answer["Location"]) == (302, "/konto/logg-inn/?sso=feil")
    assert signed_in_user(client) is None


def test_a_replayed_callback_and_a_provider_that_is_down_are_refused(client, sso, settings):
    kari = User.objects.create_user("kari")
    SingleSignOnIdentity.objects.create(user=kari, issuer=sso.issuer, subject="sub-kari")
    start = client.get("/oidc/logg-inn/")
    code, state = sso.approve(start["Location"], "sub-kari")
    assert client.get("/oidc/callback/", {"code": code, "state": state}).status_code == 302
    client.logout()
    again = client.get("/oidc/callback/", {"code": code, "state": state})
    assert again["Location"] == "/konto/logg-inn/?sso=feil"
    start = client.get("/oidc/logg-inn/")
    code, state = sso.approve(start["Location"], "sub-kari")
    sso.stop()
    down = client.get("/oidc/callback/", {"code": code, "state": state})
    assert down["Location"] == "/konto/logg-inn/?sso=feil" and signed_in_user(client) is None
