"""Signing in to the statistics: the staff password form and the shared second factor (the
same throttles and audit as every portal), and signing out."""

from __future__ import annotations

from qualreg.accounts.portal import Portal
from qualreg.statistics.access import may_read_statistics

PORTAL = Portal(
    namespace="statistics",
    home="statistics:page",
    login_template="statistics/login.html",
    base_template="statistics/base.html",
    audit_prefix="statistics",
    may_use=may_read_statistics,
)
