"""The `livskraft` command: serve, sync, import-data, createuser and analyse."""

import os
import sys
from pathlib import Path

import click

from livskraft import __version__
from livskraft.analysis.errors import MissingDataError


def _django(migrate: bool = True) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "livskraft.config.settings")
    import django
    from django.conf import settings

    django.setup()
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        Path(settings.DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    if migrate:
        _migrate()


def _unapplied_migrations() -> int:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def _migrate() -> int:
    """Applies what is not applied yet; returns how many migrations that was."""
    from django.core.management import call_command

    pending = _unapplied_migrations()
    if pending:
        call_command("migrate", interactive=False, verbosity=0)
    return pending


def _embedded_database() -> bool:
    """The default: SQLite on this machine, outside production, served by one `serve`."""
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") and not settings.PRODUCTION


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"Feil: {message}", err=True)
    sys.exit(code)


@click.group(help="Livskraft – kunnskapsgrunnlag for livskraftige lokalsamfunn.")
@click.version_option(__version__, prog_name="livskraft", message="%(prog)s %(version)s")
def main() -> None:
    pass


@main.command(help="Start nettstedet (den innebygde SQLite-databasen migreres automatisk; "
              "ellers kjør `livskraft migrate` først).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int)
@click.option("--load-if-empty", type=click.Path(path_type=Path), default=None,
              help="Importer denne mappen først hvis databasen er tom (filer med feil blir "
                   "stående utenfor og listes opp); nettstedet starter uansett.")
def serve(host: str, port: int, workers: int, load_if_empty: Path | None) -> None:
    # The embedded SQLite database of one machine is migrated here; a shared database is
    # migrated once by `livskraft migrate`, never by each of the processes that serve it.
    _django(migrate=False)
    if _embedded_database():
        _migrate()
    elif pending := _unapplied_migrations():
        _fail(f"databasen mangler {pending} migreringer: kjør `livskraft migrate` én gang "
              "før serverne startes (se docs/deployment.md).")
    from livskraft.stats.models import PopulationTotal

    if not PopulationTotal.objects.exists() and load_if_empty is not None:
        if load_if_empty.is_dir():
            click.echo(f"Laster inn data fra {load_if_empty} ...")
            _import(load_if_empty)
        else:
            click.echo(f"Fant ikke datamappen {load_if_empty}; starter uten data.", err=True)
    if not PopulationTotal.objects.exists():
        click.echo("Databasen er tom: kjør `livskraft import-data MAPPE` eller `livskraft sync`.")
    if workers > 1 and not os.environ.get("LIVSKRAFT_REDIS_URL"):
        click.echo("Merk: med flere arbeidsprosesser trenger verkstedets direkteoppdateringer "
                   "Redis (LIVSKRAFT_REDIS_URL); uten den ser storskjermen bare sin egen prosess.",
                   err=True)
    import uvicorn

    click.echo(f"Livskraft kjører på http://{host}:{port}/")
    os.environ["LIVSKRAFT_WARM"] = "1"  # each process warms its caches before it serves
    # ws_max_size: a websocket frame over 1 MiB closes the connection before it is read
    # whole; the consumer answers smaller oversized frames with an error (consumers.py).
    # No permessage-deflate: a phone's frames are 30–60 bytes, and compressing each one both
    # ways took 8 % of the server's time in a 1,000-phone burst (py-spy).
    uvicorn.run("livskraft.config.asgi:application", host=host, port=port, workers=workers,
                http="httptools", loop="uvloop", log_level="warning",
                ws_max_size=2**20, ws_per_message_deflate=False,
                timeout_graceful_shutdown=10)  # open websockets must not hold a restart


@main.command(help="Migrer databasen: én gang ved installasjon og etter hver oppgradering, "
              "før serverne startes (`serve` migrerer bare den innebygde SQLite-databasen).")
def migrate() -> None:
    _django(migrate=False)
    pending = _migrate()
    click.echo(f"Databasen er oppdatert ({pending} migreringer kjørt)." if pending
               else "Databasen var allerede oppdatert.")


@main.command("import-data", help="Importer en mappe med CSV/GeoJSON (formatet i shared/data). "
              "Filer med feil blir stående utenfor og listes opp; resten importeres. "
              "Avslutter med 0 når alt ble importert, 1 når noen filer ble stående utenfor, "
              "2 når ingenting ble importert.")
@click.argument("directory", type=click.Path(path_type=Path))
def import_data(directory: Path) -> None:
    _django()
    sys.exit(_import(directory))


def _import(directory: Path) -> int:
    """Import and print the report; 0 all imported, 1 some files left out, 2 nothing."""
    from livskraft.profiles import national_tables
    from livskraft.sources.problems import DataRejected
    from livskraft.stats.importing import import_directory
    from livskraft.web.data_messages import describe

    try:
        result = import_directory(directory)
    except DataRejected as rejected:
        click.echo("Ingenting ble importert. Rett disse feilene og prøv igjen:", err=True)
        for problem in rejected.problems:
            click.echo(f"  - {describe(problem)}", err=True)
        return 2
    national_tables.refresh()
    for kind, rows in result.stored.items():
        click.echo(f"{kind}: {rows} rader")
    for note in result.notes:
        click.echo(f"merk: {describe(note)}")
    for name in result.skipped:
        click.echo(f"hoppet over (ikke et kjent filformat): {name}")
    if result.rejected:
        click.echo("Disse filene ble ikke importert (resten ble det):", err=True)
        for problem in result.rejected:
            click.echo(f"  - {describe(problem)}", err=True)
        return 1
    return 0


@main.command(help="Opprett en bruker med administratortilgang (prosessleder, komité, stab).")
@click.option("--no-input", is_flag=True,
              help="Ikke spør: les DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL og "
                   "DJANGO_SUPERUSER_PASSWORD fra miljøet.")
def createuser(no_input: bool) -> None:
    _django()
    from django.core.exceptions import ValidationError
    from django.core.management import call_command
    from django.core.management.base import CommandError

    if no_input:
        missing = [name for name in ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_PASSWORD")
                   if not os.environ.get(name)]
        if missing:
            _fail(f"sett {' og '.join(missing)} i miljøet (og gjerne DJANGO_SUPERUSER_EMAIL).")
    try:
        call_command("createsuperuser", interactive=not no_input, verbosity=0)
    except (CommandError, ValidationError) as error:
        _fail(str(error))
    click.echo("Brukeren er opprettet. Logg inn på /konto/logg-inn/.")


@main.command(help="Hent data fra SSB (PxWebApi og KLASS).")
@click.option("--from", "start", default=2006, show_default=True, type=int)
@click.option("--to", "end", default=None, type=int, help="Siste år (standard: nyeste hos SSB)")
def sync(start: int, end: int | None) -> None:
    _django()
    from livskraft.profiles import national_tables
    from livskraft.sources.ssb_errors import SsbError
    from livskraft.stats.syncing import sync_all
    from livskraft.web.data_messages import describe

    try:
        stored = sync_all(start, end, progress=True)
    except SsbError as error:
        _fail(f"{describe(error)}\nIngenting ble lagret.")
    except KeyboardInterrupt:
        _fail("avbrutt. Ingenting ble lagret.", 130)
    national_tables.refresh()
    for kind, rows in stored.items():
        click.echo(f"{kind}: {rows} rader")


@main.group(help="Høringer: opprett fra en JSON-beskrivelse.")
def consultation() -> None:
    pass


@consultation.command("load", help="Opprett eller oppdater en høring eller en «Er du enig?»-"
                                     "avstemning fra en JSON-fil.")
@click.argument("path", type=click.Path(path_type=Path))
def consultation_load(path: Path) -> None:
    _django()
    from livskraft.consultations.loading import DescriptionError, load
    from livskraft.consultations.models import Poll
    from livskraft.web.formatting import in_oslo

    try:
        loaded = load(path)
    except DescriptionError as error:
        _fail(str(error))
    if isinstance(loaded, Poll):
        click.echo(f"Avstemningen «{loaded.title}» ligger på /enig/{loaded.slug}/ "
                   f"({loaded.statements.count()} påstander)")
        return
    themes = loaded.themes.count()
    questions = sum(theme.questions.count() for theme in loaded.themes.all())
    click.echo(f"Høringen «{loaded.title}» ligger på /horing/{loaded.slug}/ ({themes} temaer, "
               f"{questions} spørsmål, frist {in_oslo(loaded.deadline):%d.%m.%Y %H:%M})")


@main.group(help="Analyser fra kommandolinjen.")
def analyse() -> None:
    pass


FORMAT = click.option("--format", "output", type=click.Choice(["table", "csv", "json"]),
                      default="table", show_default=True)
BORDERS = click.option("--borders", type=int, default=None,
                       help="Grenser per år (f.eks. 2018 eller 2024); standard er nyeste.")


@analyse.command(help="Folketall for en kommune over en periode.")
@click.option("--kommune", required=True)
@click.option("--from", "start", type=int)
@click.option("--to", "end", type=int)
@BORDERS
@FORMAT
def population(kommune: str, start: int | None, end: int | None, borders: int | None,
               output: str) -> None:
    _django()
    from livskraft.profiles import reports

    _print(lambda: reports.population_table(kommune, start, end, borders), output)


@analyse.command("immigration-effect", help="Vekst med og uten nettoinnvandring, alle kommuner.")
@click.option("--from", "start", type=int, required=True)
@click.option("--to", "end", type=int, required=True)
@BORDERS
@FORMAT
def immigration_effect(start: int, end: int, borders: int | None, output: str) -> None:
    _django()
    from livskraft.profiles import reports

    _print(lambda: reports.immigration_effect_table(start, end, borders), output)


@analyse.command(help="Attraktivitet (Telemarksforsking-style) for alle kommuner.")
@click.option("--from", "start", type=int, required=True)
@click.option("--to", "end", type=int, required=True)
@click.option("--terms", default="relative_job_growth,log_size", show_default=True,
              help="Regresjonsledd: relative_job_growth, log_size")
@click.option("--industry-groups", type=click.Path(exists=True, dir_okay=False),
              help="Egen næringsgruppering (CSV med naering,gruppe)")
@click.option("--regression", is_flag=True, help="Vis regresjonen i stedet for kommunene")
@BORDERS
@FORMAT
def attractiveness(start: int, end: int, terms: str, industry_groups: str | None,
                   regression: bool, borders: int | None, output: str) -> None:
    _django()
    from livskraft.profiles import attractiveness_tables as tables

    def build():
        table, model = tables.attractiveness_table(start, end, borders, terms.split(","),
                                                   industry_groups)
        return tables.regression_table(model) if regression else table

    _print(build, output)


@analyse.command(help="Befolkningsframskriving for en kommune, med scenarier.")
@click.option("--kommune", required=True)
@click.option("--years", default=30, show_default=True, type=click.IntRange(1, 60))
@click.option("--extra", type=float, help="Eget scenario: flere (+) eller færre (−) per år")
@click.option("--ages", default="20-29", show_default=True, help="Aldersgruppe for --extra")
@click.option("--against-ssb", is_flag=True,
              help="Bare sammenligningen med SSBs MMMM etter 10, 20 og 26 år")
@BORDERS
@FORMAT
def projection(kommune: str, years: int, extra: float | None, ages: str, against_ssb: bool,
               borders: int | None, output: str) -> None:
    _django()
    from livskraft.profiles import projection_tables as tables

    def build():
        first, _, last = ages.partition("-")
        if not (first.isdigit() and last.isdigit()):
            raise ValueError("--ages må være på formen 20-29.")
        custom = None if extra is None else tables.Extra(extra, int(first), int(last))
        return tables.kommune_table(kommune, years, borders, custom)

    def comparison():
        return tables.ssb_comparison(kommune, borders)

    if against_ssb:
        _print(comparison, output)
        return
    _print(build, output)
    if output == "table":
        click.echo("\nLivskraft mot SSBs hovedalternativ (MMMM), begge fra SSBs basisår:")
        _print(comparison, output, required=False)


def _print(build, output: str, required: bool = True) -> None:
    from livskraft.web.data_messages import describe

    try:
        table = build()
    except (MissingDataError, ValueError) as error:
        if not required:
            click.echo(describe(error))
            return
        _fail(describe(error))
    if output == "csv":
        click.echo(table.to_csv(index=False), nl=False)
    elif output == "json":
        click.echo(table.to_json(orient="records", force_ascii=False))
    else:
        click.echo(table.to_string(index=False))
