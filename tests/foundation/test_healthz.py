import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_answers_200_after_a_database_round_trip(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_healthz_answers_503_when_the_database_is_unreachable(tmp_path):
    # A real, unreachable database: nothing listens on port 1.
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', HTTP_HOST='127.0.0.1');"
        "print(r.status_code, r.content.decode().strip())"
    )
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="qualreg.settings",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
        QUALREG_DATA_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "503 database unavailable", result.stderr
