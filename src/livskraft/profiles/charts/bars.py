"""Grouped horizontal bars: for each category (an age group, a measure) one bar per series
in the colours of the key above, a value axis at the bottom with zero marked, and the
optional band (label, lows, highs, the series it belongs to: the middle half of a centrality
class around its median) as a whisker on that series' bars."""

from django.utils.translation import gettext as _

from livskraft.web.formatting import whole

from .frame import GRID, INK, Layout, line, nice_ticks, svg, text
from .lines import COLOURS

KEY = "bars"
BAR, GAP = 10, 3


def draw(layout: Layout, categories: list[str], series: dict[str, list[float | None]],
         title: str, band: tuple[str, list, list, str] | None = None, label=whole):
    step = layout.font + 8
    top = layout.top + step * (len(series) + (band is not None))
    group = layout.font + 6 + len(series) * (BAR + GAP) + 10
    base = top + group * len(categories)
    height = base + layout.bottom
    everything = [v for values in series.values() for v in values if v is not None]
    if band is not None:
        everything += [v for v in (*band[1], *band[2]) if v is not None]
    ticks = nice_ticks(min(everything + [0]), max(everything + [0]), 4)
    low, high = ticks[0], ticks[-1]
    left, right = 12, layout.width - layout.right - 12

    def x(value: float) -> float:
        return left + (right - left) * (value - low) / ((high - low) or 1)

    key_x = 8 if layout.width < 500 else layout.left
    body = []
    for tick in ticks:
        body.append(line(x(tick), top, x(tick), base, GRID))
        body.append(line(x(tick), base, x(tick), base + 5))
        body.append(text(x(tick), base + layout.font + 6, label(tick), layout.font))
    body.append(line(left, base, right, base))
    for k, name in enumerate(series):
        y = layout.top + step * k
        body.append(f'<rect x="{key_x}" y="{y - 6}" width="16" height="12" '
                    f'fill="{COLOURS[k % len(COLOURS)]}"/>')
        body.append(text(key_x + 22, y + 4, name, layout.font, "start"))
    if band is not None:
        y = layout.top + step * len(series)
        body.append(line(key_x, y, key_x + 16, y, INK, ' stroke-width="2"'))
        body.append(text(key_x + 22, y + 4, band[0], layout.font, "start"))
    median = list(series).index(band[3]) if band is not None and band[3] in series else None
    for i, category in enumerate(categories):
        y0 = top + group * i
        body.append(text(left, y0 + layout.font, category, layout.font, "start",
                         ' font-weight="600"'))
        for k, values in enumerate(series.values()):
            value = values[i]
            if value is None:
                continue
            y = y0 + layout.font + 6 + k * (BAR + GAP)
            start, end = sorted((x(0), x(value)))
            body.append(f'<rect x="{start:.1f}" y="{y}" width="{max(end - start, 1):.1f}" '
                        f'height="{BAR}" fill="{COLOURS[k % len(COLOURS)]}"/>')
            if k == median and band[1][i] is not None and band[2][i] is not None:
                body.append(line(x(band[1][i]), y + BAR / 2, x(band[2][i]), y + BAR / 2, INK,
                                 ' stroke-width="2"'))
    body.append(line(x(0), top, x(0), base, INK))
    description = "; ".join(
        f"{category}: " + ", ".join(f"{name} {label(values[i])}"
                                    for name, values in series.items())
        for i, category in enumerate(categories))
    return svg(layout, title, _("Verdier per gruppe. %(values)s") % {"values": description},
               body, height)
