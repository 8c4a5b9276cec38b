"""Single sign-on for staff with OpenID Connect (mozilla-django-oidc): ID-porten, Feide or
Entra ID, configured from LIVSKRAFT_OIDC_* (settings_from_environment.py, docs/deployment.md).

Who gets in: the account linked to the provider's (issuer, sub). A staff member links it
by signing in with the provider once while logged in with the password; with
LIVSKRAFT_OIDC_MATCH_EMAIL=1 the first sign-on may instead find the one active account with
the e-mail address the provider gives. Nobody gets a new account this way."""

import logging

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction
from django.http import Http404
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from .models import SingleSignOnIdentity

log = logging.getLogger(__name__)


def enabled() -> bool:
    return getattr(settings, "OIDC_ENABLED", False)


class StaffBackend(OIDCAuthenticationBackend):
    def authenticate(self, request, **kwargs):
        """None, and the login page's message, for anything the provider or the token got
        wrong (never a 500): a bad signature, issuer, audience or nonce, an expired token, a
        provider that is down."""
        try:
            return super().authenticate(request, **kwargs)
        except (SuspiciousOperation, jwt.PyJWTError, requests.RequestException) as error:
            log.warning("innlogging med OpenID Connect avvist: %s", type(error).__name__)
            return None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)  # signature, expiry, nonce
        audience = payload.get("aud")
        audiences = [audience] if isinstance(audience, str) else list(audience or [])
        if payload.get("iss") != settings.OIDC_ISSUER or self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("id_token from another issuer or for another client")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        issuer, subject = payload["iss"], payload.get("sub")
        if not subject:
            raise SuspiciousOperation("id_token without sub")
        identity = (SingleSignOnIdentity.objects.select_related("user")
                    .filter(issuer=issuer, subject=subject).first())
        signed_in = getattr(self.request, "user", None)
        linking = signed_in if signed_in is not None and signed_in.is_authenticated else None
        if identity is not None:
            if linking is not None and linking != identity.user:
                return None  # this identity belongs to another account
            return identity.user
        user = linking or self.user_by_email(access_token, id_token, payload)
        if user is None:
            return None
        try:
            with transaction.atomic():
                SingleSignOnIdentity.objects.create(user=user, issuer=issuer, subject=subject)
        except IntegrityError:  # linked at the same moment in another tab
            return None
        return user

    def user_by_email(self, access_token, id_token, payload):
        if not settings.OIDC_MATCH_EMAIL:
            return None
        email = self.get_userinfo(access_token, id_token, payload).get("email")
        if not email:
            return None
        users = list(get_user_model().objects.filter(email__iexact=email, is_active=True)[:2])
        return users[0] if len(users) == 1 else None


class StartView(OIDCAuthenticationRequestView):
    """/oidc/logg-inn/: off (404) unless single sign-on is configured."""

    def __init__(self, *args, **kwargs):
        if enabled():
            super().__init__(*args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if not enabled():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class CallbackView(OIDCAuthenticationCallbackView):
    def dispatch(self, request, *args, **kwargs):
        if not enabled():
            raise Http404
        try:
            return super().dispatch(request, *args, **kwargs)
        except SuspiciousOperation:  # an unknown or replayed state
            return self.login_failure()
