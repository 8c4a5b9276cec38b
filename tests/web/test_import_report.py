"""Staff see the newest import report on the home page; the public does not."""

import pytest
from django.test import Client

from livskraft.stats.importing import import_directory

pytestmark = pytest.mark.django_db


def test_staff_see_what_was_refused(settings, synthetic_dir, empty_database, django_user_model):
    settings.ALLOWED_HOSTS = ["testserver"]
    changes = synthetic_dir / "population" / "kommune_befolkningsendringer_b2024.csv"
    changes.write_text("aar,kommunenr\n2020,9901\n", encoding="utf-8")
    import_directory(synthetic_dir)
    staff = Client()
    staff.force_login(django_user_model.objects.create_user("stab", is_staff=True))
    page = staff.get("/").content.decode()
    assert "Avvist (filen er ikke lagret)" in page
    assert "population/kommune_befolkningsendringer_b2024.csv, linje 1: mangler kolonne(r)" in page
    assert "<th scope=\"row\">population_totals</th><td class=\"num\">9</td>" in page
    public = Client().get("/").content.decode()
    assert "Avvist" not in public and "Testvik" in public
