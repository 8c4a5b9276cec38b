"""requirements.lock agrees with pyproject.toml and with what is installed, and every package
the code imports is declared: a dependency added without `scripts/lock.sh` fails here."""

import ast
import contextlib
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
APP = [Requirement(line) for line in PROJECT["dependencies"]]
TEST = [Requirement(line) for line in PROJECT["optional-dependencies"]["test"]]


def applies(requirement, extras=("",)):
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({**default_environment(), "extra": extra})
               for extra in extras)


def read_lock():
    """{name: (version, section)} for the lock's entries whose marker holds on this machine."""
    pins, section = {}, "app"
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line == "# test extra":
            section = "test"
        elif line[:1].isalnum():
            requirement = Requirement(line.rstrip(" \\"))
            if applies(requirement):
                (version,) = (spec.version for spec in requirement.specifier)
                pins[canonicalize_name(requirement.name)] = (version, section)
    return pins


LOCK = read_lock()


def reachable(requirements):
    """Every distribution the requirements pull in here, by the installed packages' metadata."""
    seen, queue = set(), [(r, ("",)) for r in requirements]
    while queue:
        requirement, extras = queue.pop()
        name = canonicalize_name(requirement.name)
        if not applies(requirement, extras) or (name, tuple(requirement.extras)) in seen:
            continue
        seen.add((name, tuple(requirement.extras)))
        wanted = ("", *requirement.extras)
        with contextlib.suppress(metadata.PackageNotFoundError):  # the pin test says so
            queue += [(Requirement(line), wanted) for line in metadata.requires(name) or []]
    return {name for name, _ in seen}


@pytest.mark.parametrize("requirement", APP + TEST, ids=str)
def test_every_declared_requirement_is_pinned_within_its_bounds(requirement):
    if not applies(requirement):
        pytest.skip(f"{requirement.marker} does not hold here")
    name = canonicalize_name(requirement.name)
    assert name in LOCK, f"{name} is not in requirements.lock: run scripts/lock.sh"
    version, section = LOCK[name]
    assert requirement.specifier.contains(version, prereleases=True), (
        f"requirements.lock pins {name}=={version} outside {requirement.specifier}: "
        "run scripts/lock.sh")
    if requirement in APP:
        assert section == "app", f"{name} is in the lock's test part, the app needs it"


def test_the_lock_holds_exactly_what_the_declared_requirements_pull_in():
    app = reachable(APP)
    everything = reachable(APP + TEST)
    assert {n for n, (_, s) in LOCK.items() if s == "app"} == app
    assert {n for n, (_, s) in LOCK.items() if s == "test"} == everything - app


def test_the_installed_packages_are_the_locked_versions():
    """scripts/install.sh installs from the lock (so CI runs on the pinned versions)."""
    installed = {name: metadata.version(name) for name in LOCK}
    assert installed == {name: version for name, (version, _) in LOCK.items()}


def test_livskraft_version_prints_the_installed_version():
    result = subprocess.run([sys.executable, "-m", "livskraft", "--version"],
                            capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout == f"livskraft {metadata.version('livskraft')}\n"


def imported_distributions(folders):
    local = {"livskraft", "tests", "bench", *(p.stem for p in (ROOT / "bench").glob("*.py"))}
    owners = metadata.packages_distributions()
    found = {}
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Import):
                    modules = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    modules = [node.module]
                else:
                    continue
                for module in modules:
                    top = module.split(".")[0]
                    if top in local or top in sys.stdlib_module_names:
                        continue
                    for distribution in owners.get(top, [top]):
                        found.setdefault(canonicalize_name(distribution), path.relative_to(ROOT))
    return found


@pytest.mark.parametrize(("folders", "declared"), [
    (["src"], APP), (["tests", "bench", "scripts"], APP + TEST)], ids=["app", "tests"])
def test_every_imported_package_is_declared(folders, declared):
    names = {canonicalize_name(r.name) for r in declared}
    undeclared = {d: str(p) for d, p in imported_distributions(folders).items() if d not in names}
    assert undeclared == {}, "imported but not in pyproject.toml"
