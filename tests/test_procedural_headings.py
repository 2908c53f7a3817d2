"""Headings that only say something needs a decision or attention are a team's template, never a topic."""

from __future__ import annotations

import pytest

from minutes.index import build_index
from minutes.parse import ParseOptions, parse_notes
from minutes.people.people_file import PeopleFile
from minutes.reading.source import Source
from minutes.vocabulary import is_procedural


@pytest.mark.parametrize(
    "heading",
    [
        "Need attention",
        "Need attention/decision",
        "Needs decision",
        "Décision requise",
        "Besoin d'une décision",
        "Entscheidung erforderlich",
        "Necesita decisión",
        "Requiere atención",
    ],
)
def test_a_heading_that_asks_for_a_decision_is_procedural(heading: str) -> None:
    assert is_procedural(heading)


def test_a_heading_that_names_a_subject_is_not() -> None:
    assert not is_procedural("Release policy") and not is_procedural("Attention mechanism in the encoder")


def test_need_attention_headings_are_no_topics_while_agenda_items_are() -> None:
    note = (
        "## Need attention\n\n- the CI is red\n\n## Need attention/decision\n\n- drop 3.8?\n\n"
        "## Release policy\n\n- {}\n"
    )
    sources = [Source(f"team/2024-01-{day:02d}.md", note.format(day)) for day in (1, 8, 15, 22)]
    book = PeopleFile()
    archive = build_index(parse_notes(sources, ParseOptions(), book), book.people, book.findings)
    names = {topic.name for topic in archive.topics}
    assert "Release policy" in names
    assert not {name for name in names if "attention" in name.lower() or "decision" in name.lower()}
