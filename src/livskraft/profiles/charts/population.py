"""Population over time; estimated points are drawn hollow and listed in the description."""

from django.utils.translation import gettext as _

from livskraft.web.formatting import whole

from .frame import MEN, Layout, svg, time_axes

KEY = "population"


def draw(layout: Layout, years: list[int], values: list[float], estimated: list[bool],
         title: str):
    x, y, body = time_axes(layout, years, min(values), max(values), layout.top)
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
    return svg(layout, title, description, body)
