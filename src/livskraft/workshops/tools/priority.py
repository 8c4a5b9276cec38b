"""Prioriteringsverktøyet: participants score each factor 1–5 for importance and for how far
it can be influenced locally; groups and the plenum agree placements; a quadrant plot."""

import contextlib
import math
import uuid
from typing import NamedTuple
from zipfile import BadZipFile

import pandas as pd
from django import forms
from django.contrib import messages
from django.db import IntegrityError, OperationalError, connection, models, transaction
from django.db.models import Avg, Count, F
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from livskraft.web.downloads import xlsx_bytes

from .. import batches, charts, live
from ..files import XLSX, attachment
from ..forms import FactorForm
from ..models import Participant, Workshop
from ..participants import PARTICIPANT_COOKIE, answers_allowed, key_from_cookie, participant_post
from ..permissions import runners_only
from .base import Action, Rejected, Tool
from .book import Chapter, Quote

CHAPTER = Chapter("Prioriteringsverktøy for samfunnsutvikling",
                  "Torbjørn Wekre og Håvard Ese Eliassen")


def _nb(text: str, translation) -> Quote:
    return Quote(text, "nb", translation)


LEAD = _nb("Prioriter det som er viktig og samtidig mulig å påvirke.",
           gettext_lazy("Prioriter det som er viktig og samtidig mulig å påvirke."))
SORT = _nb("Derfor er det lurt å gjennomføre en prosess der du sorterer faktorene etter hvor "
           "viktige de er, og om det er mulig å påvirke dem.",
           gettext_lazy("Derfor er det lurt å gjennomføre en prosess der du sorterer faktorene "
                        "etter hvor viktige de er, og om det er mulig å påvirke dem."))
GROUPS = _nb("Diskuter så i små grupper, gjerne på tvers av sektorer. Forsøk å bli enige om "
             "plassering. Del dette i plenum, og forsøk å komme frem til en felles oppfatning.",
             gettext_lazy("Diskuter så i små grupper, gjerne på tvers av sektorer. Forsøk å bli "
                          "enige om plassering. Del dette i plenum, og forsøk å komme frem til "
                          "en felles oppfatning."))
HARD_TO_INFLUENCE = _nb(
    "En faktor som er viktig for samfunnsutviklingen kan være vanskelig påvirke med lokale "
    "tiltak.",
    gettext_lazy("En faktor som er viktig for samfunnsutviklingen kan være vanskelig påvirke "
                 "med lokale tiltak."))
# The quarters of the matrix, from 3 up counting as important / possible to influence.
QUADRANTS = {
    "prioritise": gettext_lazy("Viktig og mulig å påvirke"),
    "important": gettext_lazy("Viktig, men vanskelig å påvirke lokalt"),
    "possible": gettext_lazy("Mindre viktig, men mulig å påvirke"),
    "rest": gettext_lazy("Mindre viktig og vanskelig å påvirke"),
}


class Factor(models.Model):
    """A factor or measure in the priority matrix."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="factors")
    text = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    added_by_participant = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class Placement(models.Model):
    """An agreed placement of a factor: by a group, or (group = "") by the plenum."""

    factor = models.ForeignKey(Factor, on_delete=models.CASCADE, related_name="placements")
    group = models.CharField(max_length=60, blank=True)
    importance = models.PositiveSmallIntegerField()
    influence = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["factor", "group"],
                                               name="one_placement_per_group")]


class PriorityScore(models.Model):
    """One participant's importance and local influence (1–5) for one factor."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="scores")
    factor = models.ForeignKey(Factor, on_delete=models.CASCADE, related_name="scores")
    importance = models.PositiveSmallIntegerField()
    influence = models.PositiveSmallIntegerField()
    updated_at = models.DateTimeField(auto_now=True)
    # the phone's clock (ms) when the answer was given: an older answer that arrives late
    # (a form post sent while the websocket was down) never overwrites a newer one
    answered_at = models.BigIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["participant", "factor"],
                                    name="one_score_per_participant_and_factor"),
            models.CheckConstraint(condition=models.Q(importance__gte=1, importance__lte=5,
                                                      influence__gte=1, influence__lte=5),
                                   name="scores_between_1_and_5"),
        ]


class ScoreRejected(Rejected):
    pass


ONE_TO_FIVE = {key: gettext_lazy("Velg en verdi fra 1 til 5.")
               for key in ("required", "invalid", "min_value", "max_value")}


def _score(value) -> int:
    number = int(value)
    if not 1 <= number <= 5:
        raise ScoreRejected(_("Velg en verdi fra 1 til 5."))
    return number


@transaction.atomic
def record(participant: Participant, factor_id: int, importance: int, influence: int,
           answered_at: int | None = None) -> None:
    if not (1 <= importance <= 5 and 1 <= influence <= 5):
        raise ScoreRejected(_("Velg en verdi fra 1 til 5."))
    if answered_at is not None and not 0 <= answered_at < 2**53:  # a JavaScript time in ms
        raise ScoreRejected(_("Ugyldige verdier."))
    locked = (Factor.objects.filter(id=factor_id, workshop_id=participant.workshop_id)
              .values_list("workshop__locked", flat=True).first())
    if locked is None:
        raise ScoreRejected(_("Ukjent faktor."))
    if locked:
        raise ScoreRejected(_("Runden er låst av prosesslederen."))
    values = {"importance": importance, "influence": influence, "answered_at": answered_at}
    score, created = PriorityScore.objects.select_for_update().get_or_create(
        participant=participant, factor_id=factor_id, defaults=values)
    if not created:
        if None not in (answered_at, score.answered_at) and answered_at < score.answered_at:
            return  # a late, older answer
        for field, value in values.items():
            setattr(score, field, value)
        score.save()
    live.announce(participant.workshop_id)


def record_many(votes: list[tuple]) -> list[str | None]:
    """Many participants' scores (participant, factor, importance, influence, answered_at) in
    one transaction, as `record` would store them one by one: per vote None when stored, or
    the reason it was refused. `participant` is anything with `id` and `workshop_id`.
    The unique constraint stays the guarantee: the batch is one upsert on it (INSERT … ON
    CONFLICT (participant, factor) DO UPDATE), so a score inserted meanwhile by another
    process or a form post is updated, never doubled. Should the batch still fail (a
    participant or factor deleted meanwhile), it is stored vote by vote."""
    outcomes: list[str | None] = [None] * len(votes)
    newest: dict[tuple[int, int], int] = {}  # (participant, factor) → index of the vote kept
    try:
        with transaction.atomic():
            factors = {factor_id: (workshop_id, locked) for factor_id, workshop_id, locked in
                       Factor.objects.filter(id__in={v[1] for v in votes})
                       .values_list("id", "workshop_id", "workshop__locked")}
            for index, (participant, factor_id, importance, influence, answered_at) in \
                    enumerate(votes):
                problem = _refusal(participant, factors.get(factor_id), importance,
                                   influence, answered_at)
                if problem:
                    outcomes[index] = problem
                    continue
                key = (participant.id, factor_id)
                kept = newest.get(key)
                if kept is None or not _older(answered_at, votes[kept][4]):
                    newest[key] = index
            if newest:
                _upsert([votes[index] for index in newest.values()])
    except IntegrityError:
        for index in newest.values():
            participant, *values = votes[index]
            try:
                record(_as_participant(participant), *values)
            except ScoreRejected as error:
                outcomes[index] = str(error)
            except IntegrityError:  # the participant is gone
                outcomes[index] = NOT_JOINED_MESSAGE
    return outcomes


def _refusal(participant, factor, importance, influence, answered_at):
    """Lazy texts: the batch is written in another thread; each phone reads its own language."""
    if not (1 <= importance <= 5 and 1 <= influence <= 5):
        return gettext_lazy("Velg en verdi fra 1 til 5.")
    if answered_at is not None and not 0 <= answered_at < 2**53:
        return gettext_lazy("Ugyldige verdier.")
    if factor is None or factor[0] != participant.workshop_id:
        return gettext_lazy("Ukjent faktor.")
    if factor[1]:
        return gettext_lazy("Runden er låst av prosesslederen.")
    return None


def _older(answered_at: int | None, than: int | None) -> bool:
    return None not in (answered_at, than) and answered_at < than


def _upsert(votes: list[tuple]) -> None:
    """One statement, run for every vote (executemany): a new score is inserted; a stored
    one takes the new values unless it was answered later on the phone (`_older`), as in
    `record`. Plain SQL: the ORM's bulk_create and bulk_update cost more than the write
    (1,000 changed scores: half a second in bulk_update's CASE expressions)."""
    table = connection.ops.quote_name(PriorityScore._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (participant_id, factor_id, importance, influence, "
            "answered_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (participant_id, factor_id) DO UPDATE SET "
            "importance = excluded.importance, influence = excluded.influence, "
            "answered_at = excluded.answered_at, updated_at = excluded.updated_at "
            f"WHERE excluded.answered_at IS NULL OR {table}.answered_at IS NULL "
            f"OR excluded.answered_at >= {table}.answered_at",
            [(participant.id, factor_id, importance, influence, answered_at, now)
             for participant, factor_id, importance, influence, answered_at in votes])
    for workshop_id in {participant.workshop_id for participant, *_values in votes}:
        live.announce(workshop_id)


def _as_participant(participant) -> Participant:
    if isinstance(participant, Participant):
        return participant
    return Participant(id=participant.id, workshop_id=participant.workshop_id)


def add_factor(workshop: Workshop, text: str, by_participant: bool = False) -> None:
    Factor.objects.create(workshop=workshop, text=text[:200], added_by_participant=by_participant,
                          position=workshop.factors.count())
    live.announce(workshop.id, phones_too=True)


@transaction.atomic
def place(workshop: Workshop, factor_id: int, group: str, importance, influence) -> None:
    """A group's (or, with group "", the plenum's) agreed placement of a factor."""
    if group and group not in workshop.group_names():
        raise ScoreRejected(_("Ukjent gruppe."))
    factor = workshop.factors.filter(id=factor_id).first()
    if factor is None:
        raise ScoreRejected(_("Ukjent faktor."))
    Placement.objects.update_or_create(
        factor=factor, group=group,
        defaults={"importance": _score(importance), "influence": _score(influence)})
    live.announce(workshop.id)


def scores(workshop: Workshop) -> pd.DataFrame:
    rows = PriorityScore.objects.filter(factor__workshop=workshop).values(
        "participant_id", "factor_id", "factor__text", "importance", "influence")
    return pd.DataFrame(list(rows), columns=["participant_id", "factor_id", "factor__text",
                                             "importance", "influence"])


def summary(workshop: Workshop) -> list[dict]:
    """Per factor: answers, mean and spread (population standard deviation) of both scores,
    aggregated in the database so the big screen stays quick with many participants."""
    totals = {row["factor_id"]: row for row in (
        PriorityScore.objects.filter(factor__workshop=workshop).values("factor_id").annotate(
            answers=Count("id"), mean_importance=Avg("importance"),
            mean_influence=Avg("influence"),
            importance_sq=Avg(F("importance") * F("importance")),
            influence_sq=Avg(F("influence") * F("influence"))))}
    out = []
    for factor in workshop.factors.all():
        row = totals.get(factor.id)
        entry = {"id": factor.id, "text": factor.text, "answers": 0, "importance": None,
                 "influence": None, "importance_sd": None, "influence_sd": None}
        if row:
            entry.update(answers=row["answers"], importance=row["mean_importance"],
                         influence=row["mean_influence"],
                         importance_sd=_spread(row["mean_importance"], row["importance_sq"]),
                         influence_sd=_spread(row["mean_influence"], row["influence_sq"]))
        out.append(entry)
    return out


def _spread(mean: float, mean_of_squares: float) -> float:
    return math.sqrt(max(mean_of_squares - mean * mean, 0.0))


def placements(workshop: Workshop) -> dict[int, dict[str, tuple[int, int]]]:
    """Factor id → group ("" = plenum) → agreed (importance, influence)."""
    out: dict[int, dict[str, tuple[int, int]]] = {}
    for p in Placement.objects.filter(factor__workshop=workshop).order_by("group"):
        out.setdefault(p.factor_id, {})[p.group] = (p.importance, p.influence)
    return out


def quadrant(importance: float, influence: float) -> str:
    if importance >= 3:
        return "prioritise" if influence >= 3 else "important"
    return "possible" if influence >= 3 else "rest"


def reading(workshop: Workshop, factors: list[dict] | None = None,
            agreed: dict | None = None) -> list[dict]:
    """The factors in each quarter, by the plenum's placement where agreed, else by the
    participants' mean."""
    agreed = placements(workshop) if agreed is None else agreed
    quarters: dict[str, list[str]] = {key: [] for key in QUADRANTS}
    for factor in summary(workshop) if factors is None else factors:
        plenum = agreed.get(factor["id"], {}).get("")
        if plenum:
            quarters[quadrant(*plenum)].append(factor["text"])
        elif factor["importance"] is not None:
            quarters[quadrant(factor["importance"], factor["influence"])].append(factor["text"])
    return [{"key": key, "label": str(QUADRANTS[key]), "factors": quarters[key]}
            for key in QUADRANTS]


def chart(workshop: Workshop, factors: list[dict] | None = None, agreed: dict | None = None):
    return charts.priority_matrix(summary(workshop) if factors is None else factors,
                                  placements(workshop) if agreed is None else agreed,
                                  workshop.group_names(),
                                  tuple(str(QUADRANTS[k]) for k in QUADRANTS))


def factors_xlsx(workshop: Workshop) -> bytes:
    return xlsx_bytes({"Faktorer": pd.DataFrame(
        {"faktor": list(workshop.factors.values_list("text", flat=True))})})


def import_factors(workshop: Workshop, upload) -> int:
    """Add the factors in the first column of an XLSX sheet (a header row 'faktor' is
    skipped); returns how many were added. Raises Rejected with a reason."""
    import openpyxl  # imported when used: a quicker cold start
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        sheet = openpyxl.load_workbook(upload, read_only=True).active
    except (BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise Rejected(_("Filen er ikke et Excel-ark (XLSX).")) from error
    texts = [str(row[0]).strip() for row in sheet.iter_rows(values_only=True)
             if row and row[0] is not None and str(row[0]).strip()]
    if texts and texts[0].lower() in ("faktor", "faktorer", "tiltak"):
        texts = texts[1:]
    if not texts:
        raise Rejected(_("Fant ingen faktorer i første kolonne."))
    start = workshop.factors.count()
    Factor.objects.bulk_create(Factor(workshop=workshop, text=text[:200], position=start + i)
                               for i, text in enumerate(texts))
    live.announce(workshop.id, phones_too=True)
    return len(texts)


# Facilitator actions on the panel

def _add_factor_action(workshop: Workshop, data) -> str | None:
    text = data.get("text", "").strip()
    if not text:
        return _("Skriv inn en faktor.")
    add_factor(workshop, text)
    return None


def _placement_action(workshop: Workshop, data) -> str | None:
    place(workshop, int(data["factor"]), data.get("group", ""), data["importance"],
          data["influence"])
    return None


# Pages

@require_POST
def answer(request):
    """The same as the websocket message, for phones without a live connection. Under ASGI
    the JSON posts of the phone's page take the lean path in workshops/answer_endpoint.py;
    this view answers the plain form (and the test client) with the same rules."""
    key = key_from_cookie(request.COOKIES.get(PARTICIPANT_COOKIE))
    if key is None:
        return JsonResponse(not_joined_reply(), status=STATUS[NOT_JOINED])
    vote, reply = check_score(key, request.POST)
    if vote is not None:
        reply = score_reply(vote, write_answers([vote])[0])
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse(reply, status=reply_status(reply))
    if "saved" not in reply:
        if reply["error"] == NOT_JOINED:
            return redirect("workshop-join-form")
        messages.error(request, reply["message"])
    return redirect("workshop-participate")


class ScoreForm(forms.Form):
    """One answer to the matrix, from the HTTP form or a websocket message."""

    factor = forms.IntegerField(label=gettext_lazy("Faktor"), min_value=1,
                                max_value=2**62)
    importance = forms.IntegerField(label=gettext_lazy("Viktighet"), min_value=1, max_value=5,
                                    error_messages=ONE_TO_FIVE)
    influence = forms.IntegerField(label=gettext_lazy("Påvirkning"), min_value=1, max_value=5,
                                   error_messages=ONE_TO_FIVE)
    at = forms.IntegerField(required=False, min_value=0, max_value=2**53 - 1)  # phone's ms


def check_score(participant_key: str, data) -> tuple[tuple | None, dict | None]:
    """Validate one answer, without the database (it runs in the event loop): (the vote for
    `write_answers`, None), or (None, the error reply)."""
    values = _plain_answer(data)
    if values is None:
        form = ScoreForm(data)
        if not form.is_valid():
            return None, {"error": "invalid", "factor": data.get("factor"),
                          "message": _("Svaret ble ikke lagret: sjekk verdiene."),
                          "fields": {name: [str(m) for m in errors] for name, errors in
                                     form.errors.items()}}
        values = [form.cleaned_data[name] for name in ScoreForm.base_fields]
    return (participant_key, *values), None


def _plain_answer(data) -> list | None:
    """The usual answer — whole numbers (JSON numbers or digits) within ScoreForm's bounds,
    `at` left out or empty — read without a form instance, which costs more than the rest
    of the answer; anything else goes through the form and its messages. The values are
    the ones the form would clean them to."""
    values = []
    for name, field in ScoreForm.base_fields.items():
        value = data.get(name)
        if value in (None, "") and not field.required:
            values.append(None)
            continue
        if type(value) is str and value.isascii() and value.isdigit() and len(value) < 20:
            value = int(value)
        if type(value) is not int or not field.min_value <= value <= field.max_value:
            return None
        values.append(value)
    return values


NOT_JOINED, TOO_MANY, REJECTED, BUSY_CODE = "not_joined", "too_many", "rejected", "busy"
BUSY = (BUSY_CODE, gettext_lazy("Det er mange som sender akkurat nå, så svaret ble ikke "
                                "lagret. Prøv igjen om et par sekunder."))
NOT_JOINED_MESSAGE = gettext_lazy("Du er ikke med i et verksted.")
STATUS = {NOT_JOINED: 403, TOO_MANY: 429, BUSY_CODE: 503}


def not_joined_reply() -> dict:
    """The reply to an answer without a participant cookie, on either HTTP path."""
    return {"error": NOT_JOINED, "message": str(NOT_JOINED_MESSAGE)}


def write_answers(votes: list[tuple]) -> list[tuple | None]:
    """Votes (participant key, factor, importance, influence, answered_at) from both
    transports, in one batch (workshops/batches.py): the participants looked up, the
    answer limit counted, the rest written by `record_many`. Per vote None when stored, or
    (code, lazy message): the batch runs in another thread, each phone reads its language."""
    people = _participants({vote[0] for vote in votes})
    outcomes: list[tuple | None] = [None] * len(votes)
    known = []
    for index, vote in enumerate(votes):
        if vote[0] in people:
            known.append(index)
        else:
            outcomes[index] = (NOT_JOINED, NOT_JOINED_MESSAGE)
    allowed = answers_allowed([votes[index][0] for index in known])
    written = []
    for index, ok in zip(known, allowed, strict=True):
        if ok:
            written.append(index)
        else:
            outcomes[index] = (TOO_MANY, gettext_lazy("For mange svar på kort tid. Vent litt."))
    refused = record_many([(people[votes[index][0]], *votes[index][1:]) for index in written])
    for index, reason in zip(written, refused, strict=True):
        if reason is not None:
            outcomes[index] = (REJECTED, reason)
    return outcomes


class Voter(NamedTuple):
    id: int
    workshop_id: int


def _participants(keys: set[str]) -> dict[str, Voter]:
    """Participant key → (id, workshop) for the keys that belong to someone, in one query per
    chunk of keys (plain SQL: the ORM's `key__in` prepares each value in Python)."""
    field = Participant._meta.get_field("key")
    wanted = {}
    for key in keys:
        with contextlib.suppress(ValueError):
            wanted[field.get_db_prep_value(uuid.UUID(key), connection)] = key
    found: dict[str, Voter] = {}
    table = connection.ops.quote_name(Participant._meta.db_table)
    size = connection.features.max_query_params or len(wanted) or 1
    values = list(wanted)
    with connection.cursor() as cursor:
        for start in range(0, len(values), size):
            chunk = values[start:start + size]
            cursor.execute(f"SELECT key, id, workshop_id FROM {table} WHERE key IN "
                           f"({', '.join(['%s'] * len(chunk))})", chunk)
            for stored, participant_id, workshop_id in cursor.fetchall():
                found[wanted[stored]] = Voter(participant_id, workshop_id)
    return found


async def send_answer(vote: tuple) -> dict:
    """Queue a checked vote with the other phones' votes; the reply once the batch is
    committed (in the caller's language)."""
    try:
        outcome = await batches.queue(write_answers).submit(vote)
    except OperationalError:  # the database stayed busy: the phone keeps its answer
        outcome = BUSY
    return score_reply(vote, outcome)


def score_reply(vote: tuple, outcome: tuple | None) -> dict:
    """The reply both transports send back: {"saved": factor} or
    {"error": code, "factor": factor, "message": ...}."""
    if outcome is None:
        return {"saved": vote[1]}
    code, message = outcome
    return {"error": code, "factor": vote[1], "message": str(message)}


def reply_status(reply: dict) -> int:
    return 200 if "saved" in reply else STATUS.get(reply["error"], 400)


@participant_post
def place_for_group(request, participant):
    """A group's shared phone places the factors as the group agreed."""
    workshop = participant.workshop
    if not participant.group:
        messages.error(request, _("Velg gruppen din først."))
        return
    if workshop.locked:
        messages.error(request, _("Runden er låst av prosesslederen."))
        return
    try:
        place(workshop, int(request.POST["factor"]), participant.group,
              request.POST["importance"], request.POST["influence"])
    except Rejected as error:
        messages.error(request, str(error))
    except (KeyError, ValueError):
        messages.error(request, _("Velg en verdi fra 1 til 5."))
    else:
        messages.success(request, _("Gruppens plassering er lagret."))


@participant_post
def suggest_factor(request, participant):
    workshop = participant.workshop
    text = request.POST.get("text", "").strip()
    if not workshop.participants_add_factors or workshop.locked:
        messages.error(request, _("Prosesslederen tar ikke imot nye faktorer nå."))
    elif text:
        add_factor(workshop, text, by_participant=True)


@runners_only
def factor_list(request, workshop: Workshop):
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise Rejected(_("Velg en XLSX-fil."))
            added = import_factors(workshop, upload)
        except Rejected as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("La til %(n)s faktorer.") % {"n": added})
        return redirect("workshop", workshop_id=workshop.id)
    return attachment(factors_xlsx(workshop), XLSX, f"faktorer-{workshop.id}.xlsx")


class Priority(Tool):
    key = "priority"
    label = gettext_lazy("Prioriteringsverktøyet")
    chapter = CHAPTER
    models = (Factor, Placement, PriorityScore)
    has_chart = True
    csv_name = "prioritering"

    def participant_context(self, participant) -> dict:
        mine = {s.factor_id: s for s in PriorityScore.objects.filter(participant=participant)}
        agreed = placements(participant.workshop) if participant.group else {}
        return {"factors": [(f, mine.get(f.id), agreed.get(f.id, {}).get(participant.group))
                            for f in participant.workshop.factors.all()],
                "lead": LEAD, "sort": SORT, "groups_text": GROUPS}

    def phone_state(self, workshop) -> dict:
        return {"factors": workshop.factors.count(),
                "suggestions": workshop.participants_add_factors}

    def screen_context(self, workshop) -> dict:
        factors, agreed = summary(workshop), placements(workshop)
        return {"factors": factors, "agreed": agreed, "lead": LEAD, "hard": HARD_TO_INFLUENCE,
                "reading": reading(workshop, factors, agreed)}

    def answer_count(self, workshop) -> int:
        return PriorityScore.objects.filter(factor__workshop=workshop).count()

    def items_per_person(self, workshop) -> int:
        return workshop.factors.count()

    def answered_by(self, workshop) -> set[int]:
        return set(PriorityScore.objects.filter(factor__workshop=workshop)
                   .values_list("participant_id", flat=True).distinct())

    def chart(self, workshop, context: dict | None = None):
        context = context or {}
        return chart(workshop, context.get("factors"), context.get("agreed"))

    def panel_context(self, workshop) -> dict:
        return {"form": FactorForm(), "groups_text": GROUPS, "reading": reading(workshop),
                "lead": LEAD,
                "factor_rows": [(f, list(f.placements.order_by("group")))
                                for f in workshop.factors.all()]}

    def actions(self) -> dict[str, Action]:
        return {"factor": Action(_add_factor_action), "placement": Action(_placement_action)}

    def export_sheets(self, workshop) -> dict[str, pd.DataFrame]:
        individual = scores(workshop).rename(columns={
            "participant_id": "deltaker", "factor__text": "faktor", "importance": "viktighet",
            "influence": "pavirkning"}).drop(columns="factor_id")
        agreed = pd.DataFrame(
            [{"faktor": f.text, "gruppe": group or "plenum", "viktighet": imp,
              "pavirkning": inf}
             for f in workshop.factors.all()
             for group, (imp, inf) in placements(workshop).get(f.id, {}).items()],
            columns=["faktor", "gruppe", "viktighet", "pavirkning"])
        return {"Faktorer": _factor_table(workshop), "Enkeltsvar": individual,
                "Plasseringar": agreed}

    def csv_table(self, workshop) -> pd.DataFrame:
        return _factor_table(workshop)

    def pdf_lines(self, workshop) -> list[str]:
        agreed = placements(workshop)
        lines = []
        for n, f in enumerate(summary(workshop), start=1):
            lines.append(_("%(n)s. %(text)s: viktighet %(i)s, påvirkning %(f)s (%(answers)s "
                           "svar)") % {
                "n": n, "text": f["text"], "answers": f["answers"],
                "i": "–" if f["importance"] is None else f"{f['importance']:.1f}",
                "f": "–" if f["influence"] is None else f"{f['influence']:.1f}"})
            lines += ["    " + _("%(who)s: viktighet %(i)s, påvirkning %(f)s") % {
                "who": group or _("Plenum"), "i": imp, "f": inf}
                for group, (imp, inf) in agreed.get(f["id"], {}).items()]
        lines.append(str(LEAD.text))
        lines += [f"{q['label']}: {', '.join(q['factors']) or '–'}" for q in reading(workshop)]
        return lines

    def urls(self) -> list:
        return [
            path("verksted/delta/svar/", answer, name="workshop-answer"),
            path("verksted/delta/faktor/", suggest_factor, name="workshop-suggest"),
            path("verksted/delta/gruppeplassering/", place_for_group,
                 name="workshop-group-placement"),
            path("verksted/<int:workshop_id>/faktorer.xlsx", factor_list,
                 name="workshop-factors"),
        ]


def _factor_table(workshop: Workshop) -> pd.DataFrame:
    """Per factor: the participants' means and spread, then each agreed placement."""
    table = pd.DataFrame(summary(workshop), columns=[
        "id", "text", "answers", "importance", "influence", "importance_sd", "influence_sd"])
    agreed = placements(workshop)
    for group in ["", *workshop.group_names()]:
        name = group or "plenum"
        for column, index in ((f"{name}_viktighet", 0), (f"{name}_pavirkning", 1)):
            table[column] = pd.array([agreed.get(i, {}).get(group, (None, None))[index]
                                      for i in table["id"]], dtype="Int64")
    return table.rename(columns={
        "text": "faktor", "answers": "svar", "importance": "viktighet_snitt",
        "influence": "pavirkning_snitt", "importance_sd": "viktighet_spredning",
        "influence_sd": "pavirkning_spredning"}).drop(columns="id")
