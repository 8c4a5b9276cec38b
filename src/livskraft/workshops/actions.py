"""The facilitator's actions on the panel, checked by role: the workshop's own switches here,
each tool's actions from the registry."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from . import live
from .forms import municipality_choices
from .models import Workshop
from .permissions import can_control
from .tools import registry
from .tools.base import Action, Rejected

SWITCHES = {"hide": ("results_hidden", True), "show": ("results_hidden", False),
            "lock": ("locked", True), "open": ("locked", False)}


def _switch(name: str):
    def run(workshop: Workshop, data) -> None:
        field, value = SWITCHES[name]
        setattr(workshop, field, value)
        workshop.save(update_fields=[field])
        live.announce(workshop.id, phones_too=True)
    return run


def _choose_tool(workshop: Workshop, data) -> None:
    if data.get("tool") not in registry.BY_KEY:
        raise Rejected(_("Ukjent verktøy."))
    workshop.active_tool = data["tool"]
    workshop.save(update_fields=["active_tool"])
    live.announce(workshop.id, phones_too=True)


def _settings(workshop: Workshop, data) -> None:
    code = data.get("municipality_code", "")
    if code != workshop.municipality_code and code not in dict(municipality_choices()):
        raise Rejected(_("Velg en kommune fra listen."))
    workshop.municipality_code = code
    workshop.groups = data.get("groups", "")[:300]
    workshop.year_label = data.get("year_label", "")[:20]
    workshop.participants_add_factors = data.get("participants_add_factors") == "on"
    workshop.save(update_fields=["municipality_code", "groups", "year_label",
                                 "participants_add_factors"])
    live.announce(workshop.id, phones_too=True)


WORKSHOP_ACTIONS = {
    **{name: Action(_switch(name), control=True) for name in SWITCHES},
    "tool": Action(_choose_tool, control=True),
    "settings": Action(_settings, control=True),
}


def apply(user, workshop: Workshop, data) -> str | None:
    """Carry out one posted action; returns an error message or None. Raises
    PermissionDenied when the user's role may not do it."""
    action = {**WORKSHOP_ACTIONS, **registry.actions()}.get(data.get("action", ""))
    if action is None:
        return _("Ukjent handling.")
    if action.control and not can_control(user, workshop):
        raise PermissionDenied
    try:
        return action.run(workshop, data)
    except Rejected as error:
        return str(error)
    except (KeyError, ValueError):
        return _("Ugyldige verdier.")
