"""Kapasitetsdiamanten: five components of a kommune's capacity for development, scored 1–5
by each participant with a reason, then a jointly agreed score; compared across years."""

from dataclasses import dataclass

import pandas as pd
from django.contrib import messages
from django.db import models, transaction
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livskraft.web.formatting import in_oslo

from .. import charts, live
from ..models import Participant, Workshop
from ..participants import participant_post
from .base import Action, Rejected, Tool
from .book import Chapter, Quote

CHAPTER = Chapter("Kapasitetsdiamanten – eigenvurdering av utviklingskapasitet",
                  "Ann Opheim Jørgensen, Geir Lyngaas og Steinar Fredheim")


@dataclass(frozen=True)
class Component:
    key: str
    label: str
    definition: Quote
    question: Quote


def _nn(text: str, translation) -> Quote:
    return Quote(text, "nn", translation)


COMPONENTS = [
    Component("utviklingsleiing", gettext_lazy("Utviklingsleiing"), _nn(
        "Å leie utviklingsprosessar og -prosjekt på ein god måte krev blant anna å kunne "
        "motivere breitt, legge til rette for medverknad, sikre forankring, tillit og "
        "oppslutning",
        gettext_lazy("Å lede utviklingsprosesser og -prosjekter på en god måte krever blant "
                     "annet å kunne motivere bredt, legge til rette for medvirkning, sikre "
                     "forankring, tillit og oppslutning")), _nn(
        "Korleis har leiinga bidrege til at planen skal fungere som styringsverktøy?",
        gettext_lazy("Hvordan har ledelsen bidratt til at planen skal fungere som "
                     "styringsverktøy?"))),
    Component("utviklingskompetanse", gettext_lazy("Utviklingskompetanse"), _nn(
        "Ferdigheiter og kunnskap innan mellom anna samfunnsplanlegging, nærings- og "
        "bumiljøutvikling, prosjekt- og prosessmetodikk.",
        gettext_lazy("Ferdigheter og kunnskap innen blant annet samfunnsplanlegging, nærings- "
                     "og bomiljøutvikling, prosjekt- og prosessmetodikk.")), _nn(
        "Jobbar vi etter beste praksis? Har vi rett og tilstrekkeleg kunnskap og kompetanse?",
        gettext_lazy("Jobber vi etter beste praksis? Har vi riktig og tilstrekkelig kunnskap "
                     "og kompetanse?"))),
    Component("utviklingskultur", gettext_lazy("Utviklingskultur"), _nn(
        "Kommunar og lokalsamfunn med god kultur for utvikling er kjenneteikna av "
        "tillitsfullt samarbeid, openheit og god integrering.",
        gettext_lazy("Kommuner og lokalsamfunn med god kultur for utvikling kjennetegnes av "
                     "tillitsfullt samarbeid, åpenhet og god integrering.")), _nn(
        "Har vi ein kultur for å jobbe langsiktig og målretta etter vedteke plan?",
        gettext_lazy("Har vi en kultur for å jobbe langsiktig og målrettet etter vedtatt "
                     "plan?"))),
    Component("utviklingsokonomi", gettext_lazy("Utviklingsøkonomi"), _nn(
        "Summen av tilgjengeleg kapital til å investere i samfunnsutvikling.",
        gettext_lazy("Summen av tilgjengelig kapital til å investere i samfunnsutvikling.")),
        _nn("Har vi sjølve eller har vi tilgang til midlar som kan nyttast til gjennomføring?",
            gettext_lazy("Har vi selv, eller har vi tilgang til, midler som kan brukes til "
                         "gjennomføring?"))),
    Component("tidsressursar", gettext_lazy("Tidsressursar"), _nn(
        "Samla tidsressurs til utviklingsarbeid vil kunne auke betydeleg om kommunen lykkast "
        "med å skape eit breitt engasjement hjå innbyggjarane, i næringslivet og i lag og "
        "organisasjonar.",
        gettext_lazy("Samlet tidsressurs til utviklingsarbeid vil kunne øke betydelig om "
                     "kommunen lykkes med å skape et bredt engasjement hos innbyggerne, i "
                     "næringslivet og i lag og organisasjoner.")), _nn(
        "Har vi frigjort tilstrekkeleg personalressursar til gjennomføring?",
        gettext_lazy("Har vi frigjort tilstrekkelige personalressurser til gjennomføring?"))),
]
INTRO = _nn("Kapasitet til å drive lokal samfunnsutvikling er summen av:",
            gettext_lazy("Kapasitet til å drive lokal samfunnsutvikling er summen av:"))
INDIVIDUAL = _nn(
    "Deltakarane gjer ei individuell vurdering av korleis dei oppfattar nosituasjonen og set "
    "karakter på ein skala frå 1 til 5 (1 svært dårleg og 5 svært god) for alle dei fem "
    "komponentane.",
    gettext_lazy("Deltakerne gjør en individuell vurdering av hvordan de oppfatter "
                 "nåsituasjonen, og setter karakter på en skala fra 1 til 5 (1 svært dårlig og "
                 "5 svært god) for alle de fem komponentene."))
JOINT = _nn(
    "Basert på kvar enkelt sin vurdering, gjennomfør ein runde med felles refleksjon over den "
    "enkelte sin karaktersetting og grunngjeving. Dette dannar grunnlag for ein felleskarakter "
    "som alle kan einast om for kvar av dei fem komponentane.",
    gettext_lazy("Basert på hver enkelts vurdering, gjennomfør en runde med felles refleksjon "
                 "over den enkeltes karaktersetting og begrunnelse. Dette danner grunnlag for "
                 "en felleskarakter som alle kan enes om for hver av de fem komponentene."))
TIP = _nn(
    "Bruk tid til å reflektere rundt kva som bør prioriterast og styrkast framover og kven "
    "som har ansvar for at dette faktisk skjer.",
    gettext_lazy("Bruk tid til å reflektere rundt hva som bør prioriteres og styrkes framover, "
                 "og hvem som har ansvar for at dette faktisk skjer."))
SCALE = _nn("1 svært dårleg og 5 svært god", gettext_lazy("1 svært dårlig og 5 svært god"))
KEYS = [c.key for c in COMPONENTS]


class DiamondScore(models.Model):
    """A participant's score (1–5) of one capacity component, with an optional reason."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="diamond_scores")
    component = models.CharField(max_length=30)
    score = models.PositiveSmallIntegerField()
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "component"],
                                               name="one_diamond_score_per_component")]


class DiamondJoint(models.Model):
    """What the group agreed for one component: the joint score, what should be prioritised
    and strengthened, and who is responsible."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="diamond")
    component = models.CharField(max_length=30)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    priority = models.TextField(blank=True)
    responsible = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workshop", "component"],
                                               name="one_joint_score_per_component")]


class DiamondComparison(models.Model):
    """An earlier diamond round (another workshop for the same kommune) drawn beside this one."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE,
                                 related_name="diamond_comparisons")
    earlier = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workshop", "earlier"],
                                               name="one_comparison_per_round")]


class DiamondRejected(Rejected):
    pass


def _check(component: str, score: int) -> None:
    if component not in KEYS:
        raise DiamondRejected(_("Ukjent komponent."))
    if not 1 <= score <= 5:
        raise DiamondRejected(_("Velg en verdi fra 1 til 5."))


@transaction.atomic
def record(participant: Participant, component: str, score: int, reason: str = "") -> None:
    _check(component, score)
    if Workshop.objects.filter(id=participant.workshop_id, locked=True).exists():
        raise DiamondRejected(_("Runden er låst av prosesslederen."))
    DiamondScore.objects.update_or_create(participant=participant, component=component,
                                          defaults={"score": score, "reason": reason[:500]})
    live.announce(participant.workshop_id)


@transaction.atomic
def set_joint(workshop: Workshop, component: str, score: int | None, priority: str = "",
              responsible: str = "") -> None:
    if component not in KEYS:
        raise DiamondRejected(_("Ukjent komponent."))
    if score is not None:
        _check(component, score)
    DiamondJoint.objects.update_or_create(
        workshop=workshop, component=component,
        defaults={"score": score, "priority": priority.strip()[:2000],
                  "responsible": responsible.strip()[:200]})
    live.announce(workshop.id)


def summary(workshop: Workshop) -> list[dict]:
    scores = DiamondScore.objects.filter(participant__workshop=workshop)
    joint = {j.component: j for j in workshop.diamond.all()}
    out = []
    for component in COMPONENTS:
        key = component.key
        mine = [s for s in scores if s.component == key]
        values = [s.score for s in mine]
        agreed = joint.get(key)
        out.append({
            "component": key, "label": str(component.label), "info": component,
            "answers": len(values),
            "mean": sum(values) / len(values) if values else None,
            "low": min(values) if values else None, "high": max(values) if values else None,
            "joint": agreed.score if agreed else None,
            "priority": agreed.priority if agreed else "",
            "responsible": agreed.responsible if agreed else "",
            "reasons": [s.reason for s in mine if s.reason],
        })
    return out


def round_label(workshop: Workshop) -> str:
    return workshop.year_label or f"{workshop.title} ({in_oslo(workshop.created_at):%d.%m.%Y})"


def earlier_rounds(workshop: Workshop) -> list[Workshop]:
    """The same kommune's workshops from before this one that agreed a diamond, oldest first."""
    if not workshop.municipality_code:
        return []
    return list(Workshop.objects.filter(municipality_code=workshop.municipality_code,
                                        created_at__lt=workshop.created_at,
                                        diamond__score__isnull=False)
                .distinct().order_by("created_at"))


def compared(workshop: Workshop) -> list[tuple[str, dict[str, int]]]:
    """The earlier rounds chosen for comparison: label and joint score per component."""
    out = []
    for comparison in (workshop.diamond_comparisons.select_related("earlier")
                       .order_by("earlier__created_at")):
        joint = dict(comparison.earlier.diamond.filter(score__isnull=False)
                     .values_list("component", "score"))
        out.append((round_label(comparison.earlier), joint))
    return out


@transaction.atomic
def compare_with(workshop: Workshop, earlier_ids: list[int]) -> None:
    allowed = {w.id for w in earlier_rounds(workshop)}
    if not set(earlier_ids) <= allowed:
        raise DiamondRejected(_("Velg bare tidligere runder for den samme kommunen."))
    workshop.diamond_comparisons.all().delete()
    DiamondComparison.objects.bulk_create(DiamondComparison(workshop=workshop, earlier_id=i)
                                          for i in sorted(set(earlier_ids)))
    live.announce(workshop.id)


def chart(workshop: Workshop, rows: list[dict] | None = None):
    rows = summary(workshop) if rows is None else rows
    series = [(_("Snitt av deltakerne"), [r["mean"] for r in rows], "6 4"),
              (_("Felles skår") + (f" {workshop.year_label}" if workshop.year_label else ""),
               [r["joint"] for r in rows], "")]
    for label, joint in compared(workshop):
        series.append((label, [joint.get(key) for key in KEYS], "2 3"))
    band = ([r["low"] for r in rows], [r["high"] for r in rows])
    return charts.radar([r["label"] for r in rows], series, band)


def _score_or_none(value: str) -> int | None:
    return int(value) if value else None


def _joint_action(workshop: Workshop, data) -> str | None:
    """All five components in one form: joint score, priority and who is responsible."""
    rows = [(key, _score_or_none(data.get(f"score_{key}", "")), data.get(f"priority_{key}", ""),
             data.get(f"responsible_{key}", "")) for key in KEYS]
    for _key, score, _priority, _responsible in rows:
        if score is not None and not 1 <= score <= 5:
            raise DiamondRejected(_("Velg en verdi fra 1 til 5."))
    agreed = set(workshop.diamond.values_list("component", flat=True))
    with transaction.atomic():
        for key, score, priority, responsible in rows:
            if score is not None or priority.strip() or responsible.strip() or key in agreed:
                set_joint(workshop, key, score, priority, responsible)
    return None


def _compare_action(workshop: Workshop, data) -> str | None:
    compare_with(workshop, [int(i) for i in data.getlist("earlier")])
    return None


@participant_post
def answer(request, participant):
    try:
        for key in KEYS:
            if request.POST.get(key):
                record(participant, key, int(request.POST[key]),
                       request.POST.get(f"reason_{key}", ""))
    except Rejected as error:
        messages.error(request, str(error))
    except ValueError:
        messages.error(request, _("Velg en verdi fra 1 til 5."))
    else:
        messages.success(request, _("Lagret"))


class Diamond(Tool):
    key = "diamond"
    label = gettext_lazy("Kapasitetsdiamanten")
    chapter = CHAPTER
    models = (DiamondScore, DiamondJoint, DiamondComparison)
    has_chart = True

    def participant_context(self, participant) -> dict:
        scored = {s.component: s for s in participant.diamond_scores.all()}
        return {"components": [(c, scored.get(c.key)) for c in COMPONENTS],
                "intro": INTRO, "individual": INDIVIDUAL, "scale_words": SCALE}

    def screen_context(self, workshop) -> dict:
        return {"components": summary(workshop), "intro": INTRO}

    def answer_count(self, workshop) -> int:
        return DiamondScore.objects.filter(participant__workshop=workshop).count()

    def items_per_person(self, workshop) -> int:
        return len(KEYS)

    def answered_by(self, workshop) -> set[int]:
        return set(DiamondScore.objects.filter(participant__workshop=workshop)
                   .values_list("participant_id", flat=True).distinct())

    def chart(self, workshop, context: dict | None = None):
        return chart(workshop, (context or {}).get("components"))

    def panel_context(self, workshop) -> dict:
        return {"components": summary(workshop), "joint_text": JOINT, "tip": TIP,
                "earlier": earlier_rounds(workshop),
                "chosen": set(workshop.diamond_comparisons.values_list("earlier_id", flat=True))}

    def actions(self) -> dict[str, Action]:
        return {"joint": Action(_joint_action), "compare": Action(_compare_action)}

    def export_sheets(self, workshop) -> dict[str, pd.DataFrame]:
        rows = summary(workshop)
        capacity = pd.DataFrame([{
            "komponent": r["component"], "namn": r["label"], "svar": r["answers"],
            "snitt": r["mean"], "lavest": r["low"], "høyest": r["high"], "felles": r["joint"],
            "prioritere_og_styrke": r["priority"], "ansvar": r["responsible"]} for r in rows])
        reasons = pd.DataFrame(
            [{"komponent": r["label"], "grunngjeving": reason} for r in rows
             for reason in r["reasons"]], columns=["komponent", "grunngjeving"])
        earlier = pd.DataFrame(
            [{"runde": label, **{c.label: joint.get(c.key) for c in COMPONENTS}}
             for label, joint in compared(workshop)])
        sheets = {"Kapasitetsdiamant": capacity, "Grunngjevingar": reasons}
        if not earlier.empty:
            sheets["Tidlegare rundar"] = earlier
        return sheets

    def pdf_lines(self, workshop) -> list[str]:
        lines = []
        for c in summary(workshop):
            lines.append(_("%(label)s: snitt %(mean)s, felles %(joint)s") % {
                "label": c["label"], "mean": "–" if c["mean"] is None else f"{c['mean']:.1f}",
                "joint": c["joint"] or "–"})
            if c["priority"] or c["responsible"]:
                lines.append("    " + _("Prioritere og styrke: %(what)s · Ansvar: %(who)s") % {
                    "what": c["priority"] or "–", "who": c["responsible"] or "–"})
        for label, joint in compared(workshop):
            scores = ", ".join(f"{c.label} {joint.get(c.key, '–')}" for c in COMPONENTS)
            lines.append(_("Tidligere runde %(label)s: %(scores)s") % {
                "label": label, "scores": scores})
        return lines

    def urls(self) -> list:
        return [path("verksted/delta/diamant/", answer, name="workshop-diamond")]
