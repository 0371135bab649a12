"""A directory of our own for the temporary files openpyxl writes while it makes a workbook.

openpyxl writes every sheet to a temporary file ("openpyxl.*.xml" in the system's temporary
directory) and removes it only once the workbook is saved, so a workbook that fails partway
leaves its sheets, which hold registrations, behind until the process ends. Inside
`scratch_directory()` those files go to a directory that is removed however the block ends.
A process killed outright never reaches that end: `sweep_abandoned_directories()`, run by the
hourly `manage.py purge`, removes such directories once they are old enough.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from openpyxl.worksheet import _writer

PREFIX = "qualreg-xlsx-"

# How old a scratch directory must be before the sweep takes it for abandoned. The slowest
# workbook is a list export: 10,000 registrations take 29 s on a quiet host and up to 271 s on
# a saturated one (docs/benchmarks.md, "List exports"), and the directory's age (its last
# change: openpyxl makes each sheet's file when the sheet is made) is at most that. Six hours
# leaves room for lists many times larger on a busy host, and a killed worker's directory,
# which may hold registrations, still goes within seven (the sweep runs hourly).
ABANDONED_AFTER_SECONDS = 6 * 60 * 60

log = logging.getLogger("qualreg.xlsx")

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
    directory = tempfile.mkdtemp(prefix=PREFIX)
    token = _directory.set(directory)
    try:
        yield
    finally:
        _directory.reset(token)
        shutil.rmtree(directory, ignore_errors=True)
        inside = directory + os.sep
        for name in [name for name in _writer.ALL_TEMP_FILES if name.startswith(inside)]:
            _writer.ALL_TEMP_FILES.remove(name)


def sweep_abandoned_directories() -> int:
    """Remove the scratch directories in the temporary directory that are older than
    ABANDONED_AFTER_SECONDS (left by a worker killed outright, which never ran its `finally`);
    return how many went. Anything else there, and directories of other users, stay.

    Ages are read on the machine's own clock, the one that stamped the directories: the
    moment `manage.py purge` counts from may be moved (tests move it months ahead), and a
    directory still in use must never look old.
    """
    cutoff = time.time() - ABANDONED_AFTER_SECONDS
    removed = failed = 0
    with os.scandir(tempfile.gettempdir()) as entries:
        for entry in entries:
            if not entry.name.startswith(PREFIX):
                continue
            try:
                if not entry.is_dir(follow_symlinks=False):
                    continue
                status = entry.stat(follow_symlinks=False)
                if status.st_uid != os.geteuid() or status.st_mtime >= cutoff:
                    continue
                shutil.rmtree(entry.path)
            except FileNotFoundError:
                continue  # gone meanwhile (its own block ended, or another sweep)
            except OSError:
                failed += 1
                continue
            removed += 1
    if failed:
        # A count only: the names say nothing useful and a path may name a user.
        log.warning("%d abandoned spreadsheet scratch directories could not be removed", failed)
    return removed
