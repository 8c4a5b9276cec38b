"""The facilitator's actions on the panel, one function per action, checked by role."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from . import diamond
from .models import Factor, Placement, Workshop
from .permissions import can_control

SWITCHES = {"hide": ("results_hidden", True), "show": ("results_hidden", False),
            "lock": ("locked", True), "open": ("locked", False)}


def _score(value: str) -> int:
    number = int(value)
    if not 1 <= number <= 5:
        raise ValueError(_("Velg en verdi fra 1 til 5."))
    return number


def apply(user, workshop: Workshop, data) -> str | None:
    """Carry out one posted action; returns an error message or None."""
    action = data.get("action", "")
    try:
        if action in SWITCHES or action in ("tool", "settings", "trust_round"):
            if not can_control(user, workshop):
                raise PermissionDenied
            _control(workshop, action, data)
        elif action == "factor":
            text = data.get("text", "").strip()[:200]
            if not text:
                return _("Skriv inn en faktor.")
            Factor.objects.create(workshop=workshop, text=text,
                                  position=workshop.factors.count())
        elif action == "placement":
            group = data.get("group", "")
            if group and group not in workshop.group_names():
                return _("Ukjent gruppe.")
            factor = workshop.factors.get(id=int(data["factor"]))
            Placement.objects.update_or_create(
                factor=factor, group=group,
                defaults={"importance": _score(data["importance"]),
                          "influence": _score(data["influence"])})
        elif action == "joint":
            diamond.set_joint(workshop, data.get("component", ""), int(data["score"]))
        else:
            return _("Ukjent handling.")
    except (KeyError, ValueError, Factor.DoesNotExist) as error:
        return str(error) or _("Ugyldige verdier.")
    return None


def _control(workshop: Workshop, action: str, data) -> None:
    if action in SWITCHES:
        field, value = SWITCHES[action]
        setattr(workshop, field, value)
    elif action == "tool":
        if data.get("tool") not in dict(Workshop.TOOLS):
            raise ValueError(_("Ukjent verktøy."))
        workshop.active_tool = data["tool"]
    elif action == "settings":
        workshop.groups = data.get("groups", "")[:300]
        workshop.year_label = data.get("year_label", "")[:20]
        workshop.participants_add_factors = data.get("participants_add_factors") == "on"
    else:
        workshop.trust_round += 1
    workshop.save()
