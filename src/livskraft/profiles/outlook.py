"""The kommune page's attractiveness and projection sections (context for the template)."""

from django.utils.translation import gettext as _

from livskraft.analysis.errors import MissingDataError
from livskraft.places.models import Centrality

from . import charts
from .attractiveness_tables import LABEL, attractiveness_table, regression_table
from .projection_tables import SCENARIOS, Extra, difference_from_ssb, kommune_table


def attractiveness_section(code: str, name: str, start: int, end: int, borders: int) -> dict:
    try:
        table, model = attractiveness_table(start, end, borders)
    except MissingDataError as error:
        return {"attractiveness_missing": str(error)}
    except ValueError as error:  # from the pure core, e.g. too few kommuner for the regression
        return {"attractiveness_missing": _("Kan ikke beregne attraktivitet: %(reason)s")
                % {"reason": error}}
    row = table[table.kommunenr == code]
    if row.empty:
        return {"attractiveness_missing": _("Kommunen mangler sysselsettings- eller "
                                            "flyttetall for perioden.")}
    own = row.iloc[0]
    klass = Centrality.objects.filter(code=code).values_list("centrality_class", flat=True).first()
    peers = table if klass is None else table[table.sentralitetsklasse == klass]
    chart = charts.quadrant(
        list(zip(peers.kommune, peers.naeringsattraktivitet_pst, peers.bostedsattraktivitet_pst)),
        name, _("Næringsattraktivitet (prosentpoeng)"), _("Bostedsattraktivitet (prosentpoeng)"),
        _("Attraktivitet %(start)s–%(end)s blant kommuner i samme sentralitetsklasse")
        % {"start": start, "end": end},
    )
    rank_in_class = int((peers.samlet_attraktivitet_pst > own.samlet_attraktivitet_pst).sum()) + 1
    return {
        "attractiveness": own.to_dict(), "attractiveness_chart": chart,
        "attractiveness_label": LABEL, "attractiveness_count": len(table),
        "attractiveness_peer_rank": rank_in_class, "attractiveness_peers": len(peers),
        "regression": regression_table(model).to_dict("records"),
        "attractiveness_ranking": peers.to_dict("records"),
    }


def projection_section(code: str, name: str, borders: int, request_data) -> dict:
    extra, problem = _extra(request_data)
    try:
        table = kommune_table(code, 30, borders, extra)
    except (MissingDataError, ValueError) as error:
        return {"projection_missing": str(error), "projection_problem": problem}
    years = sorted(table[table.scenario == "main"].aar.unique().tolist())
    series = {
        str(SCENARIOS[key]): [dict(zip(group.aar, group.folketall)).get(year) for year in years]
        for key, group in table.groupby("scenario", sort=False)
    }
    summary = table[table.aar.isin([years[0], years[10], years[20], years[-1]])]
    difference = difference_from_ssb(table)
    return {
        "projection_chart": charts.multi_line_chart(
            years, series, _("Framskrevet folketall i %(name)s") % {"name": name}),
        "projection_rows": summary.to_dict("records"),
        "projection_problem": problem,
        "projection_extra": extra,
        "ssb_difference": difference[difference.aar.isin([years[10], years[20], years[-1]])]
        .to_dict("records"),
    }


def _extra(data) -> tuple[Extra | None, str]:
    raw = data.get("ekstra", "").strip().replace(",", ".").replace("−", "-")
    if not raw:
        return None, ""
    try:
        return Extra(float(raw), int(data.get("alder_fra", 20)), int(data.get("alder_til", 29))), ""
    except ValueError:
        return None, _("Eget scenario: skriv et tall for personer per år og en aldersgruppe "
                       "mellom 0 og 105 år.")
