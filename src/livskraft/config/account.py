"""Logging in: the login page with a per-address ceiling, and where a login lands."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.shortcuts import render
from django_ratelimit.decorators import ratelimit

from livskraft.consultations.models import Consultation
from livskraft.workshops.models import Workshop

# Per user name django-axes locks after 5 wrong passwords; this ceiling per address stops
# one machine from trying a few passwords on each of many names.
LOGINS_PER_ADDRESS = "60/15m"


@ratelimit(key="ip", rate=LOGINS_PER_ADDRESS, method="POST", block=False)
def login(request):
    if getattr(request, "limited", False):
        return render(request, "registration/locked.html", {"per_address": True}, status=429)
    return LoginView.as_view(extra_context={
        "single_sign_on": getattr(settings, "OIDC_ENABLED", False) and settings.OIDC_PROVIDER_NAME,
        "single_sign_on_failed": request.GET.get("sso") == "feil"})(request)


@login_required
def account(request):
    user = request.user
    consultations = (Consultation.objects.all() if user.is_superuser
                     else Consultation.objects.filter(membership__user=user))
    workshops = Workshop.objects.filter(facilitation__user=user).order_by("-created_at")
    return render(request, "registration/account.html", {
        "single_sign_on": getattr(settings, "OIDC_ENABLED", False) and settings.OIDC_PROVIDER_NAME,
        "single_sign_on_linked": user.single_sign_on.exists(),
        "consultations": consultations.order_by("-deadline")[:100],
        "workshops": workshops[:100]})
