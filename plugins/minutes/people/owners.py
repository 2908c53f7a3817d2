"""Owners of action items, and leaders of sections.

``owners_in`` reads the people an action item names as its owners, in the
ways notes write them:

- a parenthesis of names: ``WiMLDS: issue picking (François, Olivier)``,
  ``(Arturo, may need help)`` (names first, then a remark);
- GitHub handles: ``- [ ] @jasnell to follow up``;
- a name before a colon: ``Olivier: review the PR``;
- a name before ``to`` / ``will``: ``ACTION: WH to review``, ``Alice Smith will send it``;
- a label: ``owner: Maren``, ``assignee: @bob``;
- a trailing dash: ``Fix the CI — Olivier``.

Names come back as written, handles with their ``@``; resolving them to
people is the index's work. ``role_line`` reads ``leader: Maren Westermann``,
``Presenter: Daniel Ehrenberg (DE)`` or ``Note taker: Alice``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..reading.inline import link_texts, strip_markup
from ..slugs import fold
from ..vocabulary import ATTEND_LABELS, HANDLE_MENTION, LEAD_LABELS, NOT_OWNERS, SECTION_WORDS
from .names import PersonText, parse_person, split_people

_ACTION_PREFIX = re.compile(
    r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?"
    r"(?:(?:\*\*|__)?(?:action(?:\s+items?)?|todo|to-do|ai|task)(?:\*\*|__)?\s*[:\-–—](?:\*\*|__)?\s*)?",
    re.IGNORECASE,
)
_URL = re.compile(r"<?https?://[^\s>)]+>?")


def _split_names(text: str) -> list[str]:
    """Names before a colon or after a dash split on commas and "and" only: ``Positive/Negative`` is one thing."""
    return [part.strip() for part in re.split(r"\s*,\s*|\s+(?:and|&)\s+", strip_markup(text)) if part.strip()]


@dataclass(frozen=True)
class _Way:
    """One way an action item names its owners: where the names stand (group 1 of ``pattern``), how they are
    split, whether every part must be a name (else the names come first, then a remark), and whether
    capitals in brackets may be people."""

    pattern: re.Pattern[str]
    split: Callable[[str], list[str]]
    every: bool
    abbreviations: bool


# Where an action item names its owners: "Owner: Ada", "(Ada, Bob)", "Ada: ...", "Ada to ...", "... - Ada".
_OWNER_LABEL = re.compile(r"(?i)\b(?:owners?|assignees?|assigned to|responsible|leaders?)\s*:\s*([^;()\[\]\n]+)")
_PAREN = re.compile(r"\(([^()]*)\)")
_LEADING_COLON = re.compile(r"^([^:]{2,60}?)\s*:\s")
_LEADING_TO = re.compile(r"^(.{2,60}?)\s+(?:to|will|should|must|needs to|is going to|agreed to|volunteered to)\s")
_TRAILING_DASH = re.compile(r"\s[-–—]\s+([^-–—]{2,60}?)\s*$")
# The ways, in the order they are read; a handle (``@bob``) anywhere is an owner too.
_WAYS = (
    _Way(_OWNER_LABEL, split_people, every=False, abbreviations=True),  # "assigned to: @bob"
    _Way(_PAREN, split_people, every=False, abbreviations=False),  # "(Arturo, may need help)": names, then a remark
    _Way(_LEADING_COLON, _split_names, every=True, abbreviations=True),  # a speaker or owner: "Olivier: review it"
    _Way(_LEADING_TO, _split_names, every=True, abbreviations=True),  # "WH to review", "Alice Smith will send it"
    _Way(_TRAILING_DASH, _split_names, every=True, abbreviations=False),  # signed: "Fix the CI — Olivier"
)


_ROLE_LINE = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?P<label>[A-Za-z][A-Za-z -]{1,25}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(?P<value>\S.*)$"
)


@dataclass(frozen=True)
class RoleLine:
    people: tuple[PersonText, ...]
    leads: bool  # a leader of what follows, rather than a note taker


def owners_in(text: str) -> tuple[str, ...]:
    """The owners an action item names, as written (handles with ``@``), in order of appearance."""
    text = re.sub(r"<[^>\n]*>", "", text.replace("\u00a0", " "))
    text = _ACTION_PREFIX.sub("", text, count=1)
    text = _URL.sub(" ", link_texts(text)).strip()
    found: list[tuple[int, str]] = []

    def add(position: int, parts: list[str], need_all: bool, abbreviations: bool) -> None:
        taken = []
        for part in parts:
            person = parse_person(part)
            if person is None or not (person.handle or (person.name or person.abbreviation)[:1].isupper()):
                person = None  # "(mostly)": owners are written with a capital or as a handle
            elif person.abbreviation and not person.name and not abbreviations:
                person = None  # "(WIP)", "(CI)": capitals in brackets are rarely people
            if person is None:
                if need_all:
                    return
                break  # "(Arturo, may need help)": names first, then a remark
            taken.append(person.label)
        if taken and fold(taken[0].split()[0].lstrip("@")) not in NOT_OWNERS | SECTION_WORDS:
            found.extend((position, label) for label in taken)

    for way in _WAYS:
        for match in way.pattern.finditer(text):
            add(match.start(1), way.split(match.group(1)), way.every, way.abbreviations)
    for match in HANDLE_MENTION.finditer(text):
        found.append((match.start(), "@" + match.group(1)))
    seen: set[str] = set()
    result = []
    for _, label in sorted(found, key=lambda item: item[0]):
        key = fold(label)
        if key not in seen:
            seen.add(key)
            result.append(label)
    return tuple(result)


def role_line(line: str) -> RoleLine | None:
    """``leader: Maren Westermann``, ``**Presenter:** Daniel Ehrenberg (DE)``, ``Scribe: Alice``; else None."""
    match = _ROLE_LINE.match(line.replace("\u00a0", " "))
    if not match:
        return None
    label = fold(match.group("label")).strip()
    if label not in LEAD_LABELS and label not in ATTEND_LABELS:
        return None
    people = tuple(person for part in split_people(match.group("value")) if (person := parse_person(part)) is not None)
    return RoleLine(people, label in LEAD_LABELS) if people else None
