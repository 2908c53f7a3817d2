"""A note's series comes from its folders: the first that names one, not a folder that only holds notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes.archive import NoteFile, build_archive


@pytest.mark.parametrize(
    ("path", "series", "name"),
    [
        ("docs/meetings/community/2024-09-17.md", "community", "Community"),
        ("docs/meetings/2024/collab-cafe/2024-09-17.md", "collab-cafe", "Collab cafe"),
        ("meetings/2024-09-17.md", "meetings", "Meetings"),
        ("notes/2024/09/17.md", "notes", "Notes"),
        ("steering-council/minutes/2024-09-17.md", "steering-council", "Steering council"),
        ("2024-09-17.md", "meetings", "Meetings"),
    ],
)
def test_the_series_of_a_note_is_its_first_folder_that_names_one(
    tmp_path: Path, path: str, series: str, name: str
) -> None:
    note = tmp_path / path
    note.parent.mkdir(parents=True, exist_ok=True)
    note.write_text("# Call\n\n- notes\n", encoding="utf-8")
    archive = build_archive([NoteFile(str(note), path)])
    (meeting,) = archive.meetings
    assert (meeting.series, meeting.series_name) == (series, name)
