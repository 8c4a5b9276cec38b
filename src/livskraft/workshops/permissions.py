"""Roles in a workshop: facilitator (prosessleder), co-facilitator, participant (holds the
participant cookie), anonymous visitor, and users who facilitate other workshops."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, render

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


def runners_only(view):
    """A facilitator's page: log in first; 403 for users who do not run this workshop.
    The view gets (request, workshop, ...)."""

    @wraps(view)
    def checked(request, workshop_id: int, *args, **kwargs):
        workshop = get_object_or_404(Workshop, id=workshop_id)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_run(request.user, workshop):
            return render(request, "workshops/forbidden.html", status=403)
        return view(request, workshop, *args, **kwargs)

    return checked
