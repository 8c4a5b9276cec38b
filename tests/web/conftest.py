import pytest


@pytest.fixture
def client(client, settings):
    """The test client, with the test server's host allowed."""
    settings.ALLOWED_HOSTS = ["testserver"]
    return client
