from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from livskraft.api.endpoints import api
from livskraft.api.errors import unknown_route
from livskraft.web import about
from livskraft.web.language import set_language
from livskraft.web.page_cache import cached_page

from .account import account, login

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", unknown_route),
    path("konto/logg-inn/", login, name="login"),
    path("konto/logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/", account, name="account"),
    path("", include("livskraft.accounts.urls")),
    path("tilgjengelighet/", cached_page(about.accessibility), name="accessibility"),
    path("personvern/", cached_page(about.privacy), name="privacy"),
    path("", include("livskraft.consultations.urls")),
    path("", include("livskraft.workshops.urls")),
    # The language form carries no CSRF token, so cached pages are the same for everyone;
    # the view checks the browser's Origin / Sec-Fetch-Site instead (web/language.py).
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("livskraft.profiles.urls")),
    path("", include("livskraft.placefinder.urls")),
]
