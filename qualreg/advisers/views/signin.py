"""Advisers sign in through the staff sign-in flow (same throttle, same second factor), and
sign out."""

from __future__ import annotations

from typing import Any

from qualreg.accounts.models import Role
from qualreg.accounts.portal import Portal


def _is_adviser(user: Any) -> bool:
    return user.role == Role.ADVISER and hasattr(user, "adviser")


PORTAL = Portal(
    namespace="advisers",
    home="advisers:people",
    login_template="advisers/login.html",
    base_template="advisers/adviser_base.html",
    audit_prefix="adviser",
    may_use=_is_adviser,
)
