"""The national tables behind every kommune page, kept per data version on disk: what an
import computes, another process (or the next start) reads instead of computing again."""

import shutil
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from livskraft.profiles import (
    attractiveness_tables,
    comparisons,
    national_tables,
    projection_tables,
    reports,
)
from livskraft.stats import frames, work
from livskraft.stats.importing import import_directory

pytestmark = pytest.mark.django_db
KEPT = [frames._national, frames._history, work._jobs, work._commuting, work._imdi,
        projection_tables._inputs, attractiveness_tables._table, comparisons._ratio,
        comparisons._adjacency, reports._names]


@pytest.fixture
def imported(empty_database, synthetic_dir):
    import_directory(synthetic_dir)
    return synthetic_dir


def new_process() -> None:
    """What a new server process starts with: nothing in memory, the disk as it is."""
    for kept in KEPT:
        kept.cache_clear()


def generations(settings) -> list[Path]:
    return sorted(Path(settings.TABLE_STORE_DIR).iterdir())


def asked(queries) -> list[str]:
    """The statements, less the data version's (read again once a second)."""
    return [q["sql"] for q in queries if '"stats_dataload"' not in q["sql"]]


def persons(frame, code: str, year: int) -> float:
    return frame[(frame.code == code) & (frame.year == year)].persons.item()


def test_a_kept_table_is_read_by_the_next_process_without_queries(imported, settings):
    borders = frames.default_borders()
    assert persons(frames.population(borders), "9901", 2020) == 1000  # tests/synthetic.py
    new_process()
    version = frames.data_version()
    with CaptureQueriesContext(connection) as queries:
        kept = frames._national("population_totals", borders, version)
    assert len(queries) == 0
    assert persons(kept, "9901", 2020) == 1000 and persons(kept, "9903", 2022) == 780


def test_a_new_import_is_computed_from_the_new_data_and_the_old_tables_go(imported, settings):
    national_tables.refresh()
    old = generations(settings)
    assert len(old) == 1
    totals = imported / "population" / "kommune_befolkning_total_b2024.csv"
    totals.write_text(totals.read_text(encoding="utf-8").replace(
        "2020,9901,Testvik,1000,500,500", "2020,9901,Testvik,1200,600,600"), encoding="utf-8")
    import_directory(imported)
    national_tables.refresh()
    assert persons(frames.population(), "9901", 2020) == 1200
    assert len(generations(settings)) == 1 and generations(settings) != old


def test_an_unreadable_kept_table_is_computed_again(imported, settings):
    national_tables.refresh()
    files = list(generations(settings)[0].glob("*.pickle"))
    assert files
    for path in files:
        path.write_bytes(b"not a pickle")
    new_process()
    assert persons(frames.population(), "9902", 2021) == 505


def test_the_first_page_after_an_import_reads_no_whole_table(client, imported, settings):
    """`refresh` (as `import-data` runs it) leaves nothing national for the first page of a
    new process to compute: it asks the database what a page of a warm process asks (its
    own kommune's rows, the loaded years), and it is the same page."""
    computed = client.get("/kommune/9901/")  # everything computed from the database
    assert computed.status_code == 200
    shutil.rmtree(settings.TABLE_STORE_DIR)
    new_process()
    national_tables.refresh()
    new_process()
    with CaptureQueriesContext(connection) as queries:
        first = client.get("/kommune/9901/")
    with CaptureQueriesContext(connection) as warm:
        assert client.get("/kommune/9901/").content == first.content
    assert asked(queries) == asked(warm)
    assert first.content == computed.content


def test_labelled_comparison_rows_follow_each_visitors_language(client, imported):
    """The immigration-effect comparison labels its bars; a table kept for one language
    must not show its labels on another language's page."""
    norwegian = client.get("/kommune/9901/", HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    english = client.get("/kommune/9901/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Vekst i alt" in norwegian
    assert "Total growth" in english and "Vekst i alt" not in english  # en django.po
    nynorsk = client.get("/kommune/9901/", HTTP_ACCEPT_LANGUAGE="nn").content.decode()
    assert "Vekst utan nettoinnvandring" in nynorsk  # nn django.po
