"""Every API error is JSON: `{"error": {"code", "message", "details"}}`, the message in the
request's language. Codes are stable; messages may change."""

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja.errors import Throttled, ValidationError

from livskraft.analysis.errors import AnalysisError, MissingDataError, MissingInput
from livskraft.web.data_messages import describe

MESSAGES = {
    "invalid_parameter": gettext_lazy("Ugyldig parameter."),
    "not_found": gettext_lazy("Finnes ikke i API-et. Se /api/docs."),
    "rate_limited": gettext_lazy("For mange forespørsler fra denne adressen. Vent %(seconds)s "
                                 "sekunder og prøv igjen."),
    "internal_error": gettext_lazy("Noe gikk galt hos oss. Prøv igjen senere."),
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, **details) -> None:
        super().__init__(code)
        self.status, self.code, self.message, self.details = status, code, message, details


def body(code: str, message: str, **details) -> dict:
    return {"error": {"code": code, "message": str(message), "details": details}}


def install(api) -> None:
    """Replace django-ninja's default handlers (plain `detail`, HTML 500) with ours."""

    def coded(request, error: ApiError):
        return api.create_response(request, body(error.code, error.message, **error.details),
                                   status=error.status)

    def invalid(request, error: ValidationError):
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg")}
                    for e in error.errors]
        return api.create_response(request, body("invalid_parameter",
                                                 MESSAGES["invalid_parameter"],
                                                 problems=problems), status=422)

    def missing(request, error: MissingDataError):
        return api.create_response(request, body("missing_data", describe(error)), status=404)

    def cannot(request, error: ValueError):
        return api.create_response(request, body("cannot_compute", describe(error)), status=400)

    def not_found(request, error: Http404):
        return api.create_response(request, body("not_found", MESSAGES["not_found"]), status=404)

    def throttled(request, error: Throttled):
        seconds = max(1, round(error.wait or 1))
        response = api.create_response(
            request, body("rate_limited", MESSAGES["rate_limited"] % {"seconds": seconds},
                          retry_after=seconds), status=429)
        response["Retry-After"] = str(seconds)
        return response

    def unexpected(request, error: Exception):
        # still JSON; the error is logged by Django's request logger with the traceback
        import logging

        logging.getLogger("livskraft.api").exception("API error")
        return api.create_response(request, body("internal_error", MESSAGES["internal_error"]),
                                   status=500)

    api.add_exception_handler(ApiError, coded)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(MissingDataError, missing)
    api.add_exception_handler(MissingInput, missing)
    api.add_exception_handler(AnalysisError, cannot)
    api.add_exception_handler(ValueError, cannot)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(Throttled, throttled)
    api.add_exception_handler(Exception, unexpected)


def unknown_route(request, rest: str = ""):
    """Any /api/ address that is no endpoint: a JSON 404, not the site's HTML page."""
    from django.http import JsonResponse

    return JsonResponse(body("not_found", _("Finnes ikke i API-et. Se /api/docs.")), status=404)
