"""Password reset by e-mail for local accounts, with Django's views and tokens.

The answer is the same whether or not an account has the address (Django sends mail only to
active accounts with a usable password, so SSO-only accounts get none). Limits: a few
requests per address and hour, and a ceiling per IP; over them the visitor is told to wait,
whatever the address."""

from django.contrib.auth import views
from django.shortcuts import render
from django.urls import path, reverse_lazy
from django_ratelimit.decorators import ratelimit

PER_ADDRESS = "3/h"
PER_IP = "20/h"


def by_address(group, request) -> str:
    return request.POST.get("email", "").strip().lower()


@ratelimit(key=by_address, rate=PER_ADDRESS, method="POST", block=False)
@ratelimit(key="ip", rate=PER_IP, method="POST", block=False)
def request_reset(request):
    if getattr(request, "limited", False):
        return render(request, "accounts/password_reset_limited.html", status=429)
    return views.PasswordResetView.as_view(
        template_name="accounts/password_reset_form.html",
        email_template_name="accounts/password_reset_email.txt",
        subject_template_name="accounts/password_reset_subject.txt",
        success_url=reverse_lazy("password_reset_done"))(request)


urlpatterns = [
    path("konto/glemt-passord/", request_reset, name="password_reset"),
    path("konto/glemt-passord/sendt/", views.PasswordResetDoneView.as_view(
        template_name="accounts/password_reset_done.html"), name="password_reset_done"),
    path("konto/nytt-passord/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("password_reset_complete")), name="password_reset_confirm"),
    path("konto/nytt-passord/ferdig/", views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"), name="password_reset_complete"),
]
