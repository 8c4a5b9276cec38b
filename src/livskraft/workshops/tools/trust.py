"""Dialog- og tillitssjekken: a short Likert questionnaire on dialogue and trust. Results are
shown per group only when at least five have answered, and compared across rounds."""

import pandas as pd
from django.contrib import messages
from django.db import models, transaction
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import live
from ..models import Participant, Workshop
from ..participants import participant_post
from .base import Action, Rejected, Tool
from .book import BOOK, Chapter, Quote

STATEMENTS = [
    ("hort", gettext_lazy("Jeg opplever at synspunktene mine blir hørt.")),
    ("apen", gettext_lazy("Det er åpent hvordan beslutningene blir tatt.")),
    ("informasjon", gettext_lazy("Jeg får den informasjonen jeg trenger for å delta.")),
    ("uenighet", gettext_lazy("Det er rom for å være uenig.")),
    ("tid", gettext_lazy("Det er satt av nok tid til dialog.")),
    ("deltakere", gettext_lazy("Jeg har tillit til de andre deltakerne.")),
    ("oppfolging", gettext_lazy("Jeg har tillit til at det vi blir enige om, blir fulgt opp.")),
    ("nytte", gettext_lazy("Det vi gjør her, vil gjøre en forskjell.")),
]
MIN_ANSWERS = 5
CHAPTER = Chapter("Verdiskaping – å lukkast i lag",
                  "Elisabeth Veivåg Helseth, Roar Werner Vangsnes og Bjørn Richard Jensen")
PURPOSE = Quote(
    "Den kan nyttast i prosessar der ulike menneske møter kvarandre og skal arbeida saman over "
    "noko tid.",
    "nn", gettext_lazy("Den kan brukes i prosesser der ulike mennesker møter hverandre og skal "
                       "arbeide sammen over noe tid."))


class TrustAnswer(models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="trust_answers")
    round = models.PositiveSmallIntegerField()
    statement = models.CharField(max_length=30)
    value = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["participant", "round", "statement"],
                                               name="one_trust_answer_per_statement")]


class TrustStatement(models.Model):
    """A statement the facilitator typed in for this workshop (e.g. from Distriktssenteret's
    own check), replacing our default ones."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE,
                                 related_name="trust_statements")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["workshop", "position"],
                                               name="one_trust_statement_per_position")]


class TrustRejected(Rejected):
    pass


def statements(workshop: Workshop) -> list[tuple[str, str]]:
    """(key, text) of the statements this workshop asks: the facilitator's, or ours."""
    own = [(f"egen-{s.position}", s.text) for s in workshop.trust_statements.all()]
    return own or [(key, str(text)) for key, text in STATEMENTS]


def own_statements(workshop: Workshop) -> bool:
    return workshop.trust_statements.exists()


@transaction.atomic
def replace_statements(workshop: Workshop, lines: list[str]) -> None:
    """The facilitator's own statements (none: back to ours), before anyone has answered in
    the current round."""
    if TrustAnswer.objects.filter(participant__workshop=workshop,
                                  round=workshop.trust_round).exists():
        raise TrustRejected(_("Påstandene kan bare endres før noen har svart i runden. "
                              "Start en ny runde først."))
    texts = [line.strip()[:300] for line in lines if line.strip()]
    if texts == [str(text) for _key, text in STATEMENTS]:
        texts = []  # ours, unchanged
    if len(texts) > 20:
        raise TrustRejected(_("Høyst 20 påstander."))
    workshop.trust_statements.all().delete()
    TrustStatement.objects.bulk_create(TrustStatement(workshop=workshop, position=n, text=t)
                                       for n, t in enumerate(texts, start=1))
    live.announce(workshop.id, phones_too=True)


@transaction.atomic
def record(participant: Participant, answers: dict[str, int]) -> None:
    workshop = Workshop.objects.get(id=participant.workshop_id)
    if workshop.locked:
        raise TrustRejected(_("Runden er låst av prosesslederen."))
    keys = dict(statements(workshop))
    if not answers or any(k not in keys or not 1 <= v <= 5 for k, v in answers.items()):
        raise TrustRejected(_("Velg en verdi fra 1 til 5 for hver påstand."))
    for statement, value in answers.items():
        TrustAnswer.objects.update_or_create(participant=participant, round=workshop.trust_round,
                                             statement=statement, defaults={"value": value})
    live.announce(workshop.id)


def new_round(workshop: Workshop, data=None) -> None:
    workshop.trust_round += 1
    workshop.save(update_fields=["trust_round"])
    live.announce(workshop.id, phones_too=True)


def summary(workshop: Workshop) -> list[dict]:
    """Per round and group ("" = everyone): respondents and, from five up, the mean per
    statement and overall. Smaller groups are reported without numbers."""
    answers = list(TrustAnswer.objects.filter(participant__workshop=workshop)
                   .values("round", "statement", "value", "participant_id", "participant__group"))
    out = []
    for round_ in sorted({a["round"] for a in answers}):
        in_round = [a for a in answers if a["round"] == round_]
        groups = [("", in_round)] + [
            (g, [a for a in in_round if a["participant__group"] == g])
            for g in sorted({a["participant__group"] for a in in_round if a["participant__group"]})]
        for group, rows in groups:
            people = len({a["participant_id"] for a in rows})
            entry = {"round": round_, "group": group, "respondents": people, "shown": False}
            if people >= MIN_ANSWERS:
                means = {k: _mean([a["value"] for a in rows if a["statement"] == k])
                         for k in sorted({a["statement"] for a in rows})}
                entry.update(shown=True, means=means,
                             overall=_mean([a["value"] for a in rows]))
            out.append(entry)
    return out


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def _statements_action(workshop: Workshop, data) -> str | None:
    replace_statements(workshop, [] if data.get("reset") else
                       data.get("statements", "").splitlines())
    return None


@participant_post
def answer(request, participant):
    try:
        answers = {key: int(request.POST[key]) for key, _text in
                   statements(participant.workshop) if request.POST.get(key)}
        record(participant, answers)
    except Rejected as error:
        messages.error(request, str(error))
    except ValueError:
        messages.error(request, _("Velg en verdi fra 1 til 5 for hver påstand."))
    else:
        messages.success(request, _("Takk! Svarene er anonyme."))


class Trust(Tool):
    key = "trust"
    label = gettext_lazy("Dialog- og tillitssjekken")
    chapter = CHAPTER
    models = (TrustAnswer, TrustStatement)

    def credits(self, workshop) -> list[str]:
        whose = (_("Påstandene er lagt inn av prosesslederen for dette verkstedet.")
                 if own_statements(workshop) else
                 _("Påstandene er laget av Livskraft, ikke av Distriktssenteret. "
                   "Distriktssenterets egen dialog- og tillitssjekk finner du på nettsiden "
                   "deres; prosesslederen kan legge inn påstandene derfra."))
        return [_("Verktøyets navn og formål etter Distriktssenteret: «Ta dialog- og "
                  "tillitssjekken», i «%(chapter)s», %(authors)s, i %(book)s") % {
                      "chapter": CHAPTER.title, "authors": CHAPTER.authors, "book": BOOK},
                whose]

    def participant_context(self, participant) -> dict:
        answered = dict(participant.trust_answers.filter(round=participant.workshop.trust_round)
                        .values_list("statement", "value"))
        return {"statements": [(key, text, answered.get(key))
                               for key, text in statements(participant.workshop)],
                "purpose": PURPOSE, "ours": not own_statements(participant.workshop)}

    def phone_state(self, workshop) -> dict:
        return {"round": workshop.trust_round}

    def screen_context(self, workshop) -> dict:
        return {"trust": summary(workshop), "statements": statements(workshop),
                "minimum": MIN_ANSWERS, "ours": not own_statements(workshop)}

    def answer_count(self, workshop) -> int:
        return TrustAnswer.objects.filter(participant__workshop=workshop,
                                          round=workshop.trust_round).count()

    def actions(self) -> dict[str, Action]:
        return {"trust_round": Action(new_round, control=True),
                "trust_statements": Action(_statements_action, control=True)}

    def panel_context(self, workshop) -> dict:
        own = [s.text for s in workshop.trust_statements.all()]
        return {"own": bool(own), "purpose": PURPOSE,
                "text": "\n".join(own or [str(text) for _key, text in STATEMENTS])}

    def export_sheets(self, workshop) -> dict[str, pd.DataFrame]:
        checks = pd.DataFrame([{"runde": r["round"], "gruppe": r["group"] or "alle",
                                "svar": r["respondents"],
                                "snitt": round(r["overall"], 2) if r["shown"] else None}
                               for r in summary(workshop)])
        return {"Tillitssjekk": checks}

    def pdf_lines(self, workshop) -> list[str]:
        lines = []
        for row in summary(workshop):
            who = row["group"] or _("alle")
            if row["shown"]:
                lines.append(_("Runde %(r)s, %(who)s: snitt %(mean)s (%(n)s svar)") % {
                    "r": row["round"], "who": who, "mean": f"{row['overall']:.1f}",
                    "n": row["respondents"]})
            else:
                lines.append(_("Runde %(r)s, %(who)s: færre enn %(min)s svar, ikke vist") % {
                    "r": row["round"], "who": who, "min": MIN_ANSWERS})
        return lines or [_("Ingen svar ennå.")]

    def urls(self) -> list:
        return [path("verksted/delta/tillit/", answer, name="workshop-trust")]
