"""The words a reader sees outside the pages, from the templates: feed titles, search results' words, dates,
the title of a meeting whose note gives none.

Produces ``Words``: plain text rendered by the macros of ``minutes/partials/words.html`` (kinds, counts,
feed titles, a meeting's title) and ``minutes/partials/dates.html`` (dates and meeting labels, as the pages
write them), through the site's own Jinja environment, so that a site rewords or translates them with
``custom_dir`` as it does any page; without one, from the package's templates alone.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from ..model import Meeting
from .pages import title_holds_date, title_is_date, until, when

TEMPLATES = os.path.join(os.path.dirname(os.path.dirname(__file__)), "templates")
WORDS = "minutes/partials/words.html"
DATES = "minutes/partials/dates.html"


def _text(rendered: Any) -> str:
    """A macro's output as plain text on one line (unescaped, if the environment escapes)."""
    text = rendered.unescape() if isinstance(rendered, Markup) else str(rendered)
    return " ".join(text.split())


class Words:
    """The templates' words, as Python places them (feeds, calendars, the search index)."""

    def __init__(self, env: jinja2.Environment | None = None) -> None:
        env = env or _package_env()
        self._words = env.get_template(WORDS).module
        self._dates = env.get_template(DATES).module
        self._labels: dict[str, str] = {}

    def kind(self, kind: str) -> str:
        """``Decision``, ``Action item``: a record's kind."""
        return _text(self._words.kind(kind))  # type: ignore[attr-defined]

    def meetings(self, count: int) -> str:
        """``1 meeting``, ``12 meetings``."""
        return _text(self._words.meetings(count))  # type: ignore[attr-defined]

    def feed_title(self, kind: str, site_name: str, name: str = "") -> str:
        """A feed's (or a calendar's) title: kind ``meetings``, ``decisions``, ``series``, ``person``, ``topic``."""
        return _text(self._words.feed_title(kind, site_name, name))  # type: ignore[attr-defined]

    def record_title(self, kind: str, text: str, status: str = "") -> str:
        """``Decision: ship 1.5``: a decision's or action item's text as a title, said what it is."""
        return _text(self._words.record_title(kind, text, status))  # type: ignore[attr-defined]

    def report_title(self, person: str, meeting: Meeting) -> str:
        """A person's report in their feed: their name and the meeting's label."""
        return _text(self._words.report_title(person, self.meeting(meeting)))  # type: ignore[attr-defined]

    def title(self, meeting: Meeting) -> str:
        """A meeting's title: the note's own, else ``Sklearn team meeting`` (the model keeps ``""``)."""
        return _text(self._words.meeting_name(meeting))  # type: ignore[attr-defined]

    def day(self, iso: str) -> str:
        """``8 February 2022``, from ``2022-02-08``."""
        return _text(self._dates.day(iso))  # type: ignore[attr-defined]

    def meeting(self, meeting: Meeting) -> str:
        """A meeting as a link names it: its title, with its date unless the title says it already."""
        label = self._labels.get(meeting.id)
        if label is None:
            ref = {
                "title": meeting.title,
                "series_name": meeting.series_name,
                "dated_title": title_holds_date(meeting.title),
                "date_only": title_is_date(meeting.title),
                "date": when(meeting),
                "end_date": until(meeting),
            }
            label = self._labels[meeting.id] = _text(self._dates.meeting_title(ref))  # type: ignore[attr-defined]
        return label


@lru_cache(maxsize=1)
def _package_env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES))
