"""Who may use the adviser portal, and which registrations an adviser may read.

The one place where the adviser's rule lives, as one function per need that both checks and
writes the audit log (refusals included). An adviser sees only completed registrations of
residents assigned to their organisation today (started, not yet ended) who have not withdrawn
their consent. Everything else is 404, so that nobody learns who exists elsewhere; a browser
without a signed-in adviser is sent to the sign-in page. Adviser pages are never cached.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from qualreg.accounts.models import Role
from qualreg.advisers import purposes
from qualreg.advisers.models import Adviser, Assignment, Remark
from qualreg.people.session import SESSION_KEY as RESIDENT_SESSION_KEY
from qualreg.privacy import audit
from qualreg.registration.models import Registration
from qualreg.registration.withdrawal import withdrawn_people

# An adviser's session ends after this long without a request (the staff default is longer).
IDLE_SECONDS = 30 * 60


def _refuse(request: HttpRequest, why: str, **kwargs: Any) -> None:
    """Write the audit row of a refused try. `why` is a fixed code, never input."""
    actor = request.user if request.user.is_authenticated else None
    registration = None
    registration_id = kwargs.get("registration_id")
    if isinstance(registration_id, int):
        registration = Registration.objects.filter(pk=registration_id).first()
    audit.record(
        audit.Action.ACCESS_REFUSED,
        actor=actor,
        person=registration.person if registration else None,
        registration=registration,
        by_resident=RESIDENT_SESSION_KEY in request.session,
        view=request.resolver_match.view_name if request.resolver_match else "",
        why=why,
    )


def _adviser_of(request: HttpRequest) -> Adviser | None:
    user = request.user
    if not user.is_authenticated or not user.is_active or user.role != Role.ADVISER:
        return None
    return Adviser.objects.select_related("organisation").filter(user=user).first()


def _idle_too_long(request: HttpRequest) -> bool:
    active_at = request.session.get("_active_at")
    return isinstance(active_at, int) and time.time() - active_at > IDLE_SECONDS


def adviser_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Adviser pages: a signed-in, active adviser of an organisation, or nothing.

    Sets `request.adviser` (with its organisation).
    """

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if RESIDENT_SESSION_KEY in request.session:
            _refuse(request, "resident_session", **kwargs)
            raise Http404
        if not request.user.is_authenticated:
            _refuse(request, "signed_out", **kwargs)
            return redirect_to_login(request.get_full_path(), reverse("advisers:login"))
        if _idle_too_long(request):
            _refuse(request, "idle", **kwargs)
            request.session.flush()
            return redirect_to_login(request.get_full_path(), reverse("advisers:login"))
        adviser = _adviser_of(request)
        if adviser is None:
            _refuse(request, "not_an_adviser", **kwargs)
            raise Http404
        if not request.user.is_verified():  # type: ignore[attr-defined]  # set by OTPMiddleware
            _refuse(request, "second_factor_missing", **kwargs)
            return redirect_to_login(request.get_full_path(), reverse("advisers:verify"))
        request.adviser = adviser  # type: ignore[attr-defined]
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper


def purpose_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """A registration's pages (under `adviser_required`): the adviser may open it (else 404,
    audited) and has said in this session why they open this resident's registrations (else
    the purpose question first). Sets `request.purpose`, as the audit log records it."""

    @functools.wraps(view)
    def wrapper(
        request: HttpRequest, registration_id: int, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        checked = readable_or_404(request, registration_id)
        reason = purposes.remembered(request, checked.person_id)
        if not reason:
            return redirect("advisers:purpose", checked.pk)
        request.purpose = reason  # type: ignore[attr-defined]
        return view(request, registration_id, *args, **kwargs)

    return wrapper


def _assigned_now(adviser: Adviser) -> QuerySet[Assignment]:
    return Assignment.objects.current().filter(organisation_id=adviser.organisation_id)


def readable_registrations(adviser: Adviser) -> QuerySet[Registration]:
    """Completed registrations of residents assigned to the adviser's organisation today,
    unless the resident has withdrawn consent."""
    # One subquery for the whole list, not one per row: SQLite (without statistics) looks a
    # correlated one up through the organisation's index, scanning all its assignments for
    # every registration (12 s of a 10,000-row export).
    assigned = _assigned_now(adviser).values("person_id")
    return (
        Registration.objects.filter(person_id__in=assigned, status=Registration.Status.COMPLETED)
        .exclude(person_id__in=withdrawn_people())
        .select_related("person", "person__centre")
    )


def latest_registrations(adviser: Adviser) -> QuerySet[Registration]:
    """Each assigned resident's latest completed registration: the rows of "My people"."""
    later = Registration.objects.filter(
        person_id=OuterRef("person_id"),
        status=Registration.Status.COMPLETED,
        sequence__gt=OuterRef("sequence"),
    )
    return readable_registrations(adviser).exclude(Exists(later))


def record_list(request: HttpRequest, shown: Iterable[Registration], **facts: Any) -> None:
    """Audit a list of residents as it is shown: one row per resident on the page, or one
    row for an empty result, each with the organisation and the filters used."""
    adviser: Adviser = request.adviser  # type: ignore[attr-defined]
    rows = [(registration.person, registration) for registration in shown]
    audit.record_each(
        audit.Action.ADVISER_LISTED,
        rows or [(None, None)],
        actor=request.user,
        organisation=adviser.organisation_id,
        **facts,
    )


def read_registration(
    request: HttpRequest, registration_id: int, purpose: str, *, of_person: int | None = None
) -> Registration:
    """The registration if the adviser may read it now (and, given `of_person`, it is that
    resident's), audited with the purpose; else 404, audited as a refusal."""
    return _audited(
        request,
        registration_id,
        audit.Action.ADVISER_READ_REGISTRATION,
        purpose,
        of_person=of_person,
    )


def _audited(
    request: HttpRequest,
    registration_id: int,
    action: audit.Action,
    purpose: str,
    *,
    of_person: int | None = None,
    **detail: Any,
) -> Registration:
    adviser: Adviser = request.adviser  # type: ignore[attr-defined]
    readable = readable_registrations(adviser).filter(pk=registration_id)
    if of_person is not None:
        readable = readable.filter(person_id=of_person)
    registration = readable.first()
    if registration is None:
        _refuse(request, "not_readable", registration_id=registration_id)
        raise Http404
    audit.record(
        action,
        actor=request.user,
        person=registration.person,
        registration=registration,
        reason=purpose,
        organisation=adviser.organisation_id,
        **detail,
    )
    return registration


def history(request: HttpRequest, registration: Registration) -> QuerySet[Registration]:
    """The resident's completed registrations the adviser may read, newest first (for the
    history beside one they have read)."""
    adviser: Adviser = request.adviser  # type: ignore[attr-defined]
    return (
        readable_registrations(adviser)
        .filter(person_id=registration.person_id)
        .select_related("supersedes")
        .order_by("-sequence")
    )


def readable_or_404(request: HttpRequest, registration_id: int) -> Registration:
    """Checks, without reading answers, that the adviser may open the registration (the
    purpose question comes first); a refusal is audited."""
    adviser: Adviser = request.adviser  # type: ignore[attr-defined]
    registration = readable_registrations(adviser).filter(pk=registration_id).first()
    if registration is None:
        _refuse(request, "not_readable", registration_id=registration_id)
        raise Http404
    return registration


def export_registration(
    request: HttpRequest, registration_id: int, *, purpose: str, file_format: str
) -> Registration:
    """The registration if the adviser may export it now, audited with the purpose and the
    format (pdf, xlsx, json); else 404, audited as a refusal."""
    return _audited(
        request,
        registration_id,
        audit.Action.ADVISER_EXPORTED,
        purpose,
        format=file_format,
        count=1,
    )


def export_list(
    request: HttpRequest,
    rows: QuerySet[Registration],
    *,
    purpose: str,
    file_format: str,
    **facts: Any,
) -> list[int]:
    """Audit the export of a list of registrations (a narrowing of `latest_registrations`):
    one row per resident in it, or one row for an empty list. Returns the ids of the
    registrations the adviser may read now, in the list's order: what the file may hold."""
    adviser: Adviser = request.adviser  # type: ignore[attr-defined]
    exported = list(
        rows.filter(pk__in=readable_registrations(adviser).values("pk"))
        .select_related(None)
        .select_related("person")
        .only("id", "person__id", "person__duf_number")
    )
    detail: dict[str, Any] = {"organisation": adviser.organisation_id, "format": file_format}
    detail |= {"count": len(exported), **facts}
    if exported:
        audit.record_each(
            audit.Action.ADVISER_EXPORTED,
            [(registration.person, registration) for registration in exported],
            actor=request.user,
            reason=purpose,
            **detail,
        )
    else:
        audit.record(audit.Action.ADVISER_EXPORTED, actor=request.user, reason=purpose, **detail)
    return [registration.pk for registration in exported]


def add_remark(
    request: HttpRequest, registration_id: int, *, text: str, next_step: str, purpose: str
) -> Remark:
    """Write a remark on a registration the adviser may read; audited, or 404 and audited."""
    adviser: Adviser = request.adviser  # type: ignore[attr-defined]
    registration = readable_or_404(request, registration_id)
    remark = Remark.objects.create(
        person=registration.person,
        registration=registration,
        organisation=adviser.organisation,
        author=adviser.user,
        text=text,
        next_step=next_step,
    )
    audit.record(
        audit.Action.ADVISER_REMARK_ADDED,
        actor=request.user,
        person=registration.person,
        registration=registration,
        reason=purpose,
        organisation=adviser.organisation_id,
    )
    return remark


def find_by_duf(request: HttpRequest, duf_number: str) -> Registration | None:
    """The latest readable registration of the resident with exactly this DUF number, or
    None when no resident assigned to the organisation has it. Audited either way."""
    adviser: Adviser = request.adviser  # type: ignore[attr-defined]
    registration = latest_registrations(adviser).filter(person__duf_number=duf_number).first()
    audit.record(
        audit.Action.ADVISER_LOOKED_UP,
        actor=request.user,
        person=registration.person if registration else None,
        registration=registration,
        organisation=adviser.organisation_id,
        found=registration is not None,
    )
    return registration


# A lead adviser's team: advisers of the lead's own organisation, never anyone else's, never
# another role, and never the lead's own account (a lead cannot lock themselves out).


def lead_required(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Team pages: an adviser (as `adviser_required`) who is their organisation's lead."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.adviser.is_lead:  # type: ignore[attr-defined]
            _refuse(request, "not_a_lead", **kwargs)
            raise Http404
        return view(request, *args, **kwargs)

    return adviser_required(wrapper)


def team(request: HttpRequest) -> QuerySet[Adviser]:
    """The advisers of the lead's organisation (the lead included)."""
    adviser: Adviser = request.adviser  # type: ignore[attr-defined]
    return Adviser.objects.filter(
        organisation_id=adviser.organisation_id, user__role=Role.ADVISER
    ).select_related("user")


def colleague(request: HttpRequest, user_id: int, action: audit.Action) -> Adviser:
    """Another adviser of the lead's organisation, with `action` about them audited; else
    404, audited as a refusal."""
    lead: Adviser = request.adviser  # type: ignore[attr-defined]
    found = team(request).exclude(user_id=lead.user_id).filter(user_id=user_id).first()
    if found is None:
        _refuse(request, "not_a_colleague", account=user_id)
        raise Http404
    record_team_change(request, action, found.user_id)
    return found


def record_team_change(request: HttpRequest, action: audit.Action, user_id: int) -> None:
    lead: Adviser = request.adviser  # type: ignore[attr-defined]
    audit.record(action, actor=request.user, account=user_id, organisation=lead.organisation_id)
