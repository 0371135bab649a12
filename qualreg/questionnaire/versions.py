"""Every question key and choice code each definition version had, kept in the repository.

A key or code is never renamed, reused or removed (only retired), so that old registrations
stay readable: `missing_since` names what a definition lost against an earlier version, and
a test runs it against every snapshot in `versions/`.
"""

from __future__ import annotations

import json
from pathlib import Path

from qualreg.questionnaire.model import Question, Questionnaire

SNAPSHOTS = Path(__file__).parent / "versions"


def keys_of(questionnaire: Questionnaire) -> dict[str, list[str]]:
    """Question and field key -> its choice codes (sorted; empty without choices)."""
    keys: dict[str, list[str]] = {}
    for question in questionnaire.questions():
        for each in (question, *question.fields):
            keys[each.key] = sorted(_all_codes(each))
    return dict(sorted(keys.items()))


def _all_codes(question: Question) -> set[str]:
    return {choice.code for choice in question.choices} if question.kind.has_choices else set()


def snapshot(questionnaire: Questionnaire) -> str:
    """The snapshot file's text for the questionnaire's version."""
    document = {"version": questionnaire.version, "keys": keys_of(questionnaire)}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def snapshot_path(version: str) -> Path:
    return SNAPSHOTS / f"{version}.json"


def saved_versions() -> list[str]:
    return sorted(path.stem for path in SNAPSHOTS.glob("*.json"))


def load(version: str) -> dict[str, list[str]]:
    document = json.loads(snapshot_path(version).read_text(encoding="utf-8"))
    return dict(document["keys"])


def missing_since(questionnaire: Questionnaire, earlier: dict[str, list[str]]) -> list[str]:
    """What the questionnaire lost against an earlier version's keys: "key" for a question
    or field, "key=code" for a choice code. Empty when it keeps them all."""
    now = keys_of(questionnaire)
    missing = []
    for key, codes in earlier.items():
        if key not in now:
            missing.append(key)
            continue
        missing.extend(f"{key}={code}" for code in codes if code not in set(now[key]))
    return missing
