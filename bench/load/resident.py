"""One simulated resident of `make load`: a whole registration, spoken as the browser does.

The resident logs in with their own code, consents and answers every question the pages show,
at human pace: with JavaScript (most of them) each answer is one autosave post carrying what
`qualreg/static/qualreg/form.js` sends (the changed question's fields, the fingerprints of
the page, the sync token) and the reply is applied to the page the resident holds; without
JavaScript the whole form is posted with Next. A part ends with Next (a page load); now and
then the resident turns the translation view on, takes a break (logs out and comes back with
a new code that the centre's staff issue through the staff portal), and a share fill in
again after completing. Every answer is kept in `given`, one answers document per
registration (in `saved` once the service has acknowledged it), so that the saved answers can be
checked against them when the load has ended.

No Locust here: `Browser` is what the resident needs from an HTTP client, so the same
journey runs under Locust (bench/load/locustfile.py) and through Django's test client in the
test of this module (tests/registration/test_load_resident.py).
"""

from __future__ import annotations

import copy
import html
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlencode, urlsplit

from qualreg.questionnaire import engine
from qualreg.questionnaire.definition import QUESTIONNAIRE
from qualreg.questionnaire.model import Kind, Question

PART_KEYS = [part.key for part in QUESTIONNAIRE.parts]
TRANSLATION_LANGUAGES = ("nb", "en", "ar", "uk")
MAX_PAGES_PER_PART = 40  # a part that needs more has a bug the load should report

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_REVISION = re.compile(r'id="part-form"[^>]*data-revision="([^"]*)"')
_REVEAL = re.compile(r'id="questions" data-reveal="([^"]*)"')
_QUESTION = re.compile(r'data-key="([a-z0-9_]+)" data-state="([^"]*)"')
_SUMMARY = re.compile(r'id="error-summary-slot" data-state="([^"]*)"')
_NAV = re.compile(r'id="parts-nav" data-state="([^"]*)"')
_ITEM_FIELD = re.compile(r'name="q-([a-z0-9_]+)-([0-9a-f]{8})-([a-z0-9_]+)"')
_ADD = re.compile(r'name="add" value="([a-z0-9_]+)"')
_TAG = re.compile(r"loadresident(\d+)x")
_CODE = re.compile(r'class="slip__code">([A-Z0-9]{4}-[A-Z0-9]{4})<')
_STATIC = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js|woff2|svg))"')


class JourneyError(Exception):
    """The service answered what a browser would not expect: the journey stops here."""


@dataclass
class Reply:
    status: int
    location: str  # the path of a redirect, else ""
    text: str


class Browser(Protocol):
    def __call__(
        self, method: str, path: str, name: str, data: list[tuple[str, str]] | None = None
    ) -> Reply: ...


@dataclass(frozen=True)
class Pace:
    """Seconds a resident takes: for one answer, to read a page, and for a break."""

    answer: tuple[float, float] = (3.0, 8.0)
    page: tuple[float, float] = (3.0, 8.0)
    pause: tuple[float, float] = (20.0, 60.0)


@dataclass(frozen=True)
class Habits:
    """How often a resident does what: per registration, or per part where it says so."""

    no_javascript: float = 0.1
    translation_per_part: float = 0.1
    takes_a_break: float = 0.1
    fills_in_again: float = 0.2
    skips_optional: float = 0.2


@dataclass
class Account:
    """A resident made by `manage.py loadresidents`: their DUF number, code and centre."""

    number: int
    person_id: int
    duf_number: str
    code: str
    language: str
    staff_username: str
    staff_password: str
    staff_code: str  # a recovery code of the staff login, for its second step, once


@dataclass(frozen=True)
class Todo:
    """The next thing to do on a page: answer a question, or a field of a group's item, or
    add an item to a group. `key` is the question the page names (a group's own key)."""

    key: str
    question: Question
    item_id: str | None = None
    add_item: bool = False


@dataclass
class Page:
    """What the resident's browser holds of a part page, kept in step with each save."""

    part: str
    csrf: str
    revision: str
    order: list[str]
    states: dict[str, str]
    summary: str
    nav: str
    reveal: str = ""  # the last question form.js shows; the rest wait their turn
    item_fields: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    can_add: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, part: str, text: str) -> Page:
        questions = _QUESTION.findall(text)
        page = cls(
            part=part,
            csrf=_first(_CSRF, text),
            revision=_first(_REVISION, text),
            order=[key for key, _state in questions],
            states=dict(questions),
            summary=_first(_SUMMARY, text),
            nav=_first(_NAV, text),
            reveal=_first(_REVEAL, text),
        )
        for key in page.order:
            page._read_group(key, text)
        return page

    def _read_group(self, key: str, text: str) -> None:
        fields = [(i, f) for g, i, f in _ITEM_FIELD.findall(text) if g == key]
        if fields or key in self.item_fields:
            self.item_fields[key] = list(dict.fromkeys(fields))
        if key in _ADD.findall(text):
            self.can_add.add(key)
        else:
            self.can_add.discard(key)

    def apply(self, changes: dict[str, Any]) -> None:
        """What form.js does with a save's reply, for what the resident reads."""
        for key, fragment in (changes.get("questions") or {}).items():
            self.states[key] = _first(_QUESTION, fragment, group=2)
            self.item_fields.pop(key, None)
            self._read_group(key, fragment)
        if "order" in changes:
            self.order = list(changes["order"])
        elif "after" in changes or "gone" in changes:  # as form.js `reordered`
            self.order = [key for key in self.order if key not in changes.get("gone", [])]
            for key, previous in changes.get("after", []):
                at = self.order.index(previous) + 1 if previous in self.order else 0
                self.order.insert(at, key)
        if changes.get("summary"):
            self.summary = _first(_SUMMARY, changes["summary"])
        if changes.get("nav"):
            self.nav = _first(_NAV, changes["nav"])
        self.states.update(changes.get("states") or {})  # only marks changed: no new fields
        if changes.get("nav_state"):
            self.nav = changes["nav_state"]
        if changes.get("revision"):
            self.revision = changes["revision"]
        if "reveal" in changes:
            self.reveal = changes["reveal"]

    def in_view(self, javascript: bool) -> list[str]:
        """The questions the resident sees: with JavaScript, one at a time up to `reveal`
        (form.js hides the rest and leaves them out of the form's posts); without, all."""
        if not javascript or self.reveal not in self.order:
            return self.order
        return self.order[: self.order.index(self.reveal) + 1]


def _first(pattern: re.Pattern[str], text: str, group: int = 1) -> str:
    found = pattern.search(text)
    return html.unescape(found.group(group)) if found else ""


class Resident:
    """One resident's journey through `browser`. `think(low, high)` waits like a person."""

    def __init__(
        self,
        account: Account,
        browser: Browser,
        staff_browser: Callable[[], Browser],
        think: Callable[[float, float], None],
        rng: random.Random,
        pace: Pace = Pace(),
        habits: Habits = Habits(),
    ) -> None:
        self.account, self.browser, self.staff_browser = account, browser, staff_browser
        self.think, self.rng, self.pace, self.habits = think, rng, pace, habits
        self.lang = account.language
        self.tag = f"loadresident{account.number}x"
        # One answers document per registration: as the resident has given them, and as
        # the service has acknowledged them (what a check at any moment may expect saved).
        self.given: list[dict[str, Any]] = []
        self.saved: list[dict[str, Any]] = []
        self.before_log_in: Callable[[], None] = lambda: None
        self.javascript = rng.random() >= habits.no_javascript
        self.cached: set[str] = set()  # static files the browser holds
        self.translating = False

    # The journey ---------------------------------------------------------------------------

    def register(self) -> None:
        self.log_in(self.account.code)
        self.consent()
        self.fill_in(break_at=self._break_part())
        self.complete()
        if self.rng.random() < self.habits.fills_in_again:
            self.fill_in_again()
        self.post("/logout/", "logout", {}, csrf=self._csrf_of(f"/{self.lang}/form/receipt/"))

    def log_in(self, code: str) -> None:
        self.before_log_in()
        page = self.get("/login/", "login page")
        self.think(*self.pace.page)
        fields = {"duf_number": self.account.duf_number, "code": code}
        reply = self.post("/login/", "login", fields, csrf=_first(_CSRF, page.text))
        self.expect_redirect(reply, "/start/")

    def consent(self) -> None:
        start = self.get("/start/", "start", expect=302)
        self.expect_redirect(start, "/consent/")
        page = self.get("/consent/", "consent page")
        self.think(*self.pace.page)
        reply = self.post("/consent/", "consent", {"decision": "consent"}, _first(_CSRF, page.text))
        self.expect_redirect(reply, "/start/")
        self._new_registration({})

    def fill_in(self, break_at: str | None = None) -> None:
        """From /start/ to the summary, part after part as the service leads."""
        location = self.get("/start/", "start", expect=302).location
        while not location.endswith("/form/summary/"):
            part = self._part_of(location)
            if part == break_at:
                self.take_a_break(part)
                break_at = None
                location = self.get("/start/", "start", expect=302).location
                continue
            location = self.do_part(part)
        self.check_summary(self.get("/form/summary/", "summary page").text)

    def do_part(self, part: str) -> str:
        """Answer every question of the part and go on; the path the part's Next leads to."""
        page = self.open_part(part)
        if self.rng.random() < self.habits.translation_per_part:
            page = self.toggle_translation(page, on=True)
        for _load in range(MAX_PAGES_PER_PART):
            page = self.answer_page(page)
            if self.translating:
                page = self.answer_page(self.toggle_translation(page, on=False))
            reply = self.post_form(page, "next (post)", {"action": "next"})
            location = reply.location.split("#")[0]
            if not location.endswith(f"/form/{part}/"):
                return location
            page = self.open_part(part)
        raise JourneyError(f"part {part} needed more than {MAX_PAGES_PER_PART} page loads")

    def open_part(self, part: str) -> Page:
        """A part page: nothing the resident gave is unsaved when a page loads."""
        name = "part page (translation)" if self.translating else "part page"
        page = Page.parse(part, self.get(f"/form/{part}/", name).text)
        self._sync_all_items(page)
        self._acknowledged()
        return page

    def answer_page(self, page: Page) -> Page:
        """Answer what the page shows and is still unanswered, in page order, until nothing
        is left (with JavaScript a save may reveal more); the page as it then is."""
        answers = self.given[-1]
        skipped: set[Todo] = set()
        for _round in range(200):
            todo = self._next_to_answer(page, answers, skipped)
            if todo is None:
                return page
            self.think(*self.pace.answer)
            if todo.add_item:
                self.post_form(page, "add item (post)", {"add": todo.key})
                page = self.open_part(page.part)
                continue
            if not todo.question.required and self.rng.random() < self.habits.skips_optional:
                skipped.add(todo)
                continue
            target = answers
            if todo.item_id is not None:
                target = next(i for i in answers[todo.key] if i["id"] == todo.item_id)
            target[todo.question.key] = self.choose(todo.question)
            if self.javascript:
                self.autosave(page, todo.key)
        raise JourneyError(f"part {page.part} never ran out of questions")

    def _next_to_answer(
        self, page: Page, answers: dict[str, Any], skipped: set[Todo]
    ) -> Todo | None:
        for key in page.in_view(self.javascript):
            question = QUESTIONNAIRE.question(key)
            if question.kind != Kind.GROUP:
                todo = Todo(key, question)
                if key not in answers and todo not in skipped:
                    return todo
                continue
            items = {item["id"]: item for item in self._sync_items(page, key, answers)}
            for item_id, field_key in page.item_fields.get(key, []):
                field = next(f for f in question.fields if f.key == field_key)
                todo = Todo(key, field, item_id)
                if field_key not in items[item_id] and todo not in skipped:
                    return todo
            wanted = min(question.max_items, 1 + (self.account.number + len(key)) % 2)
            if key in page.can_add and len(items) < wanted:
                return Todo(key, question, add_item=True)
        return None

    def _sync_all_items(self, page: Page) -> None:
        for key in page.item_fields:
            self._sync_items(page, key, self.given[-1])

    def _sync_items(self, page: Page, key: str, answers: dict[str, Any]) -> list[dict[str, Any]]:
        """Items the server opened (a group opens with one empty item) join the answers."""
        items = answers.setdefault(key, [])
        known = {item["id"] for item in items}
        for item_id, _field in page.item_fields.get(key, []):
            if item_id not in known:
                items.append({"id": item_id})
                known.add(item_id)
        return items

    def choose(self, question: Question) -> Any:
        """A plausible answer a person might give: any ordinary choice, a year, a number, or
        a few words carrying this resident's tag (so a page that showed another resident's
        text would be caught)."""
        rng = self.rng
        if question.kind in (Kind.SINGLE, Kind.DROPDOWN):
            return rng.choice([c.code for c in question.choices if not c.exclusive])
        if question.kind == Kind.MULTIPLE:
            codes = [c.code for c in question.choices if not c.exclusive]
            limit = min(len(codes), question.max_selected or 3, 3)
            return sorted(rng.sample(codes, rng.randint(1, limit)))
        if question.kind == Kind.YEAR:
            low = question.min if question.min is not None else engine.FIRST_YEAR
            high = question.max if question.max is not None else engine.this_year()
            return str(rng.randint(max(low, min(1990, high)), min(high, max(2020, low))))
        if question.kind == Kind.NUMBER:
            low = question.min if question.min is not None else 0
            high = question.max if question.max is not None else low + 10
            return str(rng.randint(low, min(high, low + 10)))
        words = rng.choice(("cook and baker", "car repairs", "taught children", "sold clothes"))
        return f"{words} {self.tag}"

    # Requests ------------------------------------------------------------------------------

    def get(self, path: str, name: str, expect: int = 200) -> Reply:
        reply = self.browser("GET", f"/{self.lang}{path}", name)
        if reply.status != expect:
            raise JourneyError(f"{name}: {reply.status}, expected {expect}")
        self.load_static(reply.text)
        return reply

    def post(self, path: str, name: str, fields: dict[str, str], csrf: str) -> Reply:
        data = [("csrfmiddlewaretoken", csrf), *fields.items()]
        reply = self.browser("POST", f"/{self.lang}{path}", name, data)
        if reply.status != 302:
            raise JourneyError(f"{name}: {reply.status}, expected a redirect")
        return reply

    def expect_redirect(self, reply: Reply, ending: str) -> None:
        if not reply.location.split("#")[0].endswith(ending):
            raise JourneyError(f"redirected to {reply.location}, expected …{ending}")

    def _csrf_of(self, path: str) -> str:
        return _first(_CSRF, self.browser("GET", path, "receipt page").text)

    def load_static(self, text: str) -> None:
        """Style sheets, scripts and fonts a page names, each once: the browser keeps them."""
        for path in dict.fromkeys(_STATIC.findall(text)):
            if path not in self.cached:
                self.cached.add(path)
                self.browser("GET", path, "static file")

    def form_fields(self, page: Page, keys: list[str]) -> list[tuple[str, str]]:
        """The fields of the questions `keys` as the form holds them: the answers given."""
        answers = self.given[-1]
        data: list[tuple[str, str]] = []
        for key in keys:
            question = QUESTIONNAIRE.question(key)
            value = answers.get(key)
            if question.kind == Kind.GROUP:
                for item_id, field_key in page.item_fields.get(key, []):
                    item = next((i for i in value or [] if i["id"] == item_id), {})
                    name = engine.field_name(question, item_id, field_key)
                    data += [(name, v) for v in _as_list(item.get(field_key))]
            else:
                data += [(engine.field_name(question), v) for v in _as_list(value)]
        return data

    def autosave(self, page: Page, key: str) -> None:
        """The post form.js sends when an answer changes, and what it does with the reply."""
        data = [("csrfmiddlewaretoken", page.csrf), *self.form_fields(page, [key])]
        data += [("shown", key)]
        displayed = " ".join(f"{k}:{page.states.get(k, '')}" for k in page.order)
        data += [("displayed", displayed), ("reveal", page.reveal)]
        data += [("summary", page.summary), ("nav", page.nav)]
        data += [("revision", page.revision), ("autosave", "1"), ("delta", "1")]
        reply = self.browser("POST", f"/{self.lang}/form/{page.part}/", "save", data)
        if reply.status != 200:
            raise JourneyError(f"save: {reply.status}")
        page.apply(json.loads(reply.text))
        self._sync_all_items(page)
        self._acknowledged()

    def post_form(self, page: Page, name: str, extra: dict[str, str]) -> Reply:
        """A button of the part form: the whole form goes with it."""
        data = [("csrfmiddlewaretoken", page.csrf)]
        keys = page.in_view(self.javascript)
        data += [("shown", key) for key in keys]
        data += self.form_fields(page, keys)
        data += list(extra.items())
        reply = self.browser("POST", f"/{self.lang}/form/{page.part}/", name, data)
        if reply.status != 302:
            raise JourneyError(f"{name}: {reply.status}, expected a redirect")
        self._acknowledged()
        return reply

    # Now and then --------------------------------------------------------------------------

    def toggle_translation(self, page: Page, on: bool) -> Page:
        self.think(*self.pace.answer)
        if on:
            second = self.rng.choice([c for c in TRANSLATION_LANGUAGES if c != self.lang])
            extra = {"goto": "translate", "second_language": second}
        else:
            extra = {"goto": "hide-translation"}
        self.post_form(page, "translation (post)", extra)
        self.translating = on
        return self.open_part(page.part)

    def _break_part(self) -> str | None:
        if self.rng.random() >= self.habits.takes_a_break:
            return None
        return self.rng.choice(PART_KEYS[1:])

    def take_a_break(self, part: str) -> None:
        """Break (log out) on the part page, staff issue a new code, log in again."""
        page = self.open_part(part)
        reply = self.post_form(page, "break (post)", {"goto": "logout"})
        self.expect_redirect(reply, "/logged-out/")
        self.think(*self.pace.pause)
        self.log_in(self.new_code())

    def new_code(self) -> str:
        """What the staff do: sign in (password, then a recovery code as the second step)
        unless signed in to this centre already, open the resident's page, issue a code."""
        staff = self.staff_browser()
        resident = f"/en/staff/residents/{self.account.person_id}/"
        page = staff("GET", resident, "staff: resident page")
        if page.status != 200:
            form = staff("GET", "/en/staff/login/", "staff: sign-in page")
            fields = {"username": self.account.staff_username}
            fields["password"] = self.account.staff_password
            data = [("csrfmiddlewaretoken", _first(_CSRF, form.text)), *fields.items()]
            data.append(("next", ""))
            if staff("POST", "/en/staff/login/", "staff: sign in", data).status != 302:
                raise JourneyError("staff could not sign in")
            step = staff("GET", "/en/staff/login/second-factor/", "staff: second factor page")
            data = [("csrfmiddlewaretoken", _first(_CSRF, step.text))]
            data += [("code", self.account.staff_code), ("next", "")]
            if (
                staff("POST", "/en/staff/login/second-factor/", "staff: second factor", data).status
                != 302
            ):
                raise JourneyError("the staff's second step refused the code")
            page = staff("GET", resident, "staff: resident page")
        data = [("csrfmiddlewaretoken", _first(_CSRF, page.text))]
        issued = staff("POST", f"{resident}issue-code/", "staff: issue code", data)
        if issued.status != 302:
            raise JourneyError(f"staff: issue code: {issued.status}")
        code = _first(_CODE, staff("GET", issued.location, "staff: code slip").text)
        if not code:
            raise JourneyError("the code slip shows no code")
        return code

    def check_summary(self, text: str) -> None:
        others = {tag for tag in _TAG.findall(text) if tag != str(self.account.number)}
        if others:
            raise JourneyError("the summary shows another resident's answers")

    def complete(self) -> None:
        page = self.get("/form/summary/", "summary page")
        self.think(*self.pace.page)
        reply = self.post("/form/complete/", "complete", {}, _first(_CSRF, page.text))
        self.expect_redirect(reply, "/form/receipt/")
        self.get("/form/receipt/", "receipt page")
        self.given[-1] = engine.prune(QUESTIONNAIRE, self.given[-1])
        self._acknowledged()

    def _new_registration(self, answers: dict[str, Any]) -> None:
        self.given.append(answers)
        self.saved.append(copy.deepcopy(answers))

    def _acknowledged(self) -> None:
        """The service has saved every answer given so far."""
        self.saved[-1] = copy.deepcopy(self.given[-1])

    def fill_in_again(self) -> None:
        """From the completed registration: consent again, change one answer of one part,
        answer what that reveals, complete again."""
        self.think(*self.pace.page)
        self.get("/completed/", "completed page")
        page = self.get("/consent/", "consent page")
        reply = self.post("/consent/", "consent", {"decision": "consent"}, _first(_CSRF, page.text))
        self.expect_redirect(reply, "/start/")
        self._new_registration(engine.prune(QUESTIONNAIRE, self.given[-1]))
        part = self.rng.choice(PART_KEYS)
        part_page = self.open_part(part)
        answers = self.given[-1]
        choices = [
            key
            for key in part_page.order
            if QUESTIONNAIRE.question(key).kind == Kind.SINGLE and key in answers
        ]
        if choices:
            question = QUESTIONNAIRE.question(self.rng.choice(choices))
            self.think(*self.pace.answer)
            answers[question.key] = self.choose(question)
            if self.javascript:
                self.autosave(part_page, question.key)
        part_page = self.answer_page(part_page)
        self.post_form(part_page, "next (post)", {"action": "next"})
        self.fill_in()
        self.complete()

    def _part_of(self, location: str) -> str:
        path = urlsplit(location).path
        for key in PART_KEYS:
            if path.endswith(f"/form/{key}/"):
                return key
        raise JourneyError(f"expected a part page, was sent to {path}")


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def encode(data: list[tuple[str, str]] | None) -> str:
    return urlencode(data or [])
