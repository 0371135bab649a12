"""ISCO-08 major and sub-major groups with their labels, for counting occupations by group.

The questionnaire codes each job to an ISCO-08 unit group (four digits); its first digit is
the major group and its first two the sub-major group. The titles are ILO's, shortened.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext_lazy as _

SUB_MAJOR = {
    "03": _("Armed forces occupations"),
    "11": _("Chief executives, senior officials and legislators"),
    "12": _("Administrative and commercial managers"),
    "13": _("Production and specialised services managers"),
    "14": _("Hospitality, retail and other services managers"),
    "21": _("Science and engineering professionals"),
    "22": _("Health professionals"),
    "23": _("Teaching professionals"),
    "24": _("Business and administration professionals"),
    "25": _("Information and communications technology professionals"),
    "26": _("Legal, social and cultural professionals"),
    "31": _("Science and engineering technicians"),
    "32": _("Health associate professionals"),
    "33": _("Business and administration associate professionals"),
    "34": _("Legal, social and cultural associate professionals"),
    "35": _("Information and communications technicians"),
    "41": _("General and keyboard clerks"),
    "42": _("Customer services clerks"),
    "43": _("Numerical and material recording clerks"),
    "44": _("Other clerical support workers"),
    "51": _("Personal service workers"),
    "52": _("Sales workers"),
    "53": _("Personal care workers"),
    "54": _("Protective services workers"),
    "61": _("Skilled agricultural workers"),
    "62": _("Skilled forestry, fishery and hunting workers"),
    "71": _("Building trades workers"),
    "72": _("Metal, machinery and related trades workers"),
    "73": _("Handicraft and printing workers"),
    "74": _("Electrical and electronics trades workers"),
    "75": _("Food processing, woodworking, garment and other craft workers"),
    "81": _("Stationary plant and machine operators"),
    "82": _("Assemblers"),
    "83": _("Drivers and mobile plant operators"),
    "91": _("Cleaners and helpers"),
    "92": _("Agricultural, forestry and fishery labourers"),
    "93": _("Labourers in mining, construction, manufacturing and transport"),
    "94": _("Food preparation assistants"),
    "95": _("Street and related sales and service workers"),
    "96": _("Refuse workers and other elementary workers"),
}


def sub_major_label(code: str) -> str:
    return f"{code} {SUB_MAJOR[code]}"


def major_groups(groups: Sequence[tuple[Any, Sequence[tuple[str, Any]]]]) -> list[tuple[str, str]]:
    """(major group digit, "digit label") from the questionnaire's occupation groups, which
    are in ISCO major-group order: each group's jobs share the first digit of their code."""
    return [(jobs[0][0][0], f"{jobs[0][0][0]} {label}") for label, jobs in groups]
