"""Production settings are checked in a separate process, as a deployment would load them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "QUALREG_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_deploy_reports_nothing_in_production(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        QUALREG_ENV="production",
        SECRET_KEY="x" * 20 + "a-real-production-secret-value-0123456789",
        ALLOWED_HOSTS="qualreg.example.no",
        QUALREG_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage(
        "check",
        QUALREG_ENV="production",
        ALLOWED_HOSTS="qualreg.example.no",
        QUALREG_DATA_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_malformed_setting_stops_start_up_with_its_name(tmp_path):
    result = run_manage("check", SESSION_IDLE_MINUTES="sixty", QUALREG_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SESSION_IDLE_MINUTES must be a whole number" in result.stderr


def test_the_audit_log_cannot_be_kept_shorter_than_the_registrations_it_describes():
    result = run_manage("check", REGISTRATION_RETENTION_DAYS="1826", AUDIT_RETENTION_DAYS="365")
    assert result.returncode != 0
    assert "AUDIT_RETENTION_DAYS must be at least 1826" in result.stderr
