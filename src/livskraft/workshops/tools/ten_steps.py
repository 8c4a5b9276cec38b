"""10-punktsmodellen: a guided workspace through the ten steps, with notes and decisions per
step, that ends in a plan document."""

import io
from dataclasses import dataclass

import pandas as pd
from django.contrib import messages
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from livskraft.analysis.errors import MissingDataError
from livskraft.profiles import outlook, projection_tables, reports
from livskraft.stats import frames
from livskraft.web import pdf, word
from livskraft.web.data_messages import describe

from .. import live
from ..files import DOCX, attachment
from ..models import Participant, Workshop
from ..participants import participant_post
from ..permissions import runners_only
from .base import Rejected, Tool
from .book import Chapter, Quote

CHAPTER = Chapter("10-punktsmodellen: Strategisk verktøy i lokalt utviklingsarbeid",
                  "Tove Damås og Trude Risnes")


@dataclass(frozen=True)
class Step:
    title: Quote
    question: Quote


def _step(title: str, title_nb, question: str, question_nb) -> Step:
    return Step(Quote(title, "nn", title_nb), Quote(question, "nn", question_nb))


STEPS = [
    _step("Målanalyse", gettext_lazy("Målanalyse"),
          "Kva vil vi med lokalsamfunnet vårt?",
          gettext_lazy("Hva vil vi med lokalsamfunnet vårt?")),
    _step("Kartlegg stadskvalitetar", gettext_lazy("Kartlegg stedskvaliteter"),
          "Kva kvalitetar har vi å bygge vidare på?",
          gettext_lazy("Hvilke kvaliteter har vi å bygge videre på?")),
    _step("Samfunnsanalyse", gettext_lazy("Samfunnsanalyse"),
          "Kva utviklingstrekk i storsamfunnet kan vi få drahjelp av i arbeidet med å utvikle "
          "eige lokalsamfunn?",
          gettext_lazy("Hvilke utviklingstrekk i storsamfunnet kan vi få drahjelp av i "
                       "arbeidet med å utvikle eget lokalsamfunn?")),
    _step("Målgruppeanalyse", gettext_lazy("Målgruppeanalyse"),
          "Kven kan bidra til at vi når måla våre? Kven har vi potensial til å ha appell hos, "
          "og kva står dei for?",
          gettext_lazy("Hvem kan bidra til at vi når målene våre? Hvem har vi potensial til å "
                       "ha appell hos, og hva står de for?")),
    _step("Val av posisjon", gettext_lazy("Valg av posisjon"),
          "Kva bilete på netthinna må målgruppene ha av vårt lokalsamfunn for at vi skal ha "
          "appell hos dei og nå våre mål gjennom bidraga deira?",
          gettext_lazy("Hvilket bilde på netthinnen må målgruppene ha av lokalsamfunnet vårt "
                       "for at vi skal ha appell hos dem og nå målene våre gjennom bidragene "
                       "deres?")),
    _step("Forankring", gettext_lazy("Forankring"),
          "Kva aktørar er vi avhengige av å ha med på laget for å kunne ta ein tydeleg "
          "posisjon?",
          gettext_lazy("Hvilke aktører er vi avhengige av å ha med på laget for å kunne ta en "
                       "tydelig posisjon?")),
    _step("Identitets- og omdømmekartlegging",
          gettext_lazy("Identitets- og omdømmekartlegging"),
          "Kva assosiasjonar har eigne innbyggarar og omverda av oss samanlikna med den "
          "posisjonen vi ønsker å ha?",
          gettext_lazy("Hvilke assosiasjoner har egne innbyggere og omverdenen til oss, "
                       "sammenlignet med den posisjonen vi ønsker å ha?")),
    _step("Handlingsplan", gettext_lazy("Handlingsplan"),
          "Kva utviklingstiltak må vi sette i verk for å ta/styrke ønska posisjon, og korleis "
          "skal vi lukkast i å kommunisere det vi står for?",
          gettext_lazy("Hvilke utviklingstiltak må vi sette i verk for å ta/styrke ønsket "
                       "posisjon, og hvordan skal vi lykkes i å kommunisere det vi står for?")),
    _step("Organisering og finansiering", gettext_lazy("Organisering og finansiering"),
          "Korleis kan vi best organisere og finansiere tiltaka vi har skildra i "
          "handlingsplanen?",
          gettext_lazy("Hvordan kan vi best organisere og finansiere tiltakene vi har beskrevet "
                       "i handlingsplanen?")),
    _step("Langsiktig utviklings- og kommunikasjonsarbeid",
          gettext_lazy("Langsiktig utviklings- og kommunikasjonsarbeid"),
          "På dette punktet i prosessen stiller vi ikkje spørsmål, men set i gang arbeidet som "
          "vi veit skal bidra til ønska utvikling i lokalsamfunnet vårt.",
          gettext_lazy("På dette punktet i prosessen stiller vi ikke spørsmål, men setter i gang "
                       "arbeidet som vi vet skal bidra til ønsket utvikling i lokalsamfunnet "
                       "vårt.")),
]


class StepEntry(models.Model):
    """The facilitator's record of one step: notes, the decision, who is responsible."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="steps")
    step = models.PositiveSmallIntegerField()
    notes = models.TextField(blank=True)
    decisions = models.TextField(blank=True)
    responsible = models.CharField(max_length=200, blank=True)
    done = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workshop", "step"],
                                               name="one_entry_per_step")]


class StepFocus(models.Model):
    """The step the phones show now."""

    workshop = models.OneToOneField(Workshop, on_delete=models.CASCADE,
                                    related_name="step_focus")
    step = models.PositiveSmallIntegerField(default=1)


class StepIdea(models.Model):
    """A participant's contribution to one step."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="step_ideas")
    step = models.PositiveSmallIntegerField()
    participant = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True,
                                    related_name="step_ideas")
    text = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class StepVote(models.Model):
    """A participant's support for an idea (one per participant and idea)."""

    idea = models.ForeignKey(StepIdea, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="step_votes")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "participant"],
                                               name="one_vote_per_idea")]


def entries(workshop: Workshop) -> list[dict]:
    saved = {e.step: e for e in workshop.steps.all()}
    ideas: dict[int, list[dict]] = {}
    for idea in (workshop.step_ideas.annotate(support=Count("votes"))
                 .order_by("-support", "created_at")):
        ideas.setdefault(idea.step, []).append(
            {"id": idea.id, "text": idea.text, "votes": idea.support})
    out = []
    for number, step in enumerate(STEPS, start=1):
        entry = saved.get(number)
        out.append({"step": number, "title": step.title.text, "info": step,
                    "prompt": step.question.text, "ideas": ideas.get(number, []),
                    "notes": entry.notes if entry else "",
                    "decisions": entry.decisions if entry else "",
                    "responsible": entry.responsible if entry else "",
                    "done": bool(entry and entry.done)})
    return out


def _known_step(step: int) -> int:
    if not 1 <= step <= len(STEPS):
        raise Rejected(_("Ukjent steg."))
    return step


def save(workshop: Workshop, step: int, notes: str, decisions: str, done: bool,
         responsible: str = "") -> None:
    StepEntry.objects.update_or_create(
        workshop=workshop, step=_known_step(step),
        defaults={"notes": notes, "decisions": decisions, "done": done,
                  "responsible": responsible.strip()[:200]})
    live.announce(workshop.id)


def adopt(workshop: Workshop, idea_id: int) -> None:
    """The facilitator takes a participant's idea into the step's decision."""
    idea = StepIdea.objects.filter(id=idea_id, workshop=workshop).first()
    if idea is None:
        raise Rejected(_("Ukjent innspill."))
    entry, _created = StepEntry.objects.get_or_create(workshop=workshop, step=idea.step)
    if idea.text not in entry.decisions:
        entry.decisions = f"{entry.decisions}\n{idea.text}".strip()
        entry.save(update_fields=["decisions"])
    live.announce(workshop.id)


def focus(workshop: Workshop) -> int:
    found = StepFocus.objects.filter(workshop=workshop).values_list("step", flat=True).first()
    return found or 1


def set_focus(workshop: Workshop, step: int) -> None:
    StepFocus.objects.update_or_create(workshop=workshop, defaults={"step": _known_step(step)})
    live.announce(workshop.id, phones_too=True)


def _check_open(participant: Participant) -> None:
    if Workshop.objects.filter(id=participant.workshop_id, locked=True).exists():
        raise Rejected(_("Runden er låst av prosesslederen."))


@transaction.atomic
def add_idea(participant: Participant, step: int, text: str) -> None:
    text = text.strip()
    if not text:
        raise Rejected(_("Skriv inn et innspill."))
    _check_open(participant)
    StepIdea.objects.create(workshop_id=participant.workshop_id, step=_known_step(step),
                            participant=participant, text=text[:500])
    live.announce(participant.workshop_id, phones_too=True)


@transaction.atomic
def toggle_vote(participant: Participant, idea_id: int) -> None:
    idea = StepIdea.objects.filter(id=idea_id, workshop_id=participant.workshop_id).first()
    if idea is None:
        raise Rejected(_("Ukjent innspill."))
    _check_open(participant)
    removed, _rows = StepVote.objects.filter(idea=idea, participant=participant).delete()
    if not removed:
        StepVote.objects.create(idea=idea, participant=participant)
    live.announce(participant.workshop_id)


def progress(workshop: Workshop) -> int:
    return workshop.steps.filter(done=True).count()


FIGURES_SECONDS = 300  # a hall of phones opening step 3 computes the figures once


def kommune_figures(workshop: Workshop) -> dict:
    """Step 3: the workshop's kommune in figures, as far as they are loaded."""
    code = workshop.municipality_code
    if not code:
        return {}
    return cache.get_or_set(f"workshop-step3-{code}-{get_language()}",
                            lambda: _figures(code), FIGURES_SECONDS)


def _figures(code: str) -> dict:
    out: dict = {"code": code, **_projection(code), **_attractiveness(code)}
    try:
        trend = reports.population_table(code)
    except MissingDataError:
        return out
    first, last = trend.iloc[0], trend.iloc[-1]
    out["population"] = {"first_year": int(first.aar), "first": int(first.folketall),
                         "last_year": int(last.aar), "last": int(last.folketall),
                         "change": int(last.folketall - first.folketall)}
    try:
        accounts = reports.accounts_table(code)
    except MissingDataError:
        return out
    recent = accounts[accounts.aar >= accounts.aar.max() - 9]  # the last ten years
    if not recent.empty:
        out["accounts"] = {
            "from": int(recent.aar.min()), "to": int(recent.aar.max()),
            "natural": int(recent.fodselsoverskudd.sum()),
            "immigration": int(recent.nettoinnvandring.sum()),
            "domestic": int(recent.innenlandsk_nettoflytting.sum())}
    return out


def _projection(code: str) -> dict:
    """Our projection ten years on, main scenario and zero net immigration, where loaded."""
    try:
        table = projection_tables.kommune_table(code, 10)
    except (MissingDataError, ValueError):
        return {}
    ours = table[table.scenario.isin(["main", "zero_immigration"])]
    if ours.empty:
        return {}
    last = ours[ours.aar == ours.aar.max()]
    return {"projection": [{"label": str(projection_tables.SCENARIOS[row.scenario]),
                            "year": int(row.aar), "persons": int(row.folketall)}
                           for row in last.itertuples()]}


def _attractiveness(code: str) -> dict:
    """The kommune page's attractiveness over the whole period with jobs loaded: the three
    measures with the ranks nationally and in the centrality class, or why it is missing."""
    try:
        borders = frames.default_borders()
    except MissingDataError as error:  # nothing loaded at all
        return {"attractiveness_missing": describe(error)}
    section = outlook.attractiveness_section(code, code, {}, borders)
    if "attractiveness" not in section:
        return {"attractiveness_missing": section.get("attractiveness_missing", "")}
    own = section["attractiveness"]
    return {"attractiveness": {
        "start": section["attractiveness_start"], "end": section["attractiveness_end"],
        "business": float(own["naeringsattraktivitet_pst"]),
        "residential": float(own["bostedsattraktivitet_pst"]),
        "total": float(own["samlet_attraktivitet_pst"]),
        # residential and total rest on net migration, a residual-method estimate without 06913
        "estimated": section["attractiveness_method"].migration_estimated,
        "rank": section["attractiveness_rank"], "count": section["attractiveness_count"],
        "centrality_class": section["attractiveness_class"],
        "peer_rank": section["attractiveness_peer_rank"],
        "peers": section["attractiveness_peers"],
        "label": str(section["attractiveness_label"])}}


def plan_document(workshop: Workshop) -> bytes:
    """The plan as a Word document: every step with the book's question (verbatim, in
    nynorsk, italic), its decision, who is responsible, the participants' most supported
    ideas and the notes."""
    title = _("Plan: %(title)s") % {"title": workshop.title}
    document = word.new_document(title)
    document.add_heading(title, level=0)
    document.add_paragraph(_("Laget med 10-punktsmodellen i Livskraft. %(done)s av 10 steg "
                             "er fullført.") % {"done": progress(workshop)})
    document.add_paragraph(CHAPTER.credit())
    for entry in entries(workshop):
        step = entry["info"]
        heading = document.add_heading(f"{entry['step']}. ", level=1)
        word.mark_language(heading.add_run(step.title.text), step.title.language)
        translation = step.question.translated()
        word.add_quote(document, step.question.text, step.question.language,
                       f"({translation} – {_('vår oversettelse')})" if translation else "")
        document.add_heading(_("Beslutninger"), level=2)
        document.add_paragraph(entry["decisions"] or _("(ingen ennå)"))
        document.add_paragraph(_("Ansvarlig: %(who)s") % {"who": entry["responsible"] or "–"})
        if entry["ideas"]:
            document.add_heading(_("Innspill fra deltakerne"), level=2)
            for idea in entry["ideas"]:
                document.add_paragraph(_("%(text)s (%(n)s stemmer)") % {
                    "text": idea["text"], "n": idea["votes"]}, style="List Bullet")
        document.add_heading(_("Notater"), level=2)
        document.add_paragraph(entry["notes"] or _("(ingen ennå)"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plan_pdf(workshop: Workshop) -> bytes:
    """The same plan as a PDF."""
    return pdf.render("workshops/tools/tensteps/plan_pdf.html", {
        "workshop": workshop, "credit": CHAPTER.credit(), "steps": entries(workshop)})


@runners_only
def workspace(request, workshop: Workshop):
    if request.method == "POST":
        try:
            step = int(request.POST.get("step", 0))
            if request.POST.get("action") == "focus":
                set_focus(workshop, step)
            elif request.POST.get("action") == "adopt":
                adopt(workshop, int(request.POST.get("idea", 0)))
            else:
                save(workshop, step, request.POST.get("notes", ""),
                     request.POST.get("decisions", ""), request.POST.get("done") == "on",
                     request.POST.get("responsible", ""))
        except ValueError as error:
            messages.error(request, str(error) if isinstance(error, Rejected)
                           else _("Ukjent steg."))
        else:
            messages.success(request, _("Lagret."))
        return redirect("workshop-steps", workshop_id=workshop.id)
    return render(request, "workshops/tools/tensteps/workspace.html", {
        "workshop": workshop, "steps": entries(workshop), "done": progress(workshop),
        "focus": focus(workshop), "credits": TenSteps().credits(workshop)})


@runners_only
def plan(request, workshop: Workshop, fmt: str):
    if fmt == "pdf":
        return attachment(plan_pdf(workshop), "application/pdf", f"plan-{workshop.id}.pdf")
    return attachment(plan_document(workshop), DOCX, f"plan-{workshop.id}.docx")


@participant_post
def contribute(request, participant):
    try:
        if request.POST.get("idea"):
            toggle_vote(participant, int(request.POST["idea"]))
        else:
            add_idea(participant, int(request.POST.get("step", 0)),
                     request.POST.get("text", ""))
    except Rejected as error:
        messages.error(request, str(error))
    except ValueError:
        messages.error(request, _("Ugyldige verdier."))


class TenSteps(Tool):
    key = "tensteps"
    label = gettext_lazy("10-punktsmodellen")
    chapter = CHAPTER
    models = (StepEntry, StepFocus, StepIdea, StepVote)

    def participant_context(self, participant) -> dict:
        workshop = participant.workshop
        current = focus(workshop)
        entry = entries(workshop)[current - 1]
        mine = set(participant.step_votes.values_list("idea_id", flat=True))
        return {"entry": entry, "mine": mine,
                "figures": kommune_figures(workshop) if current == 3 else {}}

    def phone_state(self, workshop) -> dict:
        current = focus(workshop)
        return {"step": current, "ideas": workshop.step_ideas.filter(step=current).count()}

    def screen_context(self, workshop) -> dict:
        current = focus(workshop)
        steps = entries(workshop)
        return {"steps": steps, "entry": steps[current - 1],
                "figures": kommune_figures(workshop) if current == 3 else {}}

    def answer_count(self, workshop) -> int:
        return workshop.step_ideas.filter(step=focus(workshop)).count()

    def panel_context(self, workshop) -> dict:
        return {"steps_done": progress(workshop)}

    def export_sheets(self, workshop) -> dict[str, pd.DataFrame]:
        steps = entries(workshop)
        return {
            "10-punktsmodellen": pd.DataFrame(
                [{"steg": e["step"], "namn": e["title"], "spørsmål": e["prompt"],
                  "beslutninger": e["decisions"], "ansvarleg": e["responsible"],
                  "notater": e["notes"], "ferdig": e["done"]} for e in steps]),
            "Innspel": pd.DataFrame(
                [{"steg": e["step"], "innspel": i["text"], "stemmer": i["votes"]}
                 for e in steps for i in e["ideas"]], columns=["steg", "innspel", "stemmer"]),
        }

    def pdf_lines(self, workshop) -> list[str]:
        return [_("%(n)s av 10 steg fullført") % {"n": progress(workshop)}] + [
            f"{e['step']}. {e['title']}" + (f" – {_('ferdig')}" if e["done"] else "")
            for e in entries(workshop)]

    def urls(self) -> list:
        return [
            path("verksted/<int:workshop_id>/10-punkt/", workspace, name="workshop-steps"),
            path("verksted/<int:workshop_id>/10-punkt/plan.<str:fmt>", plan,
                 name="workshop-plan"),
            path("verksted/delta/innspel/", contribute, name="workshop-contribute"),
        ]
