"""Limits per browser session, and a much higher one per address as a backstop for clients
that send no cookie (each request would otherwise be a new session): a hall shares one."""

RATES = {"submissions_per_session": "10/h", "submissions_per_address": "300/h",
         "votes_per_session": "120/h", "votes_per_address": "5000/h",
         "proposals_per_session": "20/h", "signups_per_session": "10/h",
         "signups_per_address": "200/h", "invitations_per_session": "5/h",
         "invitations_per_address": "100/h"}


def rate(name: str):
    """A django-ratelimit rate read when the request comes, so tests and settings can change it."""
    return lambda group, request: RATES[name]
