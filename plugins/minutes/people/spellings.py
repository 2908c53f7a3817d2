"""The keys of names, and whether two spellings name one person: what the people graph is made of.

Every way of naming someone is a ``Node``: a name under its key (``name_key``: folded, hyphens and dots as
spaces, so that ``Jérémie``, ``Jeremie`` and ``jeremie`` are one), a GitHub handle lowercased, or an
abbreviation as written (``label_node``; ``node_of`` for a mention, whose full name goes before its handle).
``is_full_name`` tells a full name from a first name alone, and ``same_person_names`` whether two full names
are spellings of one name (a middle initial, a surname cut short or a letter or two apart: ``levenshtein``).
Resolution, the people file, the reviews and the index all ask these, so that a name has one key everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..model import Mention
from ..slugs import fold
from ..vocabulary import PARTICLES
from .names import is_abbreviation

# The kinds of nodes: a name, a GitHub handle, an abbreviation.
NAME, HANDLE, ABBREVIATION = "n", "h", "a"


class Node(NamedTuple):
    """A node of the people graph: a way of naming someone. Nodes sort as ``kind:text`` would."""

    kind: str  # NAME, HANDLE or ABBREVIATION
    text: str  # a folded name (``name_key``), a lowercased handle, an abbreviation as written

    @classmethod
    def name(cls, name: str) -> Node:
        return cls(NAME, name_key(name))

    @classmethod
    def handle(cls, handle: str) -> Node:
        return cls(HANDLE, handle.lower())

    @classmethod
    def abbreviation(cls, abbreviation: str) -> Node:
        return cls(ABBREVIATION, abbreviation)

    @property
    def is_full_name(self) -> bool:
        return self.kind == NAME and is_full_name(self.text)


_SEPARATORS = re.compile(r"[.'’‐\-_]+")
# The index asks the same few thousand spellings hundreds of thousands of times (every mention, entry and owner
# of every meeting): the answers are kept for the life of the process.
_SPELLINGS = 1 << 16


@lru_cache(maxsize=_SPELLINGS)
def name_key(name: str) -> str:
    """Folded name, hyphens and dots as spaces: ``Jean-Marc`` and ``jean marc`` are one key."""
    return " ".join(_SEPARATORS.sub(" ", fold(name)).split())


@lru_cache(maxsize=_SPELLINGS)
def is_full_name(name: str) -> bool:
    """A name of two words or more, particles aside: ``Jérémie du Boisberranger``, not ``Olivier``."""
    words = name_key(name).split()
    return len([word for word in words if word not in PARTICLES]) >= 2


@lru_cache(maxsize=_SPELLINGS)
def label_node(label: str) -> Node:
    """The node of a spelling: ``@ogrisel`` a handle, ``WH`` an abbreviation, else a name."""
    if label.startswith("@"):
        return Node.handle(label[1:])
    if is_abbreviation(label):
        return Node.abbreviation(label)
    return Node.name(label)


def node_of(mention: Mention) -> Node:
    """The node a mention resolves through: a full name, else its handle, else its name or abbreviation."""
    return _node_of(mention.name, mention.handle, mention.abbreviation)


@lru_cache(maxsize=_SPELLINGS)
def _node_of(name: str, handle: str, abbreviation: str) -> Node:
    if name and is_full_name(name):
        return label_node(name)
    if handle:
        return Node.handle(handle)
    if name:
        return label_node(name)
    return Node.abbreviation(abbreviation)


def same_person_names(a: str, b: str) -> bool:
    """Whether two full names are spellings of one name: a middle initial more or less, a surname cut short
    or misspelt, initials for the rest (``Cheng H. Lee`` / ``Cheng Lee``, ``Jaime Rodríguez-G.`` /
    ``Jaime Rodríguez-Guerra``, ``John Kirkham`` / ``John Kirkam``, ``Min RK`` / ``Min Ragan-Kelley``)."""
    first_words = [word for word in name_key(a).split() if word not in PARTICLES]
    second_words = [word for word in name_key(b).split() if word not in PARTICLES]
    if not first_words or not second_words or not _same_word(first_words[0], second_words[0]):
        return False
    short, long = sorted((first_words[1:], second_words[1:]), key=len)
    if not short:
        return True
    if len(short) == 1 and len(short[0]) == len(long) >= 2 and short[0] == "".join(word[0] for word in long):
        return True  # "RK" for "Ragan Kelley"
    if not _same_word(short[-1], long[-1]):
        return False  # the surnames differ
    position = 0
    for word in short[:-1]:
        while position < len(long) - 1 and not _same_word(word, long[position]):
            position += 1
        if position >= len(long) - 1:
            return False
        position += 1
    return True


def _same_word(a: str, b: str) -> bool:
    """One word of a name: the same, one the other's initial or its start cut short, or misspelt by a letter or two."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) == 1 or (len(short) >= 3 and long.startswith(short)):
        return long.startswith(short)
    return len(short) >= 5 and levenshtein(a, b, 2) <= (1 if len(long) <= 8 else 2)


def levenshtein(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
