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
from ..vocabulary import (
    ABSENT_STATUS,
    COMMON_WORDS,
    HANDLE,
    HANDLE_MENTION,
    NOT_NAMES,
    PARTICLES,
    PRESENT_STATUS,
    PRONOUNS,
    ROLE_WORDS,
    SOFTWARE_WORDS,
    STATUS_LEADS,
    UI_WORDS,
    is_procedural,
)

_GITHUB_URL = re.compile(r"^https?://(?:www\.)?github\.com/(" + HANDLE + r")/?$")
_ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_CAPITALS_RUN = re.compile(r"[a-z].*[A-Z]{2}")
_PEOPLE_SEPARATOR = re.compile(r"\s*[,;+/]\s*|\s+(?:and|&|et)\s+")
_TITLES = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|sir)\.?\s+", re.IGNORECASE)
_AFFILIATION_SEPARATOR = re.compile(r"\s+[-–—|]\s+|\s*,\s+|\s+from\s+|\s+at\s+")
# A dot inside a word is an initial's ("J.R.", "Jr."), never a domain's or a version's ("github.com", "v0.12").
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]?$")
_TIME = re.compile(r"\d{1,2}[:h.]\d\d|\b\d{1,2}\s*(?:am|pm)\b|\butc\b|\bgmt\b|\bcet\b|\bpst\b|\best\b", re.I)
_URLISH = re.compile(r"://|www\.|\.(?:com|org|net|io|dev|edu|gov)\b", re.I)
_OBFUSCATED_EMAIL = re.compile(r"\S+\s*[\[(]\s*at\s*[\])]\s*\S+")  # "dan [at] orgmycology.com"
_TRAILING_STATUS = re.compile(r"\s+[-–—:]\s+([^-–—:]{2,40})$")


@dataclass(frozen=True)
class PersonText:
    """A person as a short text names them; any of the fields may be empty, not all."""

    name: str = ""
    handle: str = ""
    abbreviation: str = ""
    affiliation: str = ""
    role: str = ""
    status: str = ""  # what the note says of the person's attendance: "absent", "excused", "joined at 16:23 UTC"
    absent: bool = False  # the status says the person was not there

    @property
    def label(self) -> str:
        return self.name or (f"@{self.handle}" if self.handle else self.abbreviation)


def attendance_status(text: str) -> tuple[str, bool] | None:
    """``(status, absent)`` when ``text`` says how a person attended rather than who they are.

    ``absent``, ``apologies``, ``not here`` say they were not there; ``late``, ``joined at 16:23 UTC``,
    ``proposed by Ada`` say how they were.
    """
    status = re.sub(r"\s+", " ", text.strip(" .;:-–—()[]")).strip()
    folded = fold(status)
    if not folded or len(folded) > 60:
        return None
    if folded in ABSENT_STATUS:
        return status, True
    if folded in PRESENT_STATUS:
        return status, False
    words = folded.split()
    if (
        len(words) <= 4
        and words[-1] in ("late", "early")
        and all(
            word in PRESENT_STATUS
            or any(c.isdigit() for c in word)
            or word in ("min", "mins", "minutes", "hour", "hours", "a", "bit", "little")
            for word in words[:-1]
        )
    ):
        return status, False  # "30min late", "a bit late", "10 minutes early"
    for lead in STATUS_LEADS:
        if folded.startswith(lead + " ") and (
            lead in ("proposed by", "nominated by", "invited by") or _TIME.search(folded)
        ):
            return status, False
    if _TIME.search(folded) and len(folded.split()) <= 5 and any(fold(w) in STATUS_LEADS for w in folded.split()):
        return status, False
    return None


def is_pronouns(text: str) -> bool:
    """``he/him``, ``She/Her``, ``they``: what a name's brackets may say that is no affiliation."""
    words = [word for word in re.split(r"[\s/,]+", fold(text)) if word]
    return bool(words) and all(word in PRONOUNS or word == "pronouns" for word in words)


def affiliation_like(text: str) -> bool:
    """Whether ``text`` can name an organisation: not a status, pronouns, a time, a remark or a sentence.

    ``Anaconda/cf``, ``conda-forge``, ``Open Microscopy Environment / University of Dundee`` can;
    ``joined at 16:23 UTC``, ``he/him``, ``whoops...``, ``and niko`` cannot.
    """
    text = text.strip()
    if not text or len(text) > 80 or attendance_status(text) is not None or is_pronouns(text):
        return False
    if (
        "..." in text
        or "…" in text
        or "?" in text
        or "!" in text
        or _TIME.search(text)
        or re.search(r"://|www\.", text)
    ):
        return False
    if "[at]" in text or "(at)" in text or "@" in text:  # an address, written so that robots miss it
        return False
    words = text.split()
    if len(words) > 8 or fold(words[0]) in COMMON_WORDS or fold(words[0]) in STATUS_LEADS:
        return False
    return not all(fold(word) in ROLE_WORDS for word in words)


def handle_fits(text: str, name: str) -> bool:
    """Whether a bare lower-case token beside a name is that person's handle: ``beckermr`` for Matthew R Becker."""
    if not re.fullmatch(HANDLE, text) or " " in text or not name or any(c.isupper() for c in text[1:]):
        return False
    token = fold(text)
    parts = [fold(part) for part in re.split(r"[\s.\-]+", name) if len(part) >= 3 and fold(part) not in PARTICLES]
    return any(part in token for part in parts) and fold(text) not in COMMON_WORDS


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
    if folded in NOT_NAMES or folded in not_names or is_procedural(text) or _URLISH.search(text):
        return False
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    for position, word in enumerate(words):
        if not _NAME_WORD.match(word) or (any(char.isdigit() for char in word) and not _handle_like(words)):
            return False  # "V8", "v0.12.1", "Q3": a version or a product, not a name; "y86-dev" is a handle
        if "." in word.rstrip(".") and not _INITIALS.match(word):
            return False  # "github.com", "node.js", "Intl.Segmenter"
        folded_word = fold(word).strip(".")
        if folded_word in NOT_NAMES or folded_word in not_names:
            return False
        if folded_word in UI_WORDS or (len(words) == 1 and folded_word in SOFTWARE_WORDS):
            return False  # "New pull request", "node"
        if position and folded_word in PARTICLES:
            continue
        if len(words) > 1 and not word[0].isupper() and (not slot or folded_word in COMMON_WORDS):
            return False  # "nothing here": a lower-case name is taken only in a name's slot, and not then
        if len(words) > 1 and not word[0].isupper() and any(other[0].isupper() for other in words):
            return False  # "having Filipe Lains attend": who writes a name in lower case writes all of it so
        if _CAPITALS_RUN.search(word) and not word.isupper():
            return False  # "WiMLDS", "OpenML": a project, not a person
    if len(words) == 1 and is_abbreviation(text):
        return False  # "WH", "TSC": an abbreviation, which names someone only through a table
    return len(words) > 1 or len(text) >= 2


def _handle_like(words: list[str]) -> bool:
    """A name written as a handle, digits and all: ``y86-dev``, ``sgibson91``; not ``V8``, ``Q3``, ``v0``."""
    return (
        len(words) == 1
        and re.fullmatch(HANDLE, words[0]) is not None
        and sum(char.isalpha() for char in words[0]) >= 3
        and not re.match(r"^[vV]?\d", words[0])
    )


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
    text = _OBFUSCATED_EMAIL.sub(" ", EMAIL.sub(" ", text))
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
    statuses: list[str] = []
    absent = False
    trailing = _TRAILING_STATUS.search(text)
    said = attendance_status(trailing.group(1)) if trailing else None
    if trailing and said is not None:  # "Ada Lovelace - apologies"
        statuses.append(said[0])
        absent = said[1]
        text = text[: trailing.start()].strip()
    name, affiliation = text, ""
    split = _AFFILIATION_SEPARATOR.split(text, maxsplit=1)
    if len(split) == 2 and looks_like_name(split[0].strip(), not_names, slot):
        name, rest = split[0].strip(), split[1].strip(" -–—|,")
        said = attendance_status(rest)
        if said is not None:
            statuses.append(said[0])
            absent = absent or said[1]
        elif affiliation_like(rest):
            affiliation = rest
    name = _TITLES.sub("", name).strip()
    words = name.split()
    if len(words) >= 3 and is_abbreviation(words[-1]) and initials_fit(words[-1], " ".join(words[:-1])):
        abbreviation, name = words[-1], " ".join(words[:-1])  # "Filipe Fernandes FF @ocefpaf"
    elif len(words) >= 3 and is_abbreviation(words[0]) and initials_fit(words[0], " ".join(words[1:])):
        abbreviation, name = words[0], " ".join(words[1:])  # "JRG Jaime Rodríguez-Guerra (@jaimergp)"
    roles: list[str] = []
    for extra in extras:
        extra = extra.strip(" :")
        mention = HANDLE_MENTION.fullmatch(extra) or HANDLE_MENTION.fullmatch(extra.replace(" ", ""))
        said = attendance_status(extra)
        if mention:
            handle = handle or mention.group(1)
        elif said is not None:
            statuses.append(said[0])
            absent = absent or said[1]
        elif is_abbreviation(extra) and not abbreviation and name and initials_fit(extra, name):
            abbreviation = extra
        elif all(fold(word) in ROLE_WORDS for word in extra.split()):
            roles.append(extra)
        elif not handle and handle_fits(extra, name):
            handle = extra  # "Matthew R Becker (MRB) (beckermr)"
        elif not affiliation and affiliation_like(extra):
            affiliation = extra
    status = ", ".join(dict.fromkeys(statuses))
    if not looks_like_name(name, not_names, slot):
        if is_abbreviation(name) and name.isalpha() and fold(name) not in NOT_NAMES | not_names:
            return PersonText(
                abbreviation=name, affiliation=affiliation, role=", ".join(roles), status=status, absent=absent
            )
        if not handle:
            return None
        name = ""
    return PersonText(name, handle, abbreviation, affiliation, ", ".join(roles), status, absent)


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
