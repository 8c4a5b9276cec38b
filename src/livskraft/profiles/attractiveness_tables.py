"""Attractiveness (Telemarksforsking-style) tables for the pages and `livskraft analyse`."""

import pandas as pd
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livskraft.analysis import attractiveness, shift_share
from livskraft.analysis.errors import MissingDataError
from livskraft.places.models import Centrality
from livskraft.stats import frames

from .reports import names

LABEL = gettext_lazy(
    "Telemarksforsking-style (Livskraft-beregning, ikke Telemarksforskings egne tall)"
)


def attractiveness_table(start: int, end: int, borders: int | None = None,
                         terms: list[str] | None = None, groups_file=None):
    """Per kommune, sorted by total attractiveness, and the fitted regression."""
    target = borders or frames.default_borders()
    groups = shift_share.load_groups(groups_file or settings.INDUSTRY_GROUPS_FILE)
    jobs = frames.employment(target)
    if jobs.empty:
        raise MissingDataError(_(
            "Attraktivitet trenger sysselsatte etter arbeidssted og næring (SSB). Kjør "
            "«livskraft sync» eller importer kommune_sysselsatte_arbeidssted_*.csv."
        ))
    population = frames.population(target)
    business = shift_share.decompose(jobs, groups, population, start, end)
    table, model = attractiveness.assess(business, _net_migration(target, start, end), terms)
    classes = dict(Centrality.objects.values_list("code", "centrality_class"))
    table = table.sort_values("total_attractiveness", ascending=False, ignore_index=True)
    percent = 100
    out = pd.DataFrame({
        "rangering": range(1, len(table) + 1),
        "kommunenr": table.code,
        "kommune": table.code.map(names(target)),
        "sentralitetsklasse": table.code.map(classes),
        f"arbeidsplasser_{start}": table.jobs_start.round(),
        f"arbeidsplasser_{end}": table.jobs_end.round(),
        "jobbvekst_pst": (percent * table.job_growth).round(2),
        "nasjonal_vekst_pst": (percent * table.national_growth).round(2),
        "bransjeeffekt_pst": (percent * table.industry_mix).round(2),
        "befolkningseffekt_pst": (percent * table.population_effect).round(2),
        "naeringsattraktivitet_pst": (percent * table.business_attractiveness).round(2),
        "nettoflytting_pst": (percent * table.net_migration_rate).round(2),
        "forventet_nettoflytting_pst": (percent * table.expected_net_migration_rate).round(2),
        "bostedsattraktivitet_pst": (percent * table.residential_attractiveness).round(2),
        "samlet_attraktivitet_pst": (percent * table.total_attractiveness).round(2),
    })
    return out, model


def regression_table(model: attractiveness.Regression) -> pd.DataFrame:
    rows = [{"ledd": name, "koeffisient": round(value, 6),
             "standardfeil": round(model.standard_errors[name], 6)}
            for name, value in model.coefficients.items()]
    rows.append({"ledd": "R²", "koeffisient": round(model.r_squared, 4), "standardfeil": None})
    rows.append({"ledd": "antall kommuner", "koeffisient": model.observations,
                 "standardfeil": None})
    return pd.DataFrame(rows)


def _net_migration(target: int, start: int, end: int) -> pd.DataFrame:
    components = frames.components(target)
    period = components[(components.year >= start) & (components.year < end)]
    complete = period.groupby("code").year.nunique() == end - start
    if period.empty or not complete.any():
        raise MissingDataError(
            _("Bostedsattraktivitet trenger befolkningsendringer (06913) for %(first)s–%(last)s.")
            % {"first": start, "last": end - 1}
        )
    moved = (period.domestic_in - period.domestic_out + period.immigration - period.emigration)
    net = moved.groupby(period.code).sum()[complete[complete].index]
    population = frames.population(target)
    start_pop = population[population.year == start].set_index("code").persons
    return pd.DataFrame({"code": net.index, "net_migration": net.to_numpy(),
                         "pop_start": start_pop.reindex(net.index).to_numpy()}).dropna()
