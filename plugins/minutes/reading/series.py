"""A note's series: its id and name from the front matter or the folders, and the label its titles give it.

Produces ``series_of`` (a note's series id and display name: its front matter, else its first folder that
names one) and ``series_label`` (what most of a series' meeting titles call it: ``Security WG`` for the
folder ``wg-security``).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection

from ..slugs import fold, slugify
from ..vocabulary import CALENDAR_WORDS, words_of
from .front_matter import FrontMatter
from .inline import strip_markup

# A folder named by a date, a month or a quarter: "2024", "2024-09", "09", "2021-02-22", "20210222", "Q3", "2016-Q3".
_DATE_DIR = re.compile(r"^(?:(?:19|20)\d\d(?:[-_.]?(?:\d\d|q[1-4]))?(?:[-_.]?\d\d)?|[01]\d|q[1-4])$", re.IGNORECASE)


# Folders that hold notes rather than name a series: in ``docs/meetings/community/2024-09-17.md`` the
# series is ``community``; in ``meetings/2024-09-17.md`` it is ``meetings``, there being nothing more.
CONTAINER_FOLDERS = frozenset(
    {
        *("docs", "doc", "notes", "minutes", "meetings", "meeting-notes", "meeting-minutes", "content", "src"),
        *("pages", "meeting_notes", "meeting_minutes", "agendas", "agenda", "agendas-and-minutes"),
    }
)
# Folders that store notes away, wherever they stand (``archived/2021-02-22/wg-docs/meeting-notes/x.md``):
# never a series, not even when nothing else names one.
STORAGE_FOLDERS = frozenset({"archive", "archived", "archives", "old", "past", "previous", "history", "attic"})


def series_of(path: str, front: FrontMatter, default: str) -> tuple[str, str]:
    """The series id and display name of a note: front matter, else its first folder that is neither a date
    nor a container of notes (``docs``, ``meetings``, ``archived``), else the last container of notes."""
    if front.series:
        return slugify(front.series, default), front.series
    folders = [
        part
        for part in posixpath.dirname(path).split("/")
        if part and not _DATE_DIR.match(part) and part.lower() not in STORAGE_FOLDERS
    ]
    named = [part for part in folders if part.lower() not in CONTAINER_FOLDERS] or folders[-1:]
    if named:
        return slugify(named[0], default), pretty(named[0])
    return slugify(default, "meetings"), pretty(default)


# Words a meeting's title adds to its series' name: "Security WG Meeting", "Security WG weekly call".
_TITLE_WORDS = frozenset(
    {"meeting", "meetings", "minutes", "notes", "agenda", "call", "sync", "weekly", "monthly", "biweekly", "the"}
)


def title_label(title: str) -> str:
    """What a meeting's title calls its series: ``Security WG`` of ``Security WG Meeting - January 2, 2023``."""
    words = [w for w in re.split(r"[\s\-–—:,|/()]+", strip_markup(title)) if w and not any(c.isdigit() for c in w)]
    words = [w for w in words if fold(w) not in CALENDAR_WORDS]
    while words and fold(words[-1]) in _TITLE_WORDS:
        words.pop()
    while words and fold(words[0]) in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words) if len(words) <= 6 else ""


def series_label(name: str, titles: Collection[str]) -> str:
    """A series' label: what most of its meetings' titles call it, when that holds every word of the folder's
    name (``Security WG`` for ``wg-security``); else ``name``, as the folder or front matter gives it. A
    meeting without a title calls it by ``name``."""
    labels = [label for label in (title_label(title or name) for title in titles) if label]
    if not labels:
        return name
    by_words: dict[frozenset[str], list[str]] = {}
    for label in labels:
        by_words.setdefault(frozenset(words_of(label)), []).append(label)
    words, spellings = max(by_words.items(), key=lambda item: len(item[1]))
    if 2 * len(spellings) <= len(titles) or not set(words_of(name)) <= words:
        return name
    return max(spellings, key=lambda label: (spellings.count(label), label))


def pretty(name: str) -> str:
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:] if words else name
