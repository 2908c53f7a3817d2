"""Findings for notes that build but should not be left as they are.

Per note: a note too large to read as a page, a note with front matter and
no text, lists nested deeper than Markdown can render (flattened, so that
the build neither loses their text nor fails). Across notes: a meeting dated
in the future, two meetings of one series on the same day (both are kept, at
their own addresses). Each is an error: ``mkdocs build --strict`` and
``minutes check`` fail on it, an ordinary build warns and goes on.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable

from ..findings import Finding
from ..model import Meeting
from .blocks import Document, indent_of
from .inline import without_code

MAX_NOTE_BYTES = 2_000_000
# Python-Markdown nests a list every 4 columns and recurses once per level: past a few hundred
# levels it overflows the stack. 64 columns (16 levels) is deeper than any note needs.
MAX_INDENT = 64
# A meeting dated tomorrow may be today somewhere else.
FUTURE_SLACK = dt.timedelta(days=1)


def size_findings(path: str, size: int) -> list[Finding]:
    """An error for a note larger than ``MAX_NOTE_BYTES``; it still builds."""
    if size <= MAX_NOTE_BYTES:
        return []
    return [
        Finding(
            path,
            0,
            "error",
            f"the note is {size / 1_000_000:.1f} MB (more than {MAX_NOTE_BYTES // 1_000_000} MB): "
            "its page is slow to load and to search",
            "split it into one note per meeting, and move logs or data out of it",
        )
    ]


def only_front_matter(path: str, text: str, body: list[str]) -> list[Finding]:
    """An error for a note whose front matter is all there is, at the line that closes it."""
    if not text.startswith("---") or any(line.strip() for line in body):
        return []
    lines = text.split("\n")
    closing = next((number for number, line in enumerate(lines[1:], start=2) if line.strip() in ("---", "...")), 1)
    return [
        Finding(
            path,
            closing,
            "error",
            "the note has front matter and no text",
            "write the meeting's notes below the closing ---, or delete the file",
        )
    ]


def flatten_nesting(path: str, document: Document) -> tuple[list[str] | None, list[Finding]]:
    """The document's lines with list items nested deeper than ``MAX_INDENT`` columns brought back to it.

    Only the indentation changes, so no text is lost; None when nothing is that deep.
    """
    deep = [index for index, item in document.items.items() if item.indent > MAX_INDENT]
    if not deep:
        return None, []
    deep.sort()
    deepest = max(document.items[index].indent for index in deep)
    flattened = [
        line if document.code[index] or indent_of(line) <= MAX_INDENT else " " * MAX_INDENT + line.lstrip(" \t")
        for index, line in enumerate(document.lines)
    ]
    finding = Finding(
        path,
        document.first_line + deep[0],
        "error",
        f"a list nested too deeply (indented {deepest} columns): "
        f"what is deeper than {MAX_INDENT} columns is shown at that depth",
        "nest lists less; Markdown starts a level every 4 spaces",
    )
    return flattened, [finding]


def future_meetings(meetings: Iterable[Meeting], today: dt.date) -> list[Finding]:
    """An error for each meeting dated after tomorrow; drafts may be."""
    return [
        Finding(
            meeting.source,
            meeting.source_line,
            "error",
            f"the meeting is dated {meeting.date.isoformat()}, in the future",
            "fix the date; a note written ahead of its meeting can say 'draft: true' until then",
        )
        for meeting in meetings
        if not meeting.draft and meeting.date > today + FUTURE_SLACK
    ]


def same_day_meetings(meetings: Iterable[Meeting]) -> list[Finding]:
    """An error for each meeting after the first of a series on one day; every one of them is kept."""
    by_day: dict[tuple[str, dt.date], list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        if not meeting.draft:
            by_day[(meeting.series, meeting.date)].append(meeting)
    findings = []
    for (series, day), group in by_day.items():
        group.sort(key=lambda meeting: (meeting.source, meeting.source_line))
        first = group[0]
        for meeting in group[1:]:
            findings.append(
                Finding(
                    meeting.source,
                    meeting.source_line,
                    "error",
                    f"a second meeting of series '{series}' on {day.isoformat()} "
                    f"(the first is at {first.source}:{first.source_line}); both are kept",
                    "delete one if it is a copy; give one a different date or series if it is dated wrongly",
                )
            )
    return findings


# More of one markup character on a line than any note needs: Python-Markdown recurses once per
# emphasis, bracket or container marker, and is quadratic in tags, so such a line would fail the build.
MAX_MARKUP = 256
MAX_MARKERS = 16
_MARKERS = re.compile(r"(?:[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|$))")
_MANY_MARKERS = re.compile(r"(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])(?:[ \t]+|$)){" + str(MAX_MARKERS + 1) + "}")
_ESCAPES = {"*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "<": "&lt;"}


def tame_markup(path: str, document: Document) -> tuple[list[str] | None, list[Finding]]:
    """The document's lines with pathological markup shown as text: runs of container markers
    (``- - - - x``) past ``MAX_MARKERS``, and a character of ``*_[]<`` more than
    ``MAX_MARKUP`` times on one line. Only escapes are added: no text is lost. None when nothing is."""
    lines, code = document.lines, document.code
    out = list(lines)
    findings = []
    for index, line in enumerate(lines):
        # Cheap tests first: a line holds more than MAX_MARKERS markers only if it is that long at least.
        if code[index] or (len(line) <= MAX_MARKUP and not _MANY_MARKERS.match(line)):
            continue
        what = []
        position, markers, escaped_markers = 0, 0, []
        while (match := _MARKERS.match(line, position)) and match.end() > position:
            token = match.group(0)
            markers += 1
            if markers > MAX_MARKERS:  # "- " becomes "\\- ", "1. " becomes "1\\. ": text, not a new level
                token = re.sub(r"([-*+>.)])", r"\\\1", token, count=1)
            escaped_markers.append(token)
            position = match.end()
        if markers > MAX_MARKERS:
            line = "".join(escaped_markers) + line[position:]
            what.append(f"{markers} list or quote markers")
        for char, escaped in _ESCAPES.items():
            if line.count(char) > MAX_MARKUP:
                line = line.replace(char, escaped)
                what.append(f"{lines[index].count(char)} '{char}'")
        if what:
            out[index] = line
            findings.append(
                Finding(
                    path,
                    document.first_line + index,
                    "error",
                    f"markup too deep to render ({', '.join(what)} on one line): shown as text",
                    "write this line as plain text or in a code block",
                )
            )
    return (out if findings else None), findings


# What the sanitizer removes, as notes write it: a tag, an event handler, a script URL, a style attribute.
_UNSAFE = (
    (re.compile(r"<\s*(script|style|iframe|object|embed|form|meta|base|link)\b", re.IGNORECASE), "<{}>"),
    (re.compile(r"<[a-z][^>]{0,2000}?\s(on[a-z]+)\s*=", re.IGNORECASE), "the {} attribute"),
    (
        re.compile(r"(?:(?:href|src|action)\s*=\s*[\"']?|\]\(\s*<?)\s*(javascript|vbscript|data)\s*:", re.IGNORECASE),
        "a {}: URL",
    ),
    (re.compile(r"<[a-z][^>]{0,2000}?\s(style)\s*=", re.IGNORECASE), "a {} attribute"),
)


def unsafe_html(path: str, document: Document) -> list[Finding]:
    """A warning for each line of a note (outside code) whose raw HTML the sanitizer removes."""
    found: list[Finding] = []
    code = document.code
    for index, line in enumerate(document.lines):
        if code[index] or ("<" not in line and "](" not in line):
            continue
        text = without_code(line)
        removed = sorted(
            (match.start(1), what.format(match.group(1).lower()))
            for pattern, what in _UNSAFE
            for match in pattern.finditer(text)
        )
        if not removed:
            continue
        found.append(
            Finding(
                path,
                document.first_line + index,
                "warning",
                f"removed from the published page: {', '.join(dict.fromkeys(what for _, what in removed))}",
                "notes cannot run script or restyle the site; write Markdown instead",
            )
        )
    return found
