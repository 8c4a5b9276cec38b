"""Numbers and moments in the active language, through Django's locale formats
(`livskraft/formats/<language>/formats.py`): 717 710 and +12,3 % in bokmål and nynorsk,
717,710 and +12.3 % in English; a true minus sign (−); times in Europe/Oslo."""

import datetime as dt
import math
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import formats, timezone

OSLO = ZoneInfo("Europe/Oslo")
NBSP = "\u00a0"
MINUS = "\u2212"
MISSING = "–"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _localised(value: float, digits: int) -> tuple[bool, str]:
    """(negative, the rounded magnitude with the language's separators)."""
    rounded = f"{value:.{digits}f}"
    magnitude = Decimal(rounded.lstrip("-"))
    return rounded.startswith("-"), formats.number_format(magnitude, digits, force_grouping=True)


def whole(value: float | None) -> str:
    """717 710 / 717,710; −4 059."""
    if _missing(value):
        return MISSING
    negative, text = _localised(round(value), 0)
    return (MINUS if negative else "") + text


def decimal(value: float | None, digits: int = 1) -> str:
    """12,3 and −4,0 / 12.3 and −4.0."""
    if _missing(value):
        return MISSING
    negative, text = _localised(value, digits)
    return (MINUS if negative else "") + text


def percent(value: float | None) -> str:
    """Signed, one decimal: +12,3 % / +12.3 %."""
    if _missing(value):
        return MISSING
    negative, text = _localised(value, 1)
    return (MINUS if negative else "+") + text + NBSP + "%"


def in_oslo(moment: dt.datetime) -> dt.datetime:
    """The moment on Norwegian clocks, whatever time zone is active."""
    return timezone.localtime(moment, OSLO)


def moment(value: dt.datetime) -> str:
    """On Norwegian clocks, in words: 30. juni 2026 kl. 23.59 / 30 June 2026, 23:59."""
    return formats.date_format(in_oslo(value), "DATETIME_FORMAT")
