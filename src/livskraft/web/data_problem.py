"""Loaded data that the analyses cannot use is a page that says so, never a server error.

A view may meet data that does not hang together (a code list that does not cover figures
imported earlier, a table imported without the one it depends on). Views catch the cases
they expect; this middleware is the net under all of them: the pure core's coded error
becomes a page in the reader's language (the details and the remedy for staff only) or,
for scripts, JSON with the code."""

import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from livskraft.errors import CodedError
from livskraft.web.busy import wants_json
from livskraft.web.data_messages import describe

log = logging.getLogger(__name__)


class DataProblemMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, CodedError):
            return None
        log.warning("loaded data cannot be used for %s: %s", request.path, exception.code)
        public = _("Denne siden kan ikke vises nå, fordi tallene som er lastet inn, ikke henger "
                   "sammen. Prøv en annen periode eller andre grenser, eller kom tilbake senere.")
        if wants_json(request):
            return JsonResponse({"error": exception.code, "message": public}, status=409)
        detail = _("%(problem)s Last inn kodelistene og tallene på nytt («livskraft sync» eller "
                   "«livskraft import-data MAPPE»); rapporten fra siste import står på "
                   "forsiden.") % {"problem": describe(exception)}
        return render(request, "web/data_problem.html", {"public": public, "detail": detail})
