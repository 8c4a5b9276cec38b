"""Sentences for the codes the pure core reports (import problems, SSB and analysis errors),
in the active language. One entry per code; `describe` falls back to the code itself."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from livskraft.errors import CodedError
from livskraft.sources.problems import Problem

KINDS = {
    "code4": gettext_lazy("et firesifret nummer"),
    "code2": gettext_lazy("et tosifret nummer"),
    "int": gettext_lazy("et heltall ≥ 0"),
    "signed": gettext_lazy("et heltall"),
    "flag": gettext_lazy("0 eller 1"),
    "weight": gettext_lazy("en vekt mellom 0 og 1"),
}

MESSAGES = {
    # reading a file
    "not_a_directory": gettext_lazy("finnes ikke eller er ikke en mappe"),
    "no_known_files": gettext_lazy("fant ingen kjente datafiler"),
    "unreadable": gettext_lazy("kunne ikke leses (%(error)s)"),
    "not_utf8": gettext_lazy("filen er ikke UTF-8-kodet"),
    "empty_file": gettext_lazy("filen er tom"),
    "broken_csv": gettext_lazy("feil antall felt eller ødelagt fil"),
    "missing_columns": gettext_lazy("mangler kolonne(r) %(columns)s (fant: %(found)s)"),
    "no_rows": gettext_lazy("filen har ingen datarader"),
    "bad_value": gettext_lazy("%(column)s='%(value)s' er ikke %(kind)s"),
    "duplicate_row": gettext_lazy("dobbel rad (%(key)s)"),
    "implausible_value": gettext_lazy("%(column)s=%(value)s er utenfor det mulige "
                                      "(%(low)s–%(high)s)"),
    "unknown_code": gettext_lazy("ukjent kommunenummer %(code)s"),
    "no_code_list": gettext_lazy("ingen kodeliste for grensene %(years)s: "
                                 "legg kodelister i codes/"),
    "from_after_to": gettext_lazy("fra_aar er etter til_aar"),
    "centrality_range": gettext_lazy("klasse må være 1–6 og indeks 0–1000"),
    "persons_not_men_plus_women": gettext_lazy("personer ≠ menn + kvinner"),
    "bad_sex_or_age": gettext_lazy("kjonn må være M eller K og alder 0–%(oldest)s"),
    "missing_ages": gettext_lazy("mangler aldre for aar=%(year)s, kommunenr=%(code)s, "
                                 "kjonn=%(sex)s"),
    "unknown_indicator": gettext_lazy("ukjent indikator «%(indicator)s» (kjente: %(known)s)"),
    "not_a_number": gettext_lazy("verdi='%(value)s' er ikke et tall"),
    "bad_travel_time": gettext_lazy("reisetid_min er ikke et tall ≥ 0"),
    "unknown_code_named": gettext_lazy("ukjent kommunenummer %(code)s (%(name)s)"),
    "code_twice": gettext_lazy("%(code)s finnes to ganger"),
    "code_matched_by_name": gettext_lazy("%(code)s %(name)s finnes ikke i kodelisten for "
                                         "%(vintage)s; brukte %(used)s etter navnet"),
    "bad_rate": gettext_lazy("verdien må være et tall mellom 0 og %(upper)s, kjonn M/K og "
                             "alder 0–%(oldest)s"),
    "bad_geojson": gettext_lazy("ugyldig GeoJSON (ikke JSON)"),
    "not_feature_collection": gettext_lazy("ikke en GeoJSON FeatureCollection"),
    "feature_without_code": gettext_lazy("objekt %(number)s: mangler gyldig %(key)s"),
    "feature_not_polygon": gettext_lazy("objekt %(number)s (%(code)s): ikke et polygon"),
    "feature_code_twice": gettext_lazy("objekt %(number)s: %(code)s finnes to ganger"),
    "rows_superseded": gettext_lazy("%(rows)s rader finnes også i %(by)s; brukte dem derfra"),
    "unknown_content": gettext_lazy("ukjent ContentsCode (kjente: %(known)s)"),
    "unreadable_rds": gettext_lazy("kan ikke lese R-filen (.rds med én tabell)"),
    "bad_death_rate": gettext_lazy("dodsrate må være et tall ≥ 0 (eller tom) og kjonn M eller K"),
    "death_rates_missing": gettext_lazy("mangler dodsrate under 100 år for aar=%(year)s, "
                                        "kjonn=%(sex)s"),
    # analyses
    "no_common_years": gettext_lazy("Vår framskriving og SSBs har ingen felles år å "
                                    "sammenligne (%(years)s)."),
    "projection_year_missing": gettext_lazy("Framskrivingen når ikke til %(year)s."),
    "jobs_year_missing": gettext_lazy("Ingen sysselsettingstall (SSB-tabell %(table)s) for "
                                      "%(year)s. Velg år som er lastet inn, eller importer "
                                      "tallene."),
    "commuting_kommune_missing": gettext_lazy("Kommune %(kommune)s finnes ikke i pendlingstallene "
                                              "(SSB-tabell %(table)s)."),
    "file_not_json": gettext_lazy("filen er ikke gyldig JSON"),
    "version_year_differs": gettext_lazy("versjonen gjelder fra %(year)s, ikke året i filnavnet"),
    # SSB's APIs
    "unreachable": gettext_lazy("Fikk ikke kontakt med %(host)s (%(error)s). Er maskinen på nett?"),
    "refused": gettext_lazy("SSB avviste forespørselen til %(path)s (%(status)s): %(detail)s"),
    "too_many_cells": gettext_lazy(
        "SSB avviste forespørselen til %(path)s fordi den ber om for mange celler "
        "(%(status)s: %(detail)s). Livskraft deler forespørslene etter SSBs grense; "
        "har SSB senket grensen?"),
    "not_json": gettext_lazy("SSB svarte med noe som ikke er JSON fra %(url)s"),
    "bad_metadata": gettext_lazy("Kunne ikke lese metadata for tabell %(table)s: %(reason)s"),
    "cell_limit": gettext_lazy("Én %(dimension)s-verdi gir %(cells)s celler, over grensen på "
                               "%(limit)s."),
    "bad_jsonstat": gettext_lazy("Ugyldig JSON-stat fra tabell %(table)s: %(reason)s"),
    "contents_missing": gettext_lazy("Fant ikke innholdet %(names)s i tabellens metadata."),
    "klass_no_codes": gettext_lazy("KLASS %(classification)s for %(year)s mangler «codes»."),
    "klass_no_changes": gettext_lazy("KLASS 131-endringer mangler «codeChanges»."),
    "klass_no_centrality": gettext_lazy("KLASS 128 for %(year)s hadde ingen kommuner med indeks."),
    "klass_bad_version": gettext_lazy("ikke en KLASS-versjon (mangler classificationItems eller "
                                      "validFrom)"),
    "no_years": gettext_lazy("Tabell %(table)s har ingen år i %(start)s–%(end)s."),
    "no_land_area": gettext_lazy("Tabell %(table)s har ingen arealtype «Landareal»."),
    "no_industry_dimension": gettext_lazy(
        "Tabell %(table)s har ingen næringsdimensjon (NACE). Sett %(setting)s til en tabell "
        "over sysselsatte etter næring."),
    "alternatives_missing": gettext_lazy("Tabell %(table)s har ikke alternativene "
                                         "%(alternatives)s."),
    "jsonstat_no_category": gettext_lazy("dimensjon %(dimension)s mangler «category»"),
    "jsonstat_bad_index": gettext_lazy("dimensjon %(dimension)s har ugyldig indeks"),
    "jsonstat_no_categories": gettext_lazy("dimensjon %(dimension)s har ingen kategorier"),
    "jsonstat_not_dataset": gettext_lazy("ikke et JSON-stat 2.0-datasett"),
    "jsonstat_no_id": gettext_lazy("mangler «id» eller «dimension»"),
    "jsonstat_size_mismatch": gettext_lazy("«size» %(declared)s stemmer ikke med kategoriene "
                                           "%(sizes)s"),
    "jsonstat_value_count": gettext_lazy("%(values)s verdier, men %(cells)s celler"),
    "jsonstat_index_outside": gettext_lazy("verdiindeks %(key)s utenfor datasettet"),
    "jsonstat_no_value": gettext_lazy("mangler «value»"),
    "jsonstat_not_number": gettext_lazy("verdien %(value)s er ikke et tall"),
    # analyses (the pure core's MissingDataError and AnalysisError)
    "no_population_for_kommune": gettext_lazy("Ingen folketall for kommune %(code)s i valgt "
                                              "periode."),
    "end_before_start": gettext_lazy("Sluttåret må være etter startåret."),
    "no_population_in_year": gettext_lazy("Ingen folketall for 1.1.%(year)s."),
    "unequal_age_lists": gettext_lazy("Aldersfordelingene for menn og kvinner har ulik lengde."),
    "no_components": gettext_lazy("Ingen befolkningsendringer (SSB-tabell %(table)s) er lastet "
                                  "inn. Kjør «livskraft sync»."),
    "no_components_in_period": gettext_lazy("Ingen befolkningsendringer (SSB-tabell %(table)s) "
                                            "for %(start)s–%(end)s. Kjør «livskraft sync»."),
    "unknown_terms": gettext_lazy("Ukjente regresjonsledd: %(terms)s"),
    "too_few_kommuner": gettext_lazy("For få kommuner med data til regresjonen."),
    "industries_without_group": gettext_lazy("Næringer uten gruppe i næringsgrupperingen: "
                                             "%(industries)s"),
    "no_jobs_in_year": gettext_lazy("Ingen sysselsettingstall for %(year)s."),
    "needs_population": gettext_lazy("Trenger folketall for 1.1.%(start)s og 1.1.%(end)s."),
    "unknown_groups": gettext_lazy("Ukjent gruppe i næringsgrupperingen: %(groups)s (bruk "
                                   "%(known)s)"),
    "no_criterion": gettext_lazy("Velg minst ett kriterium med vekt over null."),
    "codes_without_crosswalk": gettext_lazy("Kommunenummer uten kodeendringstabell: %(codes)s"),
    "crosswalk_not_covering": gettext_lazy("Kodeendringstabellen dekker ikke %(year)s."),
    "reference_population_missing": gettext_lazy(
        "Trenger folketall på %(year)s-grenser for %(year)s for å fordele tall som er slått "
        "sammen senere (mangler %(codes)s). Last inn befolkning etter årets grenser."),
    "no_kommune_for": gettext_lazy("Ingen kommuner i %(year)s svarer til %(codes)s."),
    "no_code_list_for_year": gettext_lazy("Ingen kodeliste for %(year)s eller tidligere."),
    "codes_without_history": gettext_lazy("Kommunenummer fra %(vintage)s som ikke finnes i "
                                          "kodelistene og KLASS-endringene: %(codes)s"),
}


def _text(code: str, values: dict) -> str:
    template = MESSAGES.get(code)
    if template is None:
        details = ", ".join(f"{k}={v}" for k, v in values.items())
        return f"{code} ({details})" if details else code
    shown = dict(values)
    if code == "bad_value":
        shown["kind"] = KINDS.get(values.get("kind"), values.get("kind"))
    if isinstance(values.get("reason"), str) and values["reason"] in MESSAGES:
        shown["reason"] = _text(values["reason"],
                                {k: v for k, v in values.items() if k != "reason"})
    if isinstance(shown.get("upper"), float):
        shown["upper"] = f"{shown['upper']:g}"
    try:
        return str(template) % shown
    except (KeyError, TypeError, ValueError):  # a code raised with other values than usual
        return f"{code} ({', '.join(f'{k}={v}' for k, v in values.items())})"


def describe(item: Problem | CodedError | Exception) -> str:
    """The sentence for a problem (with file and line) or an error, in the active language."""
    if isinstance(item, Problem):
        where = (_("%(file)s, linje %(line)s") % {"file": item.file, "line": item.line}
                 if item.line else item.file)
        return f"{where}: {_text(item.code, item.values)}"
    if isinstance(item, CodedError):
        return _text(item.code, item.values)
    return str(item)
