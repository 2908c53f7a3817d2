"""The block reader: one reading of a note's Markdown, that every extractor asks.

A note is read once, line by line, into a ``Document``: its ATX and setext
headings, its list items with their nesting, fenced and indented code, raw
HTML blocks, tables, block quotes, thematic breaks and admonitions, each with
its line. People, decisions, action items, topics and references are all
found by asking this structure; none of them scans the lines for structure
again.

The reading follows what the page will show, that is Python-Markdown with the
extensions the plugin enables, not CommonMark: a list nests four columns per
level (``- a`` then ``  - b`` are siblings, ``    - b`` is nested), ordered
items are ``1.`` (not ``1)``), an ATX heading starts at the line's first
column with a space after its marks (``pymdownx.saneheaders``: ``#123`` opens
no heading), raw HTML starts with a block-level tag and runs to its closing
tag, and a fence may sit at any indentation (``pymdownx.superfences``). One
thing the page is given differently from how Python-Markdown would read the
note as written: a list or a table right under a paragraph line, which
GitHub, HackMD and CommonMark show as a list and Python-Markdown as one run-on
paragraph, is read as a list, and ``Document.markdown`` puts the blank line
before it that Python-Markdown needs (``interruptions``). Tests check that the
nesting read here is the nesting Python-Markdown renders, on the sample notes
and the golden notes.

Why not markdown-it-py, whose tokens carry line maps: it reads CommonMark,
which nests lists and closes HTML blocks differently from the renderer, so
its lists would have to be read again anyway; and it costs about 0.5 s per MB
of notes on block rules alone, ten times this reader, on a build whose whole
budget for the plugin's own work is a tenth of MkDocs' rendering time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from . import inline

_ATX = re.compile(r"^(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^(?:=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$")
_FENCE = re.compile(r"^(?P<lead>(?:[ \t]*>)*[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>[*+-]|\d{1,9}\.)[ \t]+(?P<text>.*)$")
_TASK = re.compile(r"^\[(?P<mark>[ xX])\][ \t]+")
_QUOTE = re.compile(r"^ {0,3}>")
_QUOTE_PREFIX = re.compile(r"^ {0,3}> ?")
_QUOTE_ANYWHERE = re.compile(r"^[ \t]*>")
_QUOTE_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?)+")
_CONTAINER = re.compile(r"^(?:!!!|\?\?\?\+?|===\+?)[ \t]+\S|^\[\^[^\]\s]+\]:")  # admonition, details, tab, footnote
_TABLE_SEPARATOR = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HTML_START = re.compile(r"^ {0,3}<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)")
_COMMENT = "<!--"
# The tags Python-Markdown keeps as raw HTML blocks (markdown.util.BLOCK_LEVEL_ELEMENTS).
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
        "canvas",
        "colgroup",
        "dd",
        "body",
        "dt",
        "group",
        "html",
        "iframe",
        "li",
        "legend",
        "math",
        "map",
        "noscript",
        "output",
        "object",
        "option",
        "progress",
        "script",
        "style",
        "summary",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "video",
        "center",
    ]
)
_VOID_TAGS = frozenset({"hr", "br", "img", "input", "col", "embed", "source", "track", "wbr", "area", "base", "link"})
_EXPLICIT_ID = re.compile(r"\{:?[^}\n]*#([A-Za-z][\w:.-]*)[^}\n]*\}\s*$")
_HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"'\s>]+)["']""")
_INDENT = 4  # columns per list level, as Python-Markdown nests
# Below this many characters Python-Markdown's cost for headings inside blocks is a fraction of a second.
LARGE_PAGE = 200_000


def indent_of(line: str) -> int:
    """Width of the leading whitespace, tabs counting to the next multiple of four."""
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
class Heading:
    index: int  # 0-based line of the heading's text (a setext heading's underline is the next line)
    level: int
    text: str  # as written, marks and closing hashes removed
    setext: bool = False


@dataclass(frozen=True)
class Item:
    """One list item, nested as Python-Markdown renders it."""

    index: int  # the line it starts on
    end: int  # one past its last line, nested items and continuation lines included, trailing blanks not
    indent: int  # column of its marker
    depth: int  # 0 for an item of a top-level list, 1 for one nested in it...
    parent: int  # line of the item it is nested in, -1 at the top
    text: str  # the first line's text after the marker (and the task box)
    task: str | None  # " " or "x" for a task-list item, else None
    ordered: bool = False


@dataclass(frozen=True)
class Table:
    start: int  # the header row's line
    end: int  # one past the last row
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line, cells) of each body row


@dataclass(frozen=True)
class Link:
    line: int
    start: int  # column where it starts in the line
    end: int
    text: str
    target: str
    image: bool = False


# What a line is, as the reader found it.
BLANK, TEXT, HEADING, UNDERLINE, CODE, HTML, TABLE, BREAK, ITEM, CONTAINER = [
    "blank",
    "text",
    "heading",
    "underline",
    "code",
    "html",
    "table",
    "break",
    "item",
    "container",
]


def cells(line: str) -> list[str]:
    """The cells of a table row: ``| a | b |`` -> ``["a", "b"]``; escaped bars stay in their cell."""
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") and not text.endswith("\\|") else text
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", text)]


@dataclass(frozen=True)
class Document:
    """A note's lines (or one meeting's part of them) and their structure.

    Line indexes are 0-based positions in ``lines``; ``first_line`` is the
    1-based line of ``lines[0]`` in the note's file.
    """

    lines: tuple[str, ...]
    kinds: tuple[str, ...]  # per line: BLANK, TEXT, HEADING, ... (see above)
    headings: tuple[Heading, ...]
    items: dict[int, Item]  # line -> the item starting there
    tables: tuple[Table, ...]
    quoted: frozenset[int]  # lines inside block quotes
    interruptions: tuple[int, ...]  # lines where a list or table starts right under a paragraph line
    first_line: int = 1
    empty_items: frozenset[int] = frozenset()  # "- " items with no text, which Python-Markdown reads as an underline
    # Tables kept inside fenced code, as some archives keep their attendee table: shown as code, read as tables.
    code_tables: tuple[Table, ...] = ()
    _owner: tuple[int, ...] = field(default=(), repr=False)  # per line: the innermost item that holds it, -1

    # -- what a line is ---------------------------------------------------------------------------------

    @cached_property
    def code(self) -> tuple[bool, ...]:
        """Per line, whether it is code (fenced or indented, fences included)."""
        return tuple(kind == CODE for kind in self.kinds)

    @cached_property
    def verbatim(self) -> tuple[bool, ...]:
        """Per line, whether it is code or raw HTML: shown as written, never read as prose."""
        return tuple(kind in (CODE, HTML) for kind in self.kinds)

    def is_text(self, index: int) -> bool:
        """Whether line ``index`` holds prose a reader reads: a paragraph line, a list item, a heading's text."""
        return self.kinds[index] in (TEXT, ITEM, HEADING)

    @cached_property
    def breaks(self) -> frozenset[int]:
        return frozenset(index for index, kind in enumerate(self.kinds) if kind == BREAK)

    # -- headings and sections --------------------------------------------------------------------------

    @cached_property
    def _heading_position(self) -> dict[int, int]:
        return {heading.index: position for position, heading in enumerate(self.headings)}

    def heading_at(self, index: int) -> Heading | None:
        position = self._heading_position.get(index)
        return None if position is None else self.headings[position]

    @cached_property
    def _section_ends(self) -> tuple[int, ...]:
        ends = [len(self.lines)] * len(self.headings)
        open_positions: list[int] = []
        for position, heading in enumerate(self.headings):
            while open_positions and self.headings[open_positions[-1]].level >= heading.level:
                ends[open_positions.pop()] = heading.index
            open_positions.append(position)
        return tuple(ends)

    def section_end(self, position: int) -> int:
        """One past the last line of the section that ``headings[position]`` opens."""
        return self._section_ends[position]

    @cached_property
    def _heading_of(self) -> tuple[int, ...]:
        above, position, result = -1, 0, []
        for index in range(len(self.lines)):
            while position < len(self.headings) and self.headings[position].index <= index:
                above, position = position, position + 1
            result.append(above)
        return tuple(result)

    def heading_above(self, index: int) -> int:
        """Position in ``headings`` of the nearest heading at or above line ``index``, or -1."""
        return self._heading_of[index] if 0 <= index < len(self._heading_of) else -1

    def ancestors(self, index: int) -> list[Heading]:
        """The headings whose sections hold line ``index``, outermost first."""
        position = self.heading_above(index)
        chain: list[Heading] = []
        while position >= 0:
            heading = self.headings[position]
            if not chain or heading.level < chain[0].level:
                chain.insert(0, heading)
            position -= 1
        return chain

    # -- lists --------------------------------------------------------------------------------------------

    def item_holding(self, index: int) -> Item | None:
        """The innermost list item that holds line ``index`` (its own first line included)."""
        owner = self._owner[index] if 0 <= index < len(self._owner) else -1
        return self.items.get(owner) if owner >= 0 else None

    def parent_item(self, index: int) -> Item | None:
        """The list item that the item (or line) at ``index`` is nested in."""
        item = self.items.get(index)
        if item is not None:
            return self.items.get(item.parent) if item.parent >= 0 else None
        return self.item_holding(index)

    @cached_property
    def _children(self) -> dict[int, list[Item]]:
        children: dict[int, list[Item]] = {}
        for item in self.items.values():
            children.setdefault(item.parent, []).append(item)
        return children

    def children(self, item: Item) -> list[Item]:
        """The items nested directly in ``item``, in order."""
        return self._children.get(item.index, [])

    def top_items(self, start: int, end: int) -> list[Item]:
        """The outermost list items that start within lines ``start:end``."""
        found: list[Item] = []
        index = start
        while index < end:
            item = self.items.get(index)
            if item is None:
                index += 1
                continue
            found.append(item)
            index = max(item.end, index + 1)
        return found

    def list_after(self, index: int) -> list[Item]:
        """The items of the list right after line ``index`` (a label line such as ``todo:``), blank lines between."""
        position = index + 1
        while position < len(self.lines) and self.kinds[position] == BLANK:
            position += 1
        first = self.items.get(position)
        found: list[Item] = []
        while first is not None:
            found.append(first)
            position = first.end
            while position < len(self.lines) and self.kinds[position] == BLANK:
                position += 1
            following = self.items.get(position)
            first = following if following is not None and following.parent == found[0].parent else None
        return found

    # -- text -----------------------------------------------------------------------------------------------

    def block(self, start: int, end: int) -> str:
        """Lines ``start:end`` as Markdown, dedented to their least indented line, blank edges trimmed."""
        chunk = list(self.lines[start:end])
        while chunk and not chunk[-1].strip():
            chunk.pop()
        while chunk and not chunk[0].strip():
            chunk.pop(0)
        widths = [indent_of(line) for line in chunk if line.strip()]
        cut = min(widths) if widths else 0
        return "\n".join(_dedent(line, cut) for line in chunk)

    def item_text(self, item: Item) -> str:
        """A list item's Markdown without its marker or task box: first line, then its nested lines dedented."""
        rest = self.block(item.index + 1, item.end)
        return f"{item.text.strip()}\n{rest}".strip() if rest else item.text.strip()

    def links(self, index: int) -> list[Link]:
        """The links and images of line ``index`` (outside code spans), with their columns."""
        line = self.lines[index]
        if "](" not in line and "<" not in line:
            return []
        bare = inline.without_code(line)
        found = [
            Link(index, m.start(), m.end(), m.group("text"), m.group("target"), bool(m.group("image")))
            for m in inline.LINK.finditer(bare)
        ]
        found += [
            Link(index, m.start(), m.end(), m.group("target"), m.group("target"))
            for m in inline.AUTOLINK.finditer(bare)
        ]
        return sorted(found, key=lambda link: link.start)

    def ids(self) -> set[str]:
        """Every id the page will hold already: explicit heading ids and HTML ``id=`` attributes."""
        taken: set[str] = set()
        for index, line in enumerate(self.lines):
            if self.kinds[index] != CODE and "id" in line and "=" in line:
                taken.update(_HTML_ID.findall(line))
        for heading in self.headings:
            explicit = _EXPLICIT_ID.search(heading.text)
            if explicit:
                taken.add(explicit.group(1))
        return taken

    # -- parts and edits -------------------------------------------------------------------------------------

    def slice(self, start: int, end: int) -> Document:
        """Lines ``start:end`` with their structure, indexes counted from ``start``."""
        end = min(end, len(self.lines))
        if start == 0 and end == len(self.lines):
            return self
        items = {}
        for index in range(start, end):  # the items of these lines, by their lines: no scan of the others
            item = self.items.get(index)
            if item is None:
                continue
            parent = item.parent - start if item.parent >= start else -1
            depth = item.depth if item.parent >= start or item.parent < 0 else 0
            last = min(item.end, end) - start
            items[index - start] = Item(
                index - start, last, item.indent, depth, parent, item.text, item.task, item.ordered
            )
        return Document(
            self.lines[start:end],
            self.kinds[start:end],
            tuple(replace(h, index=h.index - start) for h in self.headings if start <= h.index < end),
            items,
            tuple(_shifted(table, -start) for table in self.tables if start <= table.start and table.end <= end),
            frozenset(index - start for index in self.quoted if start <= index < end),
            tuple(index - start for index in self.interruptions if start < index < end),
            self.first_line + start,
            frozenset(index - start for index in self.empty_items if start <= index < end),
            tuple(_shifted(table, -start) for table in self.code_tables if start <= table.start and table.end <= end),
            tuple(owner - start if owner >= start else -1 for owner in self._owner[start:end]),
        )

    def markdown(self, lines: Sequence[str] | None = None) -> str:
        """The lines (``lines``, edited ones of the same count, or the document's) as the page's Markdown.

        A blank line goes before each list or table that starts right under a paragraph line, where
        Python-Markdown needs one to see it (see the module's docstring), and an empty ``-`` item
        gets a no-break space, which keeps Python-Markdown from reading it as a heading's underline.
        """
        source = list(self.lines if lines is None else lines)
        for index in self.empty_items:  # an empty bullet stays an empty bullet, not a heading's underline
            source[index] = source[index].rstrip() + " &nbsp;"
        blank_before = set(self.interruptions)
        if sum(map(len, source)) > LARGE_PAGE:
            # Python-Markdown splits a block at each heading inside it and tries every block processor
            # again on the rest: a note of megabytes whose headings are not set apart by blank lines takes
            # minutes to render. A blank line around each heading makes each its own block: same page.
            for heading in self.headings:
                blank_before.add(heading.index)
                blank_before.add(heading.index + (2 if heading.setext else 1))
        for index in sorted(blank_before, reverse=True):
            if index >= len(source) or (index in self.quoted and index not in self.interruptions):
                continue
            # inside a block quote the blank line keeps the quote's marks: "> " then ">"
            quote = _QUOTE_MARKS.match(self.lines[index]) if index in self.quoted else None
            source.insert(index, quote.group(0).rstrip() if quote else "")
        return "\n".join(source) + "\n"


def _shifted(table: Table, by: int) -> Table:
    return Table(table.start + by, table.end + by, table.header, tuple((line + by, row) for line, row in table.rows))


def _dedent(line: str, width: int) -> str:
    line = line.expandtabs(4)
    return line[width:] if line[:width].strip() == "" else line.lstrip()


@dataclass
class _Open:
    """An item or container that lines may still belong to, while reading."""

    index: int  # its line
    content: int  # the column its content starts at
    depth: int = 0


def read_blocks(lines: Sequence[str], first_line: int = 1) -> Document:
    """Read the structure of ``lines`` (a note's body, front matter removed)."""
    return _Reader(list(lines)).read(first_line)


class _Reader:
    """One pass over the lines; each rule below is one of Python-Markdown's block processors, in its order."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.kinds = [BLANK] * len(lines)
        self.owner = [-1] * len(lines)
        self.headings: list[Heading] = []
        self.raw_items: list[tuple[int, int, int, int, str, str | None, bool]] = []
        self.tables: list[Table] = []
        self.quoted: set[int] = set()
        self.interruptions: list[int] = []
        self.empty_items: set[int] = set()
        self.code_tables: list[Table] = []

    def _item(self, index: int, width: int, depth: int, parent: int, item: re.Match[str]) -> None:
        """A list item opens at line ``index``: its text, task mark and kind, as ``_document`` nests them."""
        text = item.group("text") or ""
        task = _TASK.match(text)
        mark = task.group("mark").lower() if task else None
        ordered = item.group("marker")[0].isdigit()
        self.raw_items.append((index, width, depth, parent, text[task.end() :] if task else text, mark, ordered))
        self.kinds[index], self.owner[index] = ITEM, index
        if not text.strip() and item.group("marker") == "-":
            self.empty_items.add(index)

    def read(self, first_line: int) -> Document:
        lines, kinds = self.lines, self.kinds
        containers: list[_Open] = []  # admonitions, details, tabs, footnotes: their content is indented
        items: list[_Open] = []  # the chain of open list items, outermost first
        blank_before = True
        # What the previous line was, for a line that may continue it: an item's own text ("item"), a
        # paragraph ("paragraph", outside lists or in an item after a blank line), or neither ("").
        prose = ""
        paragraph_start: int | None = None  # first line of the paragraph going on, for a setext underline
        floor = 0  # a block nested in an item (after a blank line) stays in it: its lines are at least this deep
        index, total = 0, len(lines)
        while index < total:
            line = lines[index]
            if not line.strip():
                blank_before, prose, paragraph_start = True, "", None
                index += 1
                continue
            width = indent_of(line)
            while containers and width < containers[-1].content:
                containers.pop()
                items = []
            base = containers[-1].content if containers else 0
            if blank_before:
                floor = base
            stripped = line.strip()
            here = line[_offset(line, base) :]

            fence = _FENCE.match(line)
            if fence and ">" not in fence.group("lead"):
                owner = items[-1].index if items and (width > base or not blank_before) else -1
                index = self._fence(index, fence.group("fence"), owner)
                blank_before, prose, paragraph_start = False, "", None
                continue
            if width <= 3 and not containers and stripped.startswith("<") and self._html_block(index):
                end = self._html_end(index)
                for covered in range(index, end):
                    kinds[covered] = HTML if lines[covered].strip() else BLANK
                items, index = [], end
                blank_before, prose, paragraph_start = False, "", None
                continue
            if width == base and (heading := _ATX.match(here)):
                text = (heading.group("text") or "").strip()
                self.headings.append(Heading(index, len(heading.group("marks")), text))
                kinds[index] = HEADING
                items, index = [], index + 1
                blank_before, prose, paragraph_start = False, "", None
                continue
            if width == base and paragraph_start == index - 1 and _SETEXT.match(stripped):
                level = 1 if stripped.startswith("=") else 2
                self.headings.append(Heading(index - 1, level, lines[index - 1].strip(), setext=True))
                kinds[index - 1], kinds[index] = HEADING, UNDERLINE
                index += 1
                blank_before, prose, paragraph_start = False, "", None
                continue
            if _BREAK.match(here):
                kinds[index] = BREAK
                items, index = [], index + 1
                blank_before, prose, paragraph_start = False, "", None
                continue

            item = _ITEM.match(line)
            if item is not None:
                interrupting = prose == "paragraph" and not blank_before
                if interrupting and not _may_interrupt(item):
                    item = None  # "Text\n2. more": the paragraph goes on
            if item is not None:
                placed = self._place(items, max(width, floor), base, blank_before or interrupting)
                if placed is not None:
                    depth, parent = placed
                    if interrupting:
                        self.interruptions.append(index)
                    if blank_before and depth > 0:
                        floor = items[depth - 1].content
                    self._item(index, width, depth, parent, item)
                    del items[depth:]
                    items.append(_Open(index, base + _INDENT * (depth + 1), depth))
                    index += 1
                    blank_before, prose, paragraph_start = False, "item", None
                    continue
                if items and blank_before:  # a marker deeper than any level: code in the deepest item
                    index = self._indented_code(index, items[-1].content + _INDENT, items[-1].index)
                    blank_before, prose, paragraph_start = True, "", None
                    continue

            if items:
                quote_holder = self._quote_holder(items, width, line, blank_before)
                if quote_holder is not None:  # a block quote inside an item, read as a document of its own
                    del items[items.index(quote_holder) + 1 :]
                    index = self._quote(index, indent_of(line), quote_holder)
                    blank_before, prose, paragraph_start = False, "", None
                    continue
                if not blank_before:  # a lazy line: the text going on (an item's, or a paragraph in it)
                    self._text(
                        index, self.owner[index - 1] if index and self.owner[index - 1] >= 0 else items[-1].index
                    )
                    index += 1
                    blank_before = False
                    prose = prose or "paragraph"
                    continue
                holder = next((open_item for open_item in reversed(items) if width >= open_item.content), None)
                if holder is not None:
                    del items[items.index(holder) + 1 :]
                    if width >= holder.content + _INDENT:  # indented beyond the item's content: code in it
                        index = self._indented_code(index, holder.content + _INDENT, holder.index)
                        blank_before, prose, paragraph_start = True, "", None
                        continue
                    floor = holder.content
                    self._text(index, holder.index)
                    index += 1
                    blank_before, prose = False, "paragraph"
                    continue
                items = []  # a line back at the margin after a blank line: the list is over

            if width >= base + _INDENT and not prose:
                index = self._indented_code(index, base + _INDENT, -1)
                blank_before, prose, paragraph_start = True, "", None
                continue
            if width <= base + 3 and _QUOTE.match(here):
                index = self._quote(index, base)
                blank_before, prose, paragraph_start = False, "", None
                continue
            if width <= base + 3 and _CONTAINER.match(here):
                footnote = here.startswith("[^")
                kinds[index] = TEXT if footnote else CONTAINER
                containers.append(_Open(index, base + _INDENT))
                index += 1
                blank_before, prose, paragraph_start = False, "paragraph" if footnote else "", None
                continue
            if width <= base + 3 and "|" in line and (end := self._table(index)):
                if prose and not blank_before:
                    self.interruptions.append(index)
                index = end
                blank_before, prose, paragraph_start = False, "", None
                continue
            kinds[index] = TEXT
            if _QUOTE.match(here):
                self.quoted.add(index)
            if not prose:
                paragraph_start = index
            index += 1
            blank_before, prose = False, "paragraph"
        return self._document(first_line)

    # -- pieces ---------------------------------------------------------------------------------------------

    def _place(self, items: list[_Open], width: int, base: int, loose: bool) -> tuple[int, int] | None:
        """The depth and parent of an item marker at column ``width``; None when it opens no item.

        ``loose``: after a blank line (or a paragraph line, where the page gets a blank line), where an
        item deeper than one level under the last one is code rather than a lazy line.
        """
        if not items:
            return (0, -1) if width <= base + 3 else None  # else indented code, or a lazy line
        depth = max(width - base, 0) // _INDENT
        if depth > items[-1].depth + 1:
            return None  # deeper than one level under the last item: a lazy line (or, after a blank, code)
        return depth, items[depth - 1].index if depth > 0 else -1

    def _quote_holder(self, items: list[_Open], width: int, line: str, blank_before: bool) -> _Open | None:
        """The open item that a ``>`` line continues, if it is one: a quote nested in the item."""
        if not _QUOTE_ANYWHERE.match(line):
            return None
        if not blank_before:
            return items[-1]  # a lazy line: in the item going on
        # after a blank line, only a quote indented to an item's content is in that item
        return next((item for item in reversed(items) if item.content <= width < item.content + _INDENT), None)

    def _quote(self, index: int, base: int, holder: _Open | None = None) -> int:
        """Read a block quote from ``index`` (its lines and lazy lines up to a blank one); the index after it.

        Its content is read as a document of its own, as Python-Markdown does: a list in a quote is a list.
        Headings in a quote are no sections of the note: they stay text.
        """
        end = index
        while end < len(self.lines) and self.lines[end].strip():
            line = self.lines[end]
            if end > index and not _QUOTE.match(line[_offset(line, base) :]):
                if _ATX.match(line) or _FENCE.match(line) or (line.lstrip().startswith("<") and self._html_block(end)):
                    break  # a lazy line goes on the quote, but a heading, a fence or raw HTML starts a block
                if holder is not None and _ITEM.match(line):
                    break  # in a list, the next item's marker ends the item that holds the quote
            end += 1
        inner = [_QUOTE_PREFIX.sub("", line[_offset(line, base) :], count=1) for line in self.lines[index:end]]
        quoted = _Reader(inner).read(1)
        outer, shift = (holder.index, holder.depth + 1) if holder is not None else (-1, 0)
        for offset, kind in enumerate(quoted.kinds):
            self.kinds[index + offset] = TEXT if kind in (HEADING, UNDERLINE, CONTAINER) else kind
            owner = quoted._owner[offset]
            self.owner[index + offset] = owner + index if owner >= 0 else outer
            self.quoted.add(index + offset)
        for item in quoted.items.values():
            parent = item.parent + index if item.parent >= 0 else outer
            self.raw_items.append(
                (item.index + index, item.indent + base, item.depth + shift, parent, item.text, item.task, item.ordered)
            )
        self.tables.extend(_shifted(table, index) for table in quoted.tables)
        self.interruptions.extend(line + index for line in quoted.interruptions)
        return end

    def _text(self, index: int, owner: int) -> None:
        self.kinds[index] = TEXT
        self.owner[index] = owner
        if _QUOTE.match(self.lines[index].lstrip()):
            self.quoted.add(index)

    def _fence(self, index: int, marker: str, owner: int) -> int:
        """Mark a fenced block from its opening fence at ``index`` to its closing fence; the index after it."""
        end = index + 1
        while end < len(self.lines):
            closing = _FENCE.match(self.lines[end])
            end += 1
            fence = closing.group("fence") if closing else ""
            if fence[:1] == marker[0] and len(fence) >= len(marker) and closing and not closing.group("info").strip():
                break
        for covered in range(index, end):
            self.kinds[covered] = CODE
            self.owner[covered] = owner
        inner = index + 1
        while inner < end - 1:
            rows = self._rows(inner, end - 1) if "|" in self.lines[inner] else 0
            if rows:
                self.code_tables.append(self._table_at(inner, rows))
            inner = max(rows, inner + 1)
        return end

    def _indented_code(self, index: int, width: int, owner: int) -> int:
        """Mark an indented code block (lines at ``width`` or deeper, blank lines between); the index after it."""
        last = index
        for end in range(index, len(self.lines)):
            line = self.lines[end]
            if line.strip():
                if indent_of(line) < width:
                    break
                last = end
        for covered in range(index, last + 1):
            self.kinds[covered] = CODE if self.lines[covered].strip() else BLANK
            self.owner[covered] = owner
        return last + 1

    def _html_block(self, index: int) -> bool:
        stripped = self.lines[index].lstrip()
        if stripped.startswith(_COMMENT):
            return True
        match = _HTML_START.match(self.lines[index])
        return match is not None and not match.group("close") and match.group("tag").lower() in BLOCK_TAGS

    def _html_end(self, index: int) -> int:
        """One past the last line of the raw HTML block starting at ``index``: its closing tag's line."""
        if self.lines[index].lstrip().startswith(_COMMENT):
            end = index
            while end < len(self.lines) and "-->" not in self.lines[end]:
                end += 1
            return min(end + 1, len(self.lines))
        match = _HTML_START.match(self.lines[index])
        assert match is not None
        tag = match.group("tag").lower()
        if tag in _VOID_TAGS or re.search(r"/>\s*$", self.lines[index]):
            return index + 1
        opening = re.compile(rf"<{tag}(?=[\s/>]|$)", re.IGNORECASE)
        closing = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
        depth = 0
        for end in range(index, len(self.lines)):
            text = self.lines[end]
            depth += len(opening.findall(text)) - len(closing.findall(text))
            if depth <= 0:
                return end + 1
        return len(self.lines)  # never closed: Python-Markdown keeps the rest as raw HTML too

    def _table(self, index: int) -> int:
        """One past the last row when ``index`` starts a table (a header and a separator row), else 0."""
        end = self._rows(index, len(self.lines))
        if end:
            for covered in range(index, end):
                self.kinds[covered] = TABLE
            self.tables.append(self._table_at(index, end))
        return end

    def _rows(self, index: int, limit: int) -> int:
        """One past the last row of a table whose header is line ``index`` (rows before ``limit``), else 0."""
        lines = self.lines
        if index + 1 >= limit or not _TABLE_SEPARATOR.match(lines[index + 1]):
            return 0
        if "|" not in lines[index + 1] and not lines[index].strip().startswith("|"):
            return 0  # "Text\n---" is a setext heading, not a one-column table
        end = index + 2
        # Rows go on to a blank line, or to a line that starts another block (as GitHub ends a table):
        # Python-Markdown would take that line as a row too, so it is an interruption.
        while end < limit and lines[end].strip():
            line = lines[end]
            if "|" not in line and (_ITEM.match(line) or _QUOTE.match(line) or _FENCE.match(line) or _ATX.match(line)):
                if limit == len(lines):
                    self.interruptions.append(end)
                break
            end += 1
        return end

    def _table_at(self, index: int, end: int) -> Table:
        rows = tuple((line, tuple(cells(self.lines[line]))) for line in range(index + 2, end))
        return Table(index, end, tuple(cells(self.lines[index])), rows)

    def _document(self, first_line: int) -> Document:
        """The items with their ends (nested items and continuation lines included), and the document."""
        ends: dict[int, int] = {}
        for index, owner in enumerate(self.owner):
            if owner >= 0 and self.kinds[index] != BLANK:
                ends[owner] = index + 1
        self.raw_items.sort()
        for index, _, _, parent, _, _, _ in reversed(self.raw_items):  # an item ends after its last child
            if parent >= 0:
                ends[parent] = max(ends.get(parent, parent + 1), ends.get(index, index + 1))
        items = {
            index: Item(index, ends.get(index, index + 1), width, depth, parent, text, task, ordered)
            for index, width, depth, parent, text, task, ordered in self.raw_items
        }
        return Document(
            tuple(self.lines),
            tuple(self.kinds),
            tuple(sorted(self.headings, key=lambda heading: heading.index)),
            items,
            tuple(self.tables),
            frozenset(self.quoted),
            tuple(sorted(set(self.interruptions))),
            first_line,
            frozenset(self.empty_items),
            tuple(self.code_tables),
            tuple(self.owner),
        )


def _may_interrupt(item: re.Match[str]) -> bool:
    """Whether an item may start a list right under a paragraph line, as CommonMark (and HackMD) let it."""
    marker = item.group("marker")
    return bool((item.group("text") or "").strip()) and (not marker[0].isdigit() or marker == "1.")


def _offset(line: str, columns: int) -> int:
    """The position in ``line`` after ``columns`` columns of its leading whitespace."""
    width = 0
    for position, char in enumerate(line):
        if width >= columns or char not in " \t":
            return position
        width += 1 if char == " " else 4 - width % 4
    return len(line)
