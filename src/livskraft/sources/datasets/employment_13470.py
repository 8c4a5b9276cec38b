"""Jobs by workplace kommune and industry (SN2007), 4th quarter (SSB 13470 by default;
LIVSKRAFT_SSB_JOBS_TABLE picks another table with a NACE dimension)."""

from ..jsonstat import dimensions
from ..ssb_errors import SsbError
from .base import Dataset, FileFormat, read_kommune_table, regions, totals_or_all, years_in

TABLE = "13470"
SYNC_ORDER = 60
DATASETS = [Dataset("employment", ("vintage", "year", "code", "industry", "jobs"),
                    "stats.Employment", replace_by=("vintage", "year"), values=("jobs",),
                    keys=("industry",))]


def _employment(match, path, result):
    read_kommune_table(match, path, result, "employment",
                       {"aar": ("int", "year"), "kommunenr": ("code4", "code"),
                        "naering": ("text", "industry"), "sysselsatte": ("int", "jobs")},
                       ["aar", "kommunenr", "naering"])


FORMATS = [
    FileFormat(r"kommune_sysselsatte_arbeidssted_(?:b(\d{4})|aarets_grenser_\d{4}_\d{4})"
               r"\.csv(?:\.gz)?", _employment,
               "`kommune_sysselsatte_arbeidssted_bYYYY.csv` or `…_aarets_grenser_*.csv`",
               "aar, kommunenr, naering (SN2007 code as SSB publishes it, e.g. 10-33), "
               "sysselsatte", "jobs by workplace kommune and industry"),
]


def fetch(context) -> None:
    table = context.table("employment", TABLE)
    metadata = context.meta(table)
    dims = dimensions(metadata)
    industry = next((d for d in dims if d.upper().startswith("NACE")), None)
    if industry is None:
        raise SsbError("no_industry_dimension", table=table, setting="LIVSKRAFT_SSB_JOBS_TABLE")
    chosen_years = years_in(metadata, context.years)
    if not chosen_years:
        raise SsbError("no_years", table=table, start=context.years[0], end=context.years[-1])
    fixed = {"Region", "ContentsCode", "Tid", industry}
    selection = {"Region": regions(metadata), industry: dims[industry],
                 "ContentsCode": dims["ContentsCode"][:1], "Tid": chosen_years,
                 **totals_or_all(metadata, fixed)}
    frame = context.keep_valid(context.fetch(table, selection, "sysselsatte"))
    jobs = frame.groupby(["year", "code", industry], as_index=False).value.sum()
    jobs = jobs.rename(columns={industry: "industry", "value": "jobs"})
    jobs = jobs.assign(vintage=jobs.year, jobs=jobs.jobs.round().astype(int))
    context.batch.add("employment", jobs, f"SSB {table}")
