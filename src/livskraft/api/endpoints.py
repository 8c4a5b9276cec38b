"""The API's operations: thin wrappers around the tables the pages use (profiles.reports,
attractiveness_tables, projection_tables, placefinder.indicators), so the API and the pages
can never disagree."""

import pandas as pd
from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Query
from ninja.decorators import decorate_view
from ninja.throttling import SimpleRateThrottle
from pydantic import create_model

from livskraft.analysis.place_ranking import rank_scores
from livskraft.placefinder import indicators
from livskraft.placefinder.criteria import DEFINITIONS, suggested_weights
from livskraft.places.models import Municipality
from livskraft.profiles import reports
from livskraft.profiles.attractiveness_tables import attractiveness_table, job_years
from livskraft.profiles.forms import PeriodForm
from livskraft.profiles.projection_tables import inputs, kommune_table
from livskraft.stats import frames
from livskraft.web import attribution

from . import errors, schemas
from .answers import CSV_CONTENT, Format, answer, cached


class PerAddress(SimpleRateThrottle):
    """`settings.API_RATE` requests per client address (read per request, so it can be
    changed without a restart of the module), logged in or not."""

    scope = "api"

    def __init__(self) -> None:
        super().__init__(settings.API_RATE)

    def allow_request(self, request) -> bool:
        self.rate = settings.API_RATE
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


api = NinjaAPI(
    title="Livskraft API", version="1", urls_namespace="api",
    description=("Åpne, lesbare data om kommunene: folketall, befolkningsregnskap, "
                 "innvandringseffekt, attraktivitet, framskrivinger og bygdekalkulatorens "
                 "rangering. Kilde: Statistisk sentralbyrå (CC BY 4.0). JSON eller CSV "
                 "(`?format=csv` eller `Accept: text/csv`). Se docs/api.md."),
    throttle=[PerAddress()],
)
errors.install(api)
FAILURES = {400: schemas.Error, 404: schemas.Error, 422: schemas.Error, 429: schemas.Error}
Code = Path(..., pattern=r"^\d{4}$", description="kommunenummer, fire sifre")


def endpoint(path: str, schema, summary: str):
    """GET `path`, answering `schema` as JSON or its rows as CSV, cached like the pages."""
    def register(view):
        view = decorate_view(cached)(view)
        return api.get(path, response={200: schema, **FAILURES}, summary=summary,
                       openapi_extra={"responses": {200: {"content": CSV_CONTENT}}})(view)
    return register


def _kommune(code: str) -> None:
    if not Municipality.objects.filter(code=code).exists():
        raise errors.ApiError(404, "unknown_kommune",
                              _("Fant ingen kommune med nummer %(code)s.") % {"code": code},
                              kommunenr=code)


def _period(start: int | None, end: int | None, borders: int | None):
    """The same rules as the pages' period form: loaded years, end after start."""
    form = PeriodForm({"start": start or "", "end": end or "", "borders": borders or ""})
    if not form.is_valid():
        problems = {field: [str(e) for e in msgs] for field, msgs in form.errors.items()}
        first = next(iter(problems.values()))[0]
        raise errors.ApiError(400, "bad_period", first, problems=problems)
    chosen = form.cleaned_data
    return chosen["start"], chosen["end"], chosen["borders"]


def _borders(borders: int | None) -> int:
    known = frames.available_borders()
    if not known:
        raise errors.ApiError(404, "missing_data", _("Folketallene er ikke lastet inn ennå."))
    if borders is None:
        return known[-1]
    if borders not in known:
        raise errors.ApiError(400, "unknown_vintage",
                              _("Ingen kommunegrenser for %(year)s. Velg et av: %(known)s.")
                              % {"year": borders, "known": ", ".join(map(str, known))},
                              known=known)
    return borders


@endpoint("/kommuner", schemas.Kommuner, "Kommunene i SSBs kodeliste for et år")
def kommuner(request, vintage: int | None = None, format: Format | None = None):
    known = sorted(set(Municipality.objects.values_list("vintage", flat=True)))
    if not known:
        raise errors.ApiError(404, "missing_data", _("Kommunelisten er ikke lastet inn ennå."))
    chosen = known[-1] if vintage is None else vintage
    if chosen not in known:
        raise errors.ApiError(400, "unknown_vintage",
                              _("Ingen kodeliste for %(year)s. Velg et av: %(known)s.")
                              % {"year": chosen, "known": ", ".join(map(str, known))},
                              known=known)
    rows = Municipality.objects.filter(vintage=chosen).order_by("code")
    table = pd.DataFrame(list(rows.values_list("code", "name", "county_code", "county_name")),
                         columns=["kommunenr", "kommune", "fylkesnr", "fylke"])
    return answer(request, format, table, attribution.MUNICIPALITIES, chosen,
                  f"kommuner_{chosen}", vintages=known)


@endpoint("/kommuner/{code}/befolkning", schemas.Population, "Folketall 1. januar per år")
def population(request, code: str = Code, start: int | None = None, end: int | None = None,
               borders: int | None = None, format: Format | None = None):
    _kommune(code)
    start, end, borders = _period(start, end, borders)
    table = reports.population_table(code, start, end, borders)
    return answer(request, format, table, attribution.POPULATION, borders,
                  f"befolkning_{code}", kommunenr=code)


@endpoint("/kommuner/{code}/befolkningsregnskap", schemas.Accounts,
          "Befolkningsregnskap: fødte, døde, inn- og utvandring, flytting per år")
def accounts(request, code: str = Code, start: int | None = None, end: int | None = None,
             borders: int | None = None, format: Format | None = None):
    _kommune(code)
    start, end, borders = _period(start, end, borders)
    table = reports.accounts_table(code, borders)
    table = table[(table.aar >= start) & (table.aar < end)]
    return answer(request, format, table, attribution.ACCOUNTS, borders,
                  f"befolkningsregnskap_{code}", kommunenr=code)


@endpoint("/innvandringseffekt", schemas.Effect,
          "Vekst med og uten innvandring for alle kommuner (Østby)")
def immigration_effect(request, start: int | None = None, end: int | None = None,
                       borders: int | None = None, format: Format | None = None):
    start, end, borders = _period(start, end, borders)
    table = reports.immigration_effect_table(start, end, borders).rename(columns={
        f"folketall_{start}": "folketall_start", f"folketall_{end}": "folketall_slutt"})
    return answer(request, format, table, attribution.IMMIGRATION_EFFECT, borders,
                  f"innvandringseffekt_{start}_{end}", start=start, end=end)


@endpoint("/attraktivitet", schemas.Attractiveness,
          "Nærings- og bostedsattraktivitet (Telemarksforsking-style) for alle kommuner")
def attractiveness(request, start: int | None = None, end: int | None = None,
                   borders: int | None = None, format: Format | None = None):
    borders = _borders(borders)
    years = job_years(borders)
    start = years[0] if start is None and years else start
    end = years[-1] if end is None and years else end
    if start not in years or end not in years or end <= start:
        raise errors.ApiError(
            400, "bad_period",
            _("Sysselsettingstallene finnes for %(first)s–%(last)s, og sluttåret må være etter "
              "startåret.") % {"first": years[0] if years else "–",
                              "last": years[-1] if years else "–"},
            years=list(years))
    table = attractiveness_table(start, end, borders)[0].rename(columns={
        f"arbeidsplasser_{start}": "arbeidsplasser_start",
        f"arbeidsplasser_{end}": "arbeidsplasser_slutt", "nettoflytting_anslag": "estimert"})
    source = attribution.attractiveness(bool(table.bransjeeffekt_pst.notna().any()),
                                        bool(table.estimert.any()))
    return answer(request, format, table, source, borders,
                  f"attraktivitet_{start}_{end}", start=start, end=end)


@endpoint("/kommuner/{code}/framskriving", schemas.Projection,
          "Framskrevet folketall per scenario (Livskrafts kohort-komponent-modell, og SSBs "
          "hovedalternativ der det er lastet inn)")
def projection(request, code: str = Code, borders: int | None = None,
               years: int = Query(30, ge=1, le=50), format: Format | None = None):
    _kommune(code)
    borders = _borders(borders)
    table = kommune_table(code, years, borders)
    guessed = inputs(borders).net_immigration_estimated
    table = table.assign(estimert=(table.scenario == "zero_immigration") & guessed)
    source = attribution.projection(not frames.components(borders).empty,
                                    bool(table.scenario.str.startswith("ssb_").any()))
    return answer(request, format, table, source, borders,
                  f"framskriving_{code}", kommunenr=code)


WeightQuery = create_model("Vekter", **{
    d.key: (int | None, Field(None, ge=0, le=5, description=str(d.label)))
    for d in DEFINITIONS if d.key != "pendling"})


@endpoint("/bygdekalkulator", schemas.Places,
          "Bygdekalkulatorens rangering med vekter 0–5 per kriterium (uten vekter: like vekter)")
def place_finder(request, weights: Query[WeightQuery], format: Format | None = None):
    data = indicators.table()
    chosen = suggested_weights(0, False, False, False)
    chosen.update({k: v for k, v in weights.model_dump().items() if v is not None})
    chosen = {k: w for k, w in chosen.items() if w and k in data.scores}
    ranking = rank_scores(data.scores, chosen)
    table = pd.DataFrame({
        "rangering": ranking["rank"].to_numpy(), "kommunenr": ranking.index,
        "kommune": data.places.reindex(ranking.index)["name"].to_numpy(),
        "poeng": ranking.score.round(1).to_numpy(),
        "datadekning": ranking.coverage.round(3).to_numpy()})
    return answer(request, format, table, attribution.PLACE_FINDER, frames.default_borders(),
                  "bygdekalkulator", weights=chosen)
