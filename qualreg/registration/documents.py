"""A completed registration as the PDF shows it (qualreg.exports.pdf), for every copy: the
adviser's and the resident's own."""

from __future__ import annotations

from collections.abc import Sequence

from qualreg.exports import pdf
from qualreg.registration.models import Registration


def pdf_copy(
    registration: Registration,
    languages: tuple[str, str],
    remarks: Sequence[pdf.Remark],
    *,
    for_resident: bool,
) -> pdf.Copy:
    if registration.completed_at is None:
        raise ValueError("only a completed registration has a PDF")
    return pdf.Copy(
        answers=registration.answers,
        duf_display=registration.person.duf_display,
        number=registration.sequence,
        completed_at=registration.completed_at,
        written_in=registration.language,
        languages=languages,
        for_resident=for_resident,
        remarks=remarks,
    )
