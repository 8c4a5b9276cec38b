"""Anonymous visitors (participants and respondents) are told apart by their browser session,
never by IP address: a whole workshop hall shares one network."""

import hashlib
import hmac

from django.conf import settings


def session_key(request) -> str:
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


def by_session(group, request) -> str:
    """Key for django-ratelimit: one bucket per browser session."""
    return session_key(request)


def voter_id(request) -> str:
    """A stable pseudonym for the session, so votes are never stored with the session key."""
    digest = hmac.new(settings.SECRET_KEY.encode(), session_key(request).encode(), hashlib.sha256)
    return digest.hexdigest()
