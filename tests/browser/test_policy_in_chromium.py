"""The Content-Security-Policy holds in a real browser: every page loads its own scripts,
styles and images (the map, the live workshop pages) without one refusal or console error."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]

PAGES = ["/", "/kommune/5014/", "/nasjonalt/", "/bygdekalkulator/", "/horing/",
         "/verksted/bli-med/", "/konto/logg-inn/"]


def watch(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(
        f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"script: {error}"))
    page.on("response", lambda response: response.status >= 400 and problems.append(
        f"{response.status}: {response.url}"))
    page.add_init_script("""document.addEventListener('securitypolicyviolation', (e) =>
        console.error('CSP refused ' + e.violatedDirective + ' ' + e.blockedURI));""")
    return problems


@pytest.mark.parametrize("path", PAGES)
def test_pages_pass_the_policy_without_console_errors(page, server, path):
    problems = watch(page)
    response = page.goto(f"{server}{path}")
    assert response.status == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert problems == []


def test_the_national_map_script_runs_under_the_policy(page, server):
    problems = watch(page)
    page.goto(f"{server}/nasjonalt/")
    page.wait_for_load_state("networkidle")
    assert page.locator("svg .kommune").count() > 300
    assert page.locator("svg.swatch").count() >= 2  # legend colours, drawn without style=
    assert problems == []
