"""axe-core in Chromium: every WCAG 2.0/2.1 level A and AA violation, whatever its impact.

axe-core is the copy bundled with axe-playwright-python; it is run directly so that only the
violations travel back (listing every passing node of a 3,000-element page took seconds)."""

from pathlib import Path

import axe_playwright_python

AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN = """options => axe.run(document, options).then(results => results.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(" "))})))"""


def violations(page) -> list[str]:
    """One line per violated rule: id, impact, help and the first offending elements."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    found = page.evaluate(RUN, {"runOnly": WCAG_A_AA, "resultTypes": ["violations"]})
    return [f"{v['id']} [{v['impact']}]: {v['help']} — " + ", ".join(v["targets"][:3])
            + (f" (+{len(v['targets']) - 3})" if len(v["targets"]) > 3 else "")
            for v in found]
