"""Resolving names to people: one person, many spellings.

Names fold accent- and case-insensitively (``Jérémie``, ``Jeremie`` and
``jeremie`` are one person); a people file, when given, always wins.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .findings import Finding
from .model import Meeting, Person
from .slugs import fold, slugify, unique


@dataclass(frozen=True)
class Resolution:
    people: tuple[Person, ...]  # sorted by name
    by_name: dict[str, str]  # every name as written -> person id
    findings: tuple[Finding, ...] = ()


def resolve_people(meetings: Iterable[Meeting], people_file: Iterable[Person] = ()) -> Resolution:
    """Group the names of ``meetings`` into people."""
    declared = list(people_file)
    key_of: dict[str, str] = {}  # folded spelling -> group key
    for person in declared:
        for spelling in (person.name, *person.aliases, *person.handles):
            key_of.setdefault(fold(spelling.lstrip("@")), f"file:{person.id}")
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for meeting in meetings:
        for name in (*meeting.attendees, *(entry.name for entry in meeting.entries)):
            folded = fold(name.lstrip("@"))
            key = key_of.setdefault(folded, folded)
            spellings[key][name] += 1

    taken: set[str] = set()
    people: list[Person] = []
    by_name: dict[str, str] = {}
    for person in declared:
        person_id = unique(person.id or slugify(person.name, "person"), taken)
        seen = spellings.pop(f"file:{person.id}", Counter())
        aliases = tuple(dict.fromkeys([*person.aliases, *(s for s in seen if s != person.name)]))
        people.append(Person(person_id, person.name, aliases, person.handles, person.affiliation))
        for spelling in (person.name, *aliases):
            by_name[spelling] = person_id
    for key in sorted(spellings):
        seen = spellings[key]
        name = most_common_spelling(seen)
        person_id = unique(slugify(name, "person"), taken)
        people.append(Person(person_id, name, tuple(sorted(s for s in seen if s != name))))
        for spelling in seen:
            by_name[spelling] = person_id
    people.sort(key=lambda person: fold(person.name))
    return Resolution(tuple(people), by_name)


def most_common_spelling(spellings: Counter[str]) -> str:
    """The spelling used most; on a tie the one with accents, then the longest."""
    return max(spellings, key=lambda s: (spellings[s], sum(ord(c) > 127 for c in s), len(s), s))
