"""The people file: ``people.yml`` next to the notes, or a path in the plugin's config.

It names each person once, with every other way notes write them, and
always wins over what resolution would guess::

    - name: Olivier Grisel
      aliases: [Olivier, ogrisel]     # other spellings; accents and case need no alias
      handles: [ogrisel]              # GitHub handles, with or without "@"
      abbreviations: [OG]             # as transcripts use them: "OG: I think ..."
      affiliation: Inria
      avatar: https://avatars.githubusercontent.com/u/89061
      id: olivier                     # optional: the person page's address, people/olivier/

The same list may sit under a ``people:`` key, or be a mapping from each
name to its details. Every problem is an error naming the file and line; the
rest of the file is still used.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Protocol

import yaml

from ..findings import Finding
from ..model import Person
from ..slugs import fold, slugify
from ..vocabulary import HANDLE
from ..yaml_file import YamlFile, parse_yaml, read_yaml_file
from .names import is_abbreviation
from .spellings import Node, label_node

FIELDS = ("name", "aliases", "handles", "abbreviations", "affiliation", "avatar", "id")
# Other spellings of the fields, accepted as the field itself.
_SYNONYMS = {
    "alias": "aliases",
    "handle": "handles",
    "github": "handles",
    "abbreviation": "abbreviations",
    "abbr": "abbreviations",
    "organization": "affiliation",
    "organisation": "affiliation",
    "company": "affiliation",
}
_HANDLE = re.compile(r"^@?(" + HANDLE + r")$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAMES = ("people.yml", "people.yaml")
WHAT = "people file"  # how findings call it


@dataclass(frozen=True)
class PeopleFile:
    people: tuple[Person, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def known_names(self) -> frozenset[str]:
        """Folded names and aliases: headings that say them are people even alone."""
        return frozenset(fold(name) for person in self.people for name in (person.name, *person.aliases))

    @property
    def abbreviations(self) -> tuple[tuple[str, str], ...]:
        """Abbreviation -> name, for transcripts whose meeting defines no table."""
        return tuple((abbreviation, person.name) for person in self.people for abbreviation in person.abbreviations)


def load_people_file(abs_path: str, path: str) -> PeopleFile:
    """Read and check the people file at ``abs_path``; ``path`` is how findings name it."""
    return _people_file(read_yaml_file(abs_path, path, WHAT, nodes=True), path)


def parse_people_file(text: str, path: str) -> PeopleFile:
    """The people of a people file's ``text``, with an error for everything wrong in it."""
    return _people_file(parse_yaml(text, path, WHAT, nodes=True), path)


def _people_file(loaded: YamlFile, path: str) -> PeopleFile:
    if loaded.error is not None:
        return PeopleFile((), (loaded.error,))
    root: yaml.Node | None = loaded.data
    findings: list[Finding] = []

    def error(node: yaml.Node | None, message: str, hint: str = "") -> None:
        line = node.start_mark.line + 1 if node is not None else 0
        findings.append(Finding(path, line, "error", message, hint))

    if root is None:
        return PeopleFile()
    if isinstance(root, yaml.MappingNode) and any(_scalar(key) == "people" for key, _ in root.value):
        root = next(value for key, value in root.value if _scalar(key) == "people")
    items: list[tuple[yaml.Node, yaml.Node | None]] = []  # (where, details); a mapping form gives the name as key
    if isinstance(root, yaml.SequenceNode):
        items = [(item, None) for item in root.value]
    elif isinstance(root, yaml.MappingNode):
        items = [(key, value) for key, value in root.value]
    else:
        error(root, "the people file must be a list of people", "start each person with '- name: ...'")
        return PeopleFile((), tuple(findings))

    people: list[Person] = []
    owners: dict[Node, tuple[str, int]] = {}  # name/handle/abbreviation node -> (person, line) that has it
    for where, details in items:
        person = _person(where, details, error)
        if person is None:
            continue
        spellings = [person.name, *person.aliases, *(f"@{h}" for h in person.handles), *person.abbreviations]
        kept: set[str] = set()
        for spelling in spellings:
            node = label_node(spelling)
            if node in owners and owners[node][0] != person.name:
                other, line = owners[node]
                error(where, f"'{spelling}' is given to {person.name} and to {other} (line {line})", "keep it for one")
                continue
            owners[node] = (person.name, where.start_mark.line + 1)
            kept.add(spelling)
        if person.name not in kept:
            continue
        people.append(
            Person(
                person.id,
                person.name,
                tuple(a for a in person.aliases if a in kept),
                tuple(h for h in person.handles if f"@{h}" in kept),
                person.affiliation,
                tuple(a for a in person.abbreviations if a in kept),
                person.avatar,
            )
        )
    ids: dict[str, str] = {}
    for person in people:
        if person.id and person.id in ids:
            findings.append(
                Finding(path, 0, "error", f"id '{person.id}' is given to {person.name} and to {ids[person.id]}")
            )
        ids.setdefault(person.id, person.name)
    return PeopleFile(tuple(people), tuple(findings))


def _scalar(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.value is not None:
        return str(node.value).strip()
    return None


class _Report(Protocol):
    def __call__(self, node: yaml.Node | None, message: str, hint: str = "") -> None: ...


def _person(where: yaml.Node, details: yaml.Node | None, error: _Report) -> Person | None:
    fields: dict[str, yaml.Node] = {}
    if details is not None:  # mapping form: "Olivier Grisel: {aliases: [...]}"
        fields["name"] = where
        if isinstance(details, yaml.MappingNode):
            pairs = details.value
        elif _scalar(details) in ("", None) or details.tag.endswith(":null"):
            pairs = []
        else:
            error(details, "the details of a person must be a mapping of fields", f"fields: {', '.join(FIELDS)}")
            return None
    elif isinstance(where, yaml.ScalarNode):
        fields["name"] = where  # a bare name in the list
        pairs = []
    elif isinstance(where, yaml.MappingNode):
        pairs = where.value
    else:
        error(where, "each person must be a mapping with a 'name'", "write '- name: Jane Doe'")
        return None
    for key_node, value_node in pairs:
        key = (_scalar(key_node) or "").lower()
        key = _SYNONYMS.get(key, key)
        if key not in FIELDS:
            close = difflib.get_close_matches(key, FIELDS, n=1)
            error(key_node, f"unknown field '{_scalar(key_node)}'", f"did you mean '{close[0]}'?" if close else "")
            continue
        fields[key] = value_node
    name_node = fields.get("name")
    name = _scalar(name_node)
    if not name:
        error(where, "a person without a name", "add 'name: ...'")
        return None
    text: dict[str, str] = {}
    for key in ("affiliation", "avatar", "id"):
        if key in fields:
            value = _scalar(fields[key])
            if value is None:
                error(fields[key], f"'{key}' of {name} must be a text")
            else:
                text[key] = value
    lists: dict[str, list[str]] = {}
    for key in ("aliases", "handles", "abbreviations"):
        node = fields.get(key)
        if node is None:
            lists[key] = []
        elif isinstance(node, yaml.SequenceNode) and all(_scalar(item) is not None for item in node.value):
            lists[key] = [value for item in node.value if (value := _scalar(item))]
        elif _scalar(node) is not None:
            lists[key] = [part.strip() for part in (_scalar(node) or "").split(",") if part.strip()]
        else:
            error(node, f"'{key}' of {name} must be a list of texts")
            lists[key] = []
    handles = []
    for handle in lists["handles"]:
        match = _HANDLE.match(handle)
        if match:
            handles.append(match.group(1))
        else:
            error(fields["handles"], f"'{handle}' is not a GitHub handle", "letters, digits and single hyphens")
    abbreviations = []
    for abbreviation in lists["abbreviations"]:
        if is_abbreviation(abbreviation):
            abbreviations.append(abbreviation)
        else:
            error(fields["abbreviations"], f"'{abbreviation}' is not an abbreviation", "2 to 6 capital letters")
    avatar = text.get("avatar", "")
    if avatar and not re.match(r"^https?://[^\s\"'<>]+$", avatar):
        error(fields["avatar"], f"the avatar of {name} must be an http(s) URL", "https://...")
        avatar = ""
    person_id = text.get("id", "")
    if person_id and not _SLUG.match(person_id):
        error(fields["id"], f"id '{person_id}' must be lower-case letters, digits and hyphens", slugify(person_id))
        person_id = ""
    aliases = tuple(lists["aliases"])
    return Person(person_id, name, aliases, tuple(handles), text.get("affiliation", ""), tuple(abbreviations), avatar)
