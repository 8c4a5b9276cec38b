"""axe-core on every page of the site — bokmål, nynorsk and English, desktop and phone — fails on
any WCAG 2.1 A/AA violation, whatever its impact; a few pages also with their error messages
shown. A page added to the URLs without an entry in tests/browser/every_page.py fails too."""

import json
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from .accessibility import violations
from .conftest import COMMITTEE_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]
LANGUAGES = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
DEVICES = {"desktop": {"viewport": {"width": 1280, "height": 900}},
           "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True,
                     "has_touch": True}}
# URL names that are not pages: downloads, JSON, form posts that redirect, and the log-out.
NOT_PAGES = {
    "kommune-data", "national-data", "national-outlines", "kommune-report", "find-candidates",
    "set_language", "logout",
    "consultation-own-data", "consultation-own-erase", "consultation-statements",
    "consultation-attachment", "consultation-export", "consultation-export-csv",
    "consultation-summary-pdf", "poll-propose", "poll-place", "poll-newsletter",
    "poll-newsletter-export", "workshop-group", "workshop-phone-state", "workshop-workbook",
    "workshop-table", "workshop-chart", "workshop-summary", "workshop-answer", "workshop-suggest",
    "workshop-group-placement", "workshop-factors", "workshop-diamond", "workshop-trust",
    "workshop-plan", "workshop-contribute",
    # the open API's JSON and the chart images, and the single sign-on redirects
    "api-root", "openapi-json", "kommuner", "population", "accounts", "immigration_effect",
    "attractiveness", "projection", "place_finder", "kommune-chart-svg", "kommune-chart-png",
    "oidc_authentication_init", "oidc_authentication_callback",
}
# Pages with known violations, named as gaps in the accessibility statement (/tilgjengelighet/).
KNOWN_GAPS = {
    # django-ninja's Swagger UI: no lang, low-contrast labels, buttons inside buttons; the same
    # description is readable as /api/openapi.json
    "openapi-view",
}


@pytest.fixture(scope="session")
def every_page(serve, shared_data, tmp_path_factory):
    examples = Path(__file__).parents[2] / "docs" / "examples"
    listing = tmp_path_factory.mktemp("every-page") / "pages.json"
    server = serve(shared_data,
                   ["django", "createsuperuser", "--noinput", "--username", "komite",
                    "--email", "komite@example.org"],
                   ["livskraft", "consultation", "load", str(examples / "distriktshoring.json")],
                   ["livskraft", "consultation", "load",
                    str(examples / "er-du-enig-distriktspolitikk.json")],
                   ["tests.browser.every_page", str(listing)])
    return server, json.loads(listing.read_text(encoding="utf-8"))


def page_names() -> set[str]:
    def walk(patterns, inside_admin=False):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns,
                                inside_admin or str(pattern.pattern) == "admin/")
            elif isinstance(pattern, URLPattern) and pattern.name and not inside_admin:
                yield pattern.name

    return set(walk(get_resolver().url_patterns)) - NOT_PAGES - KNOWN_GAPS


def test_the_check_reports_violations_whatever_their_impact(page):
    page.set_content('<html><body><img src="foto.png"><a href="/kart"></a></body></html>')
    # no lang and no title, a link without a name (serious), an image without alt (critical);
    # `violations` filters on no impact at all, so a minor or moderate finding fails as well
    assert [line.split(":")[0] for line in violations(page)] == [
        "document-title [serious]", "html-has-lang [serious]", "image-alt [critical]",
        "link-name [serious]"]


def log_in(page, server: str) -> None:
    page.goto(f"{server}/konto/logg-inn/")
    page.fill("#id_username", "komite")
    page.fill("#id_password", COMMITTEE_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def join(page, server: str, code: str) -> None:
    page.goto(f"{server}/v/{code}/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/verksted/delta/")


def with_errors(page, server: str) -> dict[str, list[str]]:
    """Forms sent empty or wrong, so their messages are checked too."""
    found = {}
    page.goto(f"{server}/horing/distriktshoring/innspill/")
    page.evaluate("document.querySelectorAll('[required]').forEach(e => e.required = false)")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    found["consultation-submit (errors)"] = violations(page)
    page.goto(f"{server}/verksted/bli-med/")
    page.fill("#id_code", "ÆØÅ")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    found["workshop-join-form (errors)"] = violations(page)
    page.goto(f"{server}/konto/logg-inn/")
    page.fill("#id_username", "finnes-ikke")
    page.fill("#id_password", "feil")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    found["login (errors)"] = violations(page)
    return found


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_no_accessibility_violations(browser, every_page, language, device):
    server, pages = every_page
    assert {name for name, _path, _who in pages} - {"not-found"} == page_names()
    contexts = {}

    def context_for(who: str):
        if who not in contexts:
            context = browser.new_context(locale=LANGUAGES[language], **DEVICES[device])
            page = context.new_page()
            if who == "staff":
                log_in(page, server)
            elif who.startswith("participant:"):
                join(page, server, who.split(":", 1)[1])
            contexts[who] = page
        return contexts[who]

    found = {}
    for name, path, who in pages:
        page = context_for(who)
        page.goto(server + path)
        assert page.locator("html").get_attribute("lang") == language, path
        found[f"{name} {path}"] = violations(page)
    found.update(with_errors(context_for("anyone"), server))
    for page in contexts.values():
        page.context.close()
    assert {page: problems for page, problems in found.items() if problems} == {}
