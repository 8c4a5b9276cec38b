"""KLASS documents that are not what KLASS sends: each is a coded error or a skipped row,
never a traceback (synthetic documents; the real ones are in test_ssb_responses.py)."""

import pytest

from livskraft.sources.klass import KlassClient, parse_changes, parse_version, parse_versions
from livskraft.sources.ssb_errors import SsbError


class Answers:
    """A fetcher that answers every URL with one fixed document."""

    def __init__(self, document):
        self.document, self.asked = document, []

    def json(self, url, params):
        self.asked.append(url)
        return self.document


def test_changes_skip_rows_that_are_no_change_and_refuse_a_document_without_a_list():
    rows = parse_changes({"codeChanges": [
        "not a row",
        {"oldCode": "9901", "newCode": "", "changeOccurred": "2020-01-01"},  # no new code
        {"oldCode": "9901", "newCode": "9902", "changeOccurred": "1.1.2020"},  # not ISO
        {"oldCode": "9901", "oldName": "Testvik", "newCode": "9902", "newName": "Nytestvik",
         "changeOccurred": "2020-01-01"},
    ]})
    assert rows == [{"old_code": "9901", "old_name": "Testvik", "new_code": "9902",
                     "new_name": "Nytestvik", "year": 2020}]
    with pytest.raises(SsbError) as error:
        parse_changes({"codeChanges": "none"})
    assert error.value.code == "klass_no_changes"


@pytest.mark.parametrize("document", [[], {"classificationItems": [], "validFrom": "ukjent"},
                                      {"validFrom": "2020-01-01"}])
def test_a_version_without_items_or_start_is_refused(document):
    with pytest.raises(SsbError) as error:
        parse_version(document)
    assert error.value.code == "klass_bad_version"
    with pytest.raises(SsbError):
        parse_versions(document)


def test_the_client_asks_the_right_urls_and_refuses_empty_answers():
    version = Answers({"validFrom": "2020-01-01", "classificationItems": [
        {"code": "9901", "name": "Testvik"}, {"code": "9999", "name": "Uoppgitt"}]})
    assert KlassClient("https://klass.test/api/", version).version(7) == (2020, {"9901": "Testvik"})
    assert version.asked == ["https://klass.test/api/versions/7"]
    listing = Answers({"versions": [{"_links": {"self": {"href": "https://klass.test/versions/7"}},
                                     "validFrom": "2020-01-01", "name": "Testvik 2020"}]})
    assert KlassClient("https://klass.test/api", listing).versions() == [
        {"id": 7, "name": "Testvik 2020", "valid_from": 2020, "valid_to": None}]
    with pytest.raises(SsbError) as error:
        KlassClient("https://klass.test/api", Answers({"codes": None})).municipalities(2020)
    assert error.value.code == "klass_no_codes"
    no_level_two = Answers({"codes": [{"code": "5", "level": "1", "name": "Minst sentrale"}]})
    with pytest.raises(SsbError) as error:
        KlassClient("https://klass.test/api", no_level_two).centrality(2020)
    assert error.value.code == "klass_no_centrality"
