"""Where a figure comes from, said the same way on charts, downloads and in the API.

SSB's API (PxWebApi, KLASS) is published under Creative Commons CC BY 4.0 (SSB's API user
guide, "API-et benytter Creative Commons-lisensen CC BY 4.0"); ssb.no's own pages use NLOD.
Our figures come through the API, so CC BY 4.0 with "Statistisk sentralbyrå" named."""

from dataclasses import dataclass

import pandas as pd
from django.conf import settings
from django.utils.translation import gettext as _

SSB = "Statistisk sentralbyrå"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
SOURCE_COLUMN = "kilde"


@dataclass(frozen=True)
class Source:
    """SSB tables a figure is built from; `computed` when Livskraft computed it from them."""

    tables: tuple[str, ...]
    computed: bool = False

    def sentence(self) -> str:
        """«Kilde: Statistisk sentralbyrå, tabell 07459, lisens CC BY 4.0» in the language."""
        tables = [t for t in self.tables if not t.startswith("KLASS")]
        parts = [_("tabell %(tables)s") % {"tables": ", ".join(tables)}] if tables else []
        parts += [t for t in self.tables if t.startswith("KLASS")]
        text = _("Kilde: Statistisk sentralbyrå, %(tables)s, lisens %(licence)s") % {
            "tables": ", ".join(parts), "licence": LICENCE}
        if self.computed:
            text += ". " + _("Beregnet av Livskraft")
        return text


POPULATION = Source(("07459",))
ACCOUNTS = Source(("06913", "07459"))
IMMIGRATION_EFFECT = Source(("06913", "07459"), computed=True)
JOBS = Source(("11618",))
MUNICIPALITIES = Source(("KLASS 131",))
PLACE_FINDER = Source(("07459", "11618", "KLASS 128"), computed=True)


def attractiveness(by_industry: bool, migration_estimated: bool) -> Source:
    """Jobs by industry (the sync's table) or 11618's totals; net migration from 06913, or
    estimated from population by age (07459) when 06913 is not loaded."""
    jobs = settings.SSB_JOBS_TABLE if by_industry else "11618"
    return Source((jobs, *(() if migration_estimated else ("06913",)), "07459"), computed=True)


def projection(components_loaded: bool, ssb_shown: bool) -> Source:
    """Population by age (07459), births and deaths (06913) where loaded, and SSB's own
    projection (14288) where it is shown beside ours."""
    return Source(("07459", *(("06913",) if components_loaded else ()),
                   *(("14288",) if ssb_shown else ())), computed=True)


def with_source(table: pd.DataFrame, source: Source) -> pd.DataFrame:
    """The table with the source sentence in a last column `kilde` (every row), so a CSV or
    XLSX file carries its source wherever it is copied."""
    return table.assign(**{SOURCE_COLUMN: source.sentence()})
