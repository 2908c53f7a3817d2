"""The people review: who in an archive is likely no person, and who is likely someone else again.

Zero configuration guesses people from the notes; a maintainer settles the
guesses in a people file. ``review_people`` lists what to look at first, each
with the file and line where it is named, so that the file takes minutes:

- **likely junk**: a "person" whose name is another person's organisation
  (``Anaconda``), one named only by headings (and not in a round of reports beside
  someone the notes name otherwise too), or only once, in lower case, or
  only by an abbreviation that no attendee table defines;
- **likely duplicates**: a first name beside the full names or handles it may
  stand for (``Josh`` and ``Josh Stone``, ``joshtriplett``; ``Felix`` and ``pnkfelix``), initials beside
  the name they spell (``CH`` and ``Chris Holdgraf``), and two spellings of one
  full name that nothing joined (``Jaime Rodríguez-G`` and ``Jaime
  Rodríguez-Guerra`` without a handle).

It reads the model only; the ``minutes check --people`` command prints it and
a draft people file, and the build logs how many of each it found.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Meeting, Person
from ..slugs import fold
from ..vocabulary import PARTICLES
from .names import initials_fit, is_abbreviation
from .near import Near
from .spellings import Node, is_full_name, label_node, name_key, node_of, same_person_names


@dataclass(frozen=True)
class ReviewItem:
    path: str  # where the person is first named
    line: int
    kind: str  # "junk" | "duplicate"
    person: str  # person id
    message: str
    others: tuple[str, ...] = ()  # for a duplicate: the person ids it may be


@dataclass(frozen=True)
class PeopleReview:
    items: tuple[ReviewItem, ...]

    @property
    def junk(self) -> tuple[ReviewItem, ...]:
        return tuple(item for item in self.items if item.kind == "junk")

    @property
    def duplicates(self) -> tuple[ReviewItem, ...]:
        return tuple(item for item in self.items if item.kind == "duplicate")


# How one meeting names a person: (person id, the first line, the kinds of mention there: "heading", "attendee"...).
Seen = tuple[str, int, tuple[str, ...]]


def seen_in(meeting: Meeting, person_of: Callable[[Node], str | None]) -> tuple[Seen, ...]:
    """The people a meeting names, each with its first line there and how its mentions name them (its entries
    name them without a kind); ``person_of`` is the person of a name node (``Resolution.nodes``)."""
    lines: dict[str, int] = {}
    kinds: dict[str, list[str]] = defaultdict(list)
    for mention in meeting.mentions:
        person_id = person_of(node_of(mention))
        if person_id is not None:
            lines.setdefault(person_id, mention.line)
            if mention.kind not in kinds[person_id]:
                kinds[person_id].append(mention.kind)
    for entry in meeting.entries:
        person_id = person_of(label_node(entry.name))
        if person_id is not None:
            lines.setdefault(person_id, entry.line)
    return tuple((person_id, line, tuple(kinds.get(person_id, ()))) for person_id, line in lines.items())


def review_people(
    meetings: Iterable[Meeting],
    naming: Mapping[str, Sequence[Seen]],
    people: Iterable[Person],
    declared: Iterable[str] = (),
) -> PeopleReview:
    """The likely junk and likely duplicates among ``people``; ``naming`` holds whom each meeting names and how
    (``seen_in``, by meeting id); the ids of ``declared`` people (the people file) are never questioned."""
    by_id = {person.id: person for person in people}
    settled = set(declared)
    first_seen: dict[str, tuple[str, int]] = {}
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    meetings_of: dict[str, set[str]] = defaultdict(set)
    headed: dict[str, set[str]] = defaultdict(set)  # meeting id -> people named by a heading there
    for meeting in meetings:
        for person_id, line, named in naming.get(meeting.id, ()):
            if person_id not in by_id:
                continue
            first_seen.setdefault(person_id, (meeting.source, line))
            if named:
                kinds[person_id].update(named)
            meetings_of[person_id].add(meeting.id)
            if "heading" in named:
                headed[meeting.id].add(person_id)
    affiliations = {fold(person.affiliation) for person in by_id.values() if person.affiliation}
    for person in by_id.values():
        affiliations.update(fold(part) for part in person.affiliation.replace("/", ",").split(",") if part.strip())
    items: list[ReviewItem] = []

    def in_a_round(person_id: str) -> bool:
        """Named by a heading beside the heading of someone the notes name otherwise too: a round of reports."""
        return any(
            any(set(kinds.get(other, Counter())) - {"heading"} for other in headed[meeting_id] - {person_id})
            for meeting_id in meetings_of.get(person_id, ())
        )

    def add(person_id: str, kind: str, message: str, others: tuple[str, ...] = ()) -> None:
        path, line = first_seen.get(person_id, ("", 0))
        items.append(ReviewItem(path, line, kind, person_id, message, others))

    for person in sorted(by_id.values(), key=lambda p: (fold(p.name), p.id)):
        if person.id in settled:
            continue
        seen = kinds.get(person.id, Counter())
        count = len(meetings_of.get(person.id, ()))
        where = f"{count} meeting{'s' if count != 1 else ''}"
        if fold(person.name) in affiliations and not person.handles:
            add(person.id, "junk", f"'{person.name}' is the organisation of others: likely no person ({where})")
        elif seen and set(seen) <= {"heading"} and not in_a_round(person.id):
            add(person.id, "junk", f"'{person.name}' is named only by headings ({where}): a section, or a person?")
        elif is_abbreviation(person.name) and not person.handles and not seen.get("attendee"):
            add(person.id, "junk", f"'{person.name}' is an abbreviation that no attendee table defines ({where})")
        elif count <= 1 and person.name.islower() and " " not in person.name and not person.handles:
            add(person.id, "junk", f"'{person.name}' is named once, in lower case: a word, or a handle?")
    items.extend(_duplicates(by_id, settled, first_seen, meetings_of))
    return PeopleReview(tuple(items))


def _duplicates(
    by_id: dict[str, Person],
    settled: set[str],
    first_seen: dict[str, tuple[str, int]],
    meetings_of: dict[str, set[str]],
) -> list[ReviewItem]:
    items: list[ReviewItem] = []
    people = sorted(by_id.values(), key=lambda p: (-len(meetings_of.get(p.id, ())), fold(p.name), p.id))
    candidates = _Candidates(people)
    for person in people:
        if person.id in settled:
            continue
        others = _may_be(person, candidates, meetings_of)
        if others:
            names = " or ".join(f"{other.name} ({len(meetings_of.get(other.id, ()))})" for other in others[:4])
            path, line = first_seen.get(person.id, ("", 0))
            count = len(meetings_of.get(person.id, ()))
            items.append(
                ReviewItem(
                    path,
                    line,
                    "duplicate",
                    person.id,
                    f"'{person.name}' ({count} meeting{'s' if count != 1 else ''}) may be {names}",
                    tuple(other.id for other in others),
                )
            )
    return items


def _may_be(person: Person, candidates: _Candidates, meetings_of: dict[str, set[str]]) -> list[Person]:
    """The people ``person`` may be: the full names of its initials, the names and handles its first name may stand
    for, the other spellings of its full name; each among the few ``candidates`` finds for it, in their order."""
    key = name_key(person.name.lstrip("@"))
    if is_abbreviation(person.name):
        return [other for other in candidates.of_initials(key) if initials_fit(person.name, other.name)]
    if not is_full_name(person.name):
        return [
            other
            for other in candidates.of_first_name(key)
            if other.id != person.id
            and (
                (is_full_name(other.name) and name_key(other.name).split()[0] == key)
                or any(len(key) >= 3 and fold(handle).startswith(key) for handle in other.handles)
                or (
                    not is_full_name(other.name)
                    and len(key) >= 3
                    and " " not in other.name
                    and fold(other.name.lstrip("@")) != key
                    and key in fold(other.name.lstrip("@"))
                    and (len(key) >= 4 or fold(other.name.lstrip("@")).startswith(key))
                )
            )
        ]
    others = [
        other
        for other in candidates.of_full_name(person.name)
        if other.id != person.id
        and same_person_names(person.name, other.name)
        and (len(meetings_of.get(other.id, ())), fold(person.name))
        > (len(meetings_of.get(person.id, ())), fold(other.name))
        and not set(map(str.lower, person.handles)) & set(map(str.lower, other.handles))
    ]
    return [other for other in others if not (person.handles and other.handles)]  # two handles: two people


class _Candidates:
    """People by what ``_may_be`` asks of them, so that each person is held against a few others, not all:
    a superset of those it may be, in the order of ``people``."""

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self.initials: dict[str, list[int]] = defaultdict(list)  # initials of a full name
        self.first_words: dict[str, list[int]] = defaultdict(list)  # first word of a name (particles too)
        self.handle_starts: dict[str, list[int]] = defaultdict(list)  # the starts of a handle, three letters on
        self.tokens: list[tuple[int, str]] = []  # names of one word, folded, without "@"
        self.given: dict[str, list[int]] = defaultdict(list)  # first word of a full name, particles aside
        self.given_starts: dict[str, set[str]] = defaultdict(set)  # their first letter, their starts of 3 letters on
        self.near: Near[str] = Near(edits=2)  # those words, of 5 letters or more
        for position, person in enumerate(people):
            self._add(position, person)

    def _add(self, position: int, person: Person) -> None:
        words = name_key(person.name).split()
        if is_full_name(person.name):
            self.initials[_initials(person)].append(position)
            given = _given_name(person.name)
            self.given[given].append(position)
            for end in (1, *range(3, len(given) + 1)):
                self.given_starts[given[:end]].add(given)
            if len(given) >= 5:
                self.near.add(given, given)
        elif " " not in person.name:
            self.tokens.append((position, fold(person.name.lstrip("@"))))
        if words:
            self.first_words[words[0]].append(position)
        for handle in {fold(handle) for handle in person.handles}:
            for end in range(3, len(handle) + 1):
                self.handle_starts[handle[:end]].append(position)

    def of_initials(self, key: str) -> list[Person]:
        return [self.people[position] for position in self.initials.get(key, ())]

    def of_first_name(self, key: str) -> list[Person]:
        found = {*self.first_words.get(key, ()), *self.handle_starts.get(key, ())}
        if len(key) >= 3:
            found.update(position for position, token in self.tokens if key in token)
        return [self.people[position] for position in sorted(found)]

    def of_full_name(self, name: str) -> list[Person]:
        """Full names whose first word may be this one's (``spellings.same_person_names``): the same, an initial,
        cut short, or a letter or two apart."""
        given = _given_name(name)
        words = {given, given[:1], *(given[:end] for end in range(3, len(given)))}
        if len(given) == 1 or len(given) >= 3:
            words |= self.given_starts.get(given, set())
        if len(given) >= 5:
            words |= self.near.near(given)
        found = sorted(position for word in words for position in self.given.get(word, ()))
        return [self.people[position] for position in found]


def _given_name(name: str) -> str:
    """The first word of a full name, particles aside: what ``spellings.same_person_names`` compares first."""
    return next(word for word in name_key(name).split() if word not in PARTICLES)


def _initials(person: Person) -> str:
    return "".join(word[0] for word in name_key(person.name).split()).lower()


def people_file_draft(review: PeopleReview, people: Iterable[Person]) -> str:
    """A people file (YAML) that settles the likely duplicates: each first candidate with the other as alias.

    A draft to edit, never to commit unread: a first name may be someone else.
    """
    by_id = {person.id: person for person in people}
    aliases: dict[str, list[str]] = defaultdict(list)
    for item in review.duplicates:
        if item.others and item.others[0] in by_id and item.person in by_id:
            target, alias = by_id[item.others[0]], by_id[item.person]
            aliases[target.id].extend([alias.name, *alias.aliases])
            aliases[target.id].extend(handle for handle in alias.handles if handle not in target.handles)
    lines = ["# A draft people file from `minutes check --people`: check every alias before committing it."]
    for person_id, spellings in aliases.items():
        person = by_id[person_id]
        lines.append(f"- name: {_yaml(person.name)}")
        lines.append(f"  aliases: [{', '.join(_yaml(s) for s in dict.fromkeys(spellings) if not s.startswith('@'))}]")
        if person.handles:
            lines.append(f"  handles: [{', '.join(_yaml(h) for h in person.handles)}]")
    junk = [by_id[item.person].name for item in review.junk if item.person in by_id]
    if junk:
        lines.append("# Likely no people: add the words to the plugin's not_people option in mkdocs.yml:")
        lines.append(f"# not_people: [{', '.join(_yaml(name) for name in junk)}]")
    return "\n".join(lines) + "\n"


def _yaml(text: str) -> str:
    return f'"{text}"' if any(char in text for char in ":#[]{},&*!|>'\"%@`") or text != text.strip() else text


def review_lines(review: PeopleReview, people: Iterable[Person]) -> list[str]:
    """``file:line: likely junk: ...`` and ``file:line: likely duplicate: ...``, junk first, as ``minutes check``
    prints findings."""
    lines = []
    for item in (*review.junk, *review.duplicates):
        where = f"{item.path}:{item.line}" if item.line else item.path or "(no file)"
        lines.append(f"{where}: likely {item.kind}: {item.message}")
    return lines


def review_summary(review: PeopleReview, people: int) -> str:
    """The build log's line: how many people, how many to look at, and how."""
    return f"{people} people: {len(review.junk)} likely junk, {len(review.duplicates)} likely duplicates" + (
        " (list them with `minutes check --people`, settle them in people.yml)" if review.items else ""
    )
