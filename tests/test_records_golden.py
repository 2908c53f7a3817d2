"""Golden cases of decisions, action items, references and topics: ``tests/golden/records/NAME.md`` in,
``NAME.yml`` beside it: one line per record (line, kind or status, cue and confidence, ...), easy to review.

Each note is built alone through the whole core pipeline (read, parse, index, records), with bare
``#123`` belonging to scikit-learn/scikit-learn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minutes.archive import NoteFile, build_archive
from minutes.index import Archive
from minutes.model import ActionItem, Decision
from minutes.records.join import RecordOptions

from .goldens import check_golden

GOLDEN = Path(__file__).parent / "golden" / "records"
CASES = sorted(path.stem for path in GOLDEN.glob("*.md"))


def built(name: str) -> Archive:
    path = GOLDEN / f"{name}.md"
    options = RecordOptions(default_repository="scikit-learn/scikit-learn")
    return build_archive([NoteFile(str(path), f"{name}.md")], records=options)


def observed(archive: Archive) -> dict[str, Any]:
    def who(ids: tuple[str, ...]) -> str:
        return ", ".join(archive.person(person_id).name for person_id in ids)

    def subject(record: Decision | ActionItem) -> str:
        return f" <{record.subject}>" if record.subject else ""

    def shown(record: Decision | ActionItem) -> str:
        return " candidate" if record.candidate else ""

    return {
        "decisions": [
            f"{d.line} {d.kind} {d.cue}{shown(d)} [{d.topic}] ({who(d.people)}) {{{', '.join(d.topics)}}}{subject(d)}:"
            f" {d.text}"
            for d in (*archive.decisions, *archive.candidate_decisions)
        ],
        "actions": [
            f"{a.line} {a.status} {a.cue}{shown(a)} ({', '.join(filter(None, [who(a.owners), *a.names]))})"
            + (f" open for {a.open_for}, {a.age} days" if a.pending else f" done in {a.done_in}")
            + f"{subject(a)}: {a.text}"
            for a in (*archive.actions, *archive.candidate_actions)
        ],
        "references": [
            f"{r.id} {r.url} at " + ", ".join(f"{m.meeting}:{m.line}" for m in r.mentions) for r in archive.references
        ],
        "topics": [f"{t.id} ({t.name}) from {', '.join(t.sources)}: {', '.join(t.meetings)}" for t in archive.topics],
    }


@pytest.mark.parametrize("name", CASES)
def test_golden_case(name: str) -> None:
    check_golden(GOLDEN / f"{name}.yml", observed(built(name)))


def test_every_pattern_family_has_a_case() -> None:
    assert {"decision_headings", "decision_lines", "actions", "followed", "references", "topics"} <= set(CASES)
    # The conventions of outcomes and tasks as people write them, and what is none (issue 10).
    assert {
        "agreement",
        "deferral",
        "commitment",
        "tasks",
        "questions",
        "label_lists",
        "sections",
        "agenda_items",
        "transcript",
        "owners",
        "status",
        "non_outcomes",
        "junk",  # the classes of junk readers met on archives never seen (issue 17)
    } <= set(CASES)


def test_every_decision_has_its_anchor_in_the_meeting_page() -> None:
    for name in CASES:
        archive = built(name)
        records: list[Decision | ActionItem] = [*archive.decisions, *archive.actions]
        for record in records:
            content = archive.meeting(record.meeting).content
            assert f'id="{record.anchor}"' in content or f"{{#{record.anchor} " in content, (name, record.anchor)
