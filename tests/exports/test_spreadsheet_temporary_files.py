"""An XLSX export that fails partway leaves none of its sheets (which hold registrations) in
the temporary directory, and one that succeeds leaves nothing either; what a worker killed
outright leaves is swept by the hourly purge."""

from __future__ import annotations

import datetime
import io
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from qualreg.exports.records import ExportedRegistration
from qualreg.exports.spreadsheet import write_workbook
from qualreg.lib import xlsx
from qualreg.privacy.models import AuditEvent
from tests.exports.conftest import full_answers, record


@pytest.fixture
def temporary_directory(tmp_path, monkeypatch) -> Path:
    """The temporary directory every library uses during the test: an empty one of its own."""
    directory = tmp_path / "tmp"
    directory.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    return directory


def _records_then_a_failure() -> Iterator[ExportedRegistration]:
    yield record(full_answers(), id=1)
    yield record(full_answers(), id=2)
    raise ConnectionError("the database went away")


def test_a_failed_export_leaves_nothing_in_the_temporary_directory(temporary_directory):
    target = io.BytesIO()
    with pytest.raises(ConnectionError):
        write_workbook(_records_then_a_failure(), "en", target)
    assert list(temporary_directory.iterdir()) == []


def test_an_export_leaves_nothing_in_the_temporary_directory(temporary_directory):
    target = io.BytesIO()
    assert write_workbook([record(full_answers())], "ar", target) == 1
    assert target.getvalue().startswith(b"PK")
    assert list(temporary_directory.iterdir()) == []


HOUR = 60 * 60


def _scratch(parent: Path, name: str, *, hours_old: float) -> Path:
    """A writer's scratch directory holding a sheet, last changed `hours_old` hours ago."""
    directory = parent / name
    directory.mkdir()
    (directory / "openpyxl.abc123.xml").write_text("<row>a registration</row>")
    moment = time.time() - hours_old * HOUR
    os.utime(directory, (moment, moment))
    return directory


@pytest.fixture
def leftovers(temporary_directory) -> dict[str, Path]:
    """What killed and running writers and other programs leave in the temporary directory."""
    unrelated = temporary_directory / "someone-elses-dir"
    unrelated.mkdir()
    os.utime(unrelated, (time.time() - 48 * HOUR,) * 2)
    a_file = temporary_directory / "qualreg-xlsx-not-a-directory"
    a_file.write_text("")
    os.utime(a_file, (time.time() - 48 * HOUR,) * 2)
    return {
        "killed yesterday": _scratch(temporary_directory, "qualreg-xlsx-k1ll3d", hours_old=24),
        "killed 7 hours ago": _scratch(temporary_directory, "qualreg-xlsx-s3v3n", hours_old=7),
        "still writing": _scratch(temporary_directory, "qualreg-xlsx-runn1ng", hours_old=0),
        "a long export": _scratch(temporary_directory, "qualreg-xlsx-l0ng", hours_old=5),
        "unrelated": unrelated,
        "a file": a_file,
    }


def test_the_sweep_removes_old_scratch_directories_and_nothing_else(leftovers):
    assert xlsx.sweep_abandoned_directories() == 2
    gone = {name for name, path in leftovers.items() if not path.exists()}
    assert gone == {"killed yesterday", "killed 7 hours ago"}
    assert (leftovers["still writing"] / "openpyxl.abc123.xml").exists()
    assert xlsx.sweep_abandoned_directories() == 0


def test_a_workbook_being_written_keeps_its_directory(temporary_directory):
    with xlsx.scratch_directory():
        (directory,) = temporary_directory.iterdir()
        assert xlsx.sweep_abandoned_directories() == 0
        assert directory.exists()


@pytest.mark.django_db
def test_the_hourly_purge_sweeps_and_prints_only_the_count(leftovers, monkeypatch):
    # The moment purge counts from may be moved (months ahead here); a directory in use
    # still does not look old: ages are read on the machine's clock.
    moved = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=90)
    monkeypatch.setattr(timezone, "now", lambda: moved)
    printed = io.StringIO()
    call_command("purge", stdout=printed)
    assert "spreadsheet scratch directories: 2\n" in printed.getvalue()
    assert "qualreg-xlsx" not in printed.getvalue()
    assert not leftovers["killed yesterday"].exists()
    assert leftovers["still writing"].exists() and leftovers["a long export"].exists()
    run = AuditEvent.objects.get(action="privacy.purged")
    assert run.detail["spreadsheet_scratch_directories"] == 2


def test_a_directory_that_cannot_be_removed_is_counted_in_the_log_without_its_name(
    leftovers, monkeypatch, caplog
):
    def refuse(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    monkeypatch.setattr(xlsx.shutil, "rmtree", refuse)
    with caplog.at_level(logging.WARNING, logger="qualreg.xlsx"):
        assert xlsx.sweep_abandoned_directories() == 0
    assert [record.getMessage() for record in caplog.records] == [
        "2 abandoned spreadsheet scratch directories could not be removed"
    ]
    assert leftovers["killed yesterday"].exists()
