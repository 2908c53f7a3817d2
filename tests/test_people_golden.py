"""Golden cases of attribution: a small note in ``tests/golden/people/``, what it must give beside it.

Each ``NAME.md`` is parsed with the build's own parser; ``NAME.yml`` holds the
meetings' mentions (who is named, how, with what handle, abbreviation,
affiliation or role), entries (who said what, from which line) and the
findings. After a deliberate change, regenerate with
``MINUTES_REGEN_GOLDEN=1 pytest tests/test_people_golden.py`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minutes.model import Mention
from minutes.parse import parse_note
from minutes.reading.source import read_note

from .goldens import check_golden

GOLDEN = Path(__file__).parent / "golden" / "people"
CASES = sorted(path.stem for path in GOLDEN.glob("*.md"))


def mention_line(mention: Mention) -> str:
    """``5 attendee: Colin Ihrig @cjihrig (WH) [IBM] <TSC> {late}``: one line per mention, easy to review."""
    text = f"{mention.line} {mention.kind}: {mention.name}"
    text += f" @{mention.handle}" if mention.handle else ""
    text += f" ({mention.abbreviation})" if mention.abbreviation else ""
    text += f" [{mention.affiliation}]" if mention.affiliation else ""
    text += f" <{mention.role}>" if mention.role else ""
    text += f" {{{mention.status}}}" if mention.status else ""
    return text


def observed(name: str) -> dict[str, Any]:
    path = GOLDEN / f"{name}.md"
    note = parse_note(read_note(str(path), f"{name}.md"))
    return {
        "meetings": [
            {
                "id": meeting.id,
                "attendees": list(meeting.attendees),
                "mentions": [mention_line(mention) for mention in meeting.mentions],
                "entries": [
                    {"line": entry.line, "source": entry.source, "name": entry.name, "text": entry.text}
                    for entry in meeting.entries
                ],
            }
            for meeting in note.meetings
        ],
        "findings": [str(finding) for finding in note.findings],
    }


@pytest.mark.parametrize("name", CASES)
def test_golden_case(name: str) -> None:
    check_golden(GOLDEN / f"{name}.yml", observed(name))


def test_every_attribution_family_has_a_case() -> None:
    families = {"person_headings", "name_tags", "attendee_lists", "attendee_tables", "speakers", "owners_leaders"}
    assert families <= set(CASES)


def test_every_rule_of_people_positions_has_a_case() -> None:
    """Issue 11: people come from people positions; each class of junk and each status has its case."""
    cases = {
        "junk_design_note",  # library names, Drawbacks / Benefits: headings of a note without reports
        "junk_monthly_update",  # November, PEPs, Mandate, Members: the vocabulary, never a person
        "junk_attendee_groups",  # Members / Visitors group an attendee list; Introductions ends it
        "junk_software",  # node, V8, v0.12.1, github.com, New pull request
        "statuses",  # (absent), (excused), (proposed by X), - apologies, (not here), times; pronouns
        "roll_calls",  # cells, initials, one handle per item, handles in brackets, placeholders
        "report_rounds",  # rounds of name headings: reports, corroborated, or sections
    }
    assert cases <= set(CASES)
