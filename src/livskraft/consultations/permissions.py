"""Who may do what in a consultation. Roles: owner and moderator (members of that
consultation), respondent (holds the private link to their own submission), visitor."""

from .models import Consultation, Membership, Poll


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


def can_run_poll(user, poll: Poll) -> bool:
    """Moderate a poll's statements, add the owner's own, export its newsletter sign-ups."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or poll.owners.filter(id=user.id).exists():
        return True
    return poll.consultation is not None and can_moderate(user, poll.consultation)
