"""Naming a note's meetings: their titles, series, ids and page addresses.

Produces the ``MeetingSlice``s of a note, one per part that ``dating`` dated: where it lies in the note
(trailing blank lines left out), its days, its title as the note gives it (front matter ``title:``, a
dated heading with words beside its date, a leading ``# Title``, the first heading that names the
meeting; empty when the note gives none: the templates then say "<series> meeting"), its series
(``series``), and its address: a page named for its date when a heading or a running log's section dates
it, for its file otherwise; a companion page of its folder's meetings (``summary.md``, ``README.md``:
"about") named for its file.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, replace

from ..paths import FOLDER_PAGES
from ..slugs import fold, slugify
from ..vocabulary import ABSENT_WORDS, CALENDAR_WORDS, NO_TITLE_WORDS, PRESENT_WORDS, is_procedural, words_of
from .blocks import Document, Heading
from .body import Body
from .dates import YEAR
from .dating import DatedNote, DatedPart
from .inline import strip_markup
from .series import pretty, series_of


@dataclass(frozen=True)
class MeetingSlice:
    """One meeting of a note, as reading finds it: where it lies in the note, its date, title and address."""

    id: str  # "sklearn-team/2022-02-08": series and slug
    slug: str  # the page name inside its folder
    series: str  # series id
    series_name: str  # the series as the note names it (front matter or folder)
    date: dt.date
    end_date: dt.date | None
    title: str  # "" when the note gives none
    page_path: str
    start: int  # 0-based index in the body's lines of the meeting's first line
    end: int  # one past its last line, trailing blank lines left out
    precision: str = "day"  # "month" for a note dated to a month (or months): date is the first day
    companion: bool = False  # an undated note of a dated folder: a page of that folder's meetings, if it has any


def meetings_of(body: Body, dated: DatedNote, default_series: str = "meetings") -> tuple[MeetingSlice, ...]:
    """The meetings of the dated parts of a note, each named and addressed."""
    series, series_name = series_of(body.path, body.front, default_series)
    return tuple(_slice(body, part, series, series_name) for part in dated.parts)


def _slice(body: Body, part: DatedPart, series: str, series_name: str) -> MeetingSlice:
    """The meeting of ``part`` of the note: its lines (trailing blanks left out), title and address."""
    lines = body.document.lines
    start, end = part.start, part.end
    while end > start and not lines[end - 1].strip():
        end -= 1
    in_log, heading = part.dated_by == "log", part.heading
    # a log's preamble goes with its first section, but its title belongs to no single section
    title_start = heading.index if in_log and heading is not None else start
    front = body.front
    title = front.title if front.title and not in_log else _title(body.document, title_start, end, heading)
    when = f"{part.date:%Y-%m}" if part.precision == "month" else part.date.isoformat()
    named_by_date = part.dated_by in ("text", "month", "log")
    slug = when if named_by_date or _is_folder_page(body.stem) else slugify(body.stem)
    page_path = posixpath.join(posixpath.dirname(body.path), slug + ".md")
    meeting = MeetingSlice(
        f"{series}/{slug}",
        slug,
        series,
        series_name,
        part.date,
        part.end_date,
        title,
        page_path,
        start,
        end,
        part.precision,
    )
    if part.dated_by == "folder":
        return _companion(body, meeting, when)
    if part.dated_by == "path" and not YEAR.search(slug):
        # "tsc/2024/09/16.md", "tc39/2023-01/jan-30.md": the page keeps the file's address, but "tsc/16"
        # would name a meeting of every month; the date names it once.
        return replace(meeting, id=f"{series}/{part.date.isoformat()}")
    return meeting


def _companion(body: Body, meeting: MeetingSlice, when: str) -> MeetingSlice:
    """A note dated by its folder: a companion of the meetings beside it (the index decides), else a meeting.

    ``README.md`` and ``index.md`` would take the folder's own address: the page is the folder's "about"."""
    stem = body.stem
    slug = "about" if _is_folder_page(stem) else slugify(stem)
    return replace(
        meeting,
        id=f"{meeting.series}/{when}-{slugify(stem)}",
        slug=slug,
        page_path=posixpath.join(posixpath.dirname(body.path), slug + ".md"),
        title=meeting.title or pretty("about" if _is_folder_page(stem) else stem),
        companion=True,
    )


def _is_folder_page(stem: str) -> bool:
    """``index.md``, ``README.md``: a note that would take its folder's own address (named "about" instead)."""
    return stem.lower() in FOLDER_PAGES


def _title(document: Document, start: int, end: int, heading: Heading | None) -> str:
    """A title from the note: a dated heading with words beside the date, else a leading ``#`` title,
    else the dated heading itself (``# *August 30th 2021*`` is the title ``August 30th 2021``), else the
    first heading that is no section of every meeting. Empty only for a note without such a heading.

    Headings are the document's (``Document.headings``): a ``# comment`` in a fenced block is none."""
    dated = _heading_title(heading.text) if heading is not None else ""
    if dated and _has_words(dated):
        return dated
    lines = document.lines
    # ATX headings written at the start of their line, as a title is
    headings = [
        found
        for found in document.headings
        if start <= found.index < end and not found.setext and lines[found.index].startswith("#")
    ]
    first_text = next((index for index in range(start, end) if lines[index].strip()), None)
    if headings and headings[0].index == first_text and headings[0].level == 1 and _heading_title(headings[0].text):
        return _heading_title(headings[0].text)
    if dated:
        return dated
    for found in headings:
        text = _heading_title(found.text)
        # "Release planning for 2.0" names the meeting; "Action items", "Updates", "Discussion" do not
        if text and not _list_heading(text) and (not is_procedural(text) or any(c.isdigit() for c in text)):
            return text
    return ""


def _list_heading(text: str) -> bool:
    """``Attendees``, ``Present``, ``Agenda``, ``Notes``: a heading every meeting has, which names none."""
    words = words_of(text)
    return all(word in PRESENT_WORDS or word in ABSENT_WORDS or word in NO_TITLE_WORDS for word in words)


def _heading_title(text: str) -> str:
    """A heading as a title: its text without attributes, emphasis or link syntax."""
    return strip_markup(re.sub(r"\{[#.:][^}]*\}\s*$", "", text)).strip()


def _has_words(text: str) -> bool:
    """Whether a heading says more than its date: words other than months, weekdays and ordinals."""
    rest = re.sub(r"[\d\W_]+", " ", text)
    words = [w for w in rest.split() if fold(w) not in CALENDAR_WORDS]
    return len(words) >= 1 and len(" ".join(words)) > 3
