"""Who may do what in a consultation. Roles: owner and moderator (members of that
consultation), respondent (holds the private link to their own submission), visitor."""

from .models import Consultation, Membership


def role_of(user, consultation: Consultation) -> str | None:
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return Membership.OWNER
    return (Membership.objects.filter(user=user, consultation=consultation)
            .values_list("role", flat=True).first())


def can_moderate(user, consultation: Consultation) -> bool:
    """Moderate submissions and statements, see the analysis and export it."""
    return role_of(user, consultation) in (Membership.OWNER, Membership.MODERATOR)
