"""Every operation of the published OpenAPI schema, called with parameters drawn from its
declared types and with hostile ones (text for numbers, huge and negative years, unknown
codes): the status is one the schema declares, never 500, and a JSON body matches the schema
declared for that status. Synthetic region: tests/synthetic_outlook.py."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from livskraft.stats.importing import import_directory

pytestmark = pytest.mark.django_db
JUNK = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)


def mostly(valid, hostile):
    """Four draws in five from the valid values, so the 200 answers are checked too."""
    return st.one_of(valid, valid, valid, valid, hostile)


YEARS = mostly(st.one_of(st.integers(2015, 2022), st.none()),
               st.one_of(st.integers(-10**12, 10**12), JUNK))
VALUES = {
    "integer": YEARS,
    "code": mostly(st.sampled_from(["9911", "9916"]),
                   st.one_of(st.sampled_from(["0000", "9999"]), JUNK.filter(bool))),
    "format": mostly(st.sampled_from(["json", "csv", None]), JUNK),
    "weight": mostly(st.one_of(st.integers(0, 5), st.none()), st.one_of(st.integers(-3, 9), JUNK)),
}


def kind(parameter: dict) -> str:
    if parameter["in"] == "path":
        return "code"
    if parameter["name"] == "format":
        return "format"
    if "Vekter" in str(parameter) or parameter["schema"].get("anyOf", [{}])[0].get("maximum") == 5:
        return "weight"
    return "integer"


def requests(schema: dict):
    """(path template, the URL drawn) for one operation of the schema."""
    operations = st.sampled_from(sorted(schema["paths"].items()))

    @st.composite
    def draw(pick):
        path, item = pick(operations)
        url, query = path, {}
        for parameter in item["get"].get("parameters", []):
            value = pick(VALUES[kind(parameter)])
            if value is None:
                continue
            if parameter["in"] == "path":
                url = url.replace("{" + parameter["name"] + "}", quote(str(value), safe=""))
            elif pick(st.booleans()):
                query[parameter["name"]] = value
        return path, url + ("?" + urlencode(query) if query else "")

    return draw()


def test_every_operation_answers_as_its_schema_says(client, empty_database, outlook_dir,
                                                    settings_override):
    import_directory(outlook_dir)
    schema = client.get("/api/openapi.json").json()

    @settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture],
              derandomize=True)
    @given(requests(schema))
    def call(request):
        path, url = request
        response = client.get(url)
        declared = schema["paths"][path]["get"]["responses"]
        assert str(response.status_code) in declared, (url, response.status_code)
        if response["Content-Type"].startswith("application/json"):
            body_schema = declared[str(response.status_code)]["content"]["application/json"]
            validator = Draft202012Validator({**body_schema["schema"],
                                              "components": schema["components"]})
            problems = [e.message for e in validator.iter_errors(response.json())]
            assert not problems, (url, problems)
        else:
            assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
            assert response.content.decode().split("\r\n", 1)[0].endswith(",kilde"), url

    call()


@pytest.fixture
def settings_override(settings):
    settings.API_RATE = "100000/m"  # the rate limit has its own test
