"""10-punktsmodellen: a guided workspace through ten steps that ends in a plan document."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document

from .models import StepEntry, Workshop

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
        raise ValueError(_("Ukjent steg."))
    StepEntry.objects.update_or_create(workshop=workshop, step=step,
                                       defaults={"notes": notes, "decisions": decisions,
                                                 "done": done})


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
