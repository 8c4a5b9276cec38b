from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from .account import account, login

urlpatterns = [
    path("admin/", admin.site.urls),
    path("konto/logg-inn/", login, name="login"),
    path("konto/logg-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/", account, name="account"),
    path("", include("livskraft.consultations.urls")),
    path("", include("livskraft.workshops.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("livskraft.profiles.urls")),
    path("", include("livskraft.placefinder.urls")),
]
