"""Django for a bench script: the bench settings, with the script's own data folder."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(data: Path) -> None:
    """Set up Django with `bench.settings` and its data (SQLite, development secret) in
    `data`, unless DATABASE_URL names another database."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["QUALREG_DATA_DIR"] = str(data)
    os.environ["SECRET_KEY"] = "bench-secret-key-that-is-long-enough-0123456789"
    os.environ.pop("DEBUG", None)
    import django

    django.setup()
