"""Staff sign in with username, password (throttled) and a second factor, and sign out."""

from __future__ import annotations

from typing import Any

from qualreg.accounts.portal import Portal


def _is_centre_staff(user: Any) -> bool:
    return bool(getattr(user, "is_centre_staff", False))


PORTAL = Portal(
    namespace="centres",
    home="centres:residents",
    login_template="centres/login.html",
    base_template="centres/staff_base.html",
    audit_prefix="staff",
    may_use=_is_centre_staff,
)
