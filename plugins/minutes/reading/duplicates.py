"""Duplicate meetings: the same series, date and title twice, most often a copied section whose date was not changed.

Both meetings are kept (each gets its own page, ``-2`` after the second's
name); the later one in file order is reported, naming the first, because
one of the two dates is probably wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from ..findings import Finding
from ..model import Meeting, ParsedNote


def duplicate_findings(notes: Iterable[ParsedNote]) -> list[Finding]:
    """A warning for every meeting that repeats the series, date and title of an earlier one."""
    first: dict[tuple[str, dt.date, str], Meeting] = {}
    findings = []
    meetings = sorted(
        (meeting for note in notes for meeting in note.meetings if not meeting.draft),
        key=lambda meeting: (meeting.source, meeting.source_line),
    )
    for meeting in meetings:
        original = first.setdefault((meeting.series, meeting.date, meeting.title.casefold()), meeting)
        if original is not meeting:
            findings.append(
                Finding(
                    meeting.source,
                    meeting.source_line,
                    "warning",
                    f"duplicate meeting: {original.source}:{original.source_line} is also "
                    f"{_named(meeting)} of {meeting.date.isoformat()} in series '{meeting.series}'",
                    "correct the date if one was copied, or give each meeting its own title",
                )
            )
    return findings


def _named(meeting: Meeting) -> str:
    """How a finding names a meeting: its title, quoted, or that the note gives none."""
    return f"'{meeting.title}'" if meeting.title else "a meeting without a title"


def with_duplicates_reported(notes: list[ParsedNote]) -> list[ParsedNote]:
    """``notes``, each with the duplicate warnings of its own meetings added."""
    found = duplicate_findings(notes)
    if not found:
        return notes
    return [
        replace(note, findings=(*note.findings, *(finding for finding in found if finding.path == note.path)))
        for note in notes
    ]
