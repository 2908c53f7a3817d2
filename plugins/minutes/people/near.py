"""Spellings a letter or two apart, found without comparing every pair of people.

Two words within ``edits`` edits of one another (insertions, deletions, substitutions, and swaps of two
neighbouring letters) leave one same word once each loses ``edits`` letters or fewer: ``olivier`` and
``olvier`` both give ``olvier``. ``Near`` keeps every word under each such variant, so that the words near
one are the few that share a variant with it. It finds a superset: the caller decides with the distance
itself, as it did when it compared every pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from typing import Generic, TypeVar

_Item = TypeVar("_Item", bound=Hashable)


def variants(word: str, edits: int) -> set[str]:
    """``word`` and every word left of it after deleting ``edits`` letters or fewer."""
    found = {word}
    for _ in range(edits):
        found |= {text[:i] + text[i + 1 :] for text in found for i in range(len(text))}
    return found


class Near(Generic[_Item]):
    """Items by the variants of their words (``variants``)."""

    def __init__(self, edits: int = 2) -> None:
        self.edits = edits
        self._items: dict[str, set[_Item]] = defaultdict(set)

    def add(self, word: str, item: _Item) -> None:
        for variant in variants(word, self.edits):
            self._items[variant].add(item)

    def near(self, word: str) -> set[_Item]:
        """The items of every word within ``edits`` edits of ``word`` (and maybe a few more)."""
        found: set[_Item] = set()
        for variant in variants(word, self.edits):
            found |= self._items.get(variant, set())
        return found
