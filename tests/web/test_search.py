"""Search as people type it, against the real code lists and crosswalk in shared/data."""

import pytest

pytestmark = pytest.mark.django_db


def _names(client, query):
    return [(c["name"], c["former"]) for c in
            client.get("/finn/forslag/", {"q": query}).json()["candidates"]]


def test_a_start_of_a_name_lists_candidates_instead_of_jumping(client, imported_shared_data):
    response = client.get("/finn/", {"q": "Frø"})
    assert response.status_code == 200
    page = response.content.decode()
    # kommuner_2024.csv: Frøya 5014 begins with "Frø"; folded (ø = o) so do Frogn 3214,
    # Froland 4214 and Frosta 5036; names spelt as typed come first
    assert 'href="/kommune/5014/">Frøya</a>' in page and 'href="/kommune/4214/">Froland</a>' in page
    names = [name for name, _ in _names(client, "frø")]
    assert names[0] == "Frøya" and {"Frogn", "Froland", "Frosta"} <= set(names)


def test_case_and_accents_do_not_matter(client, imported_shared_data):
    assert client.get("/finn/", {"q": "froya"})["Location"] == "/kommune/5014/"
    assert client.get("/finn/", {"q": "BAERUM"})["Location"] == "/kommune/3201/"
    assert client.get("/finn/", {"q": "karasjok"})["Location"] == "/kommune/5610/"  # Kárášjohka
    # kommuner_2024.csv: 5610 Kárášjohka-Karasjok, 5622 Porsanger-Porsáŋgu-Porsanki; the Sámi
    # letters fold (á → a, š → s, ŋ → n) whichever way they are typed
    assert client.get("/finn/", {"q": "karasjohka"})["Location"] == "/kommune/5610/"
    assert client.get("/finn/", {"q": "Kárášjohka"})["Location"] == "/kommune/5610/"
    assert client.get("/finn/", {"q": "porsangu"})["Location"] == "/kommune/5622/"


def test_former_names_and_codes_lead_to_todays_kommune(client, imported_shared_data):
    # ssb_kommuneliste_2013_2020.csv: 0821 Bø (Telemark, until 2019); the crosswalk maps 0821
    # to 4020 Midt-Telemark (kommuner_2024.csv, county Telemark).
    assert client.get("/finn/", {"q": "Bø i Telemark"})["Location"] == "/kommune/4020/"
    assert client.get("/finn/", {"q": "0821"})["Location"] == "/kommune/4020/"
    # "Bø" alone is both today's Bø in Nordland (1867) and the former Bø in Telemark
    listed = client.get("/finn/", {"q": "Bø"}).content.decode()
    assert 'href="/kommune/1867/">Bø</a>' in listed
    assert 'href="/kommune/4020/">Midt-Telemark</a>' in listed and "tidligere Bø" in listed
    assert "(0821)" in listed
    assert [name for name, _ in _names(client, "bo i tel")] == ["Midt-Telemark"]


def test_an_unknown_name_gets_suggestions(client, imported_shared_data):
    response = client.get("/finn/", {"q": "Trondhjem"})
    assert response.status_code == 404
    page = response.content.decode()
    assert "Fant ingen kommune for «Trondhjem»" in page
    assert "Mente du" in page and 'href="/kommune/5001/">Trondheim</a>' in page


def test_an_unknown_number_is_a_page_with_the_search_box(client, imported_shared_data):
    response = client.get("/kommune/9876/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Ingen kommune har nummer 9876." in page and 'role="search"' in page
