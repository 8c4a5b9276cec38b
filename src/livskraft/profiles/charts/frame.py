"""What every chart shares: the two layouts (a wide one for desktops, a narrow one that
reflows for phones), the SVG frame with its title and description, text, ticks and the axes
of a series over years."""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from livskraft.web.formatting import whole

INK, GRID, MUTED = "#1d1d1b", "#c8c8c8", "#4a4a4a"
MEN, WOMEN = "#005b8f", "#a23c00"


@dataclass(frozen=True)
class Layout:
    """A chart's own coordinate system. The stylesheet shows the wide layout when its box
    is at least `width` px wide (so 1 unit ≥ 1 px) and the narrow one otherwise, which at a
    390 px phone (358 px box) draws `font` units at 358/340 ≈ 1.05 px each."""

    name: str
    width: int
    height: int
    font: int
    left: int
    right: int
    top: int
    bottom: int
    year_ticks: int


WIDE = Layout("wide", 640, 320, 12, 72, 16, 16, 40, 8)
NARROW = Layout("narrow", 340, 300, 13, 52, 10, 16, 40, 4)
LAYOUTS = (WIDE, NARROW)


def svg(layout: Layout, title: str, description: str, body: list[str],
        height: int | None = None) -> SafeString:
    return mark_safe(
        f'<svg viewBox="0 0 {layout.width} {height or layout.height}" role="img" '
        f'class="chart chart-{layout.name}" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
        + "".join(body)
        + "</svg>"
    )


def text(x: float, y: float, label: str, size: int, anchor: str = "middle",
         extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{INK}"{extra}>{escape(label)}</text>')


def vertical_text(x: float, y: float, label: str, size: int) -> str:
    return text(x, y, label, size, extra=f' transform="rotate(-90 {x:.1f} {y:.1f})"')


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
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


def line(x1: float, y1: float, x2: float, y2: float, colour: str = INK, extra: str = "") -> str:
    return (f'<line x1="{x1:.1f}" x2="{x2:.1f}" y1="{y1:.1f}" y2="{y2:.1f}" '
            f'stroke="{colour}"{extra}/>')


def time_axes(layout: Layout, years: list[int], low: float, high: float, top: int,
              floor: float | None = None, label=whole):
    """Scales, gridlines and both axes for values over years: returns (x, y, svg parts)."""
    pad = (high - low) * 0.1 or abs(high) * 0.05 or 1
    bottom = low - pad if floor is None else max(low - pad, floor)
    ticks = nice_ticks(bottom, high + pad)
    y_min, y_max = ticks[0], ticks[-1]
    left, right = layout.left, layout.width - layout.right
    base = layout.height - layout.bottom
    plot_w, plot_h = right - left, base - top
    span = max(years[-1] - years[0], 1)

    def x(year: int) -> float:
        return left + plot_w * (year - years[0]) / span

    def y(value: float) -> float:
        return top + plot_h * (1 - (value - y_min) / (y_max - y_min))

    parts = []
    for tick in ticks:
        parts.append(line(left, y(tick), right, y(tick), GRID))
        parts.append(text(left - 6, y(tick) + 4, label(tick), layout.font, "end"))
    parts.append(line(left, top, left, base))
    parts.append(line(left, base, right, base))
    step = max(1, -(-len(years) // layout.year_ticks))
    for year in years[::step]:
        parts.append(line(x(year), base, x(year), base + 5))
        parts.append(text(x(year), base + 20, str(year), layout.font))
    return x, y, parts
