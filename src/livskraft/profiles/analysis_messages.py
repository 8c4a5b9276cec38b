"""Sentences for the pure core's error codes (`analysis.errors.AnalysisError`), in the
user's language."""

from django.utils.translation import gettext as _

from livskraft.analysis.errors import AnalysisError


def describe(error: Exception) -> str:
    if not isinstance(error, AnalysisError):
        return str(error)
    values = error.values
    if error.code == "no_common_years":
        return _("Vår framskriving og SSBs har ingen felles år å sammenligne (%(years)s).") % {
            "years": ", ".join(str(y) for y in values.get("years", []))}
    if error.code == "projection_year_missing":
        return _("Framskrivingen når ikke til %(year)s.") % {"year": values.get("year")}
    if error.code == "jobs_year_missing":
        return _("Ingen sysselsettingstall (SSB-tabell %(table)s) for %(year)s. Velg år som er "
                 "lastet inn, eller importer tallene.") % values
    if error.code == "commuting_kommune_missing":
        return _("Kommune %(kommune)s finnes ikke i pendlingstallene (SSB-tabell "
                 "%(table)s).") % values
    return _("Analysen kan ikke kjøres (%(code)s).") % {"code": error.code}
