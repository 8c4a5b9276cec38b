"""The phone's HTTP answers (POST /verksted/delta/svar/ with Accept: application/json) as a
lean ASGI path in front of Django, for a whole hall answering at once.

Under ASGI every request through Django runs its synchronous middleware and view in a new
thread; for a thousand answers at once that, not the database, is the bottleneck. Here the
answer is read, checked and queued in the event loop and written with the websocket votes
in the same batch (workshops/batches.py); the reply goes out once the batch is committed.
The rules are the ones Django applies, from the same code:
- ALLOWED_HOSTS, and the middleware of settings.MIDDLEWARE that concern this endpoint,
  called directly (they are plain functions of the request and the response): the HTTPS
  redirect and security headers, the language, CSRF, the frame and content-security
  headers. Sessions, users and messages are not read by the answer, gzip does not pay for
  30 bytes, axes guards logins, and a busy database is answered here (503, Retry-After);
- the participant from the signed cookie, the form's validation, the answer limit, the
  workshop's lock and factor checks: `priority.check_score` and `priority.write_answers`,
  which the Django view (the plain form, without JavaScript) uses too.
"""

import io

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from livskraft.web.busy import RETRY_AFTER_SECONDS

from .participants import PARTICIPANT_COOKIE, key_from_cookie
from .tools import priority

MAX_BODY = 16 * 1024  # bytes; an answer is under 1 KB
MIDDLEWARE_USED = {
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
}


def _unused(request):  # the middleware's own get_response is never called here
    raise AssertionError("answer_endpoint calls the middleware's hooks itself")


def answers_in_front(app):
    """`app` with the phone's JSON answers taken off before it."""
    path = reverse("workshop-answer")
    chain = [import_string(name)(_unused) for name in settings.MIDDLEWARE
             if name in MIDDLEWARE_USED]

    async def asgi(scope, receive, send):
        if scope["type"] != "http" or scope["path"] != path or scope["method"] != "POST" \
                or b"application/json" not in dict(scope["headers"]).get(b"accept", b""):
            return await app(scope, receive, send)
        body = await _body(receive)
        request = ASGIRequest(scope, io.BytesIO(body or b""))
        try:
            request.get_host()  # ALLOWED_HOSTS
            response = await _through(chain, request, body)
        except (SuspiciousOperation, BadRequest, MultiPartParserError):
            response = JsonResponse({"error": "bad_request"}, status=400)
        await _send(response, send)

    return asgi


async def _through(chain: list, request, body: bytes | None) -> HttpResponse:
    """The request hooks in order, the answer, the response hooks in reverse, as Django's
    middleware stack would call them."""
    response = None
    for middleware in chain:
        if hasattr(middleware, "process_request"):
            response = middleware.process_request(request)
            if response is not None:
                break
    if response is None and body is None:  # too long to read: refused before anything else
        response = JsonResponse({"error": "too_large", "message": _("Meldingen er for stor.")},
                                status=413)
    if response is None:
        for middleware in chain:
            if hasattr(middleware, "process_view"):
                response = middleware.process_view(request, priority.answer, (), {})
                if response is not None:
                    break
    if response is None:
        response = await _answer(request)
    for middleware in reversed(chain):
        if hasattr(middleware, "process_response"):
            response = middleware.process_response(request, response)
    return response


async def _answer(request) -> HttpResponse:
    key = key_from_cookie(request.COOKIES.get(PARTICIPANT_COOKIE))
    if key is None:
        reply = priority.not_joined_reply()
    else:
        vote, reply = priority.check_score(key, request.POST)
        if vote is not None:
            reply = await priority.send_answer(vote)
    response = JsonResponse(reply, status=priority.reply_status(reply))
    if response.status_code == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


async def _body(receive) -> bytes | None:
    """The request body, or None once it is longer than MAX_BODY."""
    parts, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b"".join(parts)
        size += len(message.get("body", b""))
        if size > MAX_BODY:
            return None
        parts.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(parts)


async def _send(response: HttpResponse, send) -> None:
    headers = [(name.encode("latin-1"), value.encode("latin-1"))
               for name, value in response.items()]
    headers.append((b"content-length", str(len(response.content)).encode()))
    headers += [(b"set-cookie", cookie.output(header="").strip().encode("latin-1"))
                for cookie in response.cookies.values()]
    await send({"type": "http.response.start", "status": response.status_code,
                "headers": headers})
    await send({"type": "http.response.body", "body": response.content})
