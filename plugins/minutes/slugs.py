"""Slugs for URLs and anchors: ASCII, lower case, never a path."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent- and case-insensitive form of a name: "Jérémie" -> "jeremie".

    Cached: the same names and words are folded again and again, in every note and by the index.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", stripped.casefold()).strip()


def slugify(text: str, fallback: str = "item") -> str:
    """A URL-safe slug, readable in every script; dots, slashes and ``..`` can never survive.

    Letters without an ASCII form after folding are transliterated (``anyascii``): ``Дмитрий Петров``
    gives ``dmitriy-petrov``, ``Bjørn`` gives ``bjorn``, where they gave the fallback or lost letters.
    """
    folded = fold(text)
    if not folded.isascii():
        folded = anyascii(folded).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:80].strip("-") or fallback


class Taken(set[str]):
    """Slugs taken, which remember the next number to try for each slug: ``unique`` then finds the 2,500th
    "decision-yes" of a note in one step, not 2,500."""

    def __init__(self, slugs: Iterable[str] = ()) -> None:
        super().__init__(slugs)
        self.next: dict[str, int] = {}


def unique(slug: str, taken: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... whichever is not taken; records it."""
    number = taken.next.get(slug, 2) if isinstance(taken, Taken) else 2
    candidate = slug if number == 2 else f"{slug}-{number}"
    while candidate in taken:
        candidate = f"{slug}-{number}"
        number += 1
    taken.add(candidate)
    if isinstance(taken, Taken):
        taken.next[slug] = number
    return candidate
