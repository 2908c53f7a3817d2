"""Headings that name a person: ``### Gael``, ``#### Thomas Fan``, ``#### Olivier:``.

A heading is a person only in a report: a round of sibling headings that read
like names (one to five capitalised words, no digits, no word of the shared
vocabulary) and that the note shows to be people, because one of them at least
is named in a people position of the meeting (an attendee, an owner, a name
tag, a leader; or, on the archive's second reading, anywhere in the archive)
or because the round sits under a heading of reports (``## Progress reports``,
``## Updates``, ``## Round table``), right under a running log's dated heading,
or right under a title that only says what the meeting is (``# Weekly``).
A heading that names a known person counts alone. In a note without reports,
headings are sections: the library names and ``### Drawbacks`` of a design
note, ``#### Regressions`` / ``#### Improvements`` of a performance triage,
``## November`` of a monthly update.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..reading.blocks import Heading
from ..reading.dates import date_in_heading
from ..slugs import fold
from ..vocabulary import (
    CALENDAR_WORDS,
    HANDLE,
    PROCEDURAL_WORDS,
    REPORT_KEYS,
    REPORT_WORDS,
    SECTION_FILLERS,
    SECTION_WORDS,
    is_procedural,
    is_section_heading,
)
from .names import looks_like_name

_HANDLE = re.compile(r"^@" + HANDLE + r"$")


def clean_heading_name(text: str) -> str:
    """Heading text without emphasis, link syntax or a trailing colon."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{[:#.][^}]*\}\s*$", "", text)  # attr_list
    text = text.replace("**", "").replace("__", "").strip(" *_`:")
    return re.sub(r"\s+", " ", text).strip()


def name_like(text: str, not_people: frozenset[str] = SECTION_WORDS) -> str | None:
    """The name a heading gives, if it reads like a person's name (``names.looks_like_name``) or is a handle."""
    name = clean_heading_name(text)
    if _HANDLE.match(name):
        return name
    if not name or fold(name) in not_people or not looks_like_name(name, not_people):
        return None
    return name


@dataclass(frozen=True)
class PersonHeadings:
    names: dict[int, str]  # line index -> name as written
    uncorroborated: frozenset[str]  # folded names of rounds left as sections: people elsewhere would make them reports


def person_headings(
    headings: Sequence[Heading],
    known: frozenset[str] = frozenset(),
    not_people: frozenset[str] = SECTION_WORDS,
    seen: frozenset[str] = frozenset(),
) -> PersonHeadings:
    """Which of ``headings`` name a person.

    ``known`` holds folded names known to be people (people file, attendee lists), which count even
    alone; ``seen`` folded names of the meeting's other people positions (owners, name tags, leaders),
    which make a round of name headings a round of reports.
    """
    result: dict[int, str] = {}
    left: set[str] = set()
    by_index = {heading.index: heading for heading in headings}
    people = known | seen
    for parent, group in _sibling_groups(headings):
        names = {heading.index: _known(heading.text, known) or name_like(heading.text, not_people) for heading in group}
        plausible = [name for name in names.values() if name]
        # Known section headings ("Discussion", "TODO / Next") sit among the people without counting against them.
        sections = sum(1 for heading in group if is_section_heading(clean_heading_name(heading.text), not_people))
        supported = len(plausible) >= 2 and len(plausible) * 2 >= len(group) - sections
        # A round right under a running log's date ("## 2022-02-08" / "### Gael") is one update per person too;
        # not one under a titled agenda ("# T-compiler Meeting Agenda 2020-03-12" / "## Beta-nominations").
        # So is one right under a title that says only what the meeting is ("# Weekly", "# Team sync 2024-03-05").
        reports = parent in by_index and (
            is_report_heading(by_index[parent].text)
            or _only_a_date(by_index[parent].text)
            or (by_index[parent].level == 1 and is_procedural(clean_heading_name(by_index[parent].text)))
        )
        corroborated = reports or any(_is_one_of(name, people) for name in plausible)
        if supported and not corroborated:
            left.update(fold(name) for name in plausible)
        for heading in group:
            name = names[heading.index]
            if name and ((supported and corroborated) or fold(name) in known):
                result[heading.index] = name
    return PersonHeadings(result, frozenset(left))


def is_report_heading(text: str) -> bool:
    """``Progress reports``, ``Updates``, ``Round table``, ``Status updates``: a heading over one section per person."""
    words = [fold(word) for word in re.findall(r"[^\W\d_]+", clean_heading_name(text))]
    return (
        bool(words)
        and any(word in REPORT_KEYS for word in words)
        and all(word in REPORT_WORDS or word in SECTION_FILLERS or word in PROCEDURAL_WORDS for word in words)
    )


def _only_a_date(text: str) -> bool:
    """``2022-02-08``, ``February 8th``, ``Tuesday 8 Feb 2022``: a heading that holds a date and nothing else."""
    if date_in_heading(text) is None:
        return False
    words = re.findall(r"[^\W\d_]+", clean_heading_name(text))
    return all(fold(word) in CALENDAR_WORDS for word in words)


def _is_one_of(name: str, people: frozenset[str]) -> bool:
    """Whether ``name`` is one of the folded names of ``people``, or the first name of one."""
    folded = fold(name)
    return folded in people or any(person.split()[0] == folded for person in people if " " in person)


def _known(text: str, known: frozenset[str]) -> str | None:
    """The heading's name when it is one of ``known`` (the people file says so, whatever its shape)."""
    name = clean_heading_name(text)
    return name if name and fold(name) in known else None


def _sibling_groups(headings: Sequence[Heading]) -> list[tuple[int, list[Heading]]]:
    """Headings grouped with their siblings (same level, same parent), with the parent's line index (-1 at the top)."""
    groups: dict[tuple[int, int], list[Heading]] = {}
    stack: list[Heading] = []
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        parent = stack[-1].index if stack else -1
        groups.setdefault((parent, heading.level), []).append(heading)
        stack.append(heading)
    return [(parent, group) for (parent, _), group in groups.items()]
