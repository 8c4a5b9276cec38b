"""The kommune page's attractiveness and projection sections (context for the template)."""

from urllib.parse import urlencode

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livskraft.analysis import attractiveness_sets, commuting
from livskraft.analysis.errors import MissingDataError
from livskraft.places.models import Centrality
from livskraft.stats import frames, work
from livskraft.web.data_messages import describe

from . import charts
from .attractiveness_tables import (
    JOBS_MISSING,
    LABEL,
    attractiveness_table,
    job_years,
    regression_table,
)
from .projection_tables import SCENARIOS, Extra, inputs, kommune_table, ssb_comparison
from .reports import names

WORK_MISSING = gettext_lazy(
    "Ingen arbeidsplasstall er lastet inn. Importer SSB-tabell 11618 "
    "(ssb11618_sysselsatte_arbeidssted_bosted_kommune_2017_2022.csv, se docs/data-formats.md) "
    "med «livskraft import-data MAPPE»."
)
COMMUTING_MISSING = gettext_lazy(
    "Ingen pendlingstall for kommunen. Importer SSB-tabell 03321 "
    "(ssb03321_pendling_arbeidssted_x_bosted_kommune_ÅÅÅÅ.rds eller .csv) med "
    "«livskraft import-data MAPPE»."
)
SETS = {
    "klasse": gettext_lazy("Kommuner i samme sentralitetsklasse"),
    "suksessrike_2012": gettext_lazy("Bokas 15 suksessrike distriktskommuner (2012-studien)"),
    "alle": gettext_lazy("Alle kommuner"),
    "egne": gettext_lazy("Egne kommuner (kommunenummer)"),
}


def attractiveness_section(code: str, name: str, request_data, borders: int) -> dict:
    """The quadrant «Attraktivitet for næringsliv og bosetting» for the chosen set and
    period (own fields, since jobs cover fewer years than population), ranks and notes."""
    try:
        years = job_years(borders)
    except MissingDataError as error:
        return {"attractiveness_missing": describe(error)}
    if len(years) < 2:
        return {"attractiveness_missing": str(JOBS_MISSING)}
    start, end, problem = attractiveness_period(request_data, years)
    chosen = request_data.get("sett", "klasse")
    chosen = chosen if chosen in SETS else "klasse"
    try:
        table, model, method = attractiveness_table(start, end, borders, with_method=True)
    except MissingDataError as error:
        return {"attractiveness_missing": describe(error)}
    except ValueError as error:  # from the pure core, e.g. too few kommuner for the regression
        return {"attractiveness_missing": _("Kan ikke beregne attraktivitet: %(reason)s")
                % {"reason": describe(error)}}
    base = {"attractiveness_years": years, "attractiveness_start": start,
            "attractiveness_end": end, "attractiveness_problem": problem,
            "attractiveness_sets": [(key, str(label)) for key, label in SETS.items()],
            "attractiveness_set": chosen, "attractiveness_own": request_data.get("kommuner", ""),
            "attractiveness_query": urlencode({"start": start, "end": end, "borders": borders})}
    row = table[table.kommunenr == code]
    if row.empty:
        return {**base, "attractiveness_missing": _("Kommunen mangler sysselsettings- eller "
                                                    "flyttetall for perioden.")}
    own = row.iloc[0]
    klass = Centrality.objects.filter(code=code).values_list("centrality_class", flat=True).first()
    in_class = table if klass is None else table[table.sentralitetsklasse == klass]
    points, set_note = _set_members(chosen, table, in_class, code, request_data, borders)
    chart = charts.render("quadrant",
        list(zip(points.kommune, points.naeringsattraktivitet_pst,
                 points.bostedsattraktivitet_pst)),
        name, _("Næringsattraktivitet (prosentpoeng)"), _("Bostedsattraktivitet (prosentpoeng)"),
        _("Attraktivitet for næringsliv og bosetting %(start)s–%(end)s: %(set)s")
        % {"start": start, "end": end, "set": SETS[chosen]},
        label_all=len(points) <= 20,
    )
    total = table.set_index("kommunenr").samlet_attraktivitet_pst
    return {
        **base,
        "attractiveness": own.to_dict(), "attractiveness_chart": chart,
        "attractiveness_label": LABEL, "attractiveness_count": len(table),
        "attractiveness_rank": attractiveness_sets.rank(total, code),
        "attractiveness_peer_rank": attractiveness_sets.rank(
            in_class.set_index("kommunenr").samlet_attraktivitet_pst, code),
        "attractiveness_peers": len(in_class), "attractiveness_class": klass,
        "attractiveness_method": method, "attractiveness_set_note": set_note,
        "attractiveness_slope": model.coefficients.get("relative_job_growth"),
        "regression": regression_table(model).to_dict("records"),
        "attractiveness_ranking": points.to_dict("records"),
    }


def attractiveness_period(data, years: tuple[int, ...]) -> tuple[int, int, str]:
    try:
        start = int(data.get("attr_fra") or years[0])
        end = int(data.get("attr_til") or years[-1])
    except ValueError:
        start, end = years[0], years[-1]
        return start, end, _("Velg start- og sluttår fra listen.")
    if start not in years or end not in years or end <= start:
        return years[0], years[-1], _(
            "Sysselsettingstallene finnes for %(first)s–%(last)s, og sluttåret må være etter "
            "startåret. Viser %(first)s–%(last)s.") % {"first": years[0], "last": years[-1]}
    return start, end, ""


def _set_members(chosen, table, in_class, code, data, borders: int):
    """The rows of the chosen set (the kommune itself always included) and a note."""
    note = ""
    if chosen == "alle":
        members = table
    elif chosen == "suksessrike_2012":
        current = table.set_index("kommunenr").kommune
        on = attractiveness_sets.codes_on("suksessrike_2012", frames.crosswalk(), borders,
                                          current.to_dict())
        members = table[table.kommunenr.isin(on)]
        changed = [f"{' og '.join(n)} → {current[c]}" for c, n in on.items()
                   if c in current.index and n != [current[c]]]
        if changed:
            note = _("Kommuner som er slått sammen eller har fått nytt navn siden 2017 vises "
                     "med dagens kommune: %(list)s.") % {"list": ", ".join(changed)}
    elif chosen == "egne":
        wanted = {c.strip() for c in data.get("kommuner", "").replace(";", ",").split(",")}
        members = table[table.kommunenr.isin(wanted)]
        unknown = sorted(w for w in wanted - set(table.kommunenr) if w)
        if unknown:
            note = _("Ukjente eller manglende kommunenummer: %(list)s.") % {
                "list": ", ".join(unknown[:10])}
    else:
        members = in_class
    if code not in set(members.kommunenr):
        members = pd.concat([members, table[table.kommunenr == code]])
    return members, note


def projection_section(code: str, name: str, borders: int, request_data) -> dict:
    extra, problem = _extra(request_data)
    try:
        table = kommune_table(code, 30, borders, extra)
    except (MissingDataError, ValueError) as error:
        return {"projection_missing": describe(error), "projection_problem": problem}
    years = sorted(table[table.scenario == "main"].aar.unique().tolist())
    series = {
        str(SCENARIOS[key]): [dict(zip(group.aar, group.folketall)).get(year) for year in years]
        for key, group in table.groupby("scenario", sort=False)
    }
    summary = table[table.aar.isin([years[0], years[10], years[20], years[-1]])]
    context = {
        "projection_chart": charts.render("lines",
            years, series, _("Framskrevet folketall i %(name)s") % {"name": name}),
        "projection_rows": summary.to_dict("records"),
        "projection_problem": problem,
        "projection_extra": extra,
        "projection_inputs": inputs(borders),
    }
    try:
        comparison = ssb_comparison(code, borders)
        context["ssb_difference"] = comparison.to_dict("records")
        context["ssb_base_year"] = int(comparison.aar.min() - comparison.etter_aar.min())
    except MissingDataError as error:
        context["ssb_missing"] = describe(error)
    return context


def work_section(code: str, borders: int) -> dict:
    """Jobs, jobs per 1000 residents, commuting and the main commuting partners."""
    jobs = work.jobs(borders)
    own = jobs[jobs.code == code].dropna(subset=["jobs"]).sort_values("year")
    if own.empty:
        return {"work_missing": str(WORK_MISSING)}
    population = frames.population(borders)
    people = population[population.code == code].set_index("year").persons
    rows = [{"aar": int(r.year), "arbeidsplasser": r.jobs,
             "per_1000": 1000 * r.jobs / people[r.year] if r.year in people.index else None,
             "sysselsatte_bosatte": r.employed_residents, "estimert": bool(r.estimated)}
            for r in own.itertuples()]
    context = {"work_rows": rows, "work_chart": charts.render("population",
        [r["aar"] for r in rows], [r["arbeidsplasser"] for r in rows],
        [r["estimert"] for r in rows], _("Arbeidsplasser (sysselsatte etter arbeidssted)"))}
    years = work.commuting_years()
    if not years:
        return {**context, "commuting_missing": str(COMMUTING_MISSING)}
    year = years[-1]
    try:
        flows = commuting.summary(work.commuting(year, borders), code)
    except MissingDataError:
        return {**context, "commuting_missing": str(COMMUTING_MISSING)}
    labels = names(borders)
    context.update(commuting_year=year, commuting=flows, commuting_inbound=[
        (labels.get(c, c), p) for c, p in zip(flows.inbound.code, flows.inbound.persons)],
        commuting_outbound=[(labels.get(c, c), p)
                            for c, p in zip(flows.outbound.code, flows.outbound.persons)])
    return context


def _extra(data) -> tuple[Extra | None, str]:
    raw = data.get("ekstra", "").strip().replace(",", ".").replace("−", "-")
    if not raw:
        return None, ""
    try:
        return Extra(float(raw), int(data.get("alder_fra", 20)), int(data.get("alder_til", 29))), ""
    except ValueError:
        return None, _("Eget scenario: skriv et tall for personer per år og en aldersgruppe "
                       "mellom 0 og 105 år.")
