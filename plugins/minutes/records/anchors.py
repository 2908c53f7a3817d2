"""Anchors: an id for every decision, action item and entry, that no other id of the page takes.

Ids are claimed against those the page will have anyway: explicit heading ids, HTML ``id=`` attributes,
and the ids the site's ``toc`` extension gives headings (``reading.inline.heading_slugger``). An anchor
goes on a heading as ``{#id .class}`` and on any other line as an empty ``<span>`` after its list marker
and task box, where ``pymdownx.tasklist`` still sees the box.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..reading.blocks import Document
from ..slugs import Taken, slugify, unique
from ..vocabulary import is_action_heading, is_decision_heading

_EXPLICIT_ID = re.compile(r"\{:?[^}\n]*#([A-Za-z][\w:.-]*)[^}\n]*\}\s*$")
_ATTR_LIST = re.compile(r"\{:?\s*([^}\n]*)\}\s*$")
_BLOCK_PREFIX = re.compile(r"^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?")
_LABEL = re.compile(r"^\s*(?:\*\*|__)?([A-Za-z][A-Za-z /-]{0,24}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(?=\S)")
_ANCHOR_SPAN = re.compile(r'^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?<span class="[^"]*" id="([^"]+)">')


class Anchors:
    """The ids of one meeting page: those it has, and new ones that collide with none."""

    def __init__(
        self, document: Document, heading_id: Callable[[str], str], lines: Sequence[str] | None = None
    ) -> None:
        """``lines``: the meeting's lines as edited so far (the people parsers' anchors), by default its own."""
        self.document = document
        self.lines = list(document.lines if lines is None else lines)
        self.taken: set[str] = Taken(document.ids())
        for line in self.lines:
            if 'id="' in line:
                self.taken.update(re.findall(r'\bid="([^"]+)"', line))
        for heading in document.headings:
            # toc numbers repeated headings "x_1", "x_2": keep clear of the whole family.
            self.taken.update({heading_id(heading.text), slugify(heading.text)})
        self.edited: set[int] = set()

    def claim(self, prefix: str, words: str) -> str:
        """A new id ``prefix-words-slug``, unique on the page; a record's label (``Decision:``, ``TODO:``),
        which the text keeps, is left out of it: ``decision-ship-1-5``, not ``decision-decision-ship-1-5``."""
        label = _LABEL.match(words)
        if label and (is_decision_heading(label.group(1)) or is_action_heading(label.group(1))):
            words = words[label.end() :]
        return unique(f"{prefix}-{slugify(words, '')[:48].strip('-')}".strip("-"), self.taken)

    def mark(self, index: int, prefix: str, words: str, css: str) -> str:
        """Anchor line ``index`` (a heading, a list item or a paragraph line); the id it gets.

        A heading that has an id keeps it; a line anchored already shares its anchor.
        """
        line = self.lines[index]
        if self.document.heading_at(index) is not None:
            explicit = _EXPLICIT_ID.search(line)
            if explicit:
                return explicit.group(1)
            anchor = self.claim(prefix, words)
            attrs = _ATTR_LIST.search(line)
            if attrs and re.search(r"\{:?\s*[#.\w]", attrs.group(0)):
                line = line[: attrs.start()] + "{#" + anchor + " ." + css + " " + attrs.group(1).strip() + "}"
            else:
                line = line.rstrip().rstrip("#").rstrip() + " {#" + anchor + " ." + css + "}"
            self.lines[index] = line
            self.edited.add(index)
            return anchor
        existing = _ANCHOR_SPAN.match(line)
        if existing and index in self.edited:
            return existing.group(1)  # one anchor per line, shared by what it holds
        anchor = self.claim(prefix, words)
        lead = _BLOCK_PREFIX.match(line)
        cut = lead.end() if lead else 0
        if "![" in line[:cut] or line[:cut].strip().startswith("!!!"):
            cut = 0
        self.lines[index] = f'{line[:cut]}<span class="{css}" id="{anchor}"></span>{line[cut:]}'
        self.edited.add(index)
        return anchor
