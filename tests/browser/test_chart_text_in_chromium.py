"""Every chart on the kommune and national pages keeps its text at 12 px or more on a
390 px phone and on a desktop (the narrow layout reflows instead of shrinking), and every
chart has axes: tick labels on both axes, or the pyramid's count axis."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "locale": "nb-NO"}
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "nb-NO"}
# rendered size = the text's font size in chart units × the chart's scale on the screen
# (the length of the transform's first column, so rotated labels count too)
MEASURE = """() => [...document.querySelectorAll('svg.chart')]
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => ({
    chart: svg.closest('[data-chart]').dataset.chart + ': ' + svg.querySelector('title').textContent,
    width: svg.getBoundingClientRect().width,
    texts: [...svg.querySelectorAll('text')].map(t => ({
      text: t.textContent,
      px: parseFloat(getComputedStyle(t).fontSize)
          * Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b),
    })),
    axes: svg.querySelectorAll('line').length,
  }))"""


def measured(browser, url: str, viewport: dict) -> list[dict]:
    context = browser.new_context(**viewport)
    page = context.new_page()
    page.goto(url)
    charts = page.evaluate(MEASURE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, url
    return charts


def small_texts(charts: list[dict]) -> list[tuple[str, str, float]]:
    return [(c["chart"], t["text"], round(t["px"], 1)) for c in charts for t in c["texts"]
            if t["px"] < 12]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_kommune_charts_on_the_shared_data(browser, server, viewport):
    charts = measured(browser, f"{server}/kommune/5014/?start=2016&end=2026&borders=2024",
                      viewport)
    kinds = {c["chart"].split(":")[0] for c in charts}
    assert {"population", "pyramid", "lines"} <= kinds
    assert small_texts(charts) == []
    for chart in charts:
        assert chart["axes"] >= 2 and len(chart["texts"]) >= 4, chart["chart"]
    if viewport is PHONE:
        assert all(c["width"] <= 390 for c in charts)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_kommune_charts_on_the_synthetic_region(browser, outlook_server, viewport):
    """The synthetic region has components of change, jobs and projections: the bars, the
    quadrant and the projection lines are there too."""
    charts = measured(browser, f"{outlook_server}/kommune/9911/", viewport)
    kinds = {c["chart"].split(":")[0] for c in charts}
    assert {"population", "pyramid", "components", "quadrant", "lines"} <= kinds
    assert small_texts(charts) == []


def test_the_pyramid_has_a_count_axis(browser, server):
    charts = measured(browser, f"{server}/kommune/5014/", PHONE)
    pyramid = next(c for c in charts if c["chart"].startswith("pyramid"))
    labels = [t["text"] for t in pyramid["texts"]]
    # both sides start at 0 and the axis is named
    assert labels.count("0") == 2 and "Personer" in labels
