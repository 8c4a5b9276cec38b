"""The accessibility statement and the privacy page: in each language, linked from every page's
footer, naming the contact when one is set, and saying what docs/deployment.md says."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
DEPLOYMENT = (Path(__file__).parents[2] / "docs/deployment.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("language", "statement", "privacy"), [
    ("nb", "Tilgjengelighetserklæring", "Personvern"),
    ("nn", "Tilgjengeerklæring", "Personvern"),
    ("en", "Accessibility statement", "Privacy"),
])
def test_both_pages_in_each_language_and_in_every_footer(client, language, statement, privacy):
    for path, heading in (("/tilgjengelighet/", statement), ("/personvern/", privacy)):
        page = client.get(path, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert f'<html lang="{language}">' in page and f"<h1>{heading}</h1>" in page
    footer = client.get("/bygdekalkulator/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    footer = footer[footer.index('<footer class="site">'):]
    assert f'<a href="/tilgjengelighet/">{statement}</a>' in footer
    assert f'<a href="/personvern/">{privacy}</a>' in footer


def test_the_statement_says_how_it_was_tested_and_what_is_missing(client):
    page = client.get("/tilgjengelighet/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "axe-core" in page and "WCAG 2.1" in page
    assert "bokmål, nynorsk og engelsk" in page and "390 piksler" in page
    assert "<h2>Kjente mangler</h2>" in page and "ikke testet med skjermlesere" in page


def test_the_contact_address_appears_once_it_is_set(client, settings):
    assert "mailto:" not in client.get("/tilgjengelighet/").content.decode()
    settings.LIVSKRAFT_CONTACT_EMAIL = "uu@testvik.kommune.no"
    for path in ("/tilgjengelighet/", "/personvern/"):
        assert 'href="mailto:uu@testvik.kommune.no"' in client.get(path).content.decode()


@pytest.mark.parametrize(("language", "days", "session", "lockout"), [
    ("nb", "365 dager etter høringsfristen", "etter to uker", "15 minutter"),
    ("nn", "365 dagar etter høyringsfristen", "etter to veker", "15 minutt"),
    ("en", "365 days after the consultation's deadline", "after two weeks", "15-minute"),
])
def test_privacy_page_keeps_the_retention_times_of_the_deployment_guide(
        client, language, days, session, lockout):
    # docs/deployment.md: purge_personal_data --days 365, sessions two weeks, 15-minute lockout.
    assert "365 days after the consultation's deadline" in DEPLOYMENT
    assert re.search(r"\| sessions \| two weeks \|", DEPLOYMENT)
    assert "until the 15-minute lockout has passed" in DEPLOYMENT
    page = client.get("/personvern/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert days in page and session in page and lockout in page
