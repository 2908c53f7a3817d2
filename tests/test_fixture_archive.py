"""A generated archive of several hundred meetings in three families, built for real and checked against the truth.

``tests/fixtures.py`` writes the notes (steering-committee lists with handles,
transcripts with attendee tables and speaker turns, a HackMD running log) and
knows who was listed, who spoke on which line and how each name was spelt.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from minutes.people.spellings import name_key

from .conftest import Site
from .fixtures import JULIENS, LOG, STEERING, STEERING_GUESTS, TRANSCRIPT, Generated, generate


class Built:
    def __init__(self, generated: Generated, site: Site, seconds: float) -> None:
        self.generated = generated
        self.truth = generated.truth
        self.site = site
        self.seconds = seconds
        data = site.json()
        self.people = {person["id"]: person for person in data["people"]}
        self.meetings = data["meetings"]
        self.ids: dict[str, set[str]] = defaultdict(set)  # name key -> person ids having that spelling
        for person in data["people"]:
            for spelling in (person["name"], *person["aliases"]):
                self.ids[name_key(spelling)].add(person["id"])
        source_of = {meeting["id"]: meeting["source"] for meeting in self.meetings}
        self.entries: dict[tuple[str, int], set[str]] = defaultdict(set)  # (path, line) -> person ids
        for person in data["people"]:
            for entry in person["entries"]:
                self.entries[(source_of[entry["meeting"]], entry["line"])].add(person["id"])

    def person(self, name: str) -> str:
        ids = self.ids[name_key(name)]
        assert len(ids) == 1, (name, ids)
        return next(iter(ids))

    def meeting_at(self, where: str) -> dict[str, Any]:
        path, line = where.rsplit(":", 1)
        candidates = [m for m in self.meetings if m["source"] == path and m["source_line"] <= int(line)]
        return max(candidates, key=lambda meeting: meeting["source_line"])


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    generated = generate()
    root: Path = tmp_path_factory.mktemp("fixture-archive")
    for path, text in generated.files.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    settings = {"site_name": "Fixture archive", "theme": {"name": "material"}, "plugins": ["search", "minutes"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = records.append  # type: ignore[method-assign,assignment]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)  # the plugin's warnings are logged at INFO unless they should fail --strict
    try:
        started = time.perf_counter()
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site")))
        seconds = time.perf_counter() - started
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return Built(generated, Site(root, records), seconds)


def test_the_archive_has_several_hundred_meetings(built: Built) -> None:
    assert len(built.meetings) == 300 + 120 + 104
    print(f"\n{len(built.generated.files)} notes, {len(built.meetings)} meetings built in {built.seconds:.1f} s")


def test_attendees_are_found_in_nine_meetings_out_of_ten_that_list_them(built: Built) -> None:
    complete = listed = found = 0
    for where, names in built.truth.present.items():
        attendees = set(built.meeting_at(where)["attendees"])
        wanted = {built.person(name) for name in names}
        complete += wanted <= attendees
        listed += len(wanted)
        found += len(wanted & attendees)
    meetings = len(built.truth.present)
    print(f"\nattendees: all found in {complete}/{meetings} meetings; {found}/{listed} names")
    assert complete >= 0.9 * meetings
    assert found >= 0.9 * listed


def test_absentees_are_never_attendees(built: Built) -> None:
    assert built.truth.absent
    for where, names in built.truth.absent.items():
        assert not {built.person(name) for name in names} & set(built.meeting_at(where)["attendees"]), where


def test_every_speaker_turn_is_an_entry_of_the_person_its_abbreviation_stands_for(built: Built) -> None:
    missed = [turn for turn in built.truth.turns if built.person(turn[2]) not in built.entries[turn[:2]]]
    print(f"\nspeaker turns: {len(built.truth.turns) - len(missed)}/{len(built.truth.turns)}")
    assert missed == []
    speakers = {built.person(person.name) for person in TRANSCRIPT}
    assert all(built.people[speaker]["abbreviations"] for speaker in speakers)


def test_every_person_heading_and_name_tag_of_the_log_is_an_entry(built: Built) -> None:
    missed = [section for section in built.truth.sections if built.person(section[2]) not in built.entries[section[:2]]]
    assert missed == []


def test_every_spelling_resolves_to_one_person(built: Built) -> None:
    for canonical, spellings in built.truth.spellings.items():
        person = built.person(canonical)
        for spelling in spellings:
            if spelling.startswith("@"):
                assert spelling[1:] in built.people[person]["handles"], (canonical, spelling)
            else:
                assert built.ids[name_key(spelling)] == {person}, (canonical, spelling)
    jeremie = built.people[built.person("Jérémie du Boisberranger")]
    assert {"Jérémie", "Jeremie", "jeremie"} <= set(jeremie["aliases"])


def test_one_person_per_person_and_the_ambiguous_and_misspelt_names_apart(built: Built) -> None:
    fakes = [*STEERING, *STEERING_GUESTS, *TRANSCRIPT, *LOG, *JULIENS]
    assert sorted(person["name"] for person in built.people.values()) == sorted(
        [fake.name for fake in fakes] + ["Julien", "Olivir"]
    )


def test_the_misspelling_and_the_ambiguity_are_reported_with_file_and_line(built: Built) -> None:
    messages = built.site.messages()
    [(path, line, meant)] = built.truth.misspellings
    name = path.rsplit("/", 1)[-1]
    assert [
        m
        for m in messages
        if m.startswith(f"minutes: warning: {path}:{line}: Olivir ({name}:{line}) is new; did you mean {meant} (")
    ]
    # One warning for the name, at its first use in time: the oldest meeting, at the bottom of a newest-first log.
    path, line = min(built.truth.ambiguous, key=lambda at: (at[0], -at[1]))
    assert [m for m in messages if "'Julien' may be" in m] == [
        f"minutes: warning: {path}:{line}: 'Julien' may be Julien Dupont or Julien Jerphanion: kept as a person"
        f" of its own (and {len(built.truth.ambiguous) - 1} more times)"
        " (write the full name, or add 'Julien' to the aliases of one of them in people.yml)"
    ]
