"""Form controls written as plain strings: long lists are built once and only the chosen
option is marked per request (Django's widget templates took most of the page's time). The
357 kommuner are one `<datalist>` that every kommune box shares: type a name, or pick one."""

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

KOMMUNE_LIST = "kommuner"


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


@lru_cache(maxsize=4)
def kommune_list(pickers: tuple[tuple[str, str], ...]) -> SafeString:
    """The shared list of kommune names (the value is the name people see and type)."""
    options = "".join(f'<option value="{escape(name)}"></option>' for _code, name in pickers)
    return mark_safe(f'<datalist id="{KOMMUNE_LIST}">{options}</datalist>')


def kommune_box(name: str, text: str) -> SafeString:
    """A text box with the shared list of kommuner; `text` is the name shown in it."""
    return mark_safe(f'<input type="text" name="{name}" id="id_{name}" list="{KOMMUNE_LIST}" '
                     f'value="{escape(text)}" autocomplete="off" spellcheck="false">')
