"""Server-rendered SVG charts. Each has a title and description for screen readers; the
numbers are also in a table and downloadable beside the chart."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from livskraft.web.formatting import whole

WIDTH, HEIGHT = 640, 320
MARGIN = {"left": 72, "right": 16, "top": 16, "bottom": 40}
INK, GRID, MEN, WOMEN = "#1d1d1b", "#c8c8c8", "#005b8f", "#a23c00"
COMPONENT_COLOURS = ["#1b7837", "#5e3c99", "#b35806"]


def _svg(title: str, description: str, body: list[str], height: int = HEIGHT) -> SafeString:
    return mark_safe(
        f'<svg viewBox="0 0 {WIDTH} {height}" role="img" class="chart" '
        f'focusable="false" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
        + "".join(body)
        + "</svg>"
    )


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    span = (high - low) or abs(high) or 1
    raw = span / count
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = (low // step) * step
    ticks, value = [], first
    while value <= high + step / 2:
        ticks.append(value)
        value += step
    return ticks


def _text(x: float, y: float, label: str, anchor: str = "middle", size: int = 12) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{INK}">{escape(label)}</text>')


def _time_axes(years: list[int], low: float, high: float, top: int, floor: float | None = None):
    """Scales and gridlines for values over years: returns (x, y, svg parts)."""
    pad = (high - low) * 0.1 or high * 0.05 or 1
    bottom = low - pad if floor is None else max(low - pad, floor)
    ticks = _nice_ticks(bottom, high + pad)
    y_min, y_max = ticks[0], ticks[-1]
    plot_w = WIDTH - MARGIN["left"] - MARGIN["right"]
    plot_h = HEIGHT - top - MARGIN["bottom"]
    span = max(years[-1] - years[0], 1)

    def x(year: int) -> float:
        return MARGIN["left"] + plot_w * (year - years[0]) / span

    def y(value: float) -> float:
        return top + plot_h * (1 - (value - y_min) / (y_max - y_min))

    parts = []
    for tick in ticks:
        parts.append(f'<line x1="{MARGIN["left"]}" x2="{WIDTH - MARGIN["right"]}" '
                     f'y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="{GRID}"/>')
        parts.append(_text(MARGIN["left"] - 6, y(tick) + 4, whole(tick), "end"))
    step = max(1, round(len(years) / 8))
    for year in years[::step]:
        parts.append(_text(x(year), HEIGHT - MARGIN["bottom"] + 18, str(year)))
    return x, y, parts


def line_chart(
    years: list[int], values: list[float], estimated: list[bool], title: str
) -> SafeString:
    """Population over time; estimated points are drawn hollow and listed in the description."""
    x, y, body = _time_axes(years, min(values), max(values), MARGIN["top"])
    points = " ".join(f"{x(a):.1f},{y(v):.1f}" for a, v in zip(years, values))
    body.append(f'<polyline points="{points}" fill="none" stroke="{MEN}" stroke-width="2.5"/>')
    for year, value, guess in zip(years, values, estimated):
        fill = "#ffffff" if guess else MEN
        body.append(f'<circle cx="{x(year):.1f}" cy="{y(value):.1f}" r="3.5" fill="{fill}" '
                    f'stroke="{MEN}" stroke-width="1.5"/>')
    description = _("Folketall fra %(first)s i %(start)s til %(last)s i %(end)s.") % {
        "first": whole(values[0]), "start": years[0], "last": whole(values[-1]), "end": years[-1]
    }
    if any(estimated):
        description += " " + _("Hule punkter er estimater.")
    return _svg(title, description, body)


def pyramid(bands: list[str], men: list[int], women: list[int], title: str) -> SafeString:
    """Age pyramid: men to the left, women to the right, youngest at the bottom."""
    row = 16
    height = MARGIN["top"] + row * len(bands) + MARGIN["bottom"]
    centre, half = WIDTH / 2, (WIDTH / 2) - 70
    largest = max(max(men), max(women), 1)
    body = [_text(centre - half / 2, 12, _("Menn")), _text(centre + half / 2, 12, _("Kvinner"))]
    for i, (band, m, w) in enumerate(zip(bands, men, women)):
        top = MARGIN["top"] + row * (len(bands) - 1 - i)
        m_w, w_w = half * m / largest, half * w / largest
        body.append(f'<rect x="{centre - 24 - m_w:.1f}" y="{top + 2}" width="{m_w:.1f}" '
                    f'height="{row - 4}" fill="{MEN}"/>')
        body.append(f'<rect x="{centre + 24:.1f}" y="{top + 2}" width="{w_w:.1f}" '
                    f'height="{row - 4}" fill="{WOMEN}"/>')
        body.append(_text(centre, top + row - 4, band, size=10))
    total = sum(men) + sum(women)
    description = _("%(bands)s aldersgrupper, %(total)s personer i alt.") % {
        "bands": len(bands), "total": whole(total)
    }
    return _svg(title, description, body, height)


def component_bars(years: list[int], series: dict[str, list[float]], title: str) -> SafeString:
    """Stacked bars around zero: one colour per component, positive up, negative down."""
    plot_w = WIDTH - MARGIN["left"] - MARGIN["right"]
    plot_h = HEIGHT - MARGIN["top"] - MARGIN["bottom"] - 24
    ups = [sum(max(v[i], 0) for v in series.values()) for i in range(len(years))]
    downs = [sum(min(v[i], 0) for v in series.values()) for i in range(len(years))]
    ticks = _nice_ticks(min(downs + [0]), max(ups + [0]) or 1)
    y_min, y_max = ticks[0], ticks[-1]

    def y(value: float) -> float:
        return MARGIN["top"] + 24 + plot_h * (1 - (value - y_min) / (y_max - y_min))

    slot = plot_w / len(years)
    body = []
    for tick in ticks:
        body.append(f'<line x1="{MARGIN["left"]}" x2="{WIDTH - MARGIN["right"]}" '
                    f'y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="{GRID}"/>')
        body.append(_text(MARGIN["left"] - 6, y(tick) + 4, whole(tick), "end"))
    for k, (label, colour) in enumerate(zip(series, COMPONENT_COLOURS)):
        body.append(f'<rect x="{MARGIN["left"] + k * 190}" y="4" width="12" height="12" '
                    f'fill="{colour}"/>')
        body.append(_text(MARGIN["left"] + k * 190 + 16, 14, label, "start"))
    for i, year in enumerate(years):
        up, down = 0.0, 0.0
        for values, colour in zip(series.values(), COMPONENT_COLOURS):
            value = values[i]
            base = up if value >= 0 else down
            top, bottom = (base + value, base) if value >= 0 else (base, base + value)
            body.append(f'<rect x="{MARGIN["left"] + i * slot + slot * 0.15:.1f}" '
                        f'y="{y(top):.1f}" width="{slot * 0.7:.1f}" '
                        f'height="{max(y(bottom) - y(top), 0):.1f}" fill="{colour}"/>')
            if value >= 0:
                up += value
            else:
                down += value
        if len(years) <= 12 or i % 2 == 0:
            body.append(_text(MARGIN["left"] + (i + 0.5) * slot, HEIGHT - 20, str(year), size=10))
    description = _("Bidrag til befolkningsendringen per år: %(parts)s.") % {
        "parts": ", ".join(series)
    }
    return _svg(title, description, body)


SERIES_COLOURS = ["#005b8f", "#a23c00", "#1b7837", "#5e3c99", "#7f3b08", "#1d1d1b"]
SERIES_DASHES = ["", "6 3", "2 3", "8 3 2 3", "12 4", "1 3"]


def multi_line_chart(years: list[int], series: dict[str, list[float | None]],
                     title: str) -> SafeString:
    """Several lines over the same years, told apart by colour and dash pattern; None marks
    a year a series does not cover."""
    series = {label: [(a, v) for a, v in zip(years, values) if v is not None]
              for label, values in series.items()}
    everything = [v for points in series.values() for _, v in points]
    top = MARGIN["top"] + 20 * len(series)
    x, y, body = _time_axes(years, min(everything), max(everything), top, floor=0)
    for k, (label, values) in enumerate(series.items()):
        colour = SERIES_COLOURS[k % len(SERIES_COLOURS)]
        dash = SERIES_DASHES[k % len(SERIES_DASHES)]
        points = " ".join(f"{x(a):.1f},{y(v):.1f}" for a, v in values)
        body.append(f'<polyline points="{points}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5" stroke-dasharray="{dash}"/>')
        key_y = MARGIN["top"] + 20 * k
        body.append(f'<line x1="{MARGIN["left"]}" x2="{MARGIN["left"] + 30}" y1="{key_y}" '
                    f'y2="{key_y}" stroke="{colour}" stroke-width="2.5" '
                    f'stroke-dasharray="{dash}"/>')
        body.append(_text(MARGIN["left"] + 36, key_y + 4, label, "start"))
    description = "; ".join(
        _("%(label)s: %(first)s i %(start)s, %(last)s i %(end)s") % {
            "label": label, "first": whole(values[0][1]), "start": values[0][0],
            "last": whole(values[-1][1]), "end": values[-1][0],
        }
        for label, values in series.items() if values
    )
    return _svg(title, description, body)


def quadrant(points: list[tuple[str, float, float]], highlight: str, x_label: str,
             y_label: str, title: str, label_all: bool = False) -> SafeString:
    """Scatter of (name, x, y) around zero axes; `highlight` is drawn larger and labelled
    (with `label_all`, every point is labelled: for small sets such as the book's 15)."""
    size = HEIGHT + 80
    xs, ys = [p[1] for p in points], [p[2] for p in points]
    reach_x = max(max(abs(v) for v in xs), 0.1) * 1.1
    reach_y = max(max(abs(v) for v in ys), 0.1) * 1.1
    left, right = MARGIN["left"], WIDTH - MARGIN["right"]
    upper, lower = MARGIN["top"], size - MARGIN["bottom"]

    def x(value: float) -> float:
        return left + (right - left) * (value + reach_x) / (2 * reach_x)

    def y(value: float) -> float:
        return upper + (lower - upper) * (1 - (value + reach_y) / (2 * reach_y))

    body = [
        f'<line x1="{left}" x2="{right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="{INK}"/>',
        f'<line x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{upper}" y2="{lower}" stroke="{INK}"/>',
        _text((left + right) / 2, size - 8, x_label),
        f'<text x="14" y="{(upper + lower) / 2:.1f}" font-size="12" fill="{INK}" '
        f'text-anchor="middle" transform="rotate(-90 14 {(upper + lower) / 2:.1f})">'
        f"{escape(y_label)}</text>",
    ]
    for name, px, py in points:
        if name == highlight:
            continue
        body.append(f'<circle cx="{x(px):.1f}" cy="{y(py):.1f}" r="4" fill="{GRID}" '
                    f'stroke="#6b6b6b"><title>{escape(name)}</title></circle>')
        if label_all:
            body.append(_text(x(px) + 6, y(py) - 6, name, "start", 10))
    for name, px, py in points:
        if name == highlight:
            body.append(f'<circle cx="{x(px):.1f}" cy="{y(py):.1f}" r="7" fill="{WOMEN}" '
                        f'stroke="{INK}"><title>{escape(name)}</title></circle>')
            body.append(_text(x(px) + 10, y(py) - 10, name, "start", 13))
    description = _("%(name)s blant %(count)s kommuner.") % {"name": highlight,
                                                            "count": len(points)}
    return _svg(title, description, body, size)
