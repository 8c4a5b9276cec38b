"""Numbers, dates and names in the reader's language through Django's locale formats
(livskraft/formats/): expected strings written out by hand."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone, translation

from livskraft.web import formatting
from livskraft.web.collation import sort_key

NBSP, MINUS = "\u00a0", "\u2212"


@pytest.mark.parametrize(("language", "population", "change", "loss", "share", "tiny"), [
    ("nb", f"4{NBSP}059", f"+10,7{NBSP}%", f"{MINUS}1{NBSP}234", f"1{NBSP}234,6", f"{MINUS}0,0{NBSP}%"),
    ("nn", f"4{NBSP}059", f"+10,7{NBSP}%", f"{MINUS}1{NBSP}234", f"1{NBSP}234,6", f"{MINUS}0,0{NBSP}%"),
    ("en", "4,059", f"+10.7{NBSP}%", f"{MINUS}1,234", "1,234.6", f"{MINUS}0.0{NBSP}%"),
])
def test_numbers_follow_the_language(language, population, change, loss, share, tiny):
    with translation.override(language):
        assert formatting.whole(4059) == population
        assert formatting.percent(10.7) == change
        assert formatting.whole(-1234.4) == loss  # rounds to −1234
        assert formatting.decimal(1234.56) == share  # one decimal: 1234.6
        assert formatting.percent(-0.04) == tiny  # −0.04 rounds to −0.0, the sign kept
        assert formatting.whole(None) == formatting.decimal(float("nan")) == "–"


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "expected"), [
    # data README: Bø (0821) on 2018 borders 5,659 (2011) → 6,460 (2018); 6460 − 5659 = 801,
    # 801 / 5659 = 14.15 % → +14.2 %
    ("nb", f"5{NBSP}659 (1.1.2011) → 6{NBSP}460 (1.1.2018): 801 (+14,2{NBSP}%)"),
    ("en", f"5,659 (1.1.2011) → 6,460 (1.1.2018): 801 (+14.2{NBSP}%)"),
])
def test_the_kommune_page_writes_numbers_in_its_language(client, imported_shared_data, language,
                                                         expected):
    page = client.get("/kommune/0821/?start=2011&end=2018&borders=2018",
                      HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert expected in page


@pytest.mark.parametrize(("language", "utc", "expected"), [
    # summer time: UTC+2, so 21:59 UTC is 23:59 in Oslo
    ("nb", dt.datetime(2026, 6, 30, 21, 59, tzinfo=dt.UTC), "30. juni 2026 kl. 23.59"),
    ("nn", dt.datetime(2026, 6, 30, 21, 59, tzinfo=dt.UTC), "30. juni 2026 kl. 23.59"),
    # winter: UTC+1; 23:30 UTC on New Year's Eve is already 1 January in Oslo
    ("nb", dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC), "1. januar 2027 kl. 00.30"),
    ("en", dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC), "1 January 2027, 00:30"),
])
def test_moments_are_on_norwegian_clocks_whatever_zone_is_active(language, utc, expected):
    with translation.override(language), timezone.override("America/New_York"):
        assert formatting.moment(utc) == expected


@pytest.mark.django_db
def test_the_receipt_gives_the_deadline_on_norwegian_clocks(settings):
    from livskraft.consultations.intake import send_receipt
    from livskraft.consultations.models import Consultation, Submission

    consultation = Consultation.objects.create(
        slug="testvik", title="Testvik-høringen", organiser="Testvik", introduction="Syntetisk",
        deadline=dt.datetime(2026, 6, 30, 21, 59, tzinfo=dt.UTC))  # 23:59 in Oslo (UTC+2)
    submission = Submission(consultation=consultation, email="a@testvik.example",
                            respondent_type="individual", municipality_code="5014")
    with translation.override("nb"), timezone.override("UTC"):
        send_receipt(submission, "https://testvik.example/privat/")
    assert "fram til fristen 30. juni 2026 kl. 23.59 på denne" in mail.outbox[0].body


def test_xlsx_cells_show_norwegian_clock_time():
    from livskraft.web.downloads import _xlsx_value

    # 12:00 UTC in January is 13:00 in Oslo; Excel cells have no zone, so Oslo's time is written
    assert _xlsx_value(dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)) == dt.datetime(
        2026, 1, 15, 13, 0)


def test_norwegian_order_puts_ae_oe_aa_last_and_accents_with_their_letter():
    names = ["Åfjord", "Ås", "Ørland", "Øksnes", "Bø", "Bærum", "Båtsfjord", "Bodø", "Alta",
             "Kárášjohka-Karasjok", "Kautokeino", "Karmøy", "Aurskog-Høland"]
    # by letter: a … z, then æ, ø, å; á and š count as a and s ("karasjohka" < "karmoy")
    assert sorted(names, key=sort_key) == [
        "Alta", "Aurskog-Høland", "Bodø", "Bærum", "Bø", "Båtsfjord", "Kárášjohka-Karasjok",
        "Karmøy", "Kautokeino", "Øksnes", "Ørland", "Åfjord", "Ås"]
    # Python's own order (by code point: å < æ < ø) is the wrong one this replaces
    assert sorted(["Ås", "Ørland", "Ærøy"]) == ["Ås", "Ærøy", "Ørland"]
    assert sorted(["Ås", "Ørland", "Ærøy"], key=sort_key) == ["Ærøy", "Ørland", "Ås"]


@pytest.mark.django_db
def test_the_database_sorts_kommune_names_in_norwegian_order(empty_database):
    from livskraft.places.models import Municipality
    from livskraft.web.collation import norwegian

    for number, name in enumerate(["Åsen-Testvik", "Østre Testvik", "Ærtevik", "Testvik",
                                   "Étvik", "Zetvik"]):
        Municipality.objects.create(vintage=1999, code=f"99{number:02}", name=name)
    ordered = Municipality.objects.filter(vintage=1999).order_by(norwegian("name"))
    # É as E; then T, Z; then Æ, Ø, Å
    assert list(ordered.values_list("name", flat=True)) == [
        "Étvik", "Testvik", "Zetvik", "Ærtevik", "Østre Testvik", "Åsen-Testvik"]


@pytest.mark.django_db
def test_kommune_choices_in_forms_are_in_norwegian_order(empty_database):
    from livskraft.consultations.geography import kommune_choices
    from livskraft.places.models import Municipality
    from livskraft.workshops.forms import municipality_choices

    for code, name in [("9901", "Åvik"), ("9902", "Østvik"), ("9903", "Ævik"), ("9904", "Avik")]:
        Municipality.objects.create(vintage=2024, code=code, name=name)
    assert [name for _code, name in kommune_choices()] == ["–", "Avik", "Ævik", "Østvik", "Åvik"]
    assert [label for _code, label in municipality_choices()][1:] == [
        "Avik (9904)", "Ævik (9903)", "Østvik (9902)", "Åvik (9901)"]
