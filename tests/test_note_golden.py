"""Golden cases of the note families of SPEC section 2: a small note in, the meetings it must give out.

Each ``tests/golden/notes/<folder>/<note>.md`` is parsed with the build's own
parser as if it sat at that path in a docs folder (the path is part of the
input: it dates and names notes); ``<note>.yml`` beside it holds the meetings
(id, dates, title, series, page, lines, attendees, mentions, entries, content)
and the findings. After a deliberate change, regenerate with
``MINUTES_REGEN_GOLDEN=1 pytest tests/test_note_golden.py`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minutes.parse import parse_note
from minutes.reading.source import read_note

from .goldens import check_golden
from .test_people_golden import mention_line

GOLDEN = Path(__file__).parent / "golden" / "notes"
CASES = sorted(path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*.md"))


def observed(case: str) -> dict[str, Any]:
    note = parse_note(read_note(str(GOLDEN / case), case))
    return {
        "running_log": note.running_log,
        "meetings": [
            {
                "id": meeting.id,
                "date": meeting.date.isoformat(),
                "end_date": meeting.end_date.isoformat() if meeting.end_date else None,
                "title": meeting.title,
                "series": meeting.series,
                "series_name": meeting.series_name,
                "page_path": meeting.page_path,
                "lines": [meeting.source_line, meeting.end_line],
                "attendees": list(meeting.attendees),
                "tags": list(meeting.tags),
                "location": meeting.location,
                "draft": meeting.draft,
                "extra": {key: str(value) for key, value in meeting.extra.items()},
                "mentions": [mention_line(mention) for mention in meeting.mentions],
                "entries": [f"{entry.line} {entry.source}: {entry.name}" for entry in meeting.entries],
                "content": meeting.content,
            }
            for meeting in note.meetings
        ],
        "findings": [str(finding) for finding in note.findings],
    }


@pytest.mark.parametrize("case", CASES)
def test_golden_note(case: str) -> None:
    check_golden(GOLDEN / case.replace(".md", ".yml"), observed(case))


def test_every_note_family_has_a_case() -> None:
    """SPEC section 2, one case at least for each way a note is dated, split, attributed or repaired."""
    families = {
        "front-matter/kickoff.md",  # every front matter key, and an unknown one kept
        "steering/2024-09-16-steering.md",  # date in a file name with a suffix; attendee list with handles
        "tsc/2024/09/16.md",  # date in year/month/day folders; "Attendees:" line
        "tc39/2023-01/jan-30.md",  # date in a year-month folder and a month-day name; table and speakers
        "team/notes.md",  # date on a "Date:" line
        "sklearn-team/2022.md",  # year-less heading, year from the path; person headings; owners
        "sklearn-team/log.md",  # running log, newest first, a year inferred from a neighbour
        "hackathons/2024-06-24-sprint.md",  # multi-day event from consecutive day headings
        "events/summit.md",  # multi-day event from a range in the title
        "actions/2024-03-05.md",  # action items and decisions
        "mojibake/2023-05-04.md",  # text repair
        "slash/sync.md",  # an ambiguous date, read one way and said so
        "weekly/2024-W38.md",  # an ISO week
        "undated/notes.md",  # no date: an error naming the file and line
    }
    assert families <= set(CASES)
