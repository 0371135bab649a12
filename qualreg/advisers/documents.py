"""The PDF of a registration as the adviser side hands it out: the adviser's copy (their
organisation's remarks, with authors, as on the registration's page), and the remarks on the
resident's own copy (every organisation's, labelled with the organisation only)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qualreg.advisers.models import Adviser, NextStep, Remark
from qualreg.exports import pdf
from qualreg.registration.documents import pdf_copy
from qualreg.registration.models import Registration


def printed_remarks(remarks: Iterable[Remark], *, with_author: bool) -> list[pdf.Remark]:
    return [
        pdf.Remark(
            written_at=remark.written_at,
            organisation=remark.organisation.name,
            next_step=NextStep(remark.next_step).label if remark.next_step else "",
            text=remark.text,
            author=remark.author.get_username() if with_author else "",
        )
        for remark in remarks
    ]


def adviser_copy(registration: Registration, adviser: Adviser, reader_language: str) -> pdf.Copy:
    """The adviser's language beside the resident's, with their organisation's remarks."""
    remarks = (
        Remark.objects.filter(person=registration.person, organisation=adviser.organisation)
        .select_related("organisation", "author")
        .order_by("-written_at", "-id")
    )
    return pdf_copy(
        registration,
        (reader_language, registration.language),
        printed_remarks(remarks, with_author=True),
        for_resident=False,
    )


def resident_remarks(person: Any) -> list[pdf.Remark]:
    """Every remark written about the resident, for their own copy."""
    remarks = (
        Remark.objects.filter(person=person)
        .select_related("organisation")
        .order_by("-written_at", "-id")
    )
    return printed_remarks(remarks, with_author=False)
