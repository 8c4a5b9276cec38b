import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Timings mean nothing on a shared CI machine under coverage: no per-example deadline.
hypothesis_settings.register_profile("livskraft", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("livskraft")

SHARED_DATA = Path(os.environ.get("LIVSKRAFT_SHARED_DATA",
                                  Path(__file__).resolve().parents[2] / "shared" / "data"))
NO_SHARED_DATA = f"../shared/data finnes ikke ({SHARED_DATA}); testen trenger de ekte SSB-dataene"


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config, items):
    """Every test that uses the real data (the `shared_data` fixture, directly or through
    another fixture) carries the `shared_data` marker, so `-m "not shared_data"` leaves it out."""
    for item in items:
        if "shared_data" in getattr(item, "fixturenames", ()) \
                and item.get_closest_marker("shared_data") is None:
            item.add_marker(pytest.mark.shared_data)


def pytest_runtest_setup(item):
    if item.get_closest_marker("shared_data") and not (SHARED_DATA / "README.md").exists():
        pytest.skip(NO_SHARED_DATA)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def own_page_store(settings, tmp_path):
    """The pages the ASGI front keeps on disk, and the national tables, go to the test's own
    folder, never to var/."""
    settings.PAGE_STORE_DIR = tmp_path / "pages"
    settings.TABLE_STORE_DIR = tmp_path / "tables"


@pytest.fixture
def fresh_limits(settings):
    """Rate-limit counters live in the cache, which outlives a test: start and end empty."""
    from django.core.cache import cache

    settings.ALLOWED_HOSTS = ["testserver"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "README.md").exists():
        pytest.skip(NO_SHARED_DATA)
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
