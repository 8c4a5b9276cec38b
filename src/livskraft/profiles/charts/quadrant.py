"""Scatter of (name, x, y) around zero axes, with tick values on the left and bottom edges;
`highlight` is drawn larger and labelled (with `label_all`, every point is labelled: for
small sets such as the book's 15)."""

from django.utils.html import escape
from django.utils.translation import gettext as _

from livskraft.web.formatting import decimal

from .frame import GRID, INK, WOMEN, Layout, line, nice_ticks, svg, text, vertical_text

KEY = "quadrant"


def draw(layout: Layout, points: list[tuple[str, float, float]], highlight: str,
         x_label: str, y_label: str, title: str, label_all: bool = False):
    size = layout.width if layout.width < 500 else layout.height + 80
    xs, ys = [p[1] for p in points], [p[2] for p in points]
    reach_x = max(max(abs(v) for v in xs), 0.1) * 1.1
    reach_y = max(max(abs(v) for v in ys), 0.1) * 1.1
    left, right = layout.left, layout.width - layout.right
    upper, lower = layout.top, size - layout.bottom - layout.font - 4

    def x(value: float) -> float:
        return left + (right - left) * (value + reach_x) / (2 * reach_x)

    def y(value: float) -> float:
        return upper + (lower - upper) * (1 - (value + reach_y) / (2 * reach_y))

    count = 4 if layout.width < 500 else 6
    body = [f'<rect x="{left}" y="{upper}" width="{right - left}" height="{lower - upper}" '
            f'fill="none" stroke="{GRID}"/>']
    for tick in nice_ticks(-reach_x, reach_x, count):
        if -reach_x <= tick <= reach_x:
            body.append(line(x(tick), lower, x(tick), lower + 5))
            body.append(text(x(tick), lower + layout.font + 6, decimal(tick), layout.font))
    for tick in nice_ticks(-reach_y, reach_y, count):
        if -reach_y <= tick <= reach_y:
            body.append(line(left - 5, y(tick), left, y(tick)))
            body.append(text(left - 8, y(tick) + 4, decimal(tick), layout.font, "end"))
    body += [line(left, y(0), right, y(0)), line(x(0), upper, x(0), lower),
             text((left + right) / 2, size - 8, x_label, layout.font),
             vertical_text(layout.font + 2, (upper + lower) / 2, y_label, layout.font)]
    for name, px, py in points:
        if name == highlight:
            continue
        body.append(f'<circle cx="{x(px):.1f}" cy="{y(py):.1f}" r="4" fill="{GRID}" '
                    f'stroke="#6b6b6b"><title>{escape(name)}</title></circle>')
        if label_all:
            body.append(text(x(px) + 6, y(py) - 6, name, layout.font, "start"))
    for name, px, py in points:
        if name == highlight:
            body.append(f'<circle cx="{x(px):.1f}" cy="{y(py):.1f}" r="7" fill="{WOMEN}" '
                        f'stroke="{INK}"><title>{escape(name)}</title></circle>')
            body.append(text(x(px) + 10, y(py) - 10, name, layout.font + 1, "start"))
    description = _("%(name)s blant %(count)s kommuner.") % {"name": highlight,
                                                            "count": len(points)}
    return svg(layout, title, description, body, size)
