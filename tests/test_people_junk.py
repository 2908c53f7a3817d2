"""Words taken for people, one test per class (issue 11), and the review list that finds what is left.

Each case is a small note as real archives write them: the junk must be nobody, the people beside it
must stay people.
"""

from __future__ import annotations

import pytest

from minutes.cli import main
from minutes.index import Archive, build_index
from minutes.parse import parse_notes
from minutes.reading.source import Source

CASES = {
    "headings of a design note": (
        "design/2024-02-12.md",
        "# Async runtimes\n\n## Proposal\n\n### Tokio\n\n- popular\n\n### Serde\n\n- everywhere\n\n"
        "## Consequences\n\n### Drawbacks\n\n- upkeep\n\n### Benefits\n\n- fewer crates\n\n"
        "## Attendees\n\n- Josh Triplett\n",
        {"Tokio", "Serde", "Drawbacks", "Benefits"},
        {"Josh Triplett"},
    ),
    "months and section words of a monthly update": (
        "council/2023-11-update.md",
        "# November & December 2023 update\n\n## November\n\n- met\n\n## December\n\n- met\n\n"
        "## PEPs\n\n- PEP 703\n\n## Mandate\n\n- renewed\n\n## Present\n\n- Barry Warsaw\n",
        {"November", "December", "PEPs", "Mandate"},
        {"Barry Warsaw"},
    ),
    "sub-headings of an attendee list": (
        "team/2024-05-14.md",
        "## Attendees\n\n### Members\n\n- Ada Lovelace\n\n### Visitors\n\n- Alan Turing\n\n"
        "### Introductions\n\n- Anaconda: update on the CLA\n- conda-forge discussion: later\n",
        {"Members", "Visitors", "Introductions", "Anaconda", "conda-forge"},
        {"Ada Lovelace", "Alan Turing"},
    ),
    "software, versions, addresses and GitHub's words": (
        "tsc/2015-03-04.md",
        "Present:\n\n- Rod Vagg\n- node\n- V8\n- v0.12.1\n- github.com\n- New pull request\n"
        "- https://github.com/nodejs/node\n- y86-dev\n\n## Agenda\n\n- [ ] node: land the backport\n",
        {"node", "V8", "v0.12.1", "github.com", "New pull request"},
        {"Rod Vagg", "y86-dev"},  # a handle written as a name, digits and all, is someone
    ),
    "status annotations in names": (
        "team/2024-06-11.md",
        "## Present\n\n- Ada Lovelace\n- Grace Hopper (absent)\n- Edsger Dijkstra (proposed by Ada Lovelace)\n"
        "- Barbara Liskov - apologies\n- Alan Turing (excused)\n\n## Updates\n\n- [name=Min (not here)] released 2.0\n",
        {"Grace Hopper (absent)", "Edsger Dijkstra (proposed by Ada Lovelace)", "Barbara Liskov - apologies", "absent"},
        {"Ada Lovelace", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov", "Alan Turing", "Min"},
    ),
    "placeholders of a roll-call template": (
        "community/2019-09-19.md",
        "## Attendees\n\n* name | institution | GitHub handle\n* Min | Simula | @minrk\n\n"
        "## Updates\n\n* [name=myname] My update!\n* [name=Min] A release\n",
        {"name", "myname"},
        {"Min"},
    ),
    "organisations of a roll call": (
        "ecosystem/2026-01-07.md",
        "## Attendees\n\n1. JRG, Jaime Rodríguez-Guerra (@jaimergp), Quansight, conda-forge/core\n"
        "2. MRB: Matthew R. Becker, CF\n3. JK, John Kirkham (@jakirkham), NVIDIA & conda-forge/core\n",
        {"Quansight", "CF", "NVIDIA", "conda-forge/core", "JRG"},
        {"Jaime Rodríguez-Guerra", "Matthew R. Becker", "John Kirkham"},
    ),
    "headings of a triage agenda": (
        "triage/2020-08-27.md",
        "# T-compiler Meeting Agenda 2020-08-27\n\n## Announcements\n\n- none\n\n## Beta-nominations\n\n- none\n\n"
        "## Stable-nominations\n\n- none\n\n## Performance logs\n\n#### Regressions\n\n- #1\n\n"
        "#### Improvements\n\n- #2\n\n#### Mixed\n\n- #3\n",
        {"Beta-nominations", "Stable-nominations", "Regressions", "Improvements", "Mixed"},
        set(),
    ),
}


def built(notes: dict[str, str]) -> Archive:
    return build_index(parse_notes([Source(path, text) for path, text in notes.items()]))


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_junk_is_a_person(case: str) -> None:
    path, text, junk, people = CASES[case]
    archive = built({path: text})
    names = {person.name for person in archive.people}
    assert not names & junk
    assert people <= names


def test_affiliations_come_from_affiliation_slots_only() -> None:
    archive = built(
        {
            "team/2024-06-11.md": "## Present\n\n- Donald Knuth (joined at 16:23 UTC)\n- Chris Holdgraf (he/him)\n"
            "- Dan Sholler, dan [at] orgmycology.com\n- Anna Henningsen, Cloudflare (@addaleax)\n"
            "- Filipe Fernandes (conda-forge)\n\nNote-taker: nikomatsakis (whoops...)\n"
        }
    )
    affiliations = {person.name: person.affiliation for person in archive.people}
    assert affiliations == {
        "Donald Knuth": "",
        "Chris Holdgraf": "",
        "Dan Sholler": "",
        "Anna Henningsen": "Cloudflare",
        "Filipe Fernandes": "conda-forge",
        "nikomatsakis": "",
    }
    (meeting,) = archive.meetings
    knuth = archive.find_person("Donald Knuth")
    assert knuth is not None and archive.statuses[meeting.id][knuth] == "joined at 16:23 UTC"


def test_an_absent_person_who_sent_an_update_does_not_attend() -> None:
    archive = built(
        {"team/2024-06-11.md": "## Present\n\n- Ada Lovelace\n\n## Updates\n\n- [name=Min (not here)] 2.0\n"}
    )
    (meeting,) = archive.meetings
    min_id = archive.find_person("Min")
    assert min_id is not None and min_id not in archive.attendees[meeting.id]
    assert archive.statuses[meeting.id][min_id] == "not here"
    assert [entry.entry.text for entry in archive.entries_of[min_id]] == ["2.0"]


def test_a_round_of_names_needs_a_report_or_a_person_it_names() -> None:
    """Headings are sections in a note without reports; the same headings under Updates are people."""
    sections = built({"team/2024-03-05.md": "# Hiring plan\n\n### Gael\n\n- joblib\n\n### Alex\n\n- PRs\n"})
    assert sections.people == ()
    reports = built(
        {"team/2024-03-05.md": "# Hiring plan\n\n## Updates\n\n### Gael\n\n- joblib\n\n### Alex\n\n- PRs\n"}
    )
    assert {person.name for person in reports.people} == {"Gael", "Alex"}
    owned = built(
        {"team/2024-03-05.md": "# Hiring plan\n\n### Gael\n\n- joblib\n\n### Alex\n\n- PRs\n\n## TODO\n\n- CI (Gael)\n"}
    )
    assert {person.name for person in owned.people} == {"Gael", "Alex"}


def test_minutes_check_people_lists_junk_and_duplicates_with_file_and_line(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"  # type: ignore[operator]
    (docs / "team").mkdir(parents=True)
    (docs / "team" / "2024-03-05.md").write_text(
        "## Present\n\n- Josh Stone\n- Anna Henningsen, Anaconda\n- Niko\n- asserting\n\n"
        "## Updates\n\n- [name=nikomatsakis] reviewed\n- [name=Anaconda] a release\n",
        encoding="utf-8",
    )
    (docs / "team" / "2024-03-12.md").write_text(
        "## Present\n\n- Josh Stone\n- Niko\n- Jaime Rodríguez-G.\n\n## Updates\n\n- [name=nikomatsakis] merged\n"
        "- [name=Jaime Rodríguez-Guerra] packaged\n- [name=Jaime Rodríguez-Guerra] again\n",
        encoding="utf-8",
    )
    (docs / "team" / "2024-03-19.md").write_text(
        "## Present\n\n- Jaime Rodríguez-Guerra\n- Josh\n- joshtriplett\n", encoding="utf-8"
    )
    assert main(["check", "--people", str(docs)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert (
        "team/2024-03-05.md:11: likely junk: 'Anaconda' is the organisation of others: likely no person (1 meeting)"
        in lines
    )
    assert "team/2024-03-05.md:6: likely junk: 'asserting' is named once, in lower case: a word, or a handle?" in lines
    assert (
        "team/2024-03-19.md:4: likely duplicate: 'Josh' (1 meeting) may be Josh Stone (2) or joshtriplett (1)" in lines
    )
    assert any(
        line.startswith("team/2024-03-12.md:5: likely duplicate: 'Jaime Rodríguez-G' (1 meeting) may be")
        for line in lines
    )
    assert "- name: Josh Stone" in lines and "  aliases: [Josh]" in lines
    assert err.strip().endswith(
        "likely duplicates (list them with `minutes check --people`, settle them in people.yml)"
    )
