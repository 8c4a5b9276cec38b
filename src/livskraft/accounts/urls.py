from django.urls import path

from . import password_reset


def _oidc(name: str):
    """The single sign-on view `name` of `oidc`, imported on its first request: its client
    (mozilla-django-oidc, requests, PyJWT) costs every server start a tenth of a second."""
    view = None

    def dispatch(request, *args, **kwargs):
        nonlocal view
        if view is None:
            from . import oidc

            view = getattr(oidc, name).as_view()
        return view(request, *args, **kwargs)

    return dispatch


urlpatterns = [
    path("oidc/logg-inn/", _oidc("StartView"), name="oidc_authentication_init"),
    path("oidc/callback/", _oidc("CallbackView"), name="oidc_authentication_callback"),
    *password_reset.urlpatterns,
]
