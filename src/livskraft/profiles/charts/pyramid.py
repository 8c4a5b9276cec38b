"""Age pyramid: men to the left, women to the right, youngest at the bottom, with a count
axis under each side."""

from django.utils.translation import gettext as _

from livskraft.web.formatting import whole

from .frame import GRID, MEN, WOMEN, Layout, line, nice_ticks, svg, text

KEY = "pyramid"


def draw(layout: Layout, bands: list[str], men: list[int], women: list[int], title: str):
    row = layout.font + 5
    top = layout.top + layout.font + 6
    base = top + row * len(bands)
    height = base + layout.bottom + layout.font + 8
    centre = layout.width / 2
    gap = 2 * layout.font  # room for the band labels in the middle
    reach = centre - gap - max(layout.right, 24)  # leave room for the outermost tick label
    ticks = [t for t in nice_ticks(0, max(max(men), max(women), 1),
                                   4 if layout.width > 400 else 2) if t >= 0]
    largest = ticks[-1] or 1

    def left(value: float) -> float:
        return centre - gap - reach * value / largest

    def right(value: float) -> float:
        return centre + gap + reach * value / largest

    body = [text(centre - gap - reach / 2, layout.top + layout.font, _("Menn"), layout.font),
            text(centre + gap + reach / 2, layout.top + layout.font, _("Kvinner"), layout.font)]
    for tick in ticks:
        for x in (left(tick), right(tick)):
            body.append(line(x, top, x, base, GRID))
            body.append(line(x, base, x, base + 5))
            body.append(text(x, base + layout.font + 6, whole(tick), layout.font))
    body.append(line(left(largest), base, left(0), base))
    body.append(line(right(0), base, right(largest), base))
    body.append(text(centre, base + 2 * layout.font + 14, _("Personer"), layout.font))
    for i, (band, m, w) in enumerate(zip(bands, men, women)):
        y = top + row * (len(bands) - 1 - i)
        body.append(f'<rect x="{left(m):.1f}" y="{y + 1}" width="{left(0) - left(m):.1f}" '
                    f'height="{row - 2}" fill="{MEN}"/>')
        body.append(f'<rect x="{right(0):.1f}" y="{y + 1}" width="{right(w) - right(0):.1f}" '
                    f'height="{row - 2}" fill="{WOMEN}"/>')
        body.append(text(centre, y + row - 4, band, layout.font))
    total = sum(men) + sum(women)
    description = _("%(bands)s aldersgrupper, %(total)s personer i alt.") % {
        "bands": len(bands), "total": whole(total)
    }
    return svg(layout, title, description, body, height)
