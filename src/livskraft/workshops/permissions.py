"""Roles in a workshop: facilitator (prosessleder), co-facilitator, participant (holds the
participant cookie), anonymous visitor, and users who facilitate other workshops."""

from .models import Facilitation, Workshop


def role_of(user, workshop: Workshop) -> str | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Facilitation.FACILITATOR
    return (Facilitation.objects.filter(user=user, workshop=workshop)
            .values_list("role", flat=True).first())


def can_run(user, workshop: Workshop) -> bool:
    """See the panel and big screen, add factors, export."""
    return role_of(user, workshop) is not None


def can_control(user, workshop: Workshop) -> bool:
    """Show or hide results, lock or open the round."""
    return role_of(user, workshop) == Facilitation.FACILITATOR
