import os
from pathlib import Path

import pytest

SHARED_DATA = Path(os.environ.get("LIVSKRAFT_SHARED_DATA",
                                  Path(__file__).resolve().parents[2] / "shared" / "data"))


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "README.md").exists():
        pytest.skip(f"../shared/data finnes ikke ({SHARED_DATA}); testen trenger de ekte SSB-dataene")
    return SHARED_DATA


@pytest.fixture(scope="session")
def imported_shared_data(django_db_setup, django_db_blocker, shared_data):
    """The whole shared data set imported once into the test database."""
    from livskraft.stats.importing import import_directory

    with django_db_blocker.unblock():
        import_directory(shared_data)
    return shared_data


@pytest.fixture
def synthetic_dir(tmp_path) -> Path:
    from tests.synthetic import write_directory

    return write_directory(tmp_path / "data")


@pytest.fixture
def empty_database(db):
    """No stored data, whatever earlier tests imported (rolled back after the test)."""
    from django.apps import apps

    for label in ("places", "stats"):
        for model in apps.get_app_config(label).get_models():
            model.objects.all().delete()


@pytest.fixture
def outlook_dir(tmp_path) -> Path:
    from tests.synthetic_outlook import write_directory

    return write_directory(tmp_path / "outlook")


@pytest.fixture
def outlook_data(empty_database, outlook_dir):
    from livskraft.stats.importing import import_directory

    import_directory(outlook_dir)
    return outlook_dir
