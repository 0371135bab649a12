"""ISCO-08 major and sub-major groups with their labels, for counting occupations by group.

The questionnaire codes each job to an ISCO-08 unit group (four digits); its first digit is
the major group and its first two the sub-major group. The labels are the questionnaire's.
"""

from __future__ import annotations

from qualreg.questionnaire.occupations import ISCO_SUB_MAJOR_GROUPS, isco_major_groups

SUB_MAJOR = ISCO_SUB_MAJOR_GROUPS


def sub_major_label(code: str) -> str:
    return f"{code} {SUB_MAJOR[code]}"


def major_groups() -> list[tuple[str, str]]:
    """(major group digit, "digit label") in ISCO order."""
    return [(major, f"{major} {label}") for major, label, _subs in isco_major_groups()]
