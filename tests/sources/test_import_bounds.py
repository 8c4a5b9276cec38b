"""Import refuses numbers no kommune can have, with file and line, and never overflows."""

import os
import subprocess
import sys

import pytest

from livskraft.stats.importing import import_directory
from livskraft.stats.models import PopulationChange, PopulationTotal
from livskraft.web.data_messages import describe

pytestmark = pytest.mark.usefixtures("empty_database")

TOTALS = "population/kommune_befolkning_total_b2024.csv"
ROW = "2020,9901,Testvik,1000,500,500,0"  # line 2 of the synthetic totals


def replace_row(root, row: str) -> None:
    path = root / TOTALS
    text = path.read_text(encoding="utf-8")
    assert ROW in text
    path.write_text(text.replace(ROW, row), encoding="utf-8")


@pytest.mark.parametrize(("persons", "shown"), [
    ("9000000000000000000", "9000000000000000000"),  # fits int64, but no kommune is that big
    ("9" * 40, "9" * 40),  # would overflow int64: reported, not a traceback
    ("2000001", "2000001"),  # one above the ceiling
])
def test_an_impossible_population_is_rejected_with_file_and_line(synthetic_dir, persons, shown):
    half = str(int(persons) // 2)
    replace_row(synthetic_dir, f"2020,9901,Testvik,{persons},{half},{int(persons) - int(half)},0")
    result = import_directory(synthetic_dir)
    assert (TOTALS, 2, "implausible_value") in {(p.file, p.line, p.code) for p in result.rejected}
    messages = [describe(p) for p in result.rejected]
    assert f"{TOTALS}, linje 2: personer={shown} er utenfor det mulige (0–2000000)" in messages
    assert not PopulationTotal.objects.exists()  # nothing of the bad file
    assert PopulationChange.objects.count() == 6  # the good file beside it: 3 kommuner × 2 years


def test_an_impossible_year_is_rejected(synthetic_dir):
    replace_row(synthetic_dir, "20200,9901,Testvik,1000,500,500,0")
    result = import_directory(synthetic_dir)
    assert f"{TOTALS}, linje 2: aar=20200 er utenfor det mulige (1800–2200)" in \
        [describe(p) for p in result.rejected]


def test_the_cli_explains_it_and_leaves_the_file_out(synthetic_dir, tmp_path):
    replace_row(synthetic_dir, f"2020,9901,Testvik,{'9' * 40},1,1,0")
    env = {**os.environ, "LIVSKRAFT_HOME": str(tmp_path / "home")}
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, "-m", "livskraft", "import-data",
                             str(synthetic_dir)], env=env, capture_output=True, text=True,
                            timeout=300)
    assert "Traceback" not in result.stderr
    assert "Disse filene ble ikke importert (resten ble det):" in result.stderr
    assert f"{TOTALS}, linje 2: personer={'9' * 40} er utenfor det mulige" in result.stderr
