"""The ``Person`` of each group of the people graph: its name, aliases, handles, affiliation, abbreviations, slug.

``persons_of`` drafts one a group. A person of the people file keeps what the file gives and adds the spellings,
handles and abbreviations the notes give; any other is named by its best spelling (``most_common_spelling``: a
full name first), else its handle, else its abbreviation. People the notes give one name (two ``Priya``) are
titled by their handles (``Priya (@pnair)``), and each person gets a slug no other takes, one that does not move
when someone else joins the archive.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace

from ..model import Mention, Person
from ..paths import RESERVED_PERSON_SLUGS
from ..slugs import fold, slugify
from .graph import Groups, Seen
from .names import is_abbreviation
from .spellings import ABBREVIATION, HANDLE, Node, is_full_name, name_key


def persons_of(members: dict[Node, list[Seen]], groups: Groups, declared: list[Person]) -> dict[Node, Person]:
    """One ``Person`` per group root, named by the people file or by the best spelling seen."""
    drafts: dict[Node, Person] = {}
    linked: dict[Node, list[Node]] = defaultdict(list)  # root -> handle and abbreviation nodes of its group
    for node in groups.parent:
        if node.kind in (HANDLE, ABBREVIATION):
            linked[groups.find(node)].append(node)
    for root, items in members.items():
        handles = _counted(items, lambda m: m.handle)
        abbreviations = _counted(items, lambda m: m.abbreviation)
        for node in linked.get(root, ()):
            (handles if node.kind == HANDLE else abbreviations)[node.text] += 0  # joined through another mention
        affiliations = _counted(items, lambda m: m.affiliation)
        spellings = _counted(items, lambda m: "" if is_abbreviation(m.name) else m.name)
        if root in groups.declared:
            base = declared[groups.declared[root]]
            aliases = [*base.aliases, *(s for s in spellings if s != base.name)]
            drafts[root] = Person(
                base.id,
                base.name,
                tuple(dict.fromkeys(aliases)),
                tuple(dict.fromkeys([*(h.lstrip("@") for h in base.handles), *_case_unique(handles)])),
                base.affiliation or _most_common(affiliations),
                tuple(dict.fromkeys([*base.abbreviations, *abbreviations])),
                base.avatar,
            )
            continue
        if spellings:
            name = most_common_spelling(spellings)
        elif handles:
            name = "@" + _most_common(handles)
        else:
            name = _most_common(abbreviations) or root.text
        drafts[root] = Person(
            "",
            name,
            tuple(sorted(s for s in spellings if s != name)),
            tuple(_case_unique(handles)),
            _most_common(affiliations),
            tuple(sorted(abbreviations)),
        )
    return _with_slugs(_distinct_titles(drafts))


def _counted(items: list[Seen], value: Callable[[Mention], str]) -> Counter[str]:
    """How many mentions of ``items`` give each ``value`` (those that give one), in the order first given."""
    counts: Counter[str] = Counter()
    for item in items:
        found = value(item.mention)
        if found:
            counts[found] += item.times
    return counts


def _distinct_titles(drafts: dict[Node, Person]) -> dict[Node, Person]:
    """People the notes give one name (two ``Priya`` of two handles) titled by their handle: ``Priya (@pnair)``.

    People of the people file keep their name, which the file chose."""
    by_name: dict[str, list[Node]] = defaultdict(list)
    for root, person in drafts.items():
        by_name[name_key(person.name)].append(root)
    result = dict(drafts)
    for roots in by_name.values():
        if len(roots) < 2:
            continue
        for root in roots:
            person = drafts[root]
            if not person.id and person.handles and not person.name.startswith("@"):
                result[root] = replace(person, name=f"{person.name} (@{person.handles[0]})")
    return result


def _case_unique(counts: Counter[str]) -> list[str]:
    """Handles once each, whatever their case, most used spelling first."""
    by_key: dict[str, str] = {}
    for handle, _ in counts.most_common():
        by_key.setdefault(handle.lower(), handle)
    return sorted(by_key.values(), key=str.lower)


def _most_common(counts: Counter[str]) -> str:
    return max(counts, key=lambda value: (counts[value], value)) if counts else ""


def most_common_spelling(spellings: Counter[str]) -> str:
    """A full name before a first name; then a capitalised spelling, the most used, accents, the longest."""
    return max(
        spellings,
        key=lambda s: (is_full_name(s), s[:1].isupper(), spellings[s], sum(ord(c) > 127 for c in s), len(s), s),
    )


def _with_slugs(drafts: dict[Node, Person]) -> dict[Node, Person]:
    """Give every person a slug no other takes: the first by name keeps the plain one, others add a hash.

    The suffix comes from the name itself, so a person's address does not move
    when someone else joins the archive.
    """
    wanted: dict[str, list[Node]] = defaultdict(list)
    for root, person in drafts.items():
        wanted[slugify(person.id or person.name, "person")].append(root)
    result: dict[Node, Person] = {}
    taken: set[str] = set(RESERVED_PERSON_SLUGS)
    for slug in sorted(wanted):
        roots = sorted(wanted[slug], key=lambda r: (drafts[r].id != slug, fold(drafts[r].name), drafts[r].name))
        for position, root in enumerate(roots):
            person = drafts[root]
            candidate = slug
            if position or slug in RESERVED_PERSON_SLUGS:
                digest = hashlib.sha1(person.name.encode("utf-8")).hexdigest()
                candidate = f"{slug}-{digest[:6]}"
            while candidate in taken:
                candidate += "-2"
            taken.add(candidate)
            result[root] = Person(candidate, *_fields(person))
    return result


def _fields(person: Person) -> tuple[str, tuple[str, ...], tuple[str, ...], str, tuple[str, ...], str]:
    return person.name, person.aliases, person.handles, person.affiliation, person.abbreviations, person.avatar
