"""Attendee lists and tables: who was at a meeting, as the note lists them.

Reads the forms found in the wild:

- a section headed ``Present``, ``Attendees``, ``Participants`` (any level,
  sub-headings such as ``### Guests`` included) holding bullets, plain lines
  or a table;
- a label line, ``Present:`` / ``**Attendees:**`` / ``- Participants:``,
  followed by bullets or a table, or holding the list itself
  (``Present: Alice, Bob (Acme), @carol``);
- an attendee table ``| Name | Abbreviation | Organization |`` anywhere, also
  inside a fenced block, as some archives keep it;
- a roster line of ``Name (ABBR)`` items, as older transcripts open.

``Absent`` / ``Regrets`` / ``Apologies`` lists name people who were not
there: they are returned too, marked absent, because they still tell which
handle or abbreviation goes with which name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..reading.blocks import Document, Table, indent_of
from ..reading.inline import strip_markup
from ..slugs import fold
from ..vocabulary import ABSENT_WORDS, GROUP_WORDS, HANDLE, HANDLE_MENTION, PRESENT_WORDS, ROLE_WORDS
from .names import PersonText, affiliation_like, initials_fit, is_abbreviation, parse_person, split_people

_NAME_COLUMNS = frozenset(
    [
        "name",
        "names",
        "full name",
        "attendee",
        "attendees",
        "participant",
        "participants",
        "person",
        "people",
        "who",
        "member",
        "members",
        "delegate",
        "delegates",
        "present",
    ]
)
_LISTING_COLUMNS = frozenset(["attendee", "attendees", "participant", "participants", "delegate", "delegates"])
_ABBREVIATION_COLUMNS = frozenset(["abbreviation", "abbreviations", "abbr", "abbrev", "initials", "acronym", "short"])
_ORGANIZATION_COLUMNS = frozenset(
    ["organization", "organisation", "org", "company", "affiliation", "employer", "institution", "member company"]
)
_HANDLE_COLUMNS = frozenset(
    [
        *("github", "handle", "github handle", "username", "login", "github username", "gh", "gh username"),
        *("gh handle", "github id", "github user", "github account"),
    ]
)
_ROLE_COLUMNS = frozenset(["role", "roles", "position"])

_LABEL = re.compile(
    r"^(\s*)(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][\w '’()/-]{1,40}?)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*)$"
)
_BOLD_LABEL = re.compile(r"^(\s*)(?:\*\*|__)([A-Za-z][\w '’()/-]{1,40}?)(?:\*\*|__)\s*$")
_HANDLE_CELL = re.compile(r"^@?(" + HANDLE + r")$")


@dataclass(frozen=True)
class Attendee:
    index: int  # 0-based line index
    person: PersonText
    present: bool = True


@dataclass(frozen=True)
class Attendance:
    attendees: tuple[Attendee, ...]
    headings: frozenset[int]  # line indexes of the headings that open (or sit inside) attendee sections


# The start of every list word (folded): what a label must hold to announce a list.
_LIST_WORD = re.compile(
    "|".join(sorted({re.escape(word.split()[0][:5]) for word in PRESENT_WORDS | ABSENT_WORDS})), re.IGNORECASE
)


def list_kind(text: str) -> str | None:
    """``present`` or ``absent`` when ``text`` (a heading or a label) announces a list of people.

    The word must open or close a short label (``Present``, ``Remote attendees``,
    ``Attendees (in person)``, ``Apologies for absence``), so that a sentence that
    happens to hold it (``Some results we present: ...``) is no list.
    """
    if not _LIST_WORD.search(fold(text)):
        return None  # most labels and headings hold none of the words: said at once, without folding
    words = re.sub(r"[^a-z ]+", " ", fold(strip_markup(text)).replace("-", " ")).split()
    if not words or len(words) > 5:
        return None
    joined = " ".join(words)
    for kind, vocabulary in (("absent", ABSENT_WORDS), ("present", PRESENT_WORDS)):
        for word in vocabulary:
            if joined == word or joined.startswith(word + " ") or joined.endswith(" " + word):
                return kind
    return None


def attendees(document: Document, not_names: frozenset[str] = frozenset()) -> Attendance:
    """Every attendee (and absentee) that ``document`` lists, with the headings of attendee sections."""
    lines, code = document.lines, document.code
    tables = {table.start: table for table in (*document.tables, *document.code_tables)}
    found: list[Attendee] = []
    in_section: set[int] = set()
    section: list[tuple[int, str]] = []  # (level, kind) of the attendee sections we are in
    # The list a label line opens ("Present:", "- Regrets:", "TSC members:"): kind, indent,
    # whether the label is itself a bullet (then only deeper bullets belong), people so far.
    label_kind: str | None = None
    label_indent, label_bullet, label_items = 0, False, 0
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = document.heading_at(index)
        if heading is not None:
            label_kind = None
            while section and section[-1][0] >= heading.level:
                section.pop()
            kind = list_kind(heading.text.split(":", 1)[0])
            if kind is None and section and is_group_label(heading.text):
                kind = section[-1][1]  # "### Guests", "### Members" inside "## Present"
            elif kind is None:
                section.clear()  # "### Introductions" after "## Attendees": the list is over
            if kind is not None:
                section.append((heading.level, kind))
                in_section.add(index)
                rest = heading.text.split(":", 1)[1] if ":" in heading.text else ""
                found.extend(Attendee(index, person, kind == "present") for person in _inline(rest, not_names))
            index += 1
            continue
        table = tables.get(index)
        if table is not None:
            kind = label_kind or (section[-1][1] if section else None)
            rows = _table(table, kind, not_names)
            found.extend(rows)
            label_items += len(rows)
            index = table.end
            continue
        index += 1
        if code[index - 1]:
            continue
        if not line.strip():
            if label_items:
                label_kind = None
            continue
        bullet = document.items.get(index - 1)
        indent = bullet.indent if bullet is not None else indent_of(line)
        match = _LABEL.match(line) or _BOLD_LABEL.match(line)
        kind = list_kind(match.group(2)) if match else None
        rest = match.group(3).strip() if match and match.re is _LABEL else ""
        people = _inline(rest, not_names) if kind else []
        if match and kind and (people or not rest):  # "We present: a new design" opens no list
            found.extend(Attendee(index - 1, person, kind == "present") for person in people)
            label_kind, label_indent, label_bullet, label_items = kind, indent, bool(bullet), len(people)
            continue
        kind = None
        if label_kind is not None:
            if (indent > label_indent or not label_bullet) if bullet else not label_bullet:
                kind = label_kind
            else:
                label_kind = None  # the line after a label's list
        if kind is None and section:
            kind = section[-1][1]
        if kind is None:
            found.extend(Attendee(index - 1, person) for person in _roster(line, not_names))
            continue
        text = bullet.text if bullet is not None else line
        sub = _sub_label(text)
        if sub is not None:  # "- TSC members:", "**Guests**": a group inside the list
            label_kind, label_indent, label_bullet, label_items = list_kind(sub) or kind, indent, bool(bullet), 0
            continue
        people = _inline(text, not_names, item=True)
        found.extend(Attendee(index - 1, person, kind == "present") for person in people)
        label_items += len(people) or 1
    return Attendance(tuple(found), frozenset(in_section))


def is_group_label(text: str) -> bool:
    """``Members``, ``Visitors``, ``TSC members``, ``Remote``, ``In person``: a group of the people of a list."""
    words = re.sub(r"[^a-z ]+", " ", fold(strip_markup(text)).replace("-", " ")).split()
    return bool(words) and len(words) <= 4 and all(word in GROUP_WORDS for word in words)


def _sub_label(text: str) -> str | None:
    """``TSC members:``, ``**Guests**``: the label of a group inside a list, not a person."""
    stripped = text.strip()
    bold = stripped.startswith(("**", "__")) and stripped.endswith(("**", "__"))
    if not (stripped.endswith(":") or stripped.endswith((":**", ":__")) or bold):
        return None
    bare = strip_markup(stripped)
    return bare if bare and len(bare.split()) <= 6 else None


def _inline(text: str, not_names: frozenset[str], item: bool = False) -> list[PersonText]:
    """The people of ``Alice, Bob (Acme); @carol and Dan``.

    An ``item`` of a list usually names one person, so ``Anna Henningsen, Cloudflare (@addaleax)``
    is one person with an affiliation; it names several only when it holds two handles, a
    semicolon, "and", or two commas.
    """
    text = text.strip()
    if not text:
        return []
    handles = len(HANDLE_MENTION.findall(text))
    if item and ("|" in text or (handles == 1 and text.count(" / ") >= 2)):
        # "Min | Simula | @minrk", "Angus Hollands (he/him) / @agoose77 / 2i2c / Rugby, UK": a roll-call's cells
        person = _piped(text, not_names, "|" if "|" in text else " / ")
        return [person] if person is not None else []
    one = HANDLE_MENTION.search(text)
    lead = _ABBREVIATION_LEAD.match(text)
    if lead and not one:  # "MRB: Matthew R. Becker, CF": initials, the name they spell, an organisation
        first = _comma_parts(text[lead.end() :])[:1]
        one_person = bool(first) and initials_fit(lead.group(1).upper(), first[0])
    else:
        one_person = one is not None and not re.search(r";|\s(?:and|&)\s", _without_brackets(text[: one.start()]))
    if item and handles <= 1 and one_person:
        person = _one_person(text, not_names)  # "JRG, Jaime Rodríguez-Guerra (@jaimergp), Quansight, core"
        if person is not None:
            return [person]
    single = parse_person(text, not_names, slot=True)
    bare = _without_brackets(text)
    several = len(HANDLE_MENTION.findall(text)) >= 2 or bool(re.search(r";|\s(?:and|&)\s", bare))
    several = several or bare.count(",") >= (2 if item else 1)
    if single is not None and not several:
        return [single]
    people = []
    for part in split_people(text):
        person = parse_person(part, not_names, slot=True)
        if person is not None:
            people.append(person)
    return people


_ABBREVIATION_LEAD = re.compile(r"^([A-Z][A-Za-z0-9]{0,4}[A-Z0-9])\s*[,:\-–—]\s+")  # "JRG, ", "MvN: "


def _one_person(text: str, not_names: frozenset[str]) -> PersonText | None:
    """An item naming one person (by handle, or after their initials), with what the roll call adds in commas:
    initials first, then the name with its handle, then an organisation and roles."""
    abbreviation = ""
    lead = _ABBREVIATION_LEAD.match(text)
    if lead:
        abbreviation, text = lead.group(1), text[lead.end() :]
    parts = _comma_parts(text)
    first = next((position for position, part in enumerate(parts) if HANDLE_MENTION.search(part)), 0)
    person = parse_person(", ".join(parts[: first + 1]), not_names, slot=True)
    if person is None or not person.name:
        return None
    rest = [part.strip() for part in parts[first + 1 :] if part.strip()]
    affiliation = person.affiliation
    roles = [person.role] if person.role else []
    for part in rest:
        if not affiliation and affiliation_like(part) and not all(fold(w) in ROLE_WORDS for w in part.split()):
            affiliation = part
        else:
            roles.append(part.strip(" ."))
    if abbreviation and not initials_fit(abbreviation.upper(), person.name):
        abbreviation = ""
    return replace(
        person,
        abbreviation=person.abbreviation or abbreviation,
        affiliation=affiliation,
        role=", ".join(role for role in roles if role),
    )


def _comma_parts(text: str) -> list[str]:
    """``Name (@h, Org), Org, role`` -> its comma-separated parts, brackets kept whole."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char in "(["
        depth -= depth > 0 and char in ")]"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [part.strip() for part in [*parts, current] if part.strip()]


def _piped(text: str, not_names: frozenset[str], separator: str) -> PersonText | None:
    """``Min | Simula | @minrk``: a name, then an organisation and a handle, in any order after the name."""
    cells = [strip_markup(cell) for cell in text.split(separator)]
    cells = [cell for cell in cells if cell]
    if not cells:
        return None
    person = parse_person(cells[0], not_names, slot=True)
    if person is None:
        return None
    handle, affiliation = person.handle, person.affiliation
    for cell in cells[1:]:
        found = _HANDLE_CELL.match(cell.replace(" ", ""))
        if cell.startswith("@") and found:
            handle = handle or found.group(1)
        elif not affiliation and affiliation_like(cell):
            affiliation = cell
    if not person.name and not handle:
        return None
    return replace(person, handle=handle, affiliation=affiliation)


def _without_brackets(text: str) -> str:
    return re.sub(r"\([^()]*\)|\[[^\[\]]*\]\([^)]*\)", "", text)


def _roster(line: str, not_names: frozenset[str]) -> list[PersonText]:
    """A line of ``Allen Wirfs-Brock (AWB), Waldemar Horwat (WH), ...``: at least three, nearly all abbreviated."""
    if line.count("(") < 3:
        return []
    people = [parse_person(part, not_names) for part in split_people(line.strip())]
    # In a roster, capitals in brackets are the abbreviation even when they do not spell the name: "PFC".
    named = [
        replace(person, abbreviation=person.affiliation, affiliation="")
        if not person.abbreviation and is_abbreviation(person.affiliation)
        else person
        for person in people
        if person is not None and person.name
    ]
    with_abbreviation = [person for person in named if person.abbreviation]
    if len(with_abbreviation) >= 3 and len(with_abbreviation) * 5 >= len(people) * 4:
        return with_abbreviation
    return []


def _table(table: Table, kind: str | None, not_names: frozenset[str]) -> list[Attendee]:
    """The people of an attendee table: a Name column, and an Abbreviation, Organization or handle column."""
    header = [fold(strip_markup(cell)) for cell in table.header]

    def column(names: frozenset[str]) -> int | None:
        return next((position for position, cell in enumerate(header) if cell in names), None)

    name_column = column(_NAME_COLUMNS)
    if name_column is None:
        return []
    abbreviation_column = column(_ABBREVIATION_COLUMNS)
    handle_column = column(_HANDLE_COLUMNS)
    organization_column = column(_ORGANIZATION_COLUMNS)
    role_column = column(_ROLE_COLUMNS)
    listing = header[name_column] in _LISTING_COLUMNS or abbreviation_column is not None or handle_column is not None
    if kind is None and not listing:
        return []
    found = []
    for index, cells in table.rows:
        if name_column >= len(cells):
            continue

        def cell(position: int | None, cells: tuple[str, ...] = cells) -> str:
            return strip_markup(cells[position]) if position is not None and position < len(cells) else ""

        person = parse_person(cells[name_column], not_names, slot=True)
        if person is None:
            continue
        abbreviation = cell(abbreviation_column)
        handle = _HANDLE_CELL.match(cell(handle_column))
        found.append(
            Attendee(
                index,
                PersonText(
                    person.name,
                    handle.group(1) if handle else person.handle,
                    abbreviation if is_abbreviation(abbreviation) else person.abbreviation,
                    cell(organization_column) or person.affiliation,
                    cell(role_column) or person.role,
                ),
                kind != "absent",
            )
        )
    return found
