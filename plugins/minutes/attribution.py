"""Who said what in one meeting: entries per person, and anchors to them.

Each source of attribution has its own parser (``person_headings``,
``name_tags``); this module runs them over a meeting's lines, turns what they
find into ``Entry`` objects and adds an anchor at each entry so that a person
page can link to the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from .headings import in_code_mask, scan_headings
from .model import Entry
from .name_tags import NAME_TAG, name_tags
from .person_headings import SECTION_WORDS, person_headings
from .slugs import slugify, unique


@dataclass(frozen=True)
class Attribution:
    entries: tuple[Entry, ...]
    named: tuple[str, ...]  # every name found, in order of appearance, entries or not
    lines: tuple[str, ...]  # the meeting's lines with anchors added


def attribute(
    lines: list[str],
    first_line: int,
    known: frozenset[str] = frozenset(),
    not_people: frozenset[str] = SECTION_WORDS,
) -> Attribution:
    """Find the entries of ``lines``, whose first line is ``first_line`` (1-based) in its file."""
    out = list(lines)
    entries: list[Entry] = []
    named: list[str] = []
    anchors: set[str] = set()
    headings = scan_headings(lines)
    people = person_headings(headings, known, not_people)
    for position, heading in enumerate(headings):
        name = people.get(heading.index)
        if name is None:
            continue
        end = len(lines)
        for later in headings[position + 1 :]:
            if later.level <= heading.level:
                end = later.index
                break
        named.append(name)
        text = "\n".join(lines[heading.index + 1 : end]).strip("\n")
        anchor = unique(slugify(name, "person"), anchors)
        if "{#" not in lines[heading.index]:
            out[heading.index] = lines[heading.index].rstrip() + " {#" + anchor + "}"
        if text.strip():
            entries.append(Entry(name, text, first_line + heading.index, anchor, "heading"))
    code = in_code_mask(lines)
    for tag in name_tags(lines, code):
        anchor = unique(slugify(tag.names[0], "person"), anchors)
        line = out[tag.index]
        match = NAME_TAG.search(line)
        if match is not None:
            span = f'<span class="minutes-name" id="{anchor}">{_escape(match.group(1))}</span>'
            out[tag.index] = line[: match.start()] + span + line[match.end() :]
        for name in tag.names:
            named.append(name)
            if tag.text.strip():
                entries.append(Entry(name, tag.text, first_line + tag.index, anchor, "name-tag"))
    entries.sort(key=lambda entry: entry.line)
    return Attribution(tuple(entries), tuple(named), tuple(out))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
