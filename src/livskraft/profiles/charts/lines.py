"""Several lines over the same years, told apart by colour and dash pattern, with a key
above; optionally a shaded band (e.g. the middle half of the kommuner in a centrality
class). None marks a year a series does not cover."""

from dataclasses import replace

from django.utils.translation import gettext as _

from livskraft.web.formatting import whole

from .frame import Layout, line, svg, text, time_axes

KEY = "lines"
COLOURS = ["#005b8f", "#a23c00", "#1b7837", "#5e3c99", "#7f3b08", "#1d1d1b", "#00616b",
           "#8c1d5a"]
DASHES = ["", "6 3", "2 3", "8 3 2 3", "12 4", "1 3", "4 2 1 2", "10 2"]
BAND = "#d9e6ef"
PLOT_HEIGHT = 220


def draw(layout: Layout, years: list[int], series: dict[str, list[float | None]], title: str,
         band: tuple[str, list[float | None], list[float | None]] | None = None,
         label=whole, floor: float | None = 0):
    series = {name: [(a, v) for a, v in zip(years, values) if v is not None]
              for name, values in series.items()}
    everything = [v for points in series.values() for _, v in points]
    if band is not None:
        everything += [v for v in (*band[1], *band[2]) if v is not None]
    rows = len(series) + (band is not None)
    top = layout.top + (layout.font + 8) * rows
    layout = replace(layout, height=top + PLOT_HEIGHT + layout.bottom)
    x, y, body = time_axes(layout, years, min(everything), max(everything), top,
                           floor=floor, label=label)
    key_x = 8 if layout.width < 500 else layout.left
    if band is not None:
        pairs = [(a, lo, hi) for a, lo, hi in zip(years, band[1], band[2])
                 if lo is not None and hi is not None]
        outline = [f"{x(a):.1f},{y(hi):.1f}" for a, _, hi in pairs] + [
            f"{x(a):.1f},{y(lo):.1f}" for a, lo, _ in reversed(pairs)]
        body.insert(0, f'<polygon points="{" ".join(outline)}" fill="{BAND}"/>')
        key_y = layout.top + (layout.font + 8) * len(series)
        body.append(f'<rect x="{key_x}" y="{key_y - 6}" width="30" height="12" fill="{BAND}"/>')
        body.append(text(key_x + 36, key_y + 4, band[0], layout.font, "start"))
    for k, (name, values) in enumerate(series.items()):
        colour, dash = COLOURS[k % len(COLOURS)], DASHES[k % len(DASHES)]
        points = " ".join(f"{x(a):.1f},{y(v):.1f}" for a, v in values)
        body.append(f'<polyline points="{points}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.5" stroke-dasharray="{dash}"/>')
        key_y = layout.top + (layout.font + 8) * k
        body.append(line(key_x, key_y, key_x + 30, key_y, colour,
                         f' stroke-width="2.5" stroke-dasharray="{dash}"'))
        body.append(text(key_x + 36, key_y + 4, name, layout.font, "start"))
    description = "; ".join(
        _("%(label)s: %(first)s i %(start)s, %(last)s i %(end)s") % {
            "label": name, "first": label(values[0][1]), "start": values[0][0],
            "last": label(values[-1][1]), "end": values[-1][0],
        }
        for name, values in series.items() if values
    )
    return svg(layout, title, description, body)
