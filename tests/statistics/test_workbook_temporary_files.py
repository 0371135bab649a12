"""The statistics workbook leaves no temporary file behind, whether it is made or fails."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest

from tests.statistics.conftest import register

pytestmark = pytest.mark.django_db


@pytest.fixture
def temporary_directory(tmp_path, monkeypatch) -> Path:
    """The temporary directory every library uses during the test: an empty one of its own."""
    directory = tmp_path / "tmp"
    directory.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    return directory


def test_a_workbook_that_fails_partway_leaves_nothing_behind(
    analyst_client, centre, temporary_directory, monkeypatch
):
    register(centre, 6, gender="woman")

    def disk_full(*args, **kwargs):
        raise OSError("No space left on device")

    # openpyxl has written a sheet to a temporary file and now copies it into the archive.
    monkeypatch.setattr(zipfile.ZipFile, "write", disk_full)
    with pytest.raises(OSError, match="No space left"):
        analyst_client.get("/en/statistics/statistics.xlsx")
    assert list(temporary_directory.iterdir()) == []


def test_a_workbook_leaves_nothing_behind(analyst_client, centre, temporary_directory):
    register(centre, 6, gender="woman")
    response = analyst_client.get("/en/statistics/statistics.xlsx")
    assert response.status_code == 200
    assert response.content.startswith(b"PK")
    assert list(temporary_directory.iterdir()) == []
