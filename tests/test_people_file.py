"""The people file: its forms, and an error naming file and line for everything wrong in it."""

from __future__ import annotations

from minutes.model import Person
from minutes.people.people_file import parse_people_file


def errors(text: str) -> list[str]:
    return [str(finding) for finding in parse_people_file(text, "people.yml").findings]


def test_a_list_of_people_with_every_field() -> None:
    book = parse_people_file(
        "- name: Olivier Grisel\n"
        "  aliases: [Olivier, ogrisel]\n"
        "  handles: ['@ogrisel']\n"
        "  abbreviations: OG\n"
        "  affiliation: Inria\n"
        "  avatar: https://avatars.githubusercontent.com/u/89061\n"
        "  id: olivier\n"
        "- Jérémie du Boisberranger\n",
        "people.yml",
    )
    assert book.findings == ()
    assert book.people == (
        Person(
            "olivier",
            "Olivier Grisel",
            ("Olivier", "ogrisel"),
            ("ogrisel",),
            "Inria",
            ("OG",),
            "https://avatars.githubusercontent.com/u/89061",
        ),
        Person("", "Jérémie du Boisberranger"),
    )
    assert book.abbreviations == (("OG", "Olivier Grisel"),)
    assert "ogrisel" in book.known_names and "jeremie du boisberranger" in book.known_names


def test_the_people_key_and_the_mapping_form() -> None:
    listed = parse_people_file("people:\n  - name: Ada Lovelace\n    handle: ada\n", "people.yml")
    mapping = parse_people_file("Ada Lovelace:\n  github: ada\nCharles Babbage:\n", "people.yml")
    assert listed.people == (Person("", "Ada Lovelace", handles=("ada",)),)
    assert mapping.people == (Person("", "Ada Lovelace", handles=("ada",)), Person("", "Charles Babbage"))
    assert listed.findings == mapping.findings == ()


def test_an_empty_file_is_no_error() -> None:
    assert parse_people_file("", "people.yml").people == ()
    assert errors("# nobody yet\n") == []


def test_broken_yaml_names_the_line() -> None:
    assert errors("- name: Ada\n  aliases: [Ada\n- name: Bob\n") == [
        "people.yml:3: the people file is not valid YAML: expected ',' or ']', but got ':'"
    ]


def test_each_wrong_field_is_an_error_on_its_line_and_the_rest_is_kept() -> None:
    text = (
        "- name: Ada Lovelace\n"
        "  alias: Ada\n"  # a synonym: accepted
        "  handels: [ada]\n"
        "- aliases: [Nobody]\n"
        "- name: Bob Jones\n"
        "  handles: [not a handle]\n"
        "  abbreviations: [bj]\n"
        "  avatar: javascript:alert(1)\n"
        "  id: ../bob\n"
        "- name: Carol\n"
        "  aliases: [Ada]\n"
        "- [not, a, person]\n"
        "- name: Dan\n"
        "  aliases: {a: b}\n"
    )
    assert errors(text) == [
        "people.yml:3: unknown field 'handels' (did you mean 'handles'?)",
        "people.yml:4: a person without a name (add 'name: ...')",
        "people.yml:6: 'not a handle' is not a GitHub handle (letters, digits and single hyphens)",
        "people.yml:7: 'bj' is not an abbreviation (2 to 6 capital letters)",
        "people.yml:8: the avatar of Bob Jones must be an http(s) URL (https://...)",
        "people.yml:9: id '../bob' must be lower-case letters, digits and hyphens (bob)",
        "people.yml:10: 'Ada' is given to Carol and to Ada Lovelace (line 1) (keep it for one)",
        "people.yml:12: each person must be a mapping with a 'name' (write '- name: Jane Doe')",
        "people.yml:14: 'aliases' of Dan must be a list of texts",
    ]
    names = [person.name for person in parse_people_file(text, "people.yml").people]
    assert names == ["Ada Lovelace", "Bob Jones", "Carol", "Dan"]


def test_not_a_list() -> None:
    assert errors("just a sentence\n") == [
        "people.yml:1: the people file must be a list of people (start each person with '- name: ...')"
    ]
