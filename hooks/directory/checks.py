"""Checks that JSON Schema cannot express well: addresses, dates, id vs file name.

The plain-text check every data file shares is in hooks/datafile/text_checks.py.

Each check returns Problems; the caller has already made sure the file loaded.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from hooks.datafile.loader import LoadedFile
from hooks.datafile.problem import Problem, dotted, quote
from hooks.datafile.text_checks import walk

# Fields with their own check or a fixed format: the plain-text scan skips them so
# one mistake is reported once.
STRUCTURED_FIELDS = frozenset({"id", "kind", "email", "website", "url", "number", "reviewed", "postal_code",
                               "country", "byday", "opens_at", "closes_at", "languages", "needs", "target_groups",
                               "programme_chapters"})
URL_FIELDS = {"website", "url"}

_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")
_PHONE_SHAPE = re.compile(r"\+?[0-9]+(?:[ -][0-9]+)*")
_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DANGEROUS_SCHEMES = {"javascript", "data", "vbscript", "file"}

EMAIL_EXPECTED = ("an e-mail address", "name@example.fi")
PHONE_EXPECTED = ("a phone number with digits, spaces or hyphens, + only at the start",
                  "+358 19 520 2111 or 019 520 2111")
URL_EXPECTED = ("a web address starting with https:// (or http://)", "https://www.porvoo.fi")
DATE_EXPECTED = ("a date written as YYYY-MM-DD", "2024-05-31")


def check_id_matches_file(loaded: LoadedFile, display: str) -> list[Problem]:
    actor_id = loaded.data.get("id")
    stem = loaded.path.stem
    if not isinstance(actor_id, str) or actor_id == stem:
        return []
    return [Problem(display, loaded.line_of(("id",)), "id",
                    f"the id {quote(actor_id)} is not the same as the file name {quote(loaded.path.name)}",
                    expected="the id to be the file name without .yml", example=f"id: {stem}")]


def check_contacts(loaded: LoadedFile, display: str) -> list[Problem]:
    problems = []
    for path, value in walk(loaded.data):
        if not isinstance(value, str) or not path or not isinstance(path[-1], str):
            continue
        name = path[-1]
        line = loaded.line_of(path)
        if name == "email" and not is_email(value):
            problems.append(Problem(display, line, dotted(path), f"{quote(value)} is not an e-mail address",
                                    *EMAIL_EXPECTED))
        elif name == "number" and len(path) >= 3 and path[-3] == "phones":
            reason = phone_problem(value)
            if reason:
                problems.append(Problem(display, line, dotted(path), reason, *PHONE_EXPECTED))
        elif name in URL_FIELDS:
            reason = url_problem(value)
            if reason:
                problems.append(Problem(display, line, dotted(path), reason, *URL_EXPECTED))
    return problems


def check_reviewed(loaded: LoadedFile, display: str, today: date) -> list[Problem]:
    """Errors for dates that cannot be right; warnings for entries nobody has confirmed lately."""
    value = loaded.data.get("reviewed")
    line = loaded.line_of(("reviewed",))
    if "reviewed" not in loaded.data:
        return [Problem(display, None, "reviewed",
                        "the partner has never confirmed this entry (there is no reviewed date)",
                        expected="the date when the partner last checked the entry", example="2024-05-31",
                        severity="warning")]
    if not isinstance(value, str):
        return []  # the schema reports the wrong type
    reviewed = parse_date(value)
    if reviewed is None:
        return [Problem(display, line, "reviewed", f"{quote(value)} is not a valid date", *DATE_EXPECTED)]
    if reviewed > today:
        return [Problem(display, line, "reviewed",
                        f"the date {value} is in the future (today is {today.isoformat()})",
                        expected="the date when the partner actually checked the entry, today or earlier",
                        example=today.isoformat())]
    if reviewed < one_year_before(today):
        return [Problem(display, line, "reviewed",
                        f"the entry was last checked on {value}, more than 12 months ago",
                        expected="the partner to check the entry again and update the date",
                        example=today.isoformat(), severity="warning")]
    return []


def check_schedules(loaded: LoadedFile, display: str) -> list[Problem]:
    problems = []
    for path, value in walk(loaded.data):
        if not (isinstance(value, dict) and len(path) >= 2 and path[-2] == "schedules"):
            continue
        opens, closes = value.get("opens_at"), value.get("closes_at")
        if isinstance(opens, str) and isinstance(closes, str) and _is_time(opens) and _is_time(closes) \
                and closes <= opens:
            problems.append(Problem(display, loaded.line_of(path + ("closes_at",)), dotted(path + ("closes_at",)),
                                    f"the closing time {closes} is not after the opening time {opens}",
                                    expected="a closing time later than opens_at", example="16:00"))
    return problems


def is_email(value: str) -> bool:
    return _EMAIL.fullmatch(value) is not None and len(value) <= 254


def phone_problem(value: str) -> str | None:
    if "(0)" in value.replace(" ", ""):
        return f"{quote(value)} mixes the international and the Finnish format: leave out (0) after +358"
    if not _PHONE_SHAPE.fullmatch(value):
        return f"{quote(value)} is not a phone number"
    digits = sum(c.isdigit() for c in value)
    if value.startswith("+"):
        ok = 7 <= digits <= 15 and not value.startswith("+0")  # E.164: at most 15 digits, no 0 country code
    else:
        ok = 3 <= digits <= 12 and value[0] in "01"  # 019 520 2111, 040 …, or service numbers like 116 117
    return None if ok else f"{quote(value)} is not a phone number ({digits} digits)"


def url_problem(value: str) -> str | None:
    """Why a value is not a safe http(s) address, or None if it is one."""
    if any(c.isspace() for c in value):
        return f"the web address {quote(value)} contains a space"
    scheme_match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", value)
    scheme = scheme_match.group(1).lower() if scheme_match else ""
    if scheme in _DANGEROUS_SCHEMES:
        return f"web addresses starting with \"{scheme}:\" are not allowed ({quote(value)})"
    if scheme == "mailto":
        return f"{quote(value)} is an e-mail link, not a web address; put the e-mail address in the field \"email\""
    if scheme not in ("http", "https"):
        if not scheme or re.match(r"[^/:]+\.[a-z]{2,}", value, re.IGNORECASE):
            return f"the web address {quote(value)} does not start with https://"
        return f"only https:// and http:// addresses are allowed, not \"{scheme}:\" ({quote(value)})"
    parts = urlsplit(value)
    if not value.lower().startswith(f"{scheme}://") or not parts.netloc:
        return f"the web address {quote(value)} has no site name after {scheme}://"
    if "@" in parts.netloc:
        return f"the web address {quote(value)} contains a user name or password (@), which is not allowed"
    try:
        host = (parts.hostname or "").encode("idna").decode("ascii")
        parts.port  # raises ValueError for a port that is not a number
    except (UnicodeError, ValueError):
        return f"the site name in {quote(value)} is not valid"
    labels = host.split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.fullmatch(label) for label in labels) or labels[-1].isdigit():
        return f"the site name {quote(parts.hostname or '')} in the web address is not valid"
    return None


def parse_date(value: str) -> date | None:
    if not _DATE_SHAPE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def one_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _is_time(value: str) -> bool:
    return re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", value) is not None
