"""The whole core pipeline in one call: read -> parse -> index."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .index import Archive, build_index
from .meetings import ParseOptions, parse_note
from .model import Person
from .source import read_note


@dataclass(frozen=True)
class NoteFile:
    abs_path: str
    path: str  # relative to the docs folder, forward slashes


def build_archive(
    files: Iterable[NoteFile],
    options: ParseOptions | None = None,
    people: Iterable[Person] = (),
    existing_files: Collection[str] | None = None,
) -> Archive:
    """Read, parse and index the notes of ``files``; images are checked against ``existing_files``."""
    notes = [parse_note(read_note(file.abs_path, file.path), options or ParseOptions()) for file in files]
    return build_index(notes, people, existing_files)
