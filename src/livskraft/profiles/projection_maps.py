"""Kart 2/3 of the book: what net immigration adds to the population in 2040, per kommune,
as a per cent of the base population, for each projection edition that has a main and a
zero-net-immigration alternative: SSB's two newest editions with both MMMM and MMM0, side
by side as in the book, and ours (main − zero net immigration)."""

from dataclasses import dataclass

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livskraft.analysis import immigration_projection
from livskraft.analysis.errors import MissingDataError
from livskraft.stats import frames
from livskraft.web.data_messages import describe
from livskraft.web.formatting import percent

from . import choropleth, projection_tables
from .reports import names

YEAR = 2040
SSB_EDITIONS = 2  # the newest SSB editions shown side by side, as the book's two maps
COLOURS = ["#762a83", "#f1eef6", "#d0d1e6", "#a6bddb", "#74a9cf", "#2b8cbe", "#045a8d"]
CLASS_LABELS = [gettext_lazy("under 0 %"), "0–5 %", "5–10 %", "10–15 %", "15–20 %", "20–25 %",
                gettext_lazy("25 % og mer")]


@dataclass
class Edition:
    key: str
    label: str
    base_year: int
    table: pd.DataFrame  # code, main, without, base, difference, share_pct, class_index
    estimated: bool

    def counts(self) -> list[tuple[str, str, int]]:
        return list(zip(COLOURS, [str(x) for x in CLASS_LABELS],
                        immigration_projection.counts(self.table)))


def editions(borders: int | None = None) -> list[Edition]:
    """Every edition that can be shown; empty when none can (see `missing`)."""
    found = []
    official = frames.official_projection(borders)
    for edition in projection_tables.ssb_editions(official, {"MMMM", "MMM0"})[:SSB_EDITIONS]:
        rows = official[official.edition == edition]
        main, without = rows[rows.alternative == "MMMM"], rows[rows.alternative == "MMM0"]
        base_year = int(main.year.min())  # the base year, or the edition's first projected year
        base = main[main.year == base_year][["code", "persons"]]
        table = immigration_projection.effect(main, without, base, YEAR)
        found.append(Edition(f"ssb{edition}", _(
            "SSBs framskriving %(edition)s (MMMM − MMM0), basisår %(year)s")
            % {"edition": edition, "year": base_year}, base_year, table, False))
    try:
        data = projection_tables.inputs(borders)
    except MissingDataError:
        return found
    if data.net_immigration is None or data.base_year >= YEAR:
        return found
    horizon = YEAR - data.base_year
    main = projection_tables.totals(data, "main", horizon)
    without = projection_tables.totals(data, "zero_immigration", horizon)
    base = main[main.year == data.base_year][["code", "persons"]]
    table = immigration_projection.effect(main, without, base, YEAR)
    found.append(Edition("livskraft", _("Livskrafts framskriving (hovedalternativ − null "
                                        "nettoinnvandring), basisår %(year)s")
                         % {"year": data.base_year}, data.base_year, table,
                         data.net_immigration_estimated))
    return found


def missing_text() -> str:
    return _("Kart 2/3 trenger en framskriving med og uten nettoinnvandring: SSBs MMMM og MMM0 "
             "(tabell 14288; «livskraft sync» eller kommune_framskriving_ssb_b2024.csv med begge "
             "alternativene), eller vår egen, som trenger folketall etter kjønn og alder, "
             "nasjonale rater og nettoinnvandring per kommune (SSB-tabell 06913, eller IMDis "
             "flyttetall imdi_befolkning_flytting_kommune_2014.csv som anslag).")


def download_table(borders: int | None = None) -> pd.DataFrame:
    found = editions(borders)
    if not found:
        raise MissingDataError(missing_text())
    target = borders or frames.default_borders()
    labels = names(target)
    parts = []
    for edition in found:
        t = edition.table
        parts.append(pd.DataFrame({
            "utgave": edition.key, "basisaar": edition.base_year, "kommunenr": t.code,
            "kommune": t.code.map(labels), "folketall_basisaar": _persons(t.base),
            f"hovedalternativ_{YEAR}": _persons(t["main"]),
            f"uten_nettoinnvandring_{YEAR}": _persons(t.without),
            "forskjell": _persons(t["main"]) - _persons(t.without),
            "andel_av_basisfolketall_pst": t.share_pct.round(1),
            "klasse": t.class_index.map(lambda k: str(CLASS_LABELS[k])),
            "anslag": int(edition.estimated),
        }))
    return pd.concat(parts, ignore_index=True)


def _persons(values: pd.Series) -> pd.Series:
    return values.round().astype("int64")


def section(borders: int, dim=lambda fills: fills) -> dict:
    """Context for the national page's Kart 2/3 section; `dim` pales the kommuner a filter
    leaves out."""
    try:
        found = editions(borders)
    except MissingDataError as error:
        return {"projection_maps_missing": describe(error)}
    if not found:
        return {"projection_maps_missing": missing_text()}
    vintage = choropleth.best_vintage(set(found[0].table.code))
    maps = []
    for edition in found:
        t = edition.table
        fills = {c: COLOURS[k] for c, k in zip(t.code, t.class_index)}
        labels = {c: percent(v) for c, v in zip(t.code, t.share_pct)}
        title = _("Forskjell i %(year)s mellom hovedalternativet og null nettoinnvandring, i "
                  "prosent av folketallet i basisåret") % {"year": YEAR}
        maps.append({"edition": edition, "counts": edition.counts(),
                     "map": None if vintage is None else choropleth.render(
                         vintage, dim(fills), labels, f"{edition.label}: {title}")})
    return {"projection_maps": maps, "projection_maps_year": YEAR}
