"""A real `livskraft serve` on the shared data, driven by Debian's headless Chromium."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LIVSKRAFT_CHROMIUM", "/usr/bin/chromium")
COMMITTEE_PASSWORD = "komite-passord-for-test"
EXPECT_MS = 15_000  # a waiting expect(...) on a loaded machine (Playwright's default: 5 s)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def serve(tmp_path_factory):
    """Start `livskraft serve` on a fresh database loaded from a data directory."""
    processes = []
    imported_homes = {}  # data directory -> a home it was imported into once, copied per server

    def environment(home) -> dict:
        env = {**os.environ, "LIVSKRAFT_HOME": str(home),
               "DJANGO_SETTINGS_MODULE": "livskraft.config.settings",
               "DJANGO_SUPERUSER_PASSWORD": COMMITTEE_PASSWORD}
        env.pop("DATABASE_URL", None)
        return env

    def start(data_dir, *prepare: list[str]) -> str:
        """`prepare`: further commands (after `python -m`) to run before serving;
        `data_dir` None: nothing imported."""
        home = tmp_path_factory.mktemp("browser-server")
        env = environment(home)
        livskraft = [sys.executable, "-m", "livskraft"]
        if data_dir is not None:  # None: a fresh install with nothing imported
            if data_dir not in imported_homes:
                imported = tmp_path_factory.mktemp("browser-import")
                subprocess.run([*livskraft, "import-data", str(data_dir)],
                               env=environment(imported), check=True, capture_output=True,
                               timeout=300)
                imported_homes[data_dir] = imported
            shutil.copytree(imported_homes[data_dir], home, dirs_exist_ok=True)
        for command in prepare:
            subprocess.run([sys.executable, "-m", *command], env=env, check=True,
                           capture_output=True, timeout=120)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen([*livskraft, "serve", "--port", str(port)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        processes.append(process)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return f"http://127.0.0.1:{port}"
            except OSError:
                if process.poll() is not None:
                    pytest.fail(process.stderr.read().decode())
                time.sleep(0.2)
        pytest.fail("livskraft serve did not start")

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(serve, shared_data):
    return serve(shared_data)


@pytest.fixture(scope="session")
def empty_server(serve):
    return serve(None)


@pytest.fixture(scope="session")
def consultation_server(serve, shared_data):
    examples = Path(__file__).parents[2] / "docs" / "examples"
    return serve(shared_data,
                 ["django", "createsuperuser", "--noinput", "--username", "komite",
                  "--email", "komite@example.org"],
                 ["livskraft", "consultation", "load", str(examples / "distriktshoring.json")],
                 ["livskraft", "consultation", "load",
                  str(examples / "er-du-enig-distriktspolitikk.json")])


@pytest.fixture(scope="session")
def outlook_server(serve, tmp_path_factory):
    from tests.synthetic_outlook import write_directory

    return serve(write_directory(tmp_path_factory.mktemp("outlook") / "data"))


@pytest.fixture(scope="session")
def editions_server(serve, tmp_path_factory):
    from tests.synthetic_editions import add_editions
    from tests.synthetic_outlook import write_directory

    return serve(add_editions(write_directory(tmp_path_factory.mktemp("editions") / "data")))


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium finnes ikke på {CHROMIUM}; installeres av scripts/test.sh")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nb-NO", accept_downloads=True)
    yield context.new_page()
    context.close()
