"""GET /healthz: the database, the cache and the channel layer, as JSON without secrets."""

import json
import socket

import pytest
from django.db import OperationalError

from livskraft.web import health

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the probe is closed


def test_all_parts_answer_ok_whatever_the_host_name(client, settings):
    settings.ALLOWED_HOSTS = ["livskraft.example"]
    settings.SECURE_SSL_REDIRECT = True  # a probe speaks plain HTTP to the container
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert json.loads(response.content) == {
        "status": "ok", "database": "ok", "cache": "ok", "channel_layer": "ok"}


def test_an_unreachable_cache_and_channel_layer_are_503_and_name_no_address(client, settings):
    port = closed_port()
    url = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {**settings.CACHES, "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer",
                                           "CONFIG": {"hosts": [url]}}}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "feil", "database": "ok", "cache": "feil", "channel_layer": "feil"}
    assert str(port).encode() not in response.content


def test_a_database_error_is_503(client, monkeypatch):
    def refused():
        raise OperationalError("connection to server at 10.1.2.3 failed: password for x")

    monkeypatch.setitem(health.CHECKS, "database", refused)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "feil"
    assert b"10.1.2.3" not in response.content and b"password" not in response.content


def test_only_get_and_head_are_answered_there(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 404
