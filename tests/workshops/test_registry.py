"""The core loops over the tool registry: a new tool needs only its module, its templates
and one registry line (here: a class, templates in a temporary folder, and the registry
patched), and shows up on phones, the big screen, the panel and in the downloads."""

import io

import openpyxl
import pandas as pd
import pytest
from django.contrib.auth.models import User
from django.template.loader import get_template
from django.test import Client
from pypdf import PdfReader

from livskraft.workshops import screens
from livskraft.workshops.tools import registry
from livskraft.workshops.tools.base import Action, Tool

from .conftest import joined


class Weather(Tool):
    key = "weather"
    label = "Værsjekken"

    def participant_context(self, participant):
        return {"question": "Hvordan er været i Testvik?"}

    def screen_context(self, workshop):
        return {"forecast": "Opphold"}

    def answer_count(self, workshop):
        return 7

    def actions(self):
        return {"rain": Action(lambda workshop, data: "Det regner ikke i Testvik.")}

    def export_sheets(self, workshop):
        return {"Vær": pd.DataFrame([{"dag": "mandag", "vær": "sol"}])}

    def pdf_lines(self, workshop):
        return ["Mandag: sol"]


@pytest.fixture
def weather(settings, tmp_path, monkeypatch):
    folder = tmp_path / "workshops" / "tools" / "weather"
    folder.mkdir(parents=True)
    (folder / "participate.html").write_text("<p>{{ question }}</p>")
    (folder / "screen.html").write_text("<p>Storskjerm: {{ forecast }}</p>")
    (folder / "panel.html").write_text("<h2>{{ tool.label }}</h2>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0],
                           "DIRS": [tmp_path, *settings.TEMPLATES[0].get("DIRS", [])]}]
    tool = Weather()
    monkeypatch.setattr(registry, "TOOLS", [*registry.TOOLS, tool])
    monkeypatch.setitem(registry.BY_KEY, tool.key, tool)
    return tool


def test_every_registered_tool_has_its_templates():
    assert [tool.key for tool in registry.TOOLS] == ["priority", "diamond", "trust", "tensteps"]
    for tool in registry.TOOLS:
        for part in ("participate", "screen", "panel"):
            get_template(tool.template(part))


def test_a_fifth_tool_appears_everywhere_without_touching_the_core(weather, people, workshop):
    desk = Client()
    desk.force_login(people["prosessleder"])
    base = f"/verksted/{workshop.id}/"
    assert desk.post(base, {"action": "tool", "tool": "weather"}).status_code == 302
    workshop.refresh_from_db()
    assert workshop.active_tool == "weather"
    assert "Hvordan er været i Testvik?" in joined(workshop).get("/verksted/delta/").content.decode()
    assert "Storskjerm: Opphold" in screens.render(workshop)
    assert screens.screen_state(workshop)["answers"] == 7
    panel = desk.get(base).content.decode()
    assert "<h2>Værsjekken</h2>" in panel and '<option value="weather" selected>' in panel
    refused = desk.post(base, {"action": "rain"}, follow=True).content.decode()
    assert "Det regner ikke i Testvik." in refused
    book = openpyxl.load_workbook(io.BytesIO(desk.get(base + "svar.xlsx").content))
    assert list(book["Vær"].iter_rows(values_only=True)) == [("dag", "vær"), ("mandag", "sol")]
    pdf = PdfReader(io.BytesIO(desk.get(base + "sammendrag.pdf").content))
    assert "Mandag: sol" in pdf.pages[-1].extract_text()
    assert desk.get(base + "diagram/weather.svg").status_code == 404  # it draws no chart


def test_workshops_facilitators_and_every_tools_models_are_in_the_admin(people, workshop):
    admin = Client()
    admin.force_login(User.objects.create_superuser("admin", password="passord-123"))
    page = admin.get(f"/admin/workshops/workshop/{workshop.id}/change/").content.decode()
    assert "Framtidsverksted i Testvik" in page and "facilitation_set" in page
    for tool in registry.TOOLS:
        for model in tool.models:
            url = f"/admin/workshops/{model._meta.model_name}/"
            assert admin.get(url).status_code == 200, url
    form = admin.get("/admin/workshops/participant/add/").content.decode()
    assert 'name="group"' in form and 'name="key"' not in form  # the key is a credential
