"""Tables behind the kommune page, the national page and `livskraft analyse`: stored data
loaded on the chosen borders, run through the pure analysis core, labelled in Norwegian."""

import pandas as pd
from django.utils.translation import gettext_lazy

from livskraft.analysis import accounts, immigration_effect
from livskraft.analysis import population as population_analysis
from livskraft.analysis.errors import MissingDataError
from livskraft.places.models import Centrality, Municipality
from livskraft.stats import frames
from livskraft.stats.models import PopulationByAge
from livskraft.stats.table_store import per_data_version

CATEGORY_LABELS = {
    immigration_effect.GROWING_WITHOUT: gettext_lazy("Vekst også uten innvandring"),
    immigration_effect.GROWING_ONLY_WITH: gettext_lazy("Vekst bare på grunn av nettoinnvandring"),
    immigration_effect.DECLINING: gettext_lazy("Nedgang eller ingen vekst"),
    immigration_effect.UNKNOWN: gettext_lazy("Mangler data"),
}


def municipality(code: str) -> Municipality:
    """The kommune in the newest code list that has `code`."""
    found = Municipality.objects.filter(code=code).order_by("-vintage").first()
    if found is None:
        raise MissingDataError(f"Fant ingen kommune med nummer {code}.")
    return found


def centrality(code: str) -> Centrality | None:
    return Centrality.objects.filter(code=code).first()


def names(vintage: int) -> dict[str, str]:
    """Code → name for the vintage, falling back to the newest name of each code (kept
    until new data is loaded: read-only)."""
    return _names(vintage, frames.data_version())


@per_data_version(maxsize=4)
def _names(vintage: int, version: tuple) -> dict[str, str]:
    rows = Municipality.objects.order_by("vintage").values_list("code", "name", "vintage")
    newest = {code: name for code, name, _ in rows}
    newest.update({code: name for code, name, v in rows if v == vintage})
    return newest


def population_table(
    code: str, start: int | None = None, end: int | None = None, borders: int | None = None
) -> pd.DataFrame:
    municipality(code)
    series = population_analysis.series(frames.population(borders), code, start, end)
    return pd.DataFrame(
        {"aar": series.year, "folketall": series.persons.round().astype("int64"),
         "estimert": series.estimated.astype(int)}
    )


def accounts_table(code: str, borders: int | None = None) -> pd.DataFrame:
    table = accounts.population_accounts(
        frames.components(borders), frames.population(borders), code=code
    )
    columns = {
        "year": "aar", "births": "fodte", "deaths": "dode", "natural_increase": "fodselsoverskudd",
        "immigration": "innvandring", "emigration": "utvandring",
        "net_immigration": "nettoinnvandring", "domestic_in": "innflytting",
        "domestic_out": "utflytting", "net_domestic": "innenlandsk_nettoflytting",
        "total_change": "sum_komponenter", "observed_change": "observert_endring",
        "residual": "differanse",
    }
    table = table.assign(estimated=table.get("estimated", False))
    return table[[*columns, "estimated"]].rename(columns=columns).round(0).assign(
        estimert=lambda t: t.pop("estimated").astype(int))


def age_pyramid_table(code: str) -> tuple[int, pd.DataFrame]:
    """Newest year with a sex split for the kommune, and its 5-year age bands."""
    rows = PopulationByAge.objects.filter(code=code, sex__in=["M", "K"])
    rows = rows.order_by("-year", "-vintage")
    newest = rows.first()
    if newest is None:
        raise MissingDataError(f"Ingen aldersfordeling for kommune {code}.")
    by_sex = {r.sex: r.counts for r in rows.filter(year=newest.year, vintage=newest.vintage)}
    if set(by_sex) != {"M", "K"}:
        raise MissingDataError(f"Aldersfordelingen for {code} mangler ett av kjønnene.")
    bands = population_analysis.age_pyramid(by_sex["M"], by_sex["K"])
    return newest.year, bands.rename(columns={"age": "aldersgruppe", "men": "menn",
                                              "women": "kvinner"})


def population_change_table(start: int, end: int, borders: int | None = None) -> pd.DataFrame:
    target = borders or frames.default_borders()
    changed = population_analysis.change(frames.population(target), start, end)
    labels = names(target)
    return pd.DataFrame({
        "kommunenr": changed.code,
        "kommune": changed.code.map(labels),
        f"folketall_{start}": changed.start.round().astype("int64"),
        f"folketall_{end}": changed.end.round().astype("int64"),
        "endring": changed.change.round().astype("int64"),
        "endring_prosent": changed.change_pct.round(2),
        "estimert": changed.estimated.astype(int),
    })


def immigration_effect_table(start: int, end: int, borders: int | None = None) -> pd.DataFrame:
    target = borders or frames.default_borders()
    classified = immigration_effect.classify(
        frames.population(target), frames.components(target), start, end
    )
    labels = names(target)
    return pd.DataFrame({
        "kommunenr": classified.code,
        "kommune": classified.code.map(labels),
        f"folketall_{start}": classified.pop_start.round(),
        f"folketall_{end}": classified.pop_end.round(),
        "vekst": classified.growth.round(),
        "nettoinnvandring": classified.net_immigration.round(),
        "vekst_uten_innvandring": classified.growth_without_immigration.round(),
        "kategori": classified.category,
        "kategori_navn": classified.category.map({k: str(v) for k, v in CATEGORY_LABELS.items()}),
        "estimert": classified.estimated.astype(int),
    })


def category_counts(table: pd.DataFrame) -> list[tuple[str, str, int]]:
    """(category, label, number of kommuner) in a fixed order, zero counts included."""
    counted = table.kategori.value_counts()
    return [(c, str(CATEGORY_LABELS[c]), int(counted.get(c, 0)))
            for c in immigration_effect.CATEGORIES]
