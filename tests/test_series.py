"""A note's series comes from its folders: the first that names one, not a folder that only holds notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes.archive import NoteFile, build_archive
from minutes.index import Archive


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


def build(tmp_path: Path, notes: dict[str, str]) -> Archive:
    files = []
    for path, text in notes.items():
        note = tmp_path / path
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(text, encoding="utf-8")
        files.append(NoteFile(str(note), path))
    return build_archive(files)


@pytest.mark.parametrize(
    ("path", "series"),
    [
        ("archived/2021-02-22/wg-docs/meeting-notes/2019-10-23.md", "wg-docs"),
        ("meetings/archive/20200721_minutes.md", "meetings"),
        ("notes/2016/Q3/2016-08-08--all-hands.md", "notes"),
        ("old/20210222/steering/2021-02-22.md", "steering"),
    ],
)
def test_container_folders_are_no_series_wherever_they_stand(tmp_path: Path, path: str, series: str) -> None:
    (meeting,) = build(tmp_path, {path: "# Call\n\n- notes\n"}).meetings
    assert meeting.series == series


def test_a_series_is_labelled_as_its_meetings_title_themselves(tmp_path: Path) -> None:
    archive = build(
        tmp_path,
        {
            "wg-security/2023-01-02.md": "# Security WG Meeting - January 2, 2023\n\n- notes\n",
            "wg-security/2023-01-09.md": "# Security WG meeting 2023-01-09\n\n- notes\n",
            "wg-security/2023-01-16.md": "# Security WG\n\n- notes\n",
            "community/2023-01-03.md": "# JupyterHub team meeting\n\n- notes\n",
            "community/2023-01-10.md": "# Quarterly planning\n\n- notes\n",
        },
    )
    assert {series.id: series.name for series in archive.series.values()} == {
        "wg-security": "Security WG",  # the titles agree and hold the folder's words
        "community": "Community",  # titles that do not name the folder leave its name
    }
    assert {meeting.series for meeting in archive.meetings} == {"wg-security", "community"}  # addresses unchanged
