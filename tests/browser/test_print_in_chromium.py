"""Printing the kommune page from Chromium: the print stylesheet hides the controls and
downloads, opens the folded tables and keeps the wide charts; the page's link to the
kommune profile gives the tagged PDF with the same choices."""

import io
import re

import pytest
from pypdf import PdfReader

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]
QUERY = "start=2016&end=2026&borders=2024"


def test_printed_kommune_page_and_its_profile_link(page, server):
    page.goto(f"{server}/kommune/5622/?{QUERY}")
    trend = page.locator('section[aria-labelledby="trend-heading"]')
    assert not trend.locator("table").is_visible()  # folded on screen
    page.emulate_media(media="print")
    assert trend.locator("table").is_visible()  # printed open
    assert not page.locator("form.period").first.is_visible()
    assert not page.locator(".downloads").first.is_visible()
    assert not page.locator(".report-link").is_visible()
    assert trend.locator("svg.chart-wide").is_visible()
    assert not trend.locator("svg.chart-narrow").is_visible()
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text() for p in printed.pages).split())
    # 1 January 2026 population of Porsanger in population/kommune_befolkning_total_b2024.csv
    assert re.search(r"2026 3\s906", text) and "Folketall 1. januar" in text
    assert "Last ned tallene" not in text
    page.emulate_media(media="screen")
    link = page.locator(".report-link a")
    assert link.get_attribute("href") == f"/kommune/5622/rapport.pdf?{QUERY}"
    answer = page.request.get(server + link.get_attribute("href"))
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    profile = PdfReader(io.BytesIO(answer.body()))
    assert profile.metadata.title == "Kommuneprofil: Porsanger-Porsáŋgu-Porsanki"
