"""The accessibility statement and the privacy page: one template per language, since each is
a long text written whole in bokmål, nynorsk and English rather than sentence by sentence."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language


def _page(request, name: str):
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    if language not in {code for code, _name in settings.LANGUAGES}:
        language = settings.LANGUAGE_CODE
    return render(request, f"web/about/{name}.{language}.html",
                  {"contact_email": settings.LIVSKRAFT_CONTACT_EMAIL})


def accessibility(request):
    return _page(request, "accessibility")


def privacy(request):
    return _page(request, "privacy")
