"""Loaded data the analyses cannot use (here: figures whose kommune codes the loaded code lists
do not know) is a page that says so in the reader's language, never a server error; the
details and the remedy are for staff only, scripts get the code as JSON."""

import pytest
from django.test import Client

from livskraft.analysis.errors import MissingDataError
from livskraft.profiles import reports
from livskraft.stats.importing import import_directory

pytestmark = pytest.mark.django_db


@pytest.fixture
def codes_the_lists_do_not_know(synthetic_dir, settings, monkeypatch):
    settings.ALLOWED_HOSTS = ["testserver"]
    import_directory(synthetic_dir)

    def unknown_codes(*_args, **_kwargs):  # what border_history raises for such figures
        raise MissingDataError("codes_without_history", codes="0301, 0401", vintage=1986)

    monkeypatch.setattr(reports, "population_change_table", unknown_codes)


def test_the_public_reads_that_the_figures_do_not_fit(codes_the_lists_do_not_know):
    response = Client().get("/nasjonalt/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>Tallene henger ikke sammen</h1>" in text
    assert "fordi tallene som er lastet inn, ikke henger sammen" in text
    assert "0301" not in text and "livskraft sync" not in text


def test_staff_read_the_problem_and_the_remedy(codes_the_lists_do_not_know, django_user_model):
    staff = Client()
    staff.force_login(django_user_model.objects.create_user("stab", is_staff=True))
    text = staff.get("/nasjonalt/").content.decode()
    assert ("Kommunenummer fra 1986 som ikke finnes i kodelistene og KLASS-endringene: "
            "0301, 0401 Last inn kodelistene") in text
    assert "«livskraft sync»" in text


def test_english_and_nynorsk(codes_the_lists_do_not_know):
    english = Client(headers={"accept-language": "en"}).get("/nasjonalt/").content.decode()
    assert "The figures do not fit together" in english
    nynorsk = Client(headers={"accept-language": "nn"}).get("/nasjonalt/").content.decode()
    assert "Tala heng ikkje saman" in nynorsk


def test_scripts_get_the_code(codes_the_lists_do_not_know):
    response = Client().get("/nasjonalt/", headers={"accept": "application/json"})
    assert response.status_code == 409
    assert response.json()["error"] == "codes_without_history"
