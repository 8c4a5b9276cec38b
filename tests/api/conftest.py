import pytest
from jsonschema import Draft202012Validator


@pytest.fixture
def client(client, settings):
    """The test client, with the test server's host allowed and empty rate-limit counters."""
    from django.core.cache import cache

    settings.ALLOWED_HOSTS = ["testserver"]
    cache.clear()
    yield client
    cache.clear()


@pytest.fixture
def schema(client) -> dict:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def conforms(schema):
    """Check an answer against the schema the API publishes for its path and status."""

    def check(response, path: str) -> dict:
        operation = schema["paths"][path]["get"]
        declared = operation["responses"][str(response.status_code)]
        body_schema = declared["content"]["application/json"]["schema"]
        validator = Draft202012Validator({**body_schema, "components": schema["components"]})
        body = response.json()
        problems = [e.message for e in validator.iter_errors(body)]
        assert not problems, problems
        return body

    return check
