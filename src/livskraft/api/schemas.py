"""Response shapes; the OpenAPI schema at /api/openapi.json is generated from them."""

from ninja import Schema


class Answer(Schema):
    """What every data answer carries beside its rows."""

    source: str  # "Statistisk sentralbyrå"
    ssb_tables: list[str]  # SSB table ids (or KLASS classifications) the rows are built from
    licence: str  # "CC BY 4.0"
    licence_url: str
    attribution: str  # the sentence to print with the figures, in the request's language
    computed_by_livskraft: bool  # computed by Livskraft from the tables, not SSB's own figures
    vintage: int | None  # border vintage (kommunegrenser per 1.1. that year)
    estimert: bool  # any row estimated (shared out on other borders, or an estimated input)


class Kommune(Schema):
    kommunenr: str
    kommune: str
    fylkesnr: str
    fylke: str


class Kommuner(Answer):
    vintages: list[int]  # code lists that can be asked for
    data: list[Kommune]


class PopulationRow(Schema):
    aar: int
    folketall: int
    estimert: bool


class Population(Answer):
    kommunenr: str
    data: list[PopulationRow]


class AccountsRow(Schema):
    aar: int
    fodte: float
    dode: float
    fodselsoverskudd: float
    innvandring: float
    utvandring: float
    nettoinnvandring: float
    innflytting: float
    utflytting: float
    innenlandsk_nettoflytting: float
    sum_komponenter: float
    observert_endring: float | None
    differanse: float | None
    estimert: bool


class Accounts(Answer):
    kommunenr: str
    data: list[AccountsRow]


class EffectRow(Schema):
    kommunenr: str
    kommune: str | None
    folketall_start: float | None
    folketall_slutt: float | None
    vekst: float | None
    nettoinnvandring: float | None
    vekst_uten_innvandring: float | None
    kategori: str  # growing_without_immigration, growing_only_with_immigration, declining, unknown
    kategori_navn: str
    estimert: bool


class Effect(Answer):
    start: int
    end: int
    data: list[EffectRow]


class AttractivenessRow(Schema):
    rangering: int
    kommunenr: str
    kommune: str | None
    sentralitetsklasse: int | None
    arbeidsplasser_start: float | None
    arbeidsplasser_slutt: float | None
    jobbvekst_pst: float | None
    nasjonal_vekst_pst: float | None
    bransjeeffekt_pst: float | None  # null: not available without jobs by industry
    befolkningseffekt_pst: float | None
    naeringsattraktivitet_pst: float | None
    naeringsattraktivitet_som_flytting_pst: float | None
    nettoflytting_pst: float | None
    forventet_nettoflytting_pst: float | None
    bostedsattraktivitet_pst: float | None
    samlet_attraktivitet_pst: float | None
    estimert: bool  # net migration estimated by the residual method (no 06913)


class Attractiveness(Answer):
    start: int
    end: int
    data: list[AttractivenessRow]


class ProjectionRow(Schema):
    aar: int
    scenario: str  # main, zero_immigration, no_migration, ssb_MMMM, …
    scenario_navn: str
    folketall: int
    alder_0_19: int | None
    alder_20_66: int | None
    alder_67_pluss: int | None
    estimert: bool


class Projection(Answer):
    kommunenr: str
    data: list[ProjectionRow]


class PlaceRow(Schema):
    rangering: int
    kommunenr: str
    kommune: str | None
    poeng: float | None  # 0–100, weighted mean of the criteria's percentiles
    datadekning: float  # share of the chosen weight the kommune had data for, 0–1


class Places(Answer):
    weights: dict[str, int]
    data: list[PlaceRow]


class Problem(Schema):
    code: str  # stable: invalid_parameter, bad_period, unknown_kommune, unknown_vintage,
    # missing_data, cannot_compute, not_found, rate_limited
    message: str  # in the request's language (Accept-Language: nb, nn, en)
    details: dict


class Error(Schema):
    error: Problem
