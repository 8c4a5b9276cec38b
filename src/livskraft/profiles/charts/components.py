"""Components of change as stacked bars around zero: one colour per component, positive up,
negative down, a key above (in a column on phones)."""

from django.utils.translation import gettext as _

from livskraft.web.formatting import whole

from .frame import GRID, Layout, line, nice_ticks, svg, text

KEY = "components"
COLOURS = ["#1b7837", "#5e3c99", "#b35806"]


def draw(layout: Layout, years: list[int], series: dict[str, list[float]], title: str):
    stacked_key = layout.width < 500
    key_rows = len(series) if stacked_key else 1
    top = layout.top + key_rows * (layout.font + 8)
    height = layout.height + (key_rows - 1) * (layout.font + 8)
    base = height - layout.bottom
    left, right = layout.left, layout.width - layout.right
    ups = [sum(max(v[i], 0) for v in series.values()) for i in range(len(years))]
    downs = [sum(min(v[i], 0) for v in series.values()) for i in range(len(years))]
    ticks = nice_ticks(min(downs + [0]), max(ups + [0]) or 1)
    y_min, y_max = ticks[0], ticks[-1]

    def y(value: float) -> float:
        return top + (base - top) * (1 - (value - y_min) / (y_max - y_min))

    slot = (right - left) / len(years)
    body = []
    for tick in ticks:
        body.append(line(left, y(tick), right, y(tick), GRID))
        body.append(text(left - 6, y(tick) + 4, whole(tick), layout.font, "end"))
    body.append(line(left, top, left, base))
    body.append(line(left, y(0), right, y(0)))
    for k, (label, colour) in enumerate(zip(series, COLOURS)):
        kx = 8 if stacked_key else left + k * 190
        ky = 4 + (k * (layout.font + 8) if stacked_key else 0)
        body.append(f'<rect x="{kx}" y="{ky}" width="12" height="12" fill="{colour}"/>')
        body.append(text(kx + 16, ky + 11, label, layout.font, "start"))
    every = max(1, -(-len(years) // layout.year_ticks))
    for i, year in enumerate(years):
        up, down = 0.0, 0.0
        for values, colour in zip(series.values(), COLOURS):
            value = values[i]
            start = up if value >= 0 else down
            high, low = (start + value, start) if value >= 0 else (start, start + value)
            body.append(f'<rect x="{left + i * slot + slot * 0.15:.1f}" y="{y(high):.1f}" '
                        f'width="{slot * 0.7:.1f}" height="{max(y(low) - y(high), 0):.1f}" '
                        f'fill="{colour}"/>')
            if value >= 0:
                up += value
            else:
                down += value
        if i % every == 0:
            body.append(text(left + (i + 0.5) * slot, base + 20, str(year), layout.font))
    body.append(line(left, base, right, base))
    description = _("Bidrag til befolkningsendringen per år: %(parts)s.") % {
        "parts": ", ".join(series)
    }
    return svg(layout, title, description, body, height)
