"""Numbers the Norwegian way: 717 710 and 12,3 %."""

import math

THIN_SPACE = "\u00a0"


def whole(value: float | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{round(value):,}".replace(",", THIN_SPACE)
    return text.replace("-", "−")


def decimal(value: float | None, digits: int = 1) -> str:
    """12,3 and −4,0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.{digits}f}".replace(".", ",").replace("-", "−")


def percent(value: float | None) -> str:
    """Signed, one decimal: +12,3 %."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:+.1f}"
    return text.replace(".", ",").replace("-", "−") + THIN_SPACE + "%"
