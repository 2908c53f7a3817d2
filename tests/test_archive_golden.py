"""Golden cases across notes: ``tests/golden/archive/<case>/`` is a docs folder, ``<case>.yml`` beside it the
people, topics, references, companions and warnings that a zero-configuration build of it must give.

What one note cannot show on its own: one handle across spellings and notes, topics merged across meetings,
references resolved and titled, companion notes joined to the meetings of their folder, a round of name
headings that another note's attendee list shows to be people. After a deliberate change, regenerate with
``MINUTES_REGEN_GOLDEN=1 pytest tests/test_archive_golden.py`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minutes.archive import NoteFile, build_archive
from minutes.index import Archive
from minutes.records.join import RecordOptions
from minutes.site.minutes_json import archive_json
from minutes.site.words import Words

from .goldens import check_golden

GOLDEN = Path(__file__).parent / "golden" / "archive"
CASES = sorted(path.name for path in GOLDEN.iterdir() if path.is_dir())


def built(case: str, records: RecordOptions | None = None) -> Archive:
    root = GOLDEN / case
    files = [NoteFile(str(path), path.relative_to(root).as_posix()) for path in sorted(root.rglob("*.md"))]
    return build_archive(files, records=records)


def observed(archive: Archive) -> dict[str, Any]:
    words = Words()  # a meeting's title as its pages say it: "<series> meeting" when the note gives none

    def names(ids: tuple[str, ...] | list[str]) -> str:
        return ", ".join(archive.person(person_id).name for person_id in ids)

    return {
        "people": [
            f"{person.id}: {person.name}"
            + (f" aka {', '.join(person.aliases)}" if person.aliases else "")
            + (f" @{', @'.join(person.handles)}" if person.handles else "")
            + (f" [{person.affiliation}]" if person.affiliation else "")
            + f" in {len(archive.attendance.get(person.id, ()))}"
            for person in archive.people
        ],
        "meetings": [
            f"{meeting.id} {meeting.date}{' to ' + str(meeting.end_date) if meeting.end_date else ''}"
            f" ({meeting.precision}) {words.title(meeting)!r}: {names(archive.attendees.get(meeting.id, ()))}"
            + (f" status {archive.statuses[meeting.id]}" if meeting.id in archive.statuses else "")
            + (f" companion of {', '.join(archive.companion_of[meeting.id])}" if meeting.companion else "")
            + (f" companions {', '.join(archive.companions[meeting.id])}" if meeting.id in archive.companions else "")
            for meeting in archive.meetings
        ],
        "topics": [
            f"{topic.id} ({topic.name}) from {', '.join(topic.sources)}: {', '.join(topic.meetings)}"
            + (f"; also {', '.join(topic.spellings)}" if topic.spellings else "")
            for topic in archive.topics
        ],
        "decisions": [
            f"{d.meeting}:{d.line} {{{', '.join(d.topics)}}}{' candidate' if d.candidate else ''}: {d.text}"
            for d in sorted((*archive.decisions, *archive.candidate_decisions), key=lambda d: (d.meeting, d.line))
        ],
        "references": [
            f"{r.id} {r.title!r} at " + ", ".join(f"{m.meeting}:{m.line}" for m in r.mentions)
            for r in archive.references
        ],
        "findings": [str(finding) for finding in archive.findings if finding.level != "info"],
        "review": [f"{item.kind}: {item.message}" for item in archive.people_review.items],
    }


@pytest.mark.parametrize("case", CASES)
def test_golden_archive(case: str) -> None:
    check_golden(GOLDEN / f"{case}.yml", observed(built(case)))


def test_every_rule_across_notes_has_a_case() -> None:
    assert {"handles", "topics", "references", "companions", "scripts", "corroboration"} <= set(CASES)


def test_a_bare_number_counts_with_a_default_repository_and_never_after_an_ordinal() -> None:
    archive = built("references", RecordOptions(default_repository="org/site"))
    ids = [reference.id for reference in archive.references]
    assert "org/site#45" in ids  # "see #45"
    assert "org/site#1" not in ids and "org/site#3" not in ids  # "Part #1", "Option #3"
    assert "org/site#93628" not in ids  # written in full in the same meeting: rust-lang/rust's


def test_minutes_json_carries_statuses_companions_precision_and_reference_groups() -> None:
    handles = archive_json(built("handles"))
    (last,) = [meeting for meeting in handles["meetings"] if meeting["id"] == "meetings/2022-01-18"]
    min_rk = next(person["id"] for person in handles["people"] if person["name"] == "Min Ragan-Kelley")
    assert last["status"] == {min_rk: "not here"} and last["absent"] == [min_rk]
    companions = archive_json(built("companions"))
    by_id = {meeting["id"]: meeting for meeting in companions["meetings"]}
    assert by_id["sprint/2024-06-24-summary"]["companion_of"] == ["sprint/2024-06-24", "sprint/2024-06-25"]
    assert set(by_id["sprint/2024-06-24"]["companions"]) == {
        "sprint/2024-06-24-summary",
        "sprint/2024-06-24-toc",
        "sprint/2024-06-24-readme",
    }
    assert by_id["updates/2024-05-news"]["precision"] == "month"
    references = archive_json(built("references"))
    assert [group["repo"] for group in references["repositories"]] == [
        "rust-lang/rust",
        "org/tools",
        "rust-lang/rustc-dev-guide",
    ]
    (let_else,) = [r for r in references["references"] if r["id"] == "rust-lang/rust#93628"]
    assert let_else["title"] == "Stabilize let else" and len(let_else["mentions"]) == 3
