import os
import subprocess
import sys


def run_modus(*args, env_extra=None, tmp_path):
    env = {**os.environ, "MODUS_DATA_DIR": str(tmp_path), **(env_extra or {})}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the browser tests set it for their own process
    return subprocess.run(
        [sys.executable, "-m", "modus", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_modus(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
        env_extra={
            "MODUS_PRODUCTION": "1",
            "MODUS_SECRET_KEY": "x" * 30 + "-a-long-random-production-secret-key-9f8e7d",
            "MODUS_ALLOWED_HOSTS": "modus.example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_modus("check", tmp_path=tmp_path, env_extra={"MODUS_PRODUCTION": "1"})
    assert result.returncode != 0
    assert "MODUS_SECRET_KEY" in result.stderr


def test_modus_help_lists_its_commands(tmp_path):
    result = run_modus("--help", tmp_path=tmp_path)
    assert result.returncode == 0
    for command in ("serve", "demo", "import-organisations", "export-organisations"):
        assert command in result.stdout
