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
        shown["reason"] = _text(values["reason"], values)
    if "upper" in shown:
        shown["upper"] = f"{shown['upper']:g}"
    return str(template) % shown


def describe(item: Problem | CodedError | Exception) -> str:
    """The sentence for a problem (with file and line) or an error, in the active language."""
    if isinstance(item, Problem):
        where = (_("%(file)s, linje %(line)s") % {"file": item.file, "line": item.line}
                 if item.line else item.file)
        return f"{where}: {_text(item.code, item.values)}"
    if isinstance(item, CodedError):
        return _text(item.code, item.values)
    return str(item)
