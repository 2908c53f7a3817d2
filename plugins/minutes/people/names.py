"""What a short piece of text says about a person: ``Colin Ihrig @cjihrig (TSC)``.

Attendee lists, attendee tables, ``leader:`` lines and action-item owners all
name people in a few words, often with a GitHub handle, an abbreviation, an
organisation or a role beside the name. ``parse_person`` takes such a piece
apart; ``looks_like_name`` is the one test of whether words can be a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..reading.inline import EMAIL, LINK, strip_markup
from ..slugs import fold
from ..vocabulary import COMMON_WORDS, HANDLE, HANDLE_MENTION, NOT_NAMES, PARTICLES, ROLE_WORDS

_GITHUB_URL = re.compile(r"^https?://(?:www\.)?github\.com/(" + HANDLE + r")/?$")
_ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_CAPITALS_RUN = re.compile(r"[a-z].*[A-Z]{2}")
_PEOPLE_SEPARATOR = re.compile(r"\s*[,;+/]\s*|\s+(?:and|&|et)\s+")
_TITLES = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|sir)\.?\s+", re.IGNORECASE)
_AFFILIATION_SEPARATOR = re.compile(r"\s+[-–—|]\s+|\s*,\s+|\s+from\s+|\s+at\s+")


@dataclass(frozen=True)
class PersonText:
    """A person as a short text names them; any of the fields may be empty, not all."""

    name: str = ""
    handle: str = ""
    abbreviation: str = ""
    affiliation: str = ""
    role: str = ""

    @property
    def label(self) -> str:
        return self.name or (f"@{self.handle}" if self.handle else self.abbreviation)


def is_abbreviation(text: str) -> bool:
    """``WH``, ``JHD``, ``USA``: two to six capitals (digits after the first allowed)."""
    return bool(_ABBREVIATION.match(text))


def initials_fit(abbreviation: str, name: str) -> bool:
    """Whether ``abbreviation`` reads as made from ``name``: its letters in order, starting with the name's.

    ``JHD`` fits Jordan Harband, ``USA`` fits Ujjwal Sharma, ``TSC`` does not fit Colin Ihrig.
    """
    letters = re.sub(r"[^a-z]", "", fold(name))
    wanted = fold(abbreviation)
    if not letters or not wanted or letters[0] != wanted[0]:
        return False
    position = 0
    for char in wanted:
        position = letters.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def looks_like_name(text: str, not_names: frozenset[str] = frozenset(), slot: bool = False) -> bool:
    """Whether ``text`` can be a person's name: one to five words, capitalised when several, no digits.

    In a ``slot`` that holds a name whatever it says (a row of an attendee
    table, an item of a ``Present`` list), ``james snell`` passes too.
    """
    if not text or len(text) > 60:
        return False
    folded = fold(text)
    if folded in NOT_NAMES or folded in not_names:
        return False
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    for position, word in enumerate(words):
        if not _NAME_WORD.match(word):
            return False
        folded_word = fold(word).strip(".")
        if folded_word in NOT_NAMES or folded_word in not_names:
            return False
        if position and folded_word in PARTICLES:
            continue
        if len(words) > 1 and not word[0].isupper() and (not slot or folded_word in COMMON_WORDS):
            return False  # "nothing here": a lower-case name is taken only in a name's slot, and not then
        if _CAPITALS_RUN.search(word) and not word.isupper():
            return False  # "WiMLDS", "OpenML": a project, not a person
    if len(words) == 1 and is_abbreviation(text):
        return False  # "WH", "TSC": an abbreviation, which names someone only through a table
    return len(words) > 1 or len(text) >= 2


def parse_person(text: str, not_names: frozenset[str] = frozenset(), slot: bool = False) -> PersonText | None:
    """The person that ``text`` names, with handle, abbreviation, affiliation and role, or None.

    Reads ``Colin Ihrig @cjihrig (TSC)``, ``Anna Henningsen (@addaleax)``,
    ``[Guillaume Lemaitre](mailto:g@example.org)``, ``Waldemar Horwat (WH), Google``,
    ``Jane Doe - Acme``, ``@jasnell``, ``WH``. ``slot`` as for ``looks_like_name``.
    """
    handle = ""
    abbreviation = ""
    extras: list[str] = []

    def link(match: re.Match[str]) -> str:
        nonlocal handle
        label, target = match.group("text").strip(), match.group("target")
        github = _GITHUB_URL.match(target)
        if github and not handle:
            handle = github.group(1)
        return label

    text = LINK.sub(link, text.replace("\u00a0", " "))
    text = EMAIL.sub(" ", text)
    text = strip_markup(text)

    def bracket(match: re.Match[str]) -> str:
        inner = match.group(1) if match.group(1) is not None else match.group(2)
        extras.extend(part.strip() for part in re.split(r"[,;/]", inner) if part.strip())
        return " "

    text = re.sub(r"\(([^()]*)\)|\[([^\[\]]*)\]", bracket, text)
    found = HANDLE_MENTION.search(text)
    if found:
        handle = handle or found.group(1)
        text = HANDLE_MENTION.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" \t:;,.-–—|")
    name, affiliation = text, ""
    split = _AFFILIATION_SEPARATOR.split(text, maxsplit=1)
    if len(split) == 2 and looks_like_name(split[0].strip(), not_names, slot):
        name, affiliation = split[0].strip(), split[1].strip(" -–—|,")
    name = _TITLES.sub("", name).strip()
    roles: list[str] = []
    for extra in extras:
        extra = extra.strip(" :")
        mention = HANDLE_MENTION.fullmatch(extra) or HANDLE_MENTION.fullmatch(extra.replace(" ", ""))
        if mention:
            handle = handle or mention.group(1)
        elif is_abbreviation(extra) and not abbreviation and name and initials_fit(extra, name):
            abbreviation = extra
        elif all(fold(word) in ROLE_WORDS for word in extra.split()):
            roles.append(extra)
        elif not affiliation and len(extra) <= 60:
            affiliation = extra
    if not looks_like_name(name, not_names, slot):
        if is_abbreviation(name) and fold(name) not in NOT_NAMES | not_names:
            return PersonText(abbreviation=name, affiliation=affiliation, role=", ".join(roles))
        if not handle:
            return None
        name = ""
    return PersonText(name, handle, abbreviation, affiliation, ", ".join(roles))


def split_people(text: str) -> list[str]:
    """``Alice, Bob (Acme, remote); Carol and Dan + Eve/Fay`` -> one part per person.

    Separators inside brackets (link targets, ``(Acme, remote)``) do not split.
    """
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if depth == 0:
            separator = _PEOPLE_SEPARATOR.match(text, index)
            if separator:
                parts.append("".join(current))
                current = []
                index = separator.end()
                continue
        current.append(char)
        index += 1
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]
