import os
import subprocess
import sys


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {**os.environ, "LIVSKRAFT_PRODUCTION": "1", "LIVSKRAFT_HOME": str(tmp_path),
           "LIVSKRAFT_SECRET_KEY": "x" * 60 + "production-test-key-not-used-anywhere",
           "LIVSKRAFT_ALLOWED_HOSTS": "livskraft.example", "DJANGO_SETTINGS_MODULE":
           "livskraft.config.settings"}
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "LIVSKRAFT_SECRET_KEY"}
    env.update(LIVSKRAFT_PRODUCTION="1", LIVSKRAFT_HOME=str(tmp_path),
               DJANGO_SETTINGS_MODULE="livskraft.config.settings")
    result = subprocess.run([sys.executable, "-m", "django", "check"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "LIVSKRAFT_SECRET_KEY" in result.stderr
