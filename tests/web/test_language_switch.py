"""The language switch is CSRF-protected although cached pages carry no token: the browser's
Origin / Sec-Fetch-Site headers must name this site, else Django's token check decides."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
SWITCH = "/i18n/setlang/"
TO_NYNORSK = {"language": "nn", "next": "/nasjonalt/"}


@pytest.fixture
def browser(settings):
    """A client that enforces CSRF like a real server does."""
    settings.ALLOWED_HOSTS = ["testserver"]
    return Client(enforce_csrf_checks=True)


def switched(response) -> bool:
    cookie = response.cookies.get("django_language")
    return response.status_code == 302 and cookie is not None and cookie.value == "nn"


def test_a_form_from_this_site_switches_without_a_token(browser):
    response = browser.post(SWITCH, TO_NYNORSK, HTTP_ORIGIN="http://testserver")
    assert switched(response)
    assert response["Location"] == "/nasjonalt/"


def test_fetch_metadata_same_origin_switches_without_a_token(browser):
    assert switched(browser.post(SWITCH, TO_NYNORSK, HTTP_SEC_FETCH_SITE="same-origin"))


@pytest.mark.parametrize("headers", [
    {"HTTP_ORIGIN": "https://angriper.example"},
    {"HTTP_ORIGIN": "null"},  # a sandboxed frame or a data: page
    {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": "https://angriper.example"},
    {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://sub.testserver"},
    {},  # neither header: an old browser or a script, which must bring a token
])
def test_a_forged_switch_is_refused(browser, headers):
    response = browser.post(SWITCH, TO_NYNORSK, **headers)
    assert response.status_code == 403
    assert "django_language" not in response.cookies


def test_a_form_with_a_token_still_switches_without_the_headers(browser):
    browser.get("/konto/logg-inn/")  # a form page: sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    assert switched(browser.post(SWITCH, {**TO_NYNORSK, "csrfmiddlewaretoken": token}))


def test_a_switch_never_redirects_to_another_site(browser):
    response = browser.post(SWITCH, {"language": "nn", "next": "https://angriper.example/"},
                            HTTP_ORIGIN="http://testserver")
    assert switched(response) and response["Location"] == "/"
