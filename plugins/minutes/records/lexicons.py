"""Phrase lexicons, and where their phrases are in a sentence: what ``records.cues`` looks its cues up in.

Each lexicon (``AGREEMENT``, ``DEFERRAL``, ``COMMITMENT``, ``REQUEST``, ``TASK``, ``STATUS``, ``HEDGE``,
``META``) holds the folded phrases of one list of ``vocabulary``. ``found_in`` gives, per lexicon, the
phrases a folded sentence holds (``Found``), all lexicons found in one pass over its words and kept once
per process; ``once`` is the cached property the cues of a sentence are kept by.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar, overload

from ..vocabulary import (
    AGREEMENT_CUES,
    COMMITMENT_CUES,
    DEFERRAL_CUES,
    HEDGE_CUES,
    META_CUES,
    REQUEST_CUES,
    STATUS_CUES,
    TASK_CUES,
    VOLUNTEER_CUES,
)

TOKEN = re.compile(r"[\w'+-]+|:\+1:")
_T = TypeVar("_T")


class once(Generic[_T]):
    """``functools.cached_property`` without its lock, which costs more than the cues it keeps (Python 3.11
    takes it on each first reading, and a meeting's sentences have a dozen cues each)."""

    def __init__(self, function: Callable[[Any], _T]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> once[_T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> once[_T] | _T:
        if instance is None:
            return self
        value = self.function(instance)
        instance.__dict__[self.name] = value  # read from the instance from now on, the descriptor bypassed
        return value


def phrases(words: frozenset[str]) -> re.Pattern[str]:
    """One pattern for a lexicon's folded phrases, on word boundaries; ``*`` in a phrase is any one word."""
    parts = []
    for phrase in sorted(words, key=len, reverse=True):
        pieces = [r"\S+" if piece == "*" else re.escape(piece) for piece in phrase.split()]
        parts.append(r"\s+".join(pieces))
    return re.compile(r"(?<![\w'+:-])(?:" + "|".join(parts) + r")(?![\w'+-])")


@dataclass(frozen=True)
class Found:
    """A phrase of a lexicon found in a sentence (shaped as a ``re.Match``: ``group()``, ``start()``, ``end()``)."""

    phrase: str  # its words as the sentence has them, one space apart
    begin: int
    stop: int

    def group(self, _: int = 0) -> str:
        return self.phrase

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop


Spans = list[tuple[str, int, int]]  # a sentence's words, each with where it starts and ends


class Lexicon:
    """A lexicon's phrases, found by their words: one look-up per word of a sentence, where a pattern of a few
    hundred alternatives would be tried at every character. Phrases that words cannot show (``(action)``,
    ``[to do]``) are kept in a pattern of their own."""

    def __init__(self, words: frozenset[str]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        special = []
        for phrase in sorted(words, key=lambda phrase: -len(phrase.split())):
            parts = tuple(phrase.split())
            if all(part == "*" or TOKEN.fullmatch(part) for part in parts) and parts[0] != "*":
                self.by_first.setdefault(parts[0], []).append(parts)
            else:
                special.append(phrase)
        self.special = phrases(frozenset(special)) if special else None
        # the marks its special phrases hold, without one of which a sentence holds none of them
        self.marks = frozenset(char for phrase in special for char in phrase if not (char.isalnum() or char == " "))
        self.words = words
        self.number = -1  # its place in ``LEXICONS``, whose phrases ``find_all`` finds in one pass

    def finditer(self, spans: Spans, text: str) -> list[Found]:
        """The phrases found in a sentence (its ``spans`` in ``text``), leftmost first, longest at a place."""
        found: list[Found] = []
        position, count = 0, len(spans)
        while position < count:
            options = self.by_first.get(spans[position][0])
            step = 1
            if options:
                for parts in options:
                    size = len(parts)
                    if position + size <= count and all(
                        part == "*" or part == spans[position + offset][0] for offset, part in enumerate(parts)
                    ):
                        words = " ".join(word for word, _, _ in spans[position : position + size])
                        found.append(Found(words, spans[position][1], spans[position + size - 1][2]))
                        step = size
                        break
            position += step
        if self.special is not None and any(mark in text for mark in self.marks):
            found.extend(Found(match.group(0), match.start(), match.end()) for match in self.special.finditer(text))
            found.sort(key=lambda match: match.begin)
        return found

    def search(self, spans: Spans, text: str) -> Found | None:
        found = self.finditer(spans, text)
        return found[0] if found else None


AGREEMENT = Lexicon(AGREEMENT_CUES)
DEFERRAL = Lexicon(DEFERRAL_CUES)
COMMITMENT = Lexicon(COMMITMENT_CUES)
REQUEST = Lexicon(REQUEST_CUES)
TASK = Lexicon(TASK_CUES)
STATUS = Lexicon(STATUS_CUES)
HEDGE = Lexicon(HEDGE_CUES)
META = Lexicon(META_CUES)
VOLUNTEER = Lexicon(VOLUNTEER_CUES)
LEXICONS = (AGREEMENT, DEFERRAL, COMMITMENT, REQUEST, TASK, STATUS, HEDGE, META, VOLUNTEER)
for _number, _lexicon in enumerate(LEXICONS):
    _lexicon.number = _number
# Every lexicon's phrases by their first word, then by their second ("" for a phrase of one word or one
# whose second word is "*"), so that one pass over a sentence's words finds them all.
_BY_FIRST: dict[str, dict[str, list[tuple[int, tuple[str, ...]]]]] = {}
for _number, _lexicon in enumerate(LEXICONS):
    for _first, _options in _lexicon.by_first.items():
        for _parts in _options:
            _second = _parts[1] if len(_parts) > 1 and _parts[1] != "*" else ""
            _BY_FIRST.setdefault(_first, {}).setdefault(_second, []).append((_number, _parts))
for _by_second in _BY_FIRST.values():
    for _choices in _by_second.values():
        _choices.sort(key=lambda option: -len(option[1]))
_SPECIAL = tuple((number, lexicon) for number, lexicon in enumerate(LEXICONS) if lexicon.special is not None)
_SPECIAL_MARKS = frozenset(mark for _, lexicon in _SPECIAL for mark in lexicon.marks)


def find_all(spans: Spans, text: str) -> list[list[Found]]:
    """The phrases of every lexicon of ``LEXICONS`` found in a sentence, per lexicon (as ``Lexicon.finditer``)."""
    found: list[list[Found]] = [[] for _ in LEXICONS]
    free = [0] * len(LEXICONS)  # per lexicon, where its next phrase may start (found phrases do not overlap)
    count = len(spans)
    for position in range(count):
        by_second = _BY_FIRST.get(spans[position][0])
        if by_second is None:
            continue
        following = spans[position + 1][0] if position + 1 < count else ""
        candidates = by_second.get(following, [])
        if "" in by_second:
            candidates = [*candidates, *by_second[""]] if candidates else by_second[""]
        for number, parts in candidates:
            if free[number] > position:
                continue
            size = len(parts)
            if position + size > count:
                continue
            if size > 2 and not all(
                part == "*" or part == spans[position + offset][0] for offset, part in enumerate(parts[2:], 2)
            ):
                continue
            words = (
                " ".join(word for word, _, _ in spans[position : position + size]) if size > 1 else spans[position][0]
            )
            found[number].append(Found(words, spans[position][1], spans[position + size - 1][2]))
            free[number] = position + size
    if _SPECIAL_MARKS and any(mark in text for mark in _SPECIAL_MARKS):
        for number, lexicon in _SPECIAL:
            assert lexicon.special is not None
            found[number].extend(Found(m.group(0), m.start(), m.end()) for m in lexicon.special.finditer(text))
            found[number].sort(key=lambda match: match.begin)
    return found


# A meeting's sentences are many and an archive's meetings repeat them (a triage agenda's standing items, a
# template's lines): their words and phrases, which only their text decides, are read once per process.
@lru_cache(maxsize=1 << 16)
def spans_of(text: str) -> Spans:
    """The words of a folded sentence, each with where it starts and ends (shared: not to be modified)."""
    return [(match.group(0), match.start(), match.end()) for match in TOKEN.finditer(text)]


@lru_cache(maxsize=1 << 16)
def found_in(text: str) -> list[list[Found]]:
    """``find_all`` of a folded sentence (shared: not to be modified)."""
    return find_all(spans_of(text), text)
