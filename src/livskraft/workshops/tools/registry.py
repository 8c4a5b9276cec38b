"""The registry of workshop tools, in the order the panel shows them. A new tool is one
module in this package, its templates, and one line here."""

from django.core.exceptions import ImproperlyConfigured

from . import diamond, priority, ten_steps, trust
from .base import Tool

TOOLS: list[Tool] = [
    priority.Priority(),
    diamond.Diamond(),
    trust.Trust(),
    ten_steps.TenSteps(),
]
BY_KEY = {tool.key: tool for tool in TOOLS}


def get(key: str) -> Tool:
    """The tool with this key; KeyError if there is none."""
    return BY_KEY[key]


def choices() -> list[tuple[str, str]]:
    return [(tool.key, tool.label) for tool in TOOLS]


def actions() -> dict:
    """Every tool's panel actions by name (names are unique across tools)."""
    merged = {}
    for tool in TOOLS:
        for name, action in tool.actions().items():
            if name in merged:
                raise ImproperlyConfigured(f"two tools define the action {name!r}")
            merged[name] = action
    return merged
