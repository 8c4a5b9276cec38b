"""A database that is busy for longer than its timeout is a reason to try again, not a crash.

SQLite lets one writer in at a time and PostgreSQL can refuse a transaction (serialisation,
deadlock, a restart); Django raises OperationalError for all of them. The request then
gets 503 with Retry-After and a message in the user's language — JSON for scripts and the
participant's phone, a page for everyone else — and nothing half-written stays behind,
because the transaction it was in is rolled back."""

import logging

from django.db import OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 2
log = logging.getLogger(__name__)


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def busy_response(request):
    message = _("Det er mange som sender akkurat nå, så svaret ble ikke lagret. "
                "Prøv igjen om et par sekunder.")
    if wants_json(request):
        response = JsonResponse({"error": "busy", "message": message}, status=503)
    else:
        response = render(request, "web/busy.html", {"message": message}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseBusyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError):
            return None
        log.warning("database busy, asked the client to retry: %s", type(exception).__name__)
        return busy_response(request)
