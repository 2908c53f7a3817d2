"""The shape of a meeting's Markdown: sections, list items and the ids already taken.

The extractors of decisions, action items, topics and references all ask the
same questions of a meeting's lines: which heading does this line sit under,
where does this section or list item end, which bullet is its parent. This
module answers them once per meeting, and hands out anchors that collide with
no id the page already has.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..reading.headings import Heading, in_code_mask, scan_headings
from ..slugs import slugify, unique

_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[-*+]|\d{1,9}[.)])(?:[ \t]+(?P<text>.*))?$")
_TASK = re.compile(r"^\[(?P<mark>[ xX])\][ \t]+")
_EXPLICIT_ID = re.compile(r"\{:?[^}\n]*#([A-Za-z][\w:.-]*)[^}\n]*\}\s*$")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"'\s>]+)["']""")
_ATTR_LIST = re.compile(r"\{:?\s*([^}\n]*)\}\s*$")
_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|~~|`")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"\n]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_ANCHOR_SPAN = re.compile(r'^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?<span class="[^"]*" id="([^"]+)">')
_BLOCK_PREFIX = re.compile(r"^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?")


def indent_of(line: str) -> int:
    """Width of the leading whitespace, tabs counting four."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


@dataclass(frozen=True)
class Item:
    """One list item: the line it starts on and where it ends (one past its last line)."""

    index: int
    end: int
    indent: int
    text: str  # the first line's text after the marker (and task box)
    task: str | None  # " " or "x" for a task-list item, else None


@dataclass
class Outline:
    """A meeting's lines with their headings, code blocks and list items."""

    lines: list[str]
    headings: list[Heading]
    code: list[bool]
    items: dict[int, Item] = field(default_factory=dict)  # line index -> the item starting there
    _section_ends: list[int] = field(default_factory=list)
    _heading_of: list[int] = field(default_factory=list)  # line index -> position of the heading above, -1

    @classmethod
    def of(cls, lines: list[str]) -> Outline:
        outline = cls(lines, scan_headings(lines), in_code_mask(lines))
        outline._index()
        return outline

    def _index(self) -> None:
        total = len(self.lines)
        ends = []
        for position, heading in enumerate(self.headings):
            ends.append(next((h.index for h in self.headings[position + 1 :] if h.level <= heading.level), total))
        self._section_ends = ends
        above = -1
        starts = {heading.index: position for position, heading in enumerate(self.headings)}
        self._heading_of = []
        for index in range(total):
            if index in starts:
                above = starts[index]
            self._heading_of.append(above)
        heading_lines = set(starts)
        for index, line in enumerate(self.lines):
            if self.code[index] or index in heading_lines:
                continue
            match = _ITEM.match(line)
            if match is None:
                continue
            text = match.group("text") or ""
            task_match = _TASK.match(text)
            task = None
            if task_match:
                task = task_match.group("mark").lower()
                text = text[task_match.end() :]
            indent = indent_of(match.group("indent"))
            self.items[index] = Item(index, self._item_end(index, indent, heading_lines), indent, text, task)

    def _item_end(self, index: int, indent: int, heading_lines: set[int]) -> int:
        """One past the last line of the item at ``index``: nested lines, and lazy continuation lines."""
        end = index + 1
        blank = False
        for later in range(index + 1, len(self.lines)):
            line = self.lines[later]
            if later in heading_lines:
                break
            if not line.strip():
                blank = True
                continue
            deeper = indent_of(line) > indent
            if self.code[later] and not deeper and not blank:
                break
            if deeper:
                end, blank = later + 1, False
                continue
            if blank or _ITEM.match(line):
                break
            end = later + 1  # a lazy continuation of the item's paragraph
        return end

    def section_end(self, position: int) -> int:
        """One past the last line of the section that ``headings[position]`` opens."""
        return self._section_ends[position]

    def heading_above(self, index: int) -> int:
        """Position in ``headings`` of the nearest heading at or above line ``index``, or -1."""
        return self._heading_of[index] if 0 <= index < len(self._heading_of) else -1

    def ancestors(self, index: int) -> list[Heading]:
        """The headings that contain line ``index``, outermost first."""
        position = self.heading_above(index)
        chain: list[Heading] = []
        while position >= 0:
            heading = self.headings[position]
            if not chain or heading.level < chain[0].level:
                chain.insert(0, heading)
            position -= 1
        return chain

    def parent_item(self, index: int) -> Item | None:
        """The list item that ``index`` (a line of a nested item) sits inside, if any."""
        for earlier in range(index - 1, -1, -1):
            if earlier in self.items:
                item = self.items[earlier]
                if item.end > index and item.indent < indent_of(self.lines[index]):
                    return item
            line = self.lines[earlier]
            if line.strip() and indent_of(line) == 0 and earlier not in self.items:
                return None
        return None

    def children(self, item: Item) -> list[Item]:
        """The items nested directly in ``item``."""
        found: list[Item] = []
        position = item.index + 1
        while position < item.end:
            child = self.items.get(position)
            if child is not None and child.indent > item.indent:
                found.append(child)
                position = child.end
            else:
                position += 1
        return found

    def block(self, start: int, end: int) -> str:
        """Lines ``start:end`` as Markdown, dedented to their least indented line, blank edges trimmed."""
        chunk = self.lines[start:end]
        while chunk and not chunk[-1].strip():
            chunk.pop()
        while chunk and not chunk[0].strip():
            chunk.pop(0)
        widths = [indent_of(line) for line in chunk if line.strip()]
        cut = min(widths) if widths else 0
        return "\n".join(_dedent(line, cut) for line in chunk)


def _dedent(line: str, width: int) -> str:
    line = line.expandtabs(4)
    return line[width:] if line[:width].strip() == "" else line.lstrip()


def plain_text(markdown: str, limit: int = 0) -> str:
    """Markdown as one line of plain text: links to their text, markup and block markers gone."""
    parts = []
    for line in markdown.split("\n"):
        line = _BLOCK_PREFIX.sub("", line)
        line = re.sub(r"^\s*#{1,6}\s+", "", line)
        line = re.sub(r"\s*\{[:#.][^}\n]*\}\s*$", "", line)
        if line.strip():
            parts.append(line.strip())
    text = " ".join(parts)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _MARKUP.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    if limit and len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[: cut if cut > limit // 2 else limit].rstrip(" ,;:-") + "…"
    return text


def toc_slug(text: str) -> str:
    """The id Python-Markdown's ``toc`` gives a heading by default."""
    text = re.sub(r"\s*\{[:#.][^}\n]*\}\s*$", "", text)
    text = _TAG.sub("", _LINK.sub(r"\1", text))
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


class Anchors:
    """The ids of one meeting page: those it has, and new ones that collide with none."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.taken: set[str] = set()
        for index, line in enumerate(outline.lines):
            if outline.code[index]:
                continue
            if "id" in line and "=" in line:  # an HTML id="..."; most lines have neither
                self.taken.update(_HTML_ID.findall(line))
        for heading in outline.headings:
            explicit = _EXPLICIT_ID.search(heading.text)
            if explicit:
                self.taken.add(explicit.group(1))
            slug = toc_slug(heading.text)
            # toc numbers repeated headings "x_1", "x_2": keep clear of the whole family.
            self.taken.update({slug, slugify(heading.text)})
        self.edits: dict[int, str] = {}

    def claim(self, prefix: str, words: str) -> str:
        """A new id ``prefix-words-slug``, unique on the page."""
        base = f"{prefix}-{slugify(words, '')[:48].strip('-')}".strip("-")
        candidate = unique(base, self.taken)
        return candidate

    def mark(self, index: int, prefix: str, words: str, css: str) -> str:
        """Anchor line ``index`` (a heading, a list item or a paragraph line); the id it gets.

        A heading that has an id keeps it; a heading gets ``{#id .css}``; any
        other line gets an empty ``<span>`` after its list marker and task box,
        where ``pymdownx.tasklist`` still sees the box.
        """
        line = self.edits.get(index, self.outline.lines[index])
        heading = next((h for h in self.outline.headings if h.index == index), None)
        if heading is not None:
            explicit = _EXPLICIT_ID.search(line)
            if explicit:
                return explicit.group(1)
            anchor = self.claim(prefix, words)
            attrs = _ATTR_LIST.search(line)
            if attrs and re.search(r"\{:?\s*[#.\w]", attrs.group(0)):
                inner = attrs.group(1).strip()
                line = line[: attrs.start()] + "{#" + anchor + " ." + css + " " + inner + "}"
            else:
                line = line.rstrip().rstrip("#").rstrip() + " {#" + anchor + " ." + css + "}"
            self.edits[index] = line
            return anchor
        existing = re.match(
            r'^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?<span class="[^"]*" id="([^"]+)">', line
        )
        if existing and index in self.edits:
            return existing.group(1)  # one anchor per line, shared by what it holds
        anchor = self.claim(prefix, words)
        lead = _BLOCK_PREFIX.match(line)
        cut = lead.end() if lead else 0
        if "![" in line[:cut] or line[:cut].strip().startswith("!!!"):
            cut = 0
        self.edits[index] = f'{line[:cut]}<span class="{css}" id="{anchor}"></span>{line[cut:]}'
        return anchor

    def lines(self) -> list[str]:
        """The meeting's lines with every anchor added."""
        return [self.edits.get(index, line) for index, line in enumerate(self.outline.lines)]
