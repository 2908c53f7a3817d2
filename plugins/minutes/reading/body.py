"""A note's body, read once: its front matter, its blocks (repaired) and the findings of reading them.

Produces a ``Body``: the note's front matter, its ``Document`` (the one block reading every later step
asks), where its lines start in the file, and the findings of reading it (size, front matter, nesting
flattened, markup tamed, images missing, unsafe HTML); or an ``Unread`` for a note with nothing to read
(unreadable, empty), which says why. ``dating`` dates the body's meetings, ``meetings`` names them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection
from dataclasses import dataclass

from ..findings import Finding
from .blocks import Document, read_blocks
from .checks import flatten_nesting, only_front_matter, size_findings, tame_markup, unsafe_html
from .front_matter import FrontMatter, read_front_matter
from .images import missing_images
from .source import Source


@dataclass(frozen=True)
class Body:
    """A note's body, read: front matter, blocks (repaired), and the findings of reading them."""

    path: str
    front: FrontMatter
    document: Document
    offset: int  # file line of ``document.lines[i]`` is ``offset + i + 1``
    findings: tuple[Finding, ...]

    @property
    def stem(self) -> str:
        """The file's name without its extension: ``2024-09-16``, ``README``."""
        return posixpath.splitext(posixpath.basename(self.path))[0]


@dataclass(frozen=True)
class Unread:
    """A note with nothing to read, and why: "empty", "binary file", "unreadable"..."""

    path: str
    findings: tuple[Finding, ...]
    skipped: str


def read_body(source: Source, sanitize: bool = True, existing_files: Collection[str] | None = None) -> Body | Unread:
    """The note's front matter and blocks, repaired and checked.

    ``sanitize`` says that the site removes unsafe HTML, which is then reported line by line;
    ``existing_files`` (paths in the docs folder), when given, is what local images are checked against.
    """
    path = source.path
    findings = list(source.findings)
    if source.text is None:
        return Unread(path, tuple(findings), source.skipped or "unreadable")
    if not source.text.strip():
        findings.append(
            Finding(path, 0, "error", "skipped: the note is empty", "write the meeting's notes or delete it")
        )
        return Unread(path, tuple(findings), "empty")
    findings.extend(size_findings(path, source.size))
    front = read_front_matter(path, source.text)
    findings.extend(front.findings)
    lines = front.body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    offset = front.body_line - 1  # file line of body line index i is offset + i + 1
    findings.extend(only_front_matter(path, source.text, lines))
    document = read_blocks(lines, offset + 1)
    for repair in (flatten_nesting, tame_markup):
        edited, repaired = repair(path, document)
        findings.extend(repaired)
        if edited is not None:  # a pathological note: read again as it will be shown
            document = read_blocks(edited, offset + 1)
    if existing_files is not None:
        edited, missing = missing_images(path, document, existing_files)
        findings.extend(missing)
        if edited is not None:  # placeholders change no block, but the lines are read once more
            document = read_blocks(edited, offset + 1)
    if sanitize:
        findings.extend(unsafe_html(path, document))
    return Body(path, front, document, offset, tuple(findings))
