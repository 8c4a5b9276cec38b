"""`<select>` lists written as plain strings: a long list (357 kommuner) is built once and
only the chosen option is marked per request (Django's widget templates took most of the
page's time)."""

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


@lru_cache(maxsize=16)
def _options(choices: tuple[tuple[str, str], ...]) -> str:
    return "".join(f'<option value="{escape(value)}">{escape(label)}</option>'
                   for value, label in choices)


def select(name: str, choices: tuple[tuple[str, str], ...], chosen: object = None) -> SafeString:
    """A select named `name` with id `id_<name>`, `chosen` marked as selected."""
    options = _options(choices)
    if chosen not in (None, ""):
        marker = f'<option value="{escape(str(chosen))}">'
        options = options.replace(marker, marker[:-1] + " selected>", 1)
    return mark_safe(f'<select name="{name}" id="id_{name}">{options}</select>')
