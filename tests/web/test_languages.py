import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import livskraft

LOCALE = Path(livskraft.__file__).parent / "locale"


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "title"),
    [
        ("nb", "Befolkningsregnskap", "Folketall i Frøya 1. januar"),
        ("nn", "Befolkningsrekneskap", "Folketal i Frøya 1. januar"),
        ("en", "Population accounts", "Population of Frøya on 1 January"),
    ],
)
def test_kommune_page_in_each_language(client, imported_shared_data, language, heading, title):
    page = client.get("/kommune/5014/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<html lang="{language}">' in page
    assert f">{heading}</h2>" in page
    assert f"<title>{title}</title>" in page


@pytest.mark.parametrize("language", ["nn", "en"])
def test_every_message_is_translated_and_installed(language, tmp_path):
    if not shutil.which("msgfmt"):
        pytest.skip("msgfmt (Debian-pakken gettext) mangler; installeres av scripts/install.sh")
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    fresh = tmp_path / "django.mo"
    result = subprocess.run(["msgfmt", "--statistics", "-o", fresh, po], capture_output=True,
                            text=True, check=True)
    assert not re.search(r"untranslated|fuzzy", result.stderr), result.stderr
    # The .mo the app reads is built by scripts/install.sh; a stale one means the install was skipped.
    with open(fresh, "rb") as new, open(po.with_suffix(".mo"), "rb") as installed:
        assert gettext.GNUTranslations(installed)._catalog == gettext.GNUTranslations(new)._catalog
