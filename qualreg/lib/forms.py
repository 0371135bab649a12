"""Helpers shared by every form page: one error summary, one way to render a field, one way
to read an uploaded CSV file."""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

# A CSV upload of residents or assignments: thousands of lines fit well within this.
MAX_CSV_BYTES = 200_000


def error_summary(form: forms.Form) -> list[tuple[str, str]]:
    """(id of the field to focus, message) for each error, in the order of the fields."""
    rows: list[tuple[str, str]] = []
    for message in form.non_field_errors():
        first = next(iter(form.fields), None)
        rows.append((form[first].id_for_label if first else "main", str(message)))
    for name in form.fields:
        for message in form.errors.get(name, []):
            rows.append((form[name].id_for_label, str(message)))
    return rows


def read_csv_upload(upload: UploadedFile) -> str:
    """The text of an uploaded CSV file, or a ValidationError a person can act on."""
    if (upload.size or 0) > MAX_CSV_BYTES:
        raise forms.ValidationError(_("The file is too large. Upload at most 200 KB."))
    data = upload.read()
    # Spreadsheets save CSV as UTF-8 (often with a byte-order mark) or as Windows-1252.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return str(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise forms.ValidationError(_("The file could not be read. Save it as CSV (UTF-8)."))
