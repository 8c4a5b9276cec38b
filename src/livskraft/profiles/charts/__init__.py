"""The registry of server-rendered SVG charts: every module in this package that declares
`KEY` and `draw(layout, ...)` (see `frame`). `render(key, ...)` draws the chart in both
layouts, the wide one for desktops and the narrow one that reflows on phones; the
stylesheet shows the one that fits (at least 12 px text either way). Each chart has a title
and description for screen readers; its numbers are in a table and downloadable beside it."""

import importlib
import pkgutil
from functools import cache
from types import ModuleType

from django.utils.safestring import SafeString, mark_safe

from .frame import LAYOUTS


@cache
def modules() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        key = getattr(module, "KEY", None)
        if key is not None:
            if key in found:
                raise ValueError(f"chart {key} is declared twice")
            found[key] = module
    return found


def keys() -> list[str]:
    return sorted(modules())


def draw(key: str, layout, *args, **kwargs) -> SafeString:
    """One layout of the chart `key` (KeyError if there is no such chart)."""
    return modules()[key].draw(layout, *args, **kwargs)


def render(key: str, *args, **kwargs) -> SafeString:
    """The chart in every layout, for a page."""
    drawn = "".join(draw(key, layout, *args, **kwargs) for layout in LAYOUTS)
    return mark_safe(f'<div class="chart-pair" data-chart="{key}">{drawn}</div>')
