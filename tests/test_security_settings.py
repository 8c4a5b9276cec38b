"""Production settings refuse what is unsafe and say why; e-mail goes by SMTP there."""

import os
import subprocess
import sys

KEY = "x" * 60 + "production-test-key-not-used-anywhere"


def run(tmp_path, code: str, **env):
    full = {k: v for k, v in os.environ.items()
            if not k.startswith("LIVSKRAFT_") and k != "DATABASE_URL"}
    full.update(LIVSKRAFT_HOME=str(tmp_path), DJANGO_SETTINGS_MODULE="livskraft.config.settings",
                LIVSKRAFT_ALLOWED_HOSTS="livskraft.example", **env)
    return subprocess.run([sys.executable, "-c", "import django; django.setup(); " + code],
                          env=full, capture_output=True, text=True, timeout=120)


def test_production_refuses_debug_and_says_so(tmp_path):
    result = run(tmp_path, "", LIVSKRAFT_PRODUCTION="1", LIVSKRAFT_SECRET_KEY=KEY,
                 LIVSKRAFT_DEBUG="1")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "LIVSKRAFT_DEBUG=1 er ikke tillatt sammen med LIVSKRAFT_PRODUCTION=1" in result.stderr


def test_a_missing_or_short_secret_key_is_explained_not_a_key_error(tmp_path):
    for key in ({}, {"LIVSKRAFT_SECRET_KEY": "kort"}):
        result = run(tmp_path, "", LIVSKRAFT_PRODUCTION="1", **key)
        assert result.returncode != 0 and "KeyError" not in result.stderr
        assert "LIVSKRAFT_SECRET_KEY mangler eller er kortere enn 50 tegn" in result.stderr


def test_production_mails_by_smtp_from_the_environment(tmp_path):
    result = run(tmp_path, "from django.conf import settings as s; print(s.EMAIL_BACKEND, "
                 "s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS)",
                 LIVSKRAFT_PRODUCTION="1", LIVSKRAFT_SECRET_KEY=KEY,
                 LIVSKRAFT_EMAIL_HOST="smtp.kommune.example", LIVSKRAFT_EMAIL_USER="livskraft")
    assert result.stdout.split() == ["django.core.mail.backends.smtp.EmailBackend",
                                     "smtp.kommune.example", "587", "livskraft", "True"]


def test_production_refuses_mail_to_the_console(tmp_path):
    result = run(tmp_path, "", LIVSKRAFT_PRODUCTION="1", LIVSKRAFT_SECRET_KEY=KEY,
                 LIVSKRAFT_EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    assert result.returncode != 0 and "konsoll eller fil i produksjon" in result.stderr


def test_locally_mail_is_printed_for_the_developer(tmp_path):
    result = run(tmp_path, "from django.conf import settings as s; print(s.EMAIL_BACKEND)")
    assert result.stdout.strip() == "django.core.mail.backends.console.EmailBackend"
