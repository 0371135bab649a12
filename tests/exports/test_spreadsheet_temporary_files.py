"""An XLSX export that fails partway leaves none of its sheets (which hold registrations) in
the temporary directory, and one that succeeds leaves nothing either."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from qualreg.exports.records import ExportedRegistration
from qualreg.exports.spreadsheet import write_workbook
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
