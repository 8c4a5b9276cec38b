"""The front-end files in static/vendor/ are the releases package-lock.json pins, each with its
licence, and the pages load them from this site only (no CDN)."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
VENDOR = ROOT / "src/livskraft/web/static/vendor"
LOCK = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
DIRECT = LOCK["packages"][""]["dependencies"]


def vendored_packages() -> dict[str, dict]:
    """Each vendored package.json by its package name (folder: the name without its @)."""
    found = {}
    for path in VENDOR.glob("**/package.json"):
        manifest = json.loads(path.read_text(encoding="utf-8"))
        assert path.parent.relative_to(VENDOR).as_posix() == manifest["name"].removeprefix("@")
        found[manifest["name"]] = manifest
    return found


def test_every_direct_dependency_is_vendored_and_nothing_else():
    assert set(vendored_packages()) == set(DIRECT)


@pytest.mark.parametrize("package", sorted(DIRECT))
def test_vendored_version_is_the_locked_one(package):
    locked = LOCK["packages"][f"node_modules/{package}"]["version"]
    assert vendored_packages()[package]["version"] == locked
    # package.json pins the exact release, so `npm ci` cannot drift from what is committed.
    assert DIRECT[package] == locked
    assert json.loads((ROOT / "package.json").read_text())["dependencies"][package] == locked


@pytest.mark.parametrize("package", sorted(DIRECT))
def test_vendored_package_carries_its_licence(package):
    licence = (VENDOR / package.removeprefix("@") / "LICENSE").read_text(encoding="utf-8")
    expected = {"MIT": "Permission is hereby granted, free of charge", "OFL-1.1": "SIL OPEN FONT LICENSE",
                "BSD-2-Clause": "Redistribution and use in source and binary forms"}
    locked = LOCK["packages"][f"node_modules/{package}"]["license"]
    assert expected[locked].lower() in licence.lower()


def test_vendored_stylesheets_reference_only_files_that_are_vendored():
    for css in VENDOR.glob("**/*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            url = url.strip("'\"")
            if url.startswith(("data:", "#")):  # inline, or a fragment (Leaflet's old-IE VML)
                continue
            assert not re.match(r"(https?:)?//", url), f"{css.name} loads {url} from elsewhere"
            assert (css.parent / url).is_file(), f"{css.name} needs {url}"


@pytest.mark.django_db
def test_pages_load_the_vendored_design_system_and_nothing_from_elsewhere(client):
    html = client.get("/").content.decode()
    assert "/static/vendor/digdir/designsystemet-css/dist/src/index.css" in html
    assert "/static/vendor/digdir/designsystemet-theme/src/themes/designsystemet.css" in html
    assert not re.search(r"""(href|src)=["'](https?:)?//""", html)
