"""Headings that name a person: ``### Gael``, ``#### Thomas Fan``, ``#### Olivier:``.

A heading is taken for a person when it reads like a name (one to four
capitalised words, no digits, no common section word) and either names a
known person or stands among sibling headings that read like names too: a
lone ``## Wifi`` under ``# Logistics`` is not a person, a run of ``### Gael``,
``### Alex``, ``### Olivier`` is a round of updates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..reading.blocks import Heading
from ..slugs import fold
from ..vocabulary import HANDLE, SECTION_WORDS, is_section_heading
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


def person_headings(
    headings: Sequence[Heading],
    known: frozenset[str] = frozenset(),
    not_people: frozenset[str] = SECTION_WORDS,
) -> dict[int, str]:
    """Which of ``headings`` name a person: line index -> name as written.

    ``known`` holds folded names already known to be people (people file,
    attendee lists), which count even without sibling support.
    """
    result: dict[int, str] = {}
    for group in _sibling_groups(headings):
        names = {heading.index: _known(heading.text, known) or name_like(heading.text, not_people) for heading in group}
        plausible = [index for index, name in names.items() if name]
        # Known section headings ("Discussion", "TODO / Next") sit among the people without counting against them.
        sections = sum(1 for heading in group if is_section_heading(clean_heading_name(heading.text), not_people))
        supported = len(plausible) >= 2 and len(plausible) * 2 >= len(group) - sections
        for heading in group:
            name = names[heading.index]
            if name and (supported or fold(name) in known):
                result[heading.index] = name
    return result


def _known(text: str, known: frozenset[str]) -> str | None:
    """The heading's name when it is one of ``known`` (the people file says so, whatever its shape)."""
    name = clean_heading_name(text)
    return name if name and fold(name) in known else None


def _sibling_groups(headings: Sequence[Heading]) -> list[list[Heading]]:
    """Headings grouped with their siblings: same level, same parent."""
    groups: dict[tuple[int, int], list[Heading]] = {}
    stack: list[Heading] = []
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        parent = stack[-1].index if stack else -1
        groups.setdefault((parent, heading.level), []).append(heading)
        stack.append(heading)
    return list(groups.values())
