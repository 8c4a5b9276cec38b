"""Each import is kept as a report (stored rows, refused files with their problem codes), and
symlinked data folders are read like real ones."""

import pytest

from livskraft.sources.problems import DataRejected
from livskraft.stats.importing import import_directory
from livskraft.stats.models import ImportReport, PopulationChange

pytestmark = pytest.mark.usefixtures("empty_database")

CHANGES = "population/kommune_befolkningsendringer_b2024.csv"


def test_the_report_lists_what_was_stored_and_what_was_refused(synthetic_dir):
    (synthetic_dir / CHANGES).write_text("aar,kommunenr\n2020,9901\n", encoding="utf-8")
    result = import_directory(synthetic_dir)
    assert PopulationChange.objects.count() == 0
    report = ImportReport.objects.get()
    # tests/synthetic.py: 3 kommuner × 2020–2022 = 9 population rows, all valid
    assert report.stored["population_totals"] == 9 == result.stored["population_totals"]
    assert [(p["file"], p["line"], p["code"]) for p in report.refused] == [
        (CHANGES, 1, "missing_columns")]


def test_a_run_that_stores_nothing_is_reported_too(tmp_path):
    with pytest.raises(DataRejected):
        import_directory(tmp_path)
    assert ImportReport.objects.get().refused[0]["code"] == "no_known_files"


def test_symlinked_folders_are_read(synthetic_dir, tmp_path):
    linked = tmp_path / "linked"
    linked.mkdir()
    for folder in ("codes", "population"):
        (linked / folder).symlink_to(synthetic_dir / folder, target_is_directory=True)
    assert import_directory(linked).stored["population_totals"] == 9
