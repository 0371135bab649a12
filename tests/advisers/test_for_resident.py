"""The resident sees, in "My registration", the remarks written about them (labelled with
the organisation, fixed parts in their language) and which organisations read it and when."""

from __future__ import annotations

from django.test import Client

from qualreg.advisers.models import Remark


def _my_registration(resident, code_for, language: str = "en") -> str:
    client = Client()
    client.post(
        f"/{language}/login/", {"duf_number": resident.duf_number, "code": code_for(resident)}
    )
    return client.get(f"/{language}/my-registration/").content.decode()


def test_the_resident_sees_the_remark_and_who_read_the_registration(
    adviser_client, completed, resident, code_for
) -> None:
    assert "No adviser has read your registration." in _my_registration(resident, code_for)
    adviser_client.get(f"/en/advisers/registrations/{completed.pk}/")
    adviser_client.post(
        f"/en/advisers/registrations/{completed.pk}/remarks/",
        {"text": "Bring your diploma.", "next_step": "norwegian_course"},
    )
    page = _my_registration(resident, code_for)
    assert "Bring your diploma." in page
    assert "Norwegian course" in page
    assert page.count("Bergen kommune") == 2  # the remark's label and the read
    assert "nora" not in page  # the organisation answers for its advisers


def test_the_next_step_is_in_the_residents_language(
    adviser, organisation, completed, resident, code_for
) -> None:
    Remark.objects.create(
        person=resident,
        registration=completed,
        organisation=organisation,
        author=adviser,
        next_step="job_search",
    )
    english = _my_registration(resident, code_for)
    arabic = _my_registration(resident, code_for, "ar")
    assert "Job search" in english and "Job search" not in arabic


def test_failed_tries_and_lists_are_not_shown_as_reads(
    adviser_client, other_adviser, completed, resident, code_for
) -> None:
    adviser_client.get("/en/advisers/")
    Client().get(f"/en/advisers/registrations/{completed.pk}/")
    assert "No adviser has read your registration." in _my_registration(resident, code_for)
