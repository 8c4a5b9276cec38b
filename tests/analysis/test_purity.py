import pkgutil
import subprocess
import sys
from pathlib import Path

import livskraft

PURE = ("analysis", "sources")


def pure_modules() -> list[str]:
    root = Path(livskraft.__file__).parent
    names = ["livskraft.errors"]
    for package in PURE:
        names.append(f"livskraft.{package}")
        names += [m.name for m in pkgutil.walk_packages([str(root / package)],
                                                        f"livskraft.{package}.")]
    return names


def test_every_module_of_the_pure_core_imports_no_django():
    modules = pure_modules()
    assert "livskraft.analysis.border_history" in modules
    assert "livskraft.sources.datasets.population_07459" in modules
    code = (f"import importlib, sys\nfor name in {modules!r}:\n    importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_the_pure_core_translates_nothing():
    root = Path(livskraft.__file__).parent
    for package in PURE:
        for path in (root / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "gettext" not in text and "django" not in text.lower().replace(
                "no django", ""), path
