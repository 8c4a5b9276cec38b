"""10-punktsmodellen: a guided workspace through the ten steps, with notes and decisions per
step, that ends in a plan document."""

import io

import pandas as pd
from django.contrib import messages
from django.db import models
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document

from .. import live
from ..files import DOCX, attachment
from ..models import Workshop
from ..permissions import runners_only
from .base import Rejected, Tool

STEPS = [
    (gettext_lazy("Målanalyse"),
     gettext_lazy("Hva vil vi oppnå, og hvordan vet vi at vi er der?")),
    (gettext_lazy("Stadkvalitetar"),
     gettext_lazy("Hva er særegent og godt ved stedet vårt?")),
    (gettext_lazy("Samfunnsanalyse"),
     gettext_lazy("Hva viser tallene om befolkning, arbeid og flytting?")),
    (gettext_lazy("Målgruppeanalyse"),
     gettext_lazy("Hvem vil vi nå: hvem skal bli, komme eller komme tilbake?")),
    (gettext_lazy("Val av posisjon"),
     gettext_lazy("Hvilken posisjon vil stedet ha, og hvorfor vil målgruppen velge oss?")),
    (gettext_lazy("Forankring"),
     gettext_lazy("Hvem må eie arbeidet: politikere, administrasjon, næringsliv, innbyggere?")),
    (gettext_lazy("Identitets- og omdømmekartlegging"),
     gettext_lazy("Hvordan ser vi oss selv, og hvordan ser andre oss?")),
    (gettext_lazy("Handlingsplan"),
     gettext_lazy("Hvilke tiltak, hvem gjør hva, og når?")),
    (gettext_lazy("Organisering og finansiering"),
     gettext_lazy("Hvem leder arbeidet, og hvordan finansieres det?")),
    (gettext_lazy("Langsiktig arbeid"),
     gettext_lazy("Hvordan holder vi arbeidet i gang og måler resultatene over år?")),
]


class StepEntry(models.Model):
    """Notes and decisions for one step of the ten-step model."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="steps")
    step = models.PositiveSmallIntegerField()
    notes = models.TextField(blank=True)
    decisions = models.TextField(blank=True)
    done = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workshop", "step"],
                                               name="one_entry_per_step")]


def entries(workshop: Workshop) -> list[dict]:
    saved = {e.step: e for e in workshop.steps.all()}
    out = []
    for number, (title, prompt) in enumerate(STEPS, start=1):
        entry = saved.get(number)
        out.append({"step": number, "title": str(title), "prompt": str(prompt),
                    "notes": entry.notes if entry else "",
                    "decisions": entry.decisions if entry else "",
                    "done": bool(entry and entry.done)})
    return out


def save(workshop: Workshop, step: int, notes: str, decisions: str, done: bool) -> None:
    if not 1 <= step <= len(STEPS):
        raise Rejected(_("Ukjent steg."))
    StepEntry.objects.update_or_create(workshop=workshop, step=step,
                                       defaults={"notes": notes, "decisions": decisions,
                                                 "done": done})
    live.announce(workshop.id)


def progress(workshop: Workshop) -> int:
    return workshop.steps.filter(done=True).count()


def plan_document(workshop: Workshop) -> bytes:
    """The plan as a Word document: every step's decisions and notes."""
    document = Document()
    document.add_heading(_("Plan: %(title)s") % {"title": workshop.title}, level=0)
    document.add_paragraph(_("Laget med 10-punktsmodellen i Livskraft. %(done)s av 10 steg "
                             "er fullført.") % {"done": progress(workshop)})
    for entry in entries(workshop):
        document.add_heading(f"{entry['step']}. {entry['title']}", level=1)
        document.add_paragraph(entry["prompt"]).italic = True
        document.add_heading(_("Beslutninger"), level=2)
        document.add_paragraph(entry["decisions"] or _("(ingen ennå)"))
        document.add_heading(_("Notater"), level=2)
        document.add_paragraph(entry["notes"] or _("(ingen ennå)"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@runners_only
def workspace(request, workshop: Workshop):
    if request.method == "POST":
        try:
            save(workshop, int(request.POST.get("step", 0)), request.POST.get("notes", ""),
                 request.POST.get("decisions", ""), request.POST.get("done") == "on")
        except ValueError as error:
            messages.error(request, str(error) if isinstance(error, Rejected)
                           else _("Ukjent steg."))
        else:
            messages.success(request, _("Lagret."))
        return redirect("workshop-steps", workshop_id=workshop.id)
    return render(request, "workshops/tools/tensteps/workspace.html", {
        "workshop": workshop, "steps": entries(workshop), "done": progress(workshop)})


@runners_only
def plan(request, workshop: Workshop):
    return attachment(plan_document(workshop), DOCX, f"plan-{workshop.id}.docx")


class TenSteps(Tool):
    key = "tensteps"
    label = gettext_lazy("10-punktsmodellen")
    models = (StepEntry,)

    def participant_context(self, participant) -> dict:
        return {"steps": entries(participant.workshop)}

    def screen_context(self, workshop) -> dict:
        return {"steps": entries(workshop)}

    def panel_context(self, workshop) -> dict:
        return {"steps_done": progress(workshop)}

    def export_sheets(self, workshop) -> dict[str, pd.DataFrame]:
        return {"10-punktsmodellen": pd.DataFrame(
            [{"steg": e["step"], "namn": e["title"], "beslutninger": e["decisions"],
              "notater": e["notes"], "ferdig": e["done"]} for e in entries(workshop)])}

    def pdf_lines(self, workshop) -> list[str]:
        return [_("%(n)s av 10 steg fullført") % {"n": progress(workshop)}] + [
            f"{e['step']}. {e['title']}" + (f" – {_('ferdig')}" if e["done"] else "")
            for e in entries(workshop)]

    def urls(self) -> list:
        return [
            path("verksted/<int:workshop_id>/10-punkt/", workspace, name="workshop-steps"),
            path("verksted/<int:workshop_id>/10-punkt/plan.docx", plan, name="workshop-plan"),
        ]
