"""Name resolution: one person across spellings, never two people merged, a warning where a guess would be wrong."""

from __future__ import annotations

from minutes.index import Archive, build_index
from minutes.model import Person
from minutes.parse import ParseOptions, parse_notes
from minutes.people.people_file import PeopleFile, parse_people_file
from minutes.reading.source import Source


def archive(notes: dict[str, str], book: PeopleFile | None = None) -> Archive:
    """The archive of in-memory ``notes``, parsed and indexed as a build does."""
    book = book or PeopleFile()
    parsed = parse_notes([Source(path, text) for path, text in notes.items()], ParseOptions(), book)
    return build_index(parsed, book.people, book.findings)


def team_note(*names: str, todo: str = "") -> str:
    """A meeting with a heading per person under ``## Updates``, so that they read as a round of updates."""
    body = "## Updates\n\n" + "".join(f"### {name}\n\n- worked on things\n\n" for name in names)
    return body + (f"## TODO / Next\n\n- {todo}\n" if todo else "")


def person_named(result: Archive, name: str) -> Person:
    matches = [person for person in result.people if person.name == name]
    assert len(matches) == 1, [person.name for person in result.people]
    return matches[0]


def messages(result: Archive, level: str = "warning") -> list[str]:
    return [str(finding) for finding in result.findings if finding.level == level]


def test_accents_and_case_make_one_person() -> None:
    result = archive(
        {
            "team/2022-01-04.md": team_note("Jérémie", "Loïc"),
            "team/2022-01-11.md": team_note("Jeremie", "Loic"),
            "team/2022-01-18.md": team_note("jeremie", "loic"),
            "team/2022-01-25.md": team_note("Jéremie", "Loïc"),
        }
    )
    assert sorted(person.name for person in result.people) == ["Jérémie", "Loïc"]
    jeremie = person_named(result, "Jérémie")
    assert set(jeremie.aliases) == {"Jeremie", "jeremie", "Jéremie"}
    assert len(result.attendance[jeremie.id]) == 4
    assert jeremie.id == "jeremie"


def test_a_first_name_joins_the_one_full_name_that_starts_with_it() -> None:
    result = archive(
        {
            "team/2022-01-04.md": "Present: Olivier Grisel, Loïc Estève\n\n" + team_note("Olivier", "Loïc"),
            "team/2022-01-11.md": team_note("olivier", "Loic"),
        }
    )
    olivier = person_named(result, "Olivier Grisel")
    assert {"Olivier", "olivier"} <= set(olivier.aliases)
    assert len(result.attendance[olivier.id]) == 2
    assert {entry.meeting for entry in result.entries if entry.person == olivier.id} == {
        "team/2022-01-04",
        "team/2022-01-11",
    }


def test_a_first_name_two_full_names_share_stays_apart_with_a_warning() -> None:
    result = archive(
        {
            "team/2022-01-04.md": "Present: Julien Jerphanion, Julien Dupont, Olivier Grisel\n\n"
            + team_note("Julien", "Olivier"),
        }
    )
    names = {person.name for person in result.people}
    assert {"Julien", "Julien Jerphanion", "Julien Dupont", "Olivier Grisel"} == names
    assert messages(result) == [
        "team/2022-01-04.md:5: 'Julien' may be Julien Dupont or Julien Jerphanion: kept as a person of its own"
        " (write the full name, or add 'Julien' to the aliases of one of them in people.yml)"
    ]


def test_a_handle_decides_for_a_first_name_alone() -> None:
    result = archive(
        {
            "tsc/2022-01-04.md": "## Present\n\n* Julien Jerphanion @jjerphan\n* Julien Dupont @jdupont\n",
            "tsc/2022-01-11.md": "## Present\n\n* Julien @jdupont\n* Anna Henningsen\n",
        }
    )
    dupont = person_named(result, "Julien Dupont")
    assert result.attendance[dupont.id] == ("tsc/2022-01-04", "tsc/2022-01-11")
    assert dupont.handles == ("jdupont",)


def test_handles_and_abbreviations_link_a_name_to_its_other_forms() -> None:
    result = archive(
        {
            "tsc/2022-01-04.md": "## Present\n\n* Colin Ihrig @cjihrig (TSC)\n* Anna Henningsen @addaleax\n",
            "tsc/2022-01-11.md": "## Present\n\n* @cjihrig\n* Anna Henningsen\n",
            "tsc/2022-01-18.md": "## Action items\n\n- [ ] @cjihrig to review\n\n## Present\n\n* anna henningsen\n",
        }
    )
    colin = person_named(result, "Colin Ihrig")
    assert colin.handles == ("cjihrig",)
    assert result.attendance[colin.id] == ("tsc/2022-01-04", "tsc/2022-01-11", "tsc/2022-01-18")
    assert result.roles["tsc/2022-01-18"][colin.id] == ("owner",)
    assert result.find_person("@CJIHRIG") == colin.id
    assert result.find_person("colin ihrig") == colin.id
    assert result.find_person("Nobody") is None


def test_a_handle_given_to_two_different_full_names_is_one_person_with_a_warning() -> None:
    """A handle is an identity: one handle, one person; two names that are no spellings of one another say so."""
    result = archive(
        {
            "tsc/2022-01-04.md": "## Present\n\n* Thomas Fan @thomasjpfan\n* Anna Henningsen\n",
            "tsc/2022-01-11.md": "## Present\n\n* Tom Fan @thomasjpfan\n* Anna Henningsen\n",
        }
    )
    thomas = person_named(result, "Thomas Fan")
    assert thomas.aliases == ("Tom Fan",) and thomas.handles == ("thomasjpfan",)
    assert len(result.attendance[thomas.id]) == 2
    assert messages(result) == [
        "tsc/2022-01-11.md:3: handle @thomasjpfan is given to Tom Fan here and to Thomas Fan (tsc/2022-01-04.md:3):"
        " taken as one person (a handle is one person; if they are two, correct the handle, or list both in people.yml)"
    ]


def test_two_spellings_of_one_name_with_one_handle_are_one_person_silently() -> None:
    """The same @handle with a middle initial, or a misspelt surname, gave two people."""
    result = archive(
        {
            "council/2022-01-04.md": "## Present\n\n* Cheng H. Lee @chenghlee\n* John Kirkham @jakirkham\n",
            "council/2022-01-11.md": "## Present\n\n* Cheng H. Lee @chenghlee\n* John Kirkham @jakirkham\n",
            "council/2022-01-18.md": "## Present\n\n* Cheng Lee (@chenghlee)\n* John Kirkam (@jakirkham)\n",
        }
    )
    assert sorted(person.name for person in result.people) == ["Cheng H. Lee", "John Kirkham"]
    cheng, john = person_named(result, "Cheng H. Lee"), person_named(result, "John Kirkham")
    assert cheng.aliases == ("Cheng Lee",) and john.aliases == ("John Kirkam",)
    assert len(result.attendance[cheng.id]) == len(result.attendance[john.id]) == 3
    assert messages(result) == []


def test_a_misspelling_is_reported_with_file_line_and_the_likely_person() -> None:
    notes = {f"team/2022-01-{day:02d}.md": team_note("Olivier", "Guillaume") for day in (4, 11, 18)}
    notes["team/2022-01-25.md"] = team_note("Olivir", "Guillaume")
    result = archive(notes)
    assert messages(result) == [
        "team/2022-01-25.md:3: Olivir (2022-01-25.md:3) is new; did you mean Olivier (3 meetings)? (if so, correct"
        " the note, or add 'Olivir' to the aliases of Olivier in people.yml; if not, list Olivir in people.yml as a"
        " person of their own)"
    ]
    assert "Olivir" in {person.name for person in result.people}  # reported, not merged


def test_short_names_and_equally_common_names_raise_no_misspelling() -> None:
    notes = {f"team/2022-01-{day:02d}.md": team_note("Alex", "Julien", "Adrin") for day in (4, 11)}
    notes["team/2022-01-18.md"] = team_note("Alec", "Julia", "Adrin")
    result = archive(notes)
    assert not [message for message in messages(result) if "misspelling" in message]


def test_an_owner_named_nowhere_else_is_not_made_a_person() -> None:
    result = archive({"team/2022-01-04.md": team_note("Olivier", "Loïc", todo="Website: fix the footer (Olivier)")})
    assert {person.name for person in result.people} == {"Olivier", "Loïc"}
    assert result.roles["team/2022-01-04"][person_named(result, "Olivier").id] == ("heading", "owner")
    assert [m for m in messages(result, "info") if "owner" in m] == [
        "team/2022-01-04.md:13: owner 'Website' is named nowhere else in the notes; not taken for a person"
        " (write the owner as attendees or headings name them, or add them to people.yml)"
    ]


def test_absentees_are_people_but_not_attendees() -> None:
    result = archive({"tsc/2022-01-04.md": "## Present\n\n* Anna Henningsen\n\n## Regrets\n\n* Myles Borins\n"})
    myles = person_named(result, "Myles Borins")
    assert result.attendance[myles.id] == ()
    assert result.attendees["tsc/2022-01-04"] == (person_named(result, "Anna Henningsen").id,)


def test_the_people_file_always_wins() -> None:
    book = parse_people_file(
        "- name: Olivier Grisel\n  aliases: [OG the great]\n  handles: ['@ogrisel']\n  abbreviations: [OG]\n"
        "  affiliation: Inria\n  id: olivier\n"
        "- name: Tom Fan\n  aliases: [Thomas Fan]\n",
        "people.yml",
    )
    assert book.findings == ()
    result = archive(
        {
            "team/2022-01-04.md": team_note("OG the great", "Thomas Fan"),
            "team/2022-01-11.md": "## Present\n\n* @ogrisel\n* Tom Fan\n",
        },
        book,
    )
    olivier = person_named(result, "Olivier Grisel")
    assert (olivier.id, olivier.affiliation, olivier.abbreviations) == ("olivier", "Inria", ("OG",))
    assert len(result.attendance[olivier.id]) == 2
    assert len(result.attendance[person_named(result, "Tom Fan").id]) == 2
    assert not messages(result)


def test_speaker_abbreviations_from_the_people_file_open_turns() -> None:
    book = parse_people_file("- name: Waldemar Horwat\n  abbreviations: [WH]\n", "people.yml")
    result = archive({"tc39/2023-01-30.md": "## Item\n\nWH: I object.\n\nTODO: not a turn\n"}, book)
    waldemar = person_named(result, "Waldemar Horwat")
    assert [(item.person, item.entry.text) for item in result.entries] == [
        (waldemar.id, "I object.\n\nTODO: not a turn")
    ]


def test_slugs_never_collide_and_never_leave_the_people_folder() -> None:
    result = archive(
        {
            "team/2022-01-04.md": team_note("Zoë Li", "Zoe-Li", "Index", "../../etc"),
            "team/2022-01-11.md": team_note("Zoë Li", "Zoe-Li", "Index"),
        }
    )
    ids = [person.id for person in result.people]
    assert len(ids) == len(set(ids))
    assert all(person_id.replace("-", "").isalnum() for person_id in ids)
    assert "index" not in ids  # people/index.md would take the people page's address


def test_a_bare_first_name_is_the_one_person_written_with_that_name_and_a_handle() -> None:
    """In one working group ``* Ana @anadev``; in another, ``* Ana`` alone: one person, one page."""
    result = archive(
        {
            "wg-docs/2022-01-04.md": "## Attendees\n\n* Ana @anadev\n* Karl @karlk\n",
            "wg-docs/2022-01-11.md": "## Attendees\n\n* Ana @anadev\n* Karl @karlk\n",
            "wg-security/2022-01-05.md": "## Attendees\n\n* Ana\n* Karl\n",
        }
    )
    assert sorted(person.name for person in result.people) == ["Ana", "Karl"]
    ana = person_named(result, "Ana")
    assert ana.handles == ("anadev",)
    assert result.attendance[ana.id] == ("wg-docs/2022-01-04", "wg-security/2022-01-05", "wg-docs/2022-01-11")
    assert messages(result) == []


def test_one_first_name_of_two_handles_is_two_people_titled_by_their_handles() -> None:
    result = archive(
        {
            "wg-docs/2022-01-04.md": "## Attendees\n\n* Priya @priya-k\n* Karl @karlk\n",
            "wg-infra/2022-01-11.md": "## Attendees\n\n* Priya @pnair\n* Karl @karlk\n",
        }
    )
    names = sorted(person.name for person in result.people)
    assert names == ["Karl", "Priya (@pnair)", "Priya (@priya-k)"]
    assert len(names) == len(set(names))
    assert result.attendance[person_named(result, "Priya (@pnair)").id] == ("wg-infra/2022-01-11",)
    assert result.attendance[person_named(result, "Priya (@priya-k)").id] == ("wg-docs/2022-01-04",)
    assert messages(result) == [
        "wg-docs/2022-01-04.md:3: 'Priya' is written with two handles: Priya (@priya-k) (wg-docs/2022-01-04.md:3)"
        " and Priya (@pnair) (wg-infra/2022-01-11.md:3); kept as two people (if they are one person, list both"
        " handles in people.yml)"
    ]


def test_a_bare_name_beside_two_people_of_that_first_name_joins_neither() -> None:
    result = archive(
        {
            "wg-docs/2022-01-04.md": "## Attendees\n\n* Priya @priya-k\n* Karl @karlk\n",
            "wg-infra/2022-01-11.md": "## Attendees\n\n* Priya @pnair\n* Karl @karlk\n",
            "wg-security/2022-01-12.md": "## Attendees\n\n* Priya\n* Karl\n",
        }
    )
    names = [person.name for person in result.people]
    assert sorted(names) == ["Karl", "Priya", "Priya (@pnair)", "Priya (@priya-k)"]
    assert result.attendance[person_named(result, "Priya").id] == ("wg-security/2022-01-12",)
    assert any("'Priya' may be Priya (@pnair) or Priya (@priya-k)" in message for message in messages(result))


def test_a_new_name_close_to_a_known_person_prefers_the_same_series() -> None:
    notes = {f"team/2024-04-{day:02d}.md": team_note("Olivier", "Guillaume") for day in (1, 8, 15, 22)}
    notes |= {f"infra/2024-04-{day:02d}.md": team_note("Olivia", "Karl") for day in (2, 9, 16, 23, 30)}
    notes["team/2024-05-13.md"] = team_note("Oliver", "Guillaume")
    result = archive(notes)
    assert [message.split(" (if so")[0] for message in messages(result)] == [
        "team/2024-05-13.md:3: Oliver (2024-05-13.md:3) is new; did you mean Olivier (4 meetings)?"
    ]


def test_accents_and_case_do_not_hide_a_new_name() -> None:
    notes = {f"team/2024-04-{day:02d}.md": team_note("Jérémie", "Guillaume") for day in (1, 8, 15)}
    notes["team/2024-05-13.md"] = team_note("JEREMIA", "Guillaume")
    result = archive(notes)
    assert [message.split(" (if so")[0] for message in messages(result)] == [
        "team/2024-05-13.md:3: JEREMIA (2024-05-13.md:3) is new; did you mean Jérémie (3 meetings)?"
    ]


def test_the_people_file_silences_a_new_name() -> None:
    notes = {f"team/2024-04-{day:02d}.md": team_note("Olivier", "Guillaume") for day in (1, 8, 15)}
    notes["team/2024-05-13.md"] = team_note("Oliver", "Guillaume")
    alias = parse_people_file("- name: Olivier\n  aliases: [Oliver]\n", "people.yml")
    merged = archive(notes, alias)
    assert messages(merged) == [] and "Oliver" not in {person.name for person in merged.people}
    own = parse_people_file("- name: Oliver\n", "people.yml")
    assert messages(archive(notes, own)) == []
