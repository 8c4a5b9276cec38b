from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("livskraft.profiles.urls")),
    path("", include("livskraft.placefinder.urls")),
]
