"""A directory of our own for the temporary files openpyxl writes while it makes a workbook.

openpyxl writes every sheet to a temporary file ("openpyxl.*.xml" in the system's temporary
directory) and removes it only once the workbook is saved, so a workbook that fails partway
leaves its sheets, which hold registrations, behind until the process ends. Inside
`scratch_directory()` those files go to a directory that is removed however the block ends.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from openpyxl.worksheet import _writer

# Per thread and per task, so that two workbooks written at once keep to their own directory.
_directory: ContextVar[str | None] = ContextVar("xlsx_scratch_directory", default=None)


def _create_temporary_file(suffix: str = "") -> str:
    """openpyxl's own `create_temporary_file`, in the current scratch directory if any."""
    with tempfile.NamedTemporaryFile(
        mode="w+", suffix=suffix, prefix="openpyxl.", dir=_directory.get(), delete=False
    ) as file:
        name = file.name
    _writer.ALL_TEMP_FILES.append(name)  # openpyxl removes it from there when the sheet is saved
    return name


# WorksheetWriter looks the function up in its module each time it makes a sheet's file.
_writer.create_temporary_file = _create_temporary_file


@contextmanager
def scratch_directory() -> Iterator[None]:
    """Make workbooks inside this block; their temporary files go when it ends."""
    directory = tempfile.mkdtemp(prefix="qualreg-xlsx-")
    token = _directory.set(directory)
    try:
        yield
    finally:
        _directory.reset(token)
        shutil.rmtree(directory, ignore_errors=True)
        inside = directory + os.sep
        for name in [name for name in _writer.ALL_TEMP_FILES if name.startswith(inside)]:
            _writer.ALL_TEMP_FILES.remove(name)
