"""`livskraft migrate` runs the migrations once; a server on a shared (or production) database
does not migrate on start and refuses to serve a database that is behind."""

import os
import sqlite3
import subprocess
import sys

PRODUCTION = {"LIVSKRAFT_PRODUCTION": "1", "LIVSKRAFT_SSL_REDIRECT": "0",
              "LIVSKRAFT_SECRET_KEY": "x" * 60 + "-a-test-key-not-used-anywhere",
              "LIVSKRAFT_ALLOWED_HOSTS": "livskraft.example"}


def livskraft(home, *args, **extra):
    env = {**os.environ, "LIVSKRAFT_HOME": str(home), **extra}
    env.pop("DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "livskraft", *args], env=env,
                          capture_output=True, text=True, timeout=300)


def test_migrate_applies_everything_once_and_then_nothing(tmp_path):
    first = livskraft(tmp_path, "migrate")
    assert first.returncode == 0, first.stderr
    with sqlite3.connect(tmp_path / "livskraft.sqlite3") as database:
        (applied,) = database.execute("SELECT count(*) FROM django_migrations").fetchone()
    assert first.stdout == f"Databasen er oppdatert ({applied} migreringer kjørt).\n"
    again = livskraft(tmp_path, "migrate")
    assert (again.returncode, again.stdout) == (0, "Databasen var allerede oppdatert.\n")


def test_serve_in_production_refuses_an_unmigrated_database_and_leaves_it_alone(tmp_path):
    result = livskraft(tmp_path, "serve", "--port", "8809", **PRODUCTION)
    assert result.returncode == 2
    assert "kjør `livskraft migrate`" in result.stderr
    with sqlite3.connect(tmp_path / "livskraft.sqlite3") as database:
        tables = database.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    assert tables == []  # nothing migrated behind the operator's back
