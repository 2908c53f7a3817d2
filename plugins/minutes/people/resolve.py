"""Resolving names to people: one person, many spellings.

Every way a note names someone becomes a node: a name (folded, so that
``Jérémie``, ``Jeremie`` and ``jeremie`` are one node), a GitHub handle or an
abbreviation. Nodes join into people in four steps, strongest evidence first:

1. the people file: a person's name, aliases, handles and abbreviations are one person, always;
2. what a note says in one breath: ``Colin Ihrig @cjihrig``, ``| Waldemar Horwat | WH |``
   joins the full name with the handle or abbreviation. A handle is an identity:
   every full name written with it is one person, named by the most frequent,
   the others its aliases (``Cheng H. Lee`` and ``Cheng Lee``, ``Jaime
   Rodríguez-G.`` and ``Jaime Rodríguez-Guerra``), with a warning when the names
   are not spellings of one another. An abbreviation is not: one that would join
   two different full names leaves both apart, with a warning;
3. a name that looks like a misspelling of a much more frequent one
   (``Olivir`` / ``Olivier``) is reported and left alone;
4. a first name alone (``Olivier``) joins the one person whose full name
   starts with it, or whose handle it is or starts with (``Niko`` and
   ``nikomatsakis``); when two people share it (``Julien``; ``Josh`` beside
   ``Josh Stone`` and ``joshtriplett``), it stays a person of its own, with a warning.

Owners of action items name people the archive should already know: an owner
named nowhere else, without a handle, is reported rather than made a person.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..findings import Finding
from ..model import Meeting, Mention, Person
from ..paths import RESERVED_PERSON_SLUGS
from ..slugs import fold, slugify
from ..vocabulary import PARTICLES
from .names import is_abbreviation

# A spelling used this often or less may be a misspelling of a more frequent one.
_RARE = 2


@dataclass(frozen=True)
class _Seen:
    """One observation of a person in a meeting."""

    mention: Mention
    path: str
    meeting: str


@dataclass(frozen=True)
class Resolution:
    people: tuple[Person, ...]  # sorted by name
    by_name: dict[str, str]  # every spelling as written -> person id
    findings: tuple[Finding, ...] = ()
    nodes: dict[str, str] = field(default_factory=dict)  # node key ("n:olivier", "h:ogrisel", "a:WH") -> person id

    def person_of(self, mention: Mention) -> str | None:
        """The person a mention stands for; a handle decides for a first name alone."""
        return self.nodes.get(node_of(mention))

    def lookup(self, label: str) -> str | None:
        """The person a spelling stands for (``Olivier``, ``@ogrisel``, ``WH``), seen or not, if any."""
        return self.nodes.get(label_node(label.strip()))


def name_key(name: str) -> str:
    """Folded name, hyphens and dots as spaces: ``Jean-Marc`` and ``jean marc`` are one key."""
    return " ".join(re.sub(r"[.'’‐\-_]+", " ", fold(name)).split())


def is_full_name(name: str) -> bool:
    """A name of two words or more, particles aside: ``Jérémie du Boisberranger``, not ``Olivier``."""
    words = name_key(name).split()
    return len([word for word in words if word not in PARTICLES]) >= 2


def label_node(label: str) -> str:
    if label.startswith("@"):
        return "h:" + label[1:].lower()
    if is_abbreviation(label):
        return "a:" + label
    return "n:" + name_key(label)


def node_of(mention: Mention) -> str:
    """The node a mention resolves through: a full name, else its handle, else its name or abbreviation."""
    if mention.name and is_full_name(mention.name):
        return label_node(mention.name)
    if mention.handle:
        return "h:" + mention.handle.lower()
    if mention.name:
        return label_node(mention.name)
    return "a:" + mention.abbreviation


class _Groups:
    """Union-find over nodes, each group knowing its full names, handles and people-file person."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.full: dict[str, set[str]] = {}
        self.declared: dict[str, int] = {}

    def add(self, node: str) -> str:
        if node not in self.parent:
            self.parent[node] = node
            self.full[node] = {node} if node.startswith("n:") and is_full_name(node[2:]) else set()
        return self.find(node)

    def find(self, node: str) -> str:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def conflict(self, a: str, b: str) -> bool:
        """Two different people: both hold full names and none in common, or two people-file persons."""
        a, b = self.find(a), self.find(b)
        if a == b:
            return False
        if a in self.declared and b in self.declared:
            return True
        return bool(self.full[a] and self.full[b] and not self.full[a] & self.full[b])

    def both_declared(self, a: str, b: str) -> bool:
        """Two different persons of the people file, which nothing in the notes may join."""
        a, b = self.find(a), self.find(b)
        return a != b and a in self.declared and b in self.declared

    def union(self, a: str, b: str) -> str:
        a, b = self.add(a), self.add(b)
        if a == b:
            return a
        if b in self.declared and a not in self.declared:
            a, b = b, a  # the people file's group absorbs the other
        self.parent[b] = a
        self.full[a] |= self.full.pop(b)
        return a


def resolve_people(meetings: Iterable[Meeting], people_file: Iterable[Person] = ()) -> Resolution:
    """Group the names of ``meetings`` into people; see the module's docstring for the rules."""
    declared = list(people_file)
    seen = list(_observations(meetings))
    groups = _Groups()
    findings: list[Finding] = []

    # 1. The people file always wins.
    for position, person in enumerate(declared):
        nodes = [label_node(person.name)]
        nodes += [label_node(alias) for alias in person.aliases]
        nodes += ["h:" + handle.lstrip("@").lower() for handle in person.handles]
        nodes += ["a:" + abbreviation for abbreviation in person.abbreviations]
        root = groups.add(nodes[0])
        if root in groups.declared:
            continue  # the people file's own checks report the duplicate
        groups.declared[root] = position
        for node in nodes[1:]:
            if groups.find(groups.add(node)) not in groups.declared:
                root = groups.union(root, node)
        groups.full[root] |= {n for n in nodes if n.startswith("n:") and is_full_name(n[2:])}

    # 2. What one mention says at once: a full name with its handle or abbreviation.
    evidence: dict[str, set[str]] = defaultdict(set)  # first-name node -> handle/abbreviation nodes seen with it
    reported: set[tuple[str, str]] = set()
    for item in seen:
        mention = item.mention
        nodes = [label_node(mention.name)] if mention.name else []
        nodes += ["h:" + mention.handle.lower()] if mention.handle else []
        nodes += ["a:" + mention.abbreviation] if mention.abbreviation else []
        for node in nodes:
            groups.add(node)
        if len(nodes) < 2:
            continue
        if mention.name and not is_full_name(mention.name) and nodes[0].startswith("n:"):
            evidence[nodes[0]].update(nodes[1:])
            continue
        for other in nodes[1:]:
            if other.startswith("h:") and not groups.both_declared(nodes[0], other):
                different = groups.conflict(nodes[0], other) and not _spellings_of_one(nodes[0], other, groups)
                if different and (nodes[0], other) not in reported:
                    reported.add((nodes[0], other))
                    findings.append(_given_twice(item, other, groups, seen, merged=True))
                groups.union(nodes[0], other)
            elif groups.conflict(nodes[0], other):
                if (nodes[0], other) not in reported:
                    reported.add((nodes[0], other))
                    findings.append(_given_twice(item, other, groups, seen, merged=False))
            else:
                groups.union(nodes[0], other)

    # 3. Misspellings: a rare name close to a frequent one is reported, not merged.
    counts: Counter[str] = Counter(node_of(item.mention) for item in seen)
    misspelt = _misspellings(counts, groups)

    # 4. A first name alone joins the one person it can be.
    by_first: dict[str, set[str]] = defaultdict(set)
    for node in list(groups.parent):
        if node.startswith("n:") and is_full_name(node[2:]) and node not in misspelt:
            by_first["n:" + node[2:].split()[0]].add(node)
    # "nikomatsakis" and "@nikomatsakis", "Felix" and "@Felix": one token, one person ("compiler-errors" is the node
    # "n:compiler errors")
    for node in [n for n in groups.parent if n.startswith("n:")]:
        same = "h:" + node[2:].replace(" ", "-")
        free = same in groups.parent and not {groups.find(node), groups.find(same)} & set(groups.declared)
        if free and not groups.full[groups.find(same)]:
            groups.union(node, same)
    # Handles, and names written as one, that start with a first name: "nikomatsakis" for Niko, "joshtriplett" for Josh
    by_prefix: dict[str, set[str]] = defaultdict(set)
    for node in list(groups.parent):
        token = node[2:]
        if node[0] in "hn" and " " not in token and "-" not in token and len(token) > 3:
            for end in range(3, len(token)):
                by_prefix[token[:end]].add(node)
    ambiguous: dict[str, list[str]] = {}
    for node in sorted(n for n in groups.parent if n.startswith("n:") and not is_full_name(n[2:])):
        if node in misspelt or groups.find(node) in groups.declared:
            continue
        same = "h:" + node[2:].replace(" ", "-")
        candidates = {groups.find(other) for other in evidence.get(node, ())}
        candidates |= {groups.find(full) for full in by_first.get(node, ())}
        candidates |= {groups.find(token) for token in by_prefix.get(node[2:], ())}
        if same in groups.parent:
            candidates.add(groups.find(same))
        candidates.discard(groups.find(node))
        if len(candidates) == 1:
            groups.union(candidates.pop(), node)
        elif len(candidates) > 1:
            ambiguous[node] = sorted(candidates)

    # 5. People: one per group, with a stable slug.
    members: dict[str, list[_Seen]] = defaultdict(list)
    for item in seen:
        members[groups.find(node_of(item.mention))].append(item)
    kept = {
        root: items
        for root, items in members.items()
        if root in groups.declared or any(i.mention.kind != "owner" or i.mention.handle for i in items)
    }
    for root, items in members.items():
        if root not in kept:
            first = items[0]
            findings.append(
                Finding(
                    first.path,
                    first.mention.line,
                    "info",
                    f"owner '{first.mention.label}' is named nowhere else in the notes; not taken for a person",
                    "write the owner as attendees or headings name them, or add them to people.yml",
                )
            )
    people = _people(kept, groups, declared)
    person_of_root = {root: person.id for root, person in people.items()}
    ids = {node: person_of_root[groups.find(node)] for node in groups.parent if groups.find(node) in people}
    by_name: dict[str, str] = {}
    for item in seen:
        label = item.mention.name or item.mention.label
        if ids.get(node_of(item.mention)) is not None and label_node(label) in ids:
            by_name.setdefault(label, ids[label_node(label)])
    names = {root: person.name for root, person in people.items()}
    findings.extend(_ambiguity_findings(ambiguous, members, names, groups))
    findings.extend(_misspelling_findings(misspelt, seen, names, groups))
    ordered = sorted(people.values(), key=lambda person: (fold(person.name), person.name))
    return Resolution(tuple(ordered), by_name, tuple(findings), ids)


def _observations(meetings: Iterable[Meeting]) -> Iterator[_Seen]:
    """Every mention of every meeting, plus names that only entries or ``attendees`` give."""
    for meeting in meetings:
        labels = set()
        for mention in meeting.mentions:
            labels.add(mention.label)
            if mention.label:
                yield _Seen(mention, meeting.source, meeting.id)
        for entry in meeting.entries:
            if entry.name not in labels:
                labels.add(entry.name)
                yield _Seen(Mention(entry.name, entry.line, entry.source), meeting.source, meeting.id)
        for name in meeting.attendees:
            if name and name not in labels:
                labels.add(name)
                handle = name[1:] if name.startswith("@") else ""
                mention = Mention("" if handle else name, meeting.source_line, "attendee", handle)
                yield _Seen(mention, meeting.source, meeting.id)


def _given_twice(item: _Seen, other: str, groups: _Groups, seen: list[_Seen], *, merged: bool) -> Finding:
    """Warning: a handle or abbreviation given to two different full names: a handle makes them one
    person (``merged``), an abbreviation leaves them two."""
    what = ("handle @" if other.startswith("h:") else "abbreviation ") + other[2:]
    earlier = _earlier(other, groups, seen, full_names=merged)
    if merged:
        outcome, advice = (
            ": taken as one person",
            "a handle is one person; if they are two, correct the handle, or list both in people.yml",
        )
    else:
        outcome, advice = "; kept as two people", "if they are one person, list both names in people.yml"
    return Finding(
        item.path,
        item.mention.line,
        "warning",
        f"{what} is given to {item.mention.name} here and to {earlier}{outcome}",
        advice,
    )


def _earlier(other: str, groups: _Groups, seen: list[_Seen], full_names: bool) -> str:
    """Where a name of the group of ``other`` was first seen (a full name only, if ``full_names``)."""
    root = groups.find(other)
    for s in seen:
        name = s.mention.name
        if name and (not full_names or is_full_name(name)) and groups.find(label_node(name)) == root:
            return f"{name} ({s.path}:{s.mention.line})"
    return "someone else"


def _spellings_of_one(node: str, other: str, groups: _Groups) -> bool:
    """Whether the full name ``node`` is a spelling of every full name the group of ``other`` holds."""
    name = node[2:]
    return all(same_person_names(name, full[2:]) for full in groups.full[groups.find(other)])


def same_person_names(a: str, b: str) -> bool:
    """Whether two full names are spellings of one name: a middle initial more or less, a surname cut short
    or misspelt, initials for the rest (``Cheng H. Lee`` / ``Cheng Lee``, ``Jaime Rodríguez-G.`` /
    ``Jaime Rodríguez-Guerra``, ``John Kirkham`` / ``John Kirkam``, ``Min RK`` / ``Min Ragan-Kelley``)."""
    first_words = [word for word in name_key(a).split() if word not in PARTICLES]
    second_words = [word for word in name_key(b).split() if word not in PARTICLES]
    if not first_words or not second_words or not _same_word(first_words[0], second_words[0]):
        return False
    short, long = sorted((first_words[1:], second_words[1:]), key=len)
    if not short:
        return True
    if len(short) == 1 and len(short[0]) == len(long) >= 2 and short[0] == "".join(word[0] for word in long):
        return True  # "RK" for "Ragan Kelley"
    if not _same_word(short[-1], long[-1]):
        return False  # the surnames differ
    position = 0
    for word in short[:-1]:
        while position < len(long) - 1 and not _same_word(word, long[position]):
            position += 1
        if position >= len(long) - 1:
            return False
        position += 1
    return True


def _same_word(a: str, b: str) -> bool:
    """One word of a name: the same, one the other's initial or its start cut short, or misspelt by a letter or two."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) == 1 or (len(short) >= 3 and long.startswith(short)):
        return long.startswith(short)
    return len(short) >= 5 and _distance(a, b, 2) <= (1 if len(long) <= 8 else 2)


def _misspellings(counts: Counter[str], groups: _Groups) -> dict[str, str]:
    """Rare name nodes that look like a misspelling of a more frequent one: node -> that node."""
    names = {node: count for node, count in counts.items() if node.startswith("n:")}
    for node in groups.parent:
        if node.startswith("n:") and groups.find(node) in groups.declared:
            names[node] = max(names.get(node, 0), _RARE + 1)
    references: dict[str, set[str]] = defaultdict(set)
    for node, count in names.items():
        text = node[2:]
        if count < 2 or len(text) < 5:
            continue
        forms = {text, text.split()[0]} if is_full_name(text) else {text}
        for form in forms:
            if len(form) >= 5:
                for variant in _deletions(form):
                    references[variant].add(node)
    found: dict[str, str] = {}
    for node, count in names.items():
        text = node[2:]
        if count > _RARE or len(text) < 5 or groups.find(node) in groups.declared:
            continue
        candidates = {ref for variant in _deletions(text) for ref in references.get(variant, ())}
        best: tuple[int, str] | None = None
        for ref in sorted(candidates):
            if names[ref] <= count or groups.find(ref) == groups.find(node):
                continue
            target = ref[2:] if is_full_name(text) else ref[2:].split()[0]
            if target == text:
                continue
            limit = 1 if max(len(text), len(target)) <= 8 else 2
            distance = _distance(text, target, limit)
            if distance <= limit and (best is None or (-names[ref], ref) < (-names[best[1]], best[1])):
                best = (distance, ref)
        if best is not None:
            found[node] = best[1]
    return found


def _deletions(text: str) -> set[str]:
    return {text} | {text[:i] + text[i + 1 :] for i in range(len(text))}


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _people(members: dict[str, list[_Seen]], groups: _Groups, declared: list[Person]) -> dict[str, Person]:
    """One ``Person`` per group root, named by the people file or by the best spelling seen."""
    drafts: dict[str, Person] = {}
    linked: dict[str, list[str]] = defaultdict(list)  # root -> handle and abbreviation nodes of its group
    for node in groups.parent:
        if node[0] in "ha":
            linked[groups.find(node)].append(node)
    for root, items in members.items():
        mentions = [item.mention for item in items]
        handles = Counter(m.handle for m in mentions if m.handle)
        abbreviations = Counter(m.abbreviation for m in mentions if m.abbreviation)
        for node in linked.get(root, ()):
            (handles if node[0] == "h" else abbreviations)[node[2:]] += 0  # joined through another mention
        affiliations = Counter(m.affiliation for m in mentions if m.affiliation)
        spellings = Counter(m.name for m in mentions if m.name and not is_abbreviation(m.name))
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
            name = _most_common(abbreviations) or root[2:]
        drafts[root] = Person(
            "",
            name,
            tuple(sorted(s for s in spellings if s != name)),
            tuple(_case_unique(handles)),
            _most_common(affiliations),
            tuple(sorted(abbreviations)),
        )
    return _with_slugs(drafts)


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


def _with_slugs(drafts: dict[str, Person]) -> dict[str, Person]:
    """Give every person a slug no other takes: the first by name keeps the plain one, others add a hash.

    The suffix comes from the name itself, so a person's address does not move
    when someone else joins the archive.
    """
    wanted: dict[str, list[str]] = defaultdict(list)
    for root, person in drafts.items():
        wanted[slugify(person.id or person.name, "person")].append(root)
    result: dict[str, Person] = {}
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


def _ambiguity_findings(
    ambiguous: dict[str, list[str]], members: dict[str, list[_Seen]], names: dict[str, str], groups: _Groups
) -> list[Finding]:
    findings = []
    for node, roots in ambiguous.items():
        items = [item for item in members.get(groups.find(node), []) if node_of(item.mention) == node]
        if not items:
            continue
        first = items[0]
        candidates = sorted(names[groups.find(root)] for root in roots if groups.find(root) in names)
        more = f" (and {len(items) - 1} more times)" if len(items) > 1 else ""
        findings.append(
            Finding(
                first.path,
                first.mention.line,
                "warning",
                f"'{first.mention.label}' may be {' or '.join(candidates)}: kept as a person of its own{more}",
                f"write the full name, or add '{first.mention.label}' to the aliases of one of them in people.yml",
            )
        )
    return findings


def _misspelling_findings(
    misspelt: dict[str, str], seen: list[_Seen], names: dict[str, str], groups: _Groups
) -> list[Finding]:
    findings = []
    for item in seen:
        node = node_of(item.mention)
        target = misspelt.get(node)
        if target is None:
            continue
        name = names.get(groups.find(target), target[2:])
        findings.append(
            Finding(
                item.path,
                item.mention.line,
                "warning",
                f"'{item.mention.label}' looks like a misspelling of {name}",
                f"did you mean {name}? If they are two people, list both in people.yml",
            )
        )
    return findings
