"""The language switch, CSRF-protected without a token in the page.

Cached pages are the same bytes for every visitor, so their language form carries no CSRF
token. A browser says where a form came from: `Sec-Fetch-Site: same-origin`, or an `Origin`
header naming this site (browsers send one with every POST and a page cannot forge it). A
switch the browser marks as coming from this site needs no token; every other POST
(cross-site, or from a client that sends neither header) goes through Django's ordinary
CSRF check (cookie and token) and is refused with Django's 403 page when it fails.
"""

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language as django_set_language


def from_this_site(request) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:  # sent by browsers to https:// and localhost origins
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        return False
    return origin == f"{request.scheme}://{request.get_host()}" \
        or origin in settings.CSRF_TRUSTED_ORIGINS


@csrf_exempt  # decided here: by the browser's headers, else by Django's token check
def set_language(request):
    if request.method == "POST" and not from_this_site(request):
        refused = CsrfViewMiddleware(django_set_language).process_view(
            request, django_set_language, (), {})
        if refused is not None:
            return refused
    return django_set_language(request)
