"""The one view for every part of the questionnaire, driven by the definition.

GET shows the part as far as the person has come; POST saves the questions that were on the
page and then moves: Next, Back, another part, the summary, a break (logout), add or remove
an item of a repeat group, or show/hide the translation. With JavaScript the page posts each
change with `autosave=1` and `delta=1` and receives only what changed (see autosave.py); an
`autosave=1` post without `delta` receives the fresh page, and one with `beacon=1` (the
page's last save as it goes away) an empty 204.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_http_methods

from qualreg.lib import languages
from qualreg.lib.script_replies import script_reply
from qualreg.people.session import logout_resident, resident_required
from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Part, Question
from qualreg.registration import autosave, journey, rendering, saving
from qualreg.registration.models import Registration
from qualreg.registration.navigation import parts_nav
from qualreg.registration.remembered import remember_consent, remembered_consent
from qualreg.registration.reveal import first_open, in_turn, part_finished, shown_questions

PARTS = QUESTIONNAIRE.parts
PART_KEYS = [part.key for part in PARTS]
SECOND_LANGUAGE_KEY = "second_language"


def second_language(request: HttpRequest) -> languages.Language | None:
    code = request.session.get(SECOND_LANGUAGE_KEY)
    if code in languages.BY_CODE and code != translation.get_language():
        return languages.BY_CODE[code]
    return None


def _draft_or_redirect(request: HttpRequest) -> Registration | HttpResponse:
    draft = journey.draft_of_person_id(request.person_id)  # type: ignore[attr-defined]
    if draft is None:
        return redirect("registration:start")
    if draft.pk != remembered_consent(request):
        if not journey.has_consent(draft):
            return redirect("registration:start")
        remember_consent(request, draft.pk)
    return draft


@never_cache
@gzip_page
@require_http_methods(["GET", "POST"])
@resident_required
def part_view(request: HttpRequest, part_key: str) -> HttpResponse:
    if part_key not in PART_KEYS:
        raise Http404
    part = QUESTIONNAIRE.part(part_key)
    if request.method == "POST":
        return _post(request, part)  # the save itself checks the draft and the consent
    draft = _draft_or_redirect(request)
    if isinstance(draft, HttpResponse):
        return draft
    return render_part(request, part, draft)


def _question_views(
    part: Part,
    registration: Registration,
    second: languages.Language | None,
    shown: list[Question] | None = None,
) -> list[rendering.QuestionView]:
    resolved = journey.resolved(registration)
    if shown is None:
        shown = shown_questions(part, registration.answers, resolved)
    return rendering.question_views(
        part,
        shown,
        registration.answers,
        registration.attempted,
        second.code if second else None,
        resolved,
        journey.part_errors(registration, part),
    )


def _in_turn(registration: Registration, views: list[rendering.QuestionView]) -> str:
    """The last question the page's script shows, one at a time (see reveal.py)."""
    shown = [view.question for view in views]
    return in_turn(shown, registration.answers, registration.passed, registration.attempted)


def _page_context(part: Part, views: list[rendering.QuestionView]) -> dict[str, Any]:
    """What the title and the error summary need, on the page and in a save's answer."""
    errors = rendering.error_summary(views)
    return {
        "part": part,
        "part_number": PART_KEYS.index(part.key) + 1,
        "part_count": len(PARTS),
        "errors": errors,
        "summary_state": rendering.fingerprint(errors),
    }


def render_part(request: HttpRequest, part: Part, registration: Registration) -> HttpResponse:
    second = second_language(request)
    views = _question_views(part, registration, second)
    reveal = _in_turn(registration, views)
    keys = [view.question.key for view in views]
    for view in views[keys.index(reveal) + 1 :] if reveal else ():
        view.later = True
    index = PART_KEYS.index(part.key)
    nav = parts_nav(registration, part.key)
    context = {
        **_page_context(part, views),
        "nav": nav,
        "nav_state": autosave.nav_state(registration.progress_percent, (e["state"] for e in nav)),
        "sync_token": autosave.sync_token(
            registration.pk, registration.revision, second.code if second else None
        ),
        "progress": registration.progress_percent,
        "questions": views,
        "reveal": reveal,
        "is_first": index == 0,
        "is_last": index == len(PARTS) - 1,
        "second": second,
        "translation_choices": [
            lang for lang in languages.LANGUAGES if lang.code != translation.get_language()
        ],
        "session_seconds": settings.SESSION_COOKIE_AGE,
        "searchable": rendering.part_has_searchable(part),
    }
    return render(request, "resident/part.html", context)


def _data(request: HttpRequest) -> dict[str, list[str]]:
    return {key: request.POST.getlist(key) for key in request.POST}


def _post(request: HttpRequest, part: Part) -> HttpResponse:
    post = request.POST
    action = post.get("action", "")
    goto = post.get("goto", "")
    add = post.get("add") or None
    remove = None
    if post.get("remove"):
        group_key, _sep, item_id = post["remove"].partition(":")
        remove = (group_key, item_id)
    try:
        saved = saving.save(
            request.person_id,  # type: ignore[attr-defined]
            part,
            _data(request),
            language=translation.get_language(),
            consented_registration=remembered_consent(request),
            moving_on=action == "next",
            add_group=add,
            remove_item=remove,
        )
    except journey.NoDraft:
        return redirect("registration:start")
    registration, problems = saved.registration, saved.problems
    remember_consent(request, registration.pk)

    if post.get("autosave") == "1":
        if post.get("beacon") == "1":  # sent by a page going away: nobody reads the reply
            return script_reply(request, HttpResponse(status=204))
        if post.get("delta") == "1":
            return _changes(request, part, saved)
        return render_part(request, part, registration)
    here = reverse("registration:part", args=[part.key])
    if goto == "translate" or goto == "hide-translation":
        _set_second_language(request, post.get("second_language") if goto == "translate" else None)
        return redirect(here)
    if goto == "logout":
        logout_resident(request)
        return redirect("registration:logged_out")
    if goto == "mine":
        return redirect("registration:my_registration")
    if goto == "summary":
        return redirect("registration:summary")
    if goto in PART_KEYS:
        return redirect("registration:part", part_key=goto)
    if add:
        return redirect(f"{here}#{_last_item_anchor(registration, part, add)}")
    if remove:
        return redirect(f"{here}#q-{remove[0]}-question")
    index = PART_KEYS.index(part.key)
    if action == "back":
        return redirect("registration:part", part_key=PART_KEYS[max(index - 1, 0)])
    if action == "next":
        if problems:
            return redirect(f"{here}#error-summary")
        if part_finished(
            part, registration.answers, registration.passed, journey.resolved(registration)
        ):
            if index + 1 < len(PARTS):
                return redirect("registration:part", part_key=PART_KEYS[index + 1])
            return redirect("registration:summary")
        return redirect(f"{here}#{_next_open_anchor(part, registration)}")
    return redirect(here)


def _changes(request: HttpRequest, part: Part, saved: saving.Saved) -> HttpResponse:
    """A save's answer to the script: how the questions' order changed (if it did), the
    HTML of each question whose frame changed, the marks (answered or not) that changed
    where that is all that changed, the error summary and the navigation (whole, or the
    pieces of it that changed), with the sync token of the draft they describe."""
    post = request.POST
    registration, shown = saved.registration, saved.shown
    displayed = autosave.displayed(post)
    shown_states = dict(displayed)
    second = second_language(request)
    second_code = second.code if second else None
    changes: dict[str, Any] = {
        "revision": autosave.sync_token(registration.pk, registration.revision, second_code)
    }
    order = [question.key for question in shown]
    changes |= autosave.order_change([key for key, _state in displayed], order)
    reveal = in_turn(shown, registration.answers, registration.passed, registration.attempted)
    if post.get("reveal") != reveal:
        changes["reveal"] = reveal
    base_token = autosave.sync_token(registration.pk, saved.base_revision, second_code)
    in_step = autosave.in_step(post, base_token)
    suspects = autosave.only_these_can_differ(part, saved.changed_answers, in_step)
    if suspects is not None and not changes.keys() & {"order", "after", "gone"}:
        # The page is in step with the draft: compare only what the save can have changed.
        few = _question_views(part, registration, second, [q for q in shown if q.key in suspects])
        if all(shown_states.get(view.question.key) == view.state for view in few):
            return _with_nav(request, changes, part, registration, in_step)
    views = _question_views(part, registration, second, shown)
    _put_questions(changes, views, shown_states)
    context = _page_context(part, views)
    if post.get("summary") != context["summary_state"]:
        changes["summary"] = get_template("resident/includes/summary_slot.html").render(context)
        changes["title"] = get_template("resident/includes/document_title.html").render(context)
    return _with_nav(request, changes, part, registration, in_step)


def _put_questions(
    changes: dict[str, Any], views: list[rendering.QuestionView], shown_states: dict[str, str]
) -> None:
    """Each question whose fingerprint differs from the page's: its marks when only they
    differ (`slots`, with the new fingerprint in `states`), else its whole HTML."""
    for view in views:
        key, shown_state = view.question.key, shown_states.get(view.question.key)
        if shown_state == view.state:
            continue
        slots = _changed_marks(shown_state, view)
        if slots is None:
            html = get_template("resident/includes/question.html").render({"q": view})
            changes.setdefault("questions", {})[key] = html
        else:
            changes.setdefault("slots", {}).update(slots)
            changes.setdefault("states", {})[key] = view.state


def _changed_marks(shown_state: str | None, view: rendering.QuestionView) -> dict[str, str] | None:
    """The HTML of the marks that differ from those the page shows, by element id, when
    nothing else of the question differs; None when more does (or the state is unknown)."""
    frame, _sep, marks = (shown_state or "").partition("-")
    if frame != view.frame or len(marks) != len(view.marks):
        return None
    mark = get_template("resident/includes/mark.html")
    status = get_template("resident/includes/status_label.html")
    slots = {}
    for letter, marked in zip(marks, view.marked(), strict=True):
        if letter != rendering.MARK_LETTERS[marked.status]:
            slots[marked.mark_id] = mark.render({"q": marked})
            if not marked.in_group:
                slots[marked.status_id] = status.render({"q": marked})
    return slots


def _with_nav(
    request: HttpRequest,
    changes: dict[str, Any],
    part: Part,
    registration: Registration,
    in_step: bool,
) -> HttpResponse:
    """The changes, with the navigation when its fingerprint changed: the pieces that
    changed (progress, a part's state) when the page's fingerprint can be read, else whole."""
    shown_state = request.POST.get("nav", "")
    if not autosave.nav_unchanged(shown_state, part, registration, in_step):
        nav = parts_nav(registration, part.key)
        context = {
            "nav": nav,
            "nav_state": autosave.nav_state(
                registration.progress_percent, (e["state"] for e in nav)
            ),
            "progress": registration.progress_percent,
            "form_id": "part-form",
        }
        pieces = _nav_pieces(shown_state, context)
        if pieces is None:
            changes["nav"] = get_template("resident/includes/parts_nav.html").render(context)
        else:
            changes.setdefault("slots", {}).update(pieces)
            changes["nav_state"] = context["nav_state"]
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    return script_reply(request, JsonResponse(changes, json_dumps_params=compact))


def _nav_pieces(shown_state: str, context: dict[str, Any]) -> dict[str, str] | None:
    """The navigation's pieces that differ from the page's readable fingerprint, by element
    id; None when the page's fingerprint cannot be read."""
    progress, _sep, codes = shown_state.partition("-")
    new_progress, _sep, new_codes = context["nav_state"].partition("-")
    if not progress.isdigit() or len(codes) != len(new_codes):
        return None
    pieces = {}
    if progress != new_progress:
        html = get_template("resident/includes/nav_progress.html").render(context)
        pieces["nav-progress"] = html
    tag = get_template("resident/includes/nav_tag.html")
    for code, new_code, entry in zip(codes, new_codes, context["nav"], strict=True):
        if code != new_code:
            pieces[f"nav-tag-{entry['part'].key}"] = tag.render({"entry": entry})
    return pieces


def _set_second_language(request: HttpRequest, code: str | None) -> None:
    if code in languages.BY_CODE and code != translation.get_language():
        request.session[SECOND_LANGUAGE_KEY] = code
    else:
        request.session.pop(SECOND_LANGUAGE_KEY, None)


def _last_item_anchor(registration: Registration, part: Part, group_key: str) -> str:
    items = registration.answers.get(group_key)
    if isinstance(items, list) and items and isinstance(items[-1], dict):
        return f"q-{group_key}-{items[-1].get('id', '')}"
    return f"q-{group_key}-question"


def _next_open_anchor(part: Part, registration: Registration) -> str:
    """The first question neither answered nor passed: without JavaScript, the first of the
    follow-ups the post has just revealed."""
    shown = shown_questions(part, registration.answers, journey.resolved(registration))
    question = first_open(shown, registration.answers, registration.passed)
    return f"{engine.field_name(question)}-question" if question is not None else "main"
