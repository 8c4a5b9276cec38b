from django.urls import path

from . import oidc, password_reset

urlpatterns = [
    path("oidc/logg-inn/", oidc.StartView.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", oidc.CallbackView.as_view(), name="oidc_authentication_callback"),
    *password_reset.urlpatterns,
]
