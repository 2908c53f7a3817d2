"""New names close to known people: the review that catches ``### Oliver`` where the series writes ``### Olivier``.

With zero configuration, a person named in one or two meetings whose name is a letter or two from a person
of many meetings (accents and case aside) is most likely that person misspelt. Resolution keeps them apart
(``resolve``: two people are never merged on a guess); this says so, with the file and line, and the
likelier person: the one of the same series first, then the one of most meetings. A people file settles it:
an alias makes them one person, a person of its own keeps the name quiet.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..findings import Finding
from ..model import Meeting, Person
from .near import Near
from .spellings import Node, is_full_name, label_node, name_key, node_of

NEW = 2  # a person named in this many meetings or fewer is new to the archive
KNOWN = 3  # a person named in this many meetings or more is known


@dataclass
class _Seen:
    """Where a person is named: the first line, as written, and the meetings and series."""

    path: str = ""
    line: int = 0
    label: str = ""
    meetings: set[str] = field(default_factory=set)
    series: set[str] = field(default_factory=set)


# Where one meeting names a person: (person id, line, the spelling there), the first time in the meeting.
Named = tuple[str, int, str]


def named_in(meeting: Meeting, person_of: Callable[[Node], str | None]) -> tuple[Named, ...]:
    """The people a meeting names, each the first time the meeting does; ``person_of`` is the person of a name
    node (``Resolution.nodes``). A companion names nobody new (a summary repeats its meetings' names)."""
    if meeting.companion:
        return ()
    named = [(person_of(node_of(m)), m.line, m.name or m.label) for m in meeting.mentions]
    named += [(person_of(label_node(e.name)), e.line, e.name) for e in meeting.entries]
    first: dict[str, Named] = {}
    for person_id, line, label in named:
        if person_id is not None and person_id not in first:
            first[person_id] = (person_id, line, label)
    return tuple(first.values())


def new_name_findings(
    meetings: Iterable[Meeting],
    named: Mapping[str, Sequence[Named]],
    people: Iterable[Person],
    declared: Iterable[str] = (),
) -> list[Finding]:
    """A warning for each new person whose name is close to a known person's; ``named`` holds what each meeting
    names (``named_in``, by meeting id); people of the people file (``declared`` ids) are never new."""
    people = list(people)
    seen = _where_named(meetings, named)
    settled = set(declared)
    known = [p for p in people if len(seen[p.id].meetings) >= KNOWN or (p.id in settled and seen[p.id].meetings)]
    first_names = {form for other in known for form in _forms(other, bare=True)}  # "Brian": a first name, no typo
    nearby = _nearby(known)
    findings = []
    for person in people:
        where = seen[person.id]
        if person.id in settled or person.handles or not where.meetings or len(where.meetings) > NEW:
            continue
        label = where.label or person.name
        if name_key(label) in first_names:
            continue
        near = [known[position] for position in sorted(nearby.near(name_key(label)))]  # in the order of ``known``
        close = [other for other in near if other.id != person.id and _close(label, other)]
        if not close:
            continue
        best = min(close, key=lambda other: (not seen[other.id].series & where.series, -len(seen[other.id].meetings)))
        findings.append(_did_you_mean(where, best, len(seen[best.id].meetings)))
    return findings


def _nearby(known: list[Person]) -> Near[int]:
    """The spellings of known people (``_forms``), each to the person's position in ``known``: what a new name
    may be a letter or two from, without holding it against every known person."""
    nearby: Near[int] = Near(edits=2)
    for position, person in enumerate(known):
        for form in _forms(person, bare=True) | _forms(person, bare=False):
            if len(form) >= 5:  # a shorter one is too alike to tell (``_close``)
                nearby.add(form, position)
    return nearby


def _did_you_mean(where: _Seen, best: Person, count: int) -> Finding:
    return Finding(
        where.path,
        where.line,
        "warning",
        f"{where.label} ({posixpath.basename(where.path)}:{where.line}) is new; did you mean {best.name}"
        f" ({count} meeting{'' if count == 1 else 's'})?",
        f"if so, correct the note, or add '{where.label}' to the aliases of {best.name} in people.yml;"
        f" if not, list {where.label} in people.yml as a person of their own",
    )


def _where_named(meetings: Iterable[Meeting], named: Mapping[str, Sequence[Named]]) -> dict[str, _Seen]:
    """Each person's first line, the spelling there, and the meetings and series that name them."""
    seen: dict[str, _Seen] = defaultdict(_Seen)
    for meeting in meetings:
        for person_id, line, label in named.get(meeting.id, ()):
            where = seen[person_id]
            if not where.path:
                where.path, where.line, where.label = meeting.source, line, label
            where.meetings.add(meeting.id)
            where.series.add(meeting.series)
    return seen


def _forms(person: Person, bare: bool) -> set[str]:
    """The folded spellings of a known person to hold a name against: its full names, or its first names."""
    names = [person.name.split(" (@")[0], *person.aliases]
    keys = {name_key(name) for name in names if name and not name.startswith("@")}
    if bare:
        return {key.split()[0] for key in keys if key}
    return {key for key in keys if is_full_name(key)}


def _close(label: str, other: Person) -> bool:
    """Whether ``label`` is a letter or two from a spelling of ``other`` (one up to 8 letters, two beyond);
    names shorter than 5 letters are too alike to tell (``Alex``, ``Alec``)."""
    key = name_key(label)
    if len(key) < 5:
        return False
    for form in _forms(other, bare=not is_full_name(key)):
        limit = 1 if max(len(key), len(form)) <= 8 else 2
        if form != key and len(form) >= 5 and distance(key, form, limit) <= limit:
            return True
    return False


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance with swapped neighbours as one edit (``Olvier``), or ``limit + 1`` once it must exceed it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i]
        for j in range(1, len(b) + 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]
