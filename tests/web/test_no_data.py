"""A fresh install with nothing imported: every page answers, none with a server error, and
the pages say plainly that no data is loaded yet (the command to run is for staff only)."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

SAMPLE_ARGUMENTS = {"code": "5014", "table": "befolkning", "fmt": "csv", "slug": "finnes-ikke",
                    "token": "feil", "workshop_id": "1", "tool": "prioritering"}
QUERIES = {"find": "?q=Frøya", "find-candidates": "?q=fr", "placefinder": "?w_bredband=5",
           "kommune": "?start=2010&end=2020"}


def _every_page(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if not route.startswith("admin/"):
                yield from _every_page(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield pattern.name, route


def _path(route: str) -> str:
    route = route.replace("^", "").replace("$", "").replace("\\", "")
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: SAMPLE_ARGUMENTS.get(m.group(1), "x"), route)
    route = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: SAMPLE_ARGUMENTS.get(m.group(1), "x"), route)
    return "/" + route


@pytest.fixture
def staff_client(django_user_model):
    user = django_user_model.objects.create_user("stab", password="x", is_staff=True)
    staff = Client()
    staff.force_login(user)
    return staff


def test_every_page_answers_without_a_server_error(client, empty_database):
    pages = list(_every_page())
    assert len(pages) > 30  # the walk really found the site
    for name, route in pages:
        path = _path(route) + QUERIES.get(name, "")
        response = client.get(path)
        assert response.status_code < 500, (path, response.status_code)
        if response.status_code == 404 and response["Content-Type"].startswith("text/html"):
            assert "<main" in response.content.decode(), f"{path}: bare 404"


def test_pages_say_no_data_yet_and_only_staff_see_the_command(client, staff_client,
                                                              empty_database):
    for path in ("/", "/kommune/5014/", "/nasjonalt/", "/bygdekalkulator/", "/finn/?q=Frøya"):
        public = client.get(path)
        text = public.content.decode()
        assert public.status_code in (200, 404), path
        assert "lastet inn ennå" in text, path
        assert "livskraft import-data" not in text and "livskraft sync" not in text, path
    staff = staff_client.get("/nasjonalt/").content.decode()
    assert "For administratorer:" in staff and "«livskraft import-data MAPPE»" in staff
