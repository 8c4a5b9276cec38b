from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from livskraft.api.endpoints import api
from livskraft.api.errors import unknown_route

from .account import account, login

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", unknown_route),
    path("konto/logg-inn/", login, name="login"),
    path("konto/logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/", account, name="account"),
    path("", include("livskraft.consultations.urls")),
    path("", include("livskraft.workshops.urls")),
    # Without a CSRF token in the language form every anonymous page is the same for all
    # visitors and can be cached; a forged request could only switch someone's language.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("", include("livskraft.profiles.urls")),
    path("", include("livskraft.placefinder.urls")),
]
