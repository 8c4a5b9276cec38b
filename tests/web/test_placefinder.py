import re

import pytest

from livskraft.profiles import reports
from livskraft.web.formatting import whole

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    return client


def page(client, query: str) -> str:
    return client.get("/bygdekalkulator/" + query).content.decode()


def test_the_empty_calculator_offers_the_form(client, imported_shared_data):
    html = page(client, "")
    assert "Husstanden" in html and 'name="w_befolkningsvekst"' in html
    assert "Kommunene som passer best" not in html


def test_side_by_side_with_numbers_sources_and_missing_data(client, imported_shared_data):
    html = page(client, "?voksne=2&barn=1&k1=5014&k2=0301&k3=1151")
    heads = re.findall(r'<th scope="col"><a href="/kommune/(\d{4})/">', html)
    assert heads == ["5014", "0301", "1151"]
    change = reports.population_change_table(2016, 2026).set_index("kommunenr")
    oslo = f"{change.loc['0301', 'endring_prosent']:.1f}".replace(".", ",")
    assert oslo in html
    assert "11,9" in html  # Oslo's travel time to its BA centre, minutes
    assert "SSB 07459" in html and "2016–2026" in html
    assert "Disse kriteriene mangler data og er ikke med:" in html
    assert "Boligpris" in html.split("mangler data og er ikke med:")[1].split("</p>")[0]


def test_weights_decide_the_ranking(client, imported_shared_data):
    zero = "&".join(f"w_{k}=0" for k in ("arbeidsplasser", "unge_voksne", "barn", "sentralitet",
                                         "reisetid", "natur_og_plass", "boligpris", "bredband",
                                         "tiltakssone", "arbeidsgiveravgift"))
    html = page(client, f"?voksne=1&w_befolkningsvekst=5&{zero}")
    change = reports.population_change_table(2016, 2026)
    fastest = change.sort_values("endring_prosent", ascending=False).iloc[0]
    first = re.search(r'<th scope="row"><a href="/kommune/(\d{4})/">', html).group(1)
    assert first == fastest.kommunenr
    assert ">100<" in html  # the fastest-growing kommune scores 100 on its only criterion


def test_household_sets_the_suggested_weights(client, imported_shared_data):
    remote = page(client, "?voksne=2&hjemmekontor=on&k1=5014")
    office = page(client, "?voksne=2&k1=5014")
    assert "Arbeidsplasser i kommunen" not in remote.split("Side om side")[1]
    assert "Befolkningsvekst siste ti år (3)" in office


def test_bad_input_and_no_weights_give_clear_messages(client, imported_shared_data):
    assert "Rett feltene som er merket." in page(client, "?voksne=0")
    zero = "&".join(f"w_{k}=0" for k in ("arbeidsplasser", "befolkningsvekst", "unge_voksne",
                                         "barn", "sentralitet", "reisetid", "natur_og_plass",
                                         "boligpris", "bredband", "tiltakssone",
                                         "arbeidsgiveravgift"))
    assert "Velg minst ett kriterium med vekt over null." in page(client, f"?voksne=1&{zero}")


def test_nothing_personal_is_stored_and_the_link_holds_the_choices(client, imported_shared_data):
    from django.contrib.sessions.models import Session

    html = page(client, "?voksne=3&barn=2&k1=5014")
    assert "voksne=3&amp;barn=2&amp;k1=5014" in html  # the share link
    assert Session.objects.count() == 0
    assert whole(1000) == "1\u00a0000"


def test_a_workplace_favours_kommuner_in_its_labour_market_region(client, imported_shared_data):
    from livskraft.stats.models import PlaceIndicator

    regions = dict(PlaceIndicator.objects.filter(indicator="ba_region", vintage=2024)
                   .values_list("code", "value"))
    assert regions["3201"] == regions["0301"] != regions["5014"]  # Bærum with Oslo
    html = page(client, "?voksne=2&arbeidssted=0301&k1=3201&k2=5014")
    row = html.split("Samme bo- og arbeidsmarkedsregion som arbeidsstedet (5)")[1].split("</tr>")[0]
    assert row.index(">ja") < row.index(">nei")  # Bærum yes, Frøya no
    first = re.search(r'<th scope="row"><a href="/kommune/(\d{4})/">', html.split(
        "Kommunene som passer best")[1]).group(1)
    assert regions[first] == regions["0301"]
    assert "Samme bo- og arbeidsmarkedsregion" not in page(client, "?voksne=2&k1=5014").split(
        "mangler data og er ikke med:")[1].split("</p>")[0]
