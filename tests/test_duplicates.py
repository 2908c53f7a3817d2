"""Duplicate meetings are kept and reported: a copied section whose date was not changed, a note in two layouts."""

from __future__ import annotations

from minutes.index import build_index
from minutes.parse import parse_notes
from minutes.reading.source import Source


def test_a_copied_log_section_is_reported_and_kept() -> None:
    log = "## 2024-09-16\n\n- new\n\n## 2024-09-16\n\n- old\n"
    notes = parse_notes([Source("team/log.md", log)])
    assert [str(finding) for finding in notes[0].findings] == [
        "team/log.md:5: duplicate meeting: team/log.md:1 is also '2024-09-16' of 2024-09-16 in series 'team'"
        " (correct the date if one was copied, or give each meeting its own title)"
    ]
    archive = build_index(notes)
    assert [meeting.page_path for meeting in archive.meetings] == ["team/2024-09-16.md", "team/2024-09-16-2.md"]


def test_the_same_meeting_in_two_layouts_is_reported() -> None:
    notes = parse_notes([Source("tsc/2024-09-16.md", "# TSC\n"), Source("tsc/2024/09/16.md", "# TSC\n")])
    assert [str(f) for note in notes for f in note.findings] == [
        "tsc/2024/09/16.md:1: duplicate meeting: tsc/2024-09-16.md:1 is also 'TSC' of 2024-09-16 in series 'tsc'"
        " (correct the date if one was copied, or give each meeting its own title)"
    ]


def test_two_meetings_of_a_day_with_their_own_titles_are_fine() -> None:
    notes = parse_notes(
        [
            Source("tsc/2024-09-16-tsc.md", "# TSC\n"),
            Source("tsc/2024-09-16-ctc.md", "# CTC\n"),
            Source("other/2024-09-16.md", "# TSC\n"),  # another series
        ]
    )
    assert [f for note in notes for f in note.findings] == []
