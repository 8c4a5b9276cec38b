"""Load stored observations as tidy DataFrames for the analysis core, on chosen borders."""

import pandas as pd
from django.apps import apps
from django.utils.translation import gettext as _

from livskraft.analysis import border_history, borders
from livskraft.analysis.border_history import BorderHistory
from livskraft.analysis.errors import MissingDataError
from livskraft.places.models import CodeChange, CodeCrosswalk, Municipality
from livskraft.sources import registry
from livskraft.sources.datasets.population_07459 import AGE_COLUMNS as AGES

from .models import DataLoad, DemographicRate, PopulationTotal
from .table_store import per_data_version

AGE_COLUMNS = list(AGES)


def data_version() -> tuple:
    """Changes whenever anything is loaded: the key for cached national frames."""
    return DataLoad.objects.order_by("-id").values_list("id", "loaded_at").first() or ()


def crosswalk() -> pd.DataFrame:
    fields = ["from_code", "from_year", "to_year", "pivot_vintage", "pivot_code", "weight"]
    return pd.DataFrame(list(CodeCrosswalk.objects.values(*fields)), columns=fields)


def default_borders() -> int:
    """The newest border vintage with stored population (the pivot of the crosswalk)."""
    newest = PopulationTotal.objects.order_by("-vintage").values_list("vintage", flat=True).first()
    if newest is None:
        raise MissingDataError(_(
            "Ingen befolkningstall er lastet inn. Kjør «livskraft import-data MAPPE» "
            "eller «livskraft sync»."
        ))
    return newest


def _one_vintage_per_year(frame: pd.DataFrame, target: int,
                          edition: str | None = None) -> pd.DataFrame:
    """Keep, per year (and edition), the rows of the best source: already on the target
    borders, else on that year's own borders, else the newest vintage."""
    by = ["year", *([edition] if edition else [])]
    choices = frame[[*by, "vintage"]].drop_duplicates()
    rank = choices.vintage.where(choices.vintage != target, 10_000)
    rank = rank.where(~((choices.vintage == choices.year) & (choices.vintage != target)), 5_000)
    best = choices.assign(rank=rank).sort_values("rank").groupby(by).tail(1)
    return frame.merge(best[[*by, "vintage"]], on=[*by, "vintage"])


def _on_borders(frame: pd.DataFrame, values: list[str], target: int,
                keys: tuple[str, ...] = (), edition: str | None = None) -> pd.DataFrame:
    if frame.empty:
        return frame.assign(estimated=False)[["year", "code", *keys, *values, "estimated"]]
    frame = _one_vintage_per_year(frame, target, edition)
    reference = pd.Series(dict(
        PopulationTotal.objects.filter(vintage=target, year=target).values_list("code", "persons")
    ), dtype="float64")
    known = history()
    if known is not None and known.covers(target, *frame.vintage.unique().tolist()):
        return border_history.to_vintage(frame, values, known, target, reference, keys)
    return borders.to_vintage(frame, values, crosswalk(), target, reference, keys)


def history() -> BorderHistory | None:
    """The border history from the stored code lists and KLASS 131's changes, if loaded."""
    return _history(data_version())


@per_data_version(maxsize=2)
def _history(version: tuple) -> BorderHistory | None:
    if not CodeChange.objects.exists():
        return None
    lists: dict[int, set[str]] = {}
    for vintage, code in Municipality.objects.values_list("vintage", "code"):
        lists.setdefault(vintage, set()).add(code)
    fields = ["old_code", "new_code", "year"]
    changes = pd.DataFrame(list(CodeChange.objects.values(*fields)), columns=fields)
    return BorderHistory(lists, changes)


def population(target: int | None = None) -> pd.DataFrame:
    """`year, code, persons, estimated` for all years, on the borders of `target`.
    The frame is cached until new data is loaded; treat it as read-only."""
    return national("population_totals", target)


def components(target: int | None = None) -> pd.DataFrame:
    """Components of change per year and code on the borders of `target` (cached, read-only)."""
    return national("population_changes", target)


def employment(target: int | None = None) -> pd.DataFrame:
    """`year, code, industry, jobs, estimated` on the borders of `target` (cached, read-only)."""
    return national("employment", target)


def official_projection(target: int | None = None) -> pd.DataFrame:
    """SSB's projections: `year, code, edition, alternative, persons, estimated` (cached,
    read-only); `edition` is the year SSB names the edition by."""
    return national("official_projection", target)


def population_by_age(target: int | None = None) -> pd.DataFrame:
    """`year, code, sex, a0..a105, estimated` for men and women (cached, read-only)."""
    return national("population_by_age", target)


def national(key: str, target: int | None = None) -> pd.DataFrame:
    """Any dataset of the registry with `values` as `year, code, *keys, *values, estimated`
    on the borders of `target` (cached until new data is loaded, read-only)."""
    return _national(key, target or default_borders(), data_version())


@per_data_version(maxsize=16)
def _national(key: str, target: int, version: tuple) -> pd.DataFrame:
    dataset = registry.dataset(key)
    fields = list(dataset.frame_fields())
    model = apps.get_model(dataset.model)
    rows = pd.DataFrame(list(model.objects.values(*fields)), columns=fields)
    if dataset.prepare is not None:
        rows = dataset.prepare(rows)
    return _on_borders(rows, list(dataset.values), target, dataset.keys, dataset.edition)


def national_rates(year: int | None = None) -> tuple[int, dict[str, pd.DataFrame]]:
    """The newest year (≤ `year`) with both mortality and fertility rates:
    (year, {"mortality": sex × age, "fertility": age})."""
    years = {
        kind: set(DemographicRate.objects.filter(kind=kind).values_list("year", flat=True))
        for kind in (DemographicRate.MORTALITY, DemographicRate.FERTILITY)
    }
    common = sorted(y for y in years["mortality"] & years["fertility"] if year is None or y <= year)
    if not common:
        raise MissingDataError(_(
            "Framskrivingen trenger nasjonale dødssannsynligheter og fruktbarhetsrater for "
            "samme år. Kjør «livskraft sync», eller importer nasjonal_fruktbarhet.csv og "
            "nasjonal_dodssannsynlighet.csv eller nasjonal_dodsrate_hmd.csv (HMDs dødsrater, "
            "regnes om til sannsynligheter) med «livskraft import-data MAPPE»."
        ))
    chosen = common[-1]
    rows = pd.DataFrame(list(DemographicRate.objects.filter(year=chosen).values(
        "kind", "sex", "age", "value")))
    return chosen, {kind: group for kind, group in rows.groupby("kind")}


def mortality_rates(years: list[int]) -> pd.DataFrame:
    """`year, sex, age, value`: the national death probabilities stored for `years`."""
    fields = ["year", "sex", "age", "value"]
    rows = DemographicRate.objects.filter(kind=DemographicRate.MORTALITY, year__in=years)
    return pd.DataFrame(list(rows.values(*fields)), columns=fields)


def available_borders() -> list[int]:
    """Vintages a series can be shown on: the pivot and every year with own-border totals."""
    own = PopulationTotal.objects.values_list("vintage", flat=True).distinct()
    return sorted(set(own))
