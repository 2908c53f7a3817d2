"""Headings that name a person: ``### Gael``, ``#### Thomas Fan``, ``#### Olivier:``.

A heading is taken for a person when it reads like a name (one to four
capitalised words, no digits, no common section word) and either names a
known person or stands among sibling headings that read like names too: a
lone ``## Wifi`` under ``# Logistics`` is not a person, a run of ``### Gael``,
``### Alex``, ``### Olivier`` is a round of updates.
"""

from __future__ import annotations

import re

from ..reading.headings import Heading
from ..slugs import fold

# Section headings of meeting notes that are never people (folded, one word or phrase).
SECTION_WORDS = frozenset(
    [
        "about",
        "accessibility",
        "action",
        "actions",
        "admin",
        "administrative",
        "agenda",
        "aob",
        "announcement",
        "announcements",
        "any",
        "apologies",
        "approval",
        "archive",
        "attendance",
        "attendees",
        "attending",
        "background",
        "backlog",
        "blockers",
        "blog",
        "break",
        "breakout",
        "budget",
        "bugs",
        "calendar",
        "call",
        "chair",
        "channel",
        "chat",
        "closing",
        "comments",
        "communication",
        "community",
        "conclusion",
        "conclusions",
        "consensus",
        "contact",
        "contacts",
        "context",
        "conference",
        "contributors",
        "decision",
        "decisions",
        "demo",
        "deployment",
        "description",
        "design",
        "details",
        "discussion",
        "discussions",
        "docs",
        "documentation",
        "done",
        "events",
        "extras",
        "feedback",
        "finance",
        "funding",
        "general",
        "goals",
        "governance",
        "guests",
        "hackathon",
        "help",
        "highlights",
        "hiring",
        "housekeeping",
        "ideas",
        "infrastructure",
        "intro",
        "introduction",
        "introductions",
        "issues",
        "items",
        "jobs",
        "kickoff",
        "links",
        "location",
        "logistics",
        "lunch",
        "maintenance",
        "meeting",
        "meetings",
        "milestones",
        "minutes",
        "misc",
        "miscellaneous",
        "moderator",
        "news",
        "next",
        "note",
        "notes",
        "notetaker",
        "objectives",
        "onboarding",
        "open",
        "other",
        "outcome",
        "outcomes",
        "overview",
        "participants",
        "people",
        "persons",
        "planning",
        "present",
        "priorities",
        "progress",
        "project",
        "projects",
        "proposal",
        "proposals",
        "questions",
        "recap",
        "recording",
        "regrets",
        "release",
        "releases",
        "reminders",
        "reports",
        "resolution",
        "resolutions",
        "resources",
        "retro",
        "review",
        "reviews",
        "risks",
        "roadmap",
        "roles",
        "roundtable",
        "round",
        "schedule",
        "scope",
        "security",
        "sponsors",
        "sponsorship",
        "sprint",
        "sprints",
        "status",
        "summary",
        "support",
        "survey",
        "tasks",
        "team",
        "teams",
        "testing",
        "thanks",
        "timeline",
        "todo",
        "todos",
        "topics",
        "tooling",
        "training",
        "triage",
        "travel",
        "updates",
        "venue",
        "votes",
        "voting",
        "welcome",
        "wifi",
        "wiki",
        "workshop",
        "wrap",
        "wrapup",
        "absents",
        "absent",
        "excused",
        "guest",
        "observers",
        "scribe",
        "facilitator",
        "host",
        "hosts",
        "réunion",
        "ordre",
        "jour",
        "divers",
        "présents",
        "absents",
        "excusés",
        "questions",
        "décisions",
        "suivi",
        "actualités",
    ]
)

# Small words that may sit inside a name ("Jérémie du Boisberranger", "van Rossum").
_PARTICLES = frozenset(
    [
        "de",
        "du",
        "des",
        "da",
        "di",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "del",
        "della",
        "dos",
        "bin",
        "ibn",
        "al",
        "y",
        "e",
        "st",
    ]
)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_HANDLE = re.compile(r"^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")


def clean_heading_name(text: str) -> str:
    """Heading text without emphasis, link syntax or a trailing colon."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{[:#.][^}]*\}\s*$", "", text)  # attr_list
    text = text.replace("**", "").replace("__", "").strip(" *_`:")
    return re.sub(r"\s+", " ", text).strip()


def name_like(text: str, not_people: frozenset[str] = SECTION_WORDS) -> str | None:
    """The name a heading gives, if it reads like a person's name."""
    name = clean_heading_name(text)
    if not name or len(name) > 60:
        return None
    if _HANDLE.match(name):
        return name
    words = name.split(" ")
    if not 1 <= len(words) <= 4 or fold(name) in not_people:
        return None
    for position, word in enumerate(words):
        folded = fold(word).strip(".")
        if not _NAME_WORD.match(word) or folded in not_people:
            return None
        if position and folded in _PARTICLES:
            continue
        if len(words) > 1 and not word[0].isupper():
            return None
    if len(words) == 1 and len(name) < 2:
        return None
    return name


def person_headings(
    headings: list[Heading],
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
        sections = sum(1 for heading in group if _is_section(heading.text, not_people))
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


def _is_section(text: str, not_people: frozenset[str]) -> bool:
    """A heading made of known section words only: ``Discussion points``, ``TODO / Next``, ``Need decision``."""
    words = re.findall(r"[^\W\d_]+", fold(clean_heading_name(text)))
    return bool(words) and all(word in not_people or word in _FILLERS for word in words)


# Words that may sit between section words: "Questions and answers", "Items for decision".
_FILLERS = frozenset(["and", "or", "for", "of", "the", "to", "a", "points", "need", "needs"])


def _sibling_groups(headings: list[Heading]) -> list[list[Heading]]:
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
