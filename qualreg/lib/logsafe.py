"""Logging that cannot carry personal data: requests named by route, errors by type and frames.

Django's own records quote the raw path ("Not Found: /en/201258697561"), the Host header and
exception messages, and an exception's message can hold a DUF number, a login code or an
answer (a database error quotes the row it refused). Redacting in one handler's filter or
formatter would leave the record whole for every other handler, so the record is made safe
where it is created: `configure` (settings.LOGGING_CONFIG) installs a record factory that
rewrites Django's request and security records, drops the values of other libraries'
messages (all but the numbers they format as numbers: counts, sizes, times), and replaces
the exception with its type names and stack frames.
"""

from __future__ import annotations

import logging
import logging.config
import re
import traceback
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any

from django.http import HttpRequest
from django.urls import resolve
from django.urls.exceptions import Resolver404

REDACTED = "[redacted]"
# Our own loggers are written to pass values that are safe (routes, counts, type names).
_OWN_LOGGERS = "qualreg."
# The request being served, so that Django's records about it can name its route.
current_request: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)
# printf-style placeholders: %[(key)][flags][width][.precision][length]kind.
_PLACEHOLDER = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?(?P<spec>[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?)[hlL]?"
    r"(?P<kind>[diouxXeEfFgGcrsa%])"
)
_NUMBER_KINDS = frozenset("diouxXeEfFgG")
_LARGEST_SHOWN = 999_999_999
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})


def route_of(request: HttpRequest) -> str:
    """The URL pattern, not the URL: paths and queries could carry personal data."""
    match = getattr(request, "resolver_match", None)  # set by Django once the URL is resolved
    if match is None:
        try:
            match = resolve(request.path_info)
        except (Resolver404, ValueError):
            return "<unmatched>"
    return match.route or match.view_name or "<unnamed>"


def method_of(request: HttpRequest) -> str:
    """The HTTP method, or OTHER: the method is whatever the client chose to send."""
    method = str(getattr(request, "method", "") or "")
    return method if method in _METHODS else "OTHER"


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def redacted_traceback(exc: BaseException) -> str:
    """The traceback as Python prints it, each exception's message replaced by REDACTED.

    Frames name files, lines, functions and source lines: code, not data. Messages, notes
    and local variables are data.
    """
    chain: list[tuple[BaseException, str]] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            link = "The above exception was the direct cause of the following exception:"
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            link = "During handling of the above exception, another exception occurred:"
            current = current.__context__
        else:
            current = None
    parts: list[str] = []
    for position, (error, _link) in enumerate(reversed(chain)):
        if position:
            parts.append(f"\n{chain[len(chain) - position][1]}\n\n")
        if error.__traceback__ is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.extract_tb(error.__traceback__).format())
        parts.append(f"{_type_name(error)}: {REDACTED}\n")
    return "".join(parts).rstrip("\n")


def _request_line(record: logging.LogRecord) -> None:
    """Django's request and security records, told by kind, method and route.

    Their messages quote the path, the Host header or the exception; the request they are
    about is the one the request log middleware is serving, if any.
    """
    if record.name.startswith("django.security."):
        what = record.name.rpartition(".")[2]  # DisallowedHost, csrf, TooManyFieldsSent…
    else:
        what = "error" if record.levelno >= logging.ERROR else "refused"
    request = current_request.get()
    if request is None:
        record.msg, record.args = "%s", (what,)
    else:
        record.msg, record.args = "%s %s %s", (what, method_of(request), route_of(request))


def _is_measure(value: Any) -> bool:
    """A count, a size, a position or a time: a number, and too small to be an identifier
    (a DUF number has 12 digits; our identifiers and codes are text anyway)."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and abs(value) <= _LARGEST_SHOWN
    )


def _redacted_message(msg: str, args: Any) -> str:
    """Another library's message with its values in: a number that the message formats as
    a number (%d, %5.2f, %x: a count, a size, a time) as it would be; every other value,
    and anything the message cannot format, as REDACTED. The result is text with no
    placeholder left, so no handler can fail on it (a failure would print the values)."""
    mapping = args if isinstance(args, Mapping) else None
    positional = iter(args if isinstance(args, tuple) else (args,))

    def value(match: re.Match[str]) -> str:
        kind = match["kind"]
        if kind == "%":
            return "%"
        spec = match["spec"]
        try:
            if "*" in spec:  # a width or precision given as an argument
                stars = [next(positional) for _star in range(spec.count("*"))]
                if not all(isinstance(star, int) for star in stars):
                    return REDACTED
                spec = spec.replace("*", "{}").format(*stars)
            if match["key"] is not None:
                item = mapping[match["key"]] if mapping is not None else None
            else:
                item = next(positional)
        except (StopIteration, KeyError):
            return REDACTED
        if kind in _NUMBER_KINDS and _is_measure(item):
            try:
                return f"%{spec}{kind}" % item
            except (TypeError, ValueError, OverflowError):
                return REDACTED
        return REDACTED

    return _PLACEHOLDER.sub(value, msg)


def make_safe(record: logging.LogRecord) -> logging.LogRecord:
    """Rewrite one record in place so that no handler can print a value from it."""
    name = record.name
    if name == "django.request" or name.startswith("django.security"):
        _request_line(record)
    elif not name.startswith(_OWN_LOGGERS) and record.args:
        args = record.args
        if isinstance(record.msg, str):
            record.msg, record.args = _redacted_message(record.msg, args), ()
        elif isinstance(args, Mapping):
            record.args = dict.fromkeys(args, REDACTED)
        else:
            record.args = tuple(REDACTED for _arg in args)
    if isinstance(record.msg, BaseException):  # logger.error(error): the message is data
        record.msg, record.args = f"{_type_name(record.msg)}: {REDACTED}", ()
    if record.exc_info:
        error = record.exc_info[1]
        record.exc_text = redacted_traceback(error) if error is not None else ""
        # Without exc_info no handler can render the original; formatters print exc_text.
        record.exc_info = None
    return record


def configure(logging_settings: dict[str, Any]) -> None:
    """Django's LOGGING_CONFIG: apply settings.LOGGING and make every new record safe."""
    logging.config.dictConfig(logging_settings)
    factory = logging.getLogRecordFactory()
    if getattr(factory, "makes_safe_records", False):
        return  # configured before (tests and `runserver` set Django up more than once)

    def safe_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return make_safe(factory(*args, **kwargs))

    safe_record.makes_safe_records = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(safe_record)
