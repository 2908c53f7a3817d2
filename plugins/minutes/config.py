"""The plugin's options in ``mkdocs.yml``; every one is optional."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .records.join import STALE_AFTER


class MinutesConfig(base.Config):  # type: ignore[no-untyped-call]
    notes = c.ListOfItems(c.Type(str), default=["**/*.md"])
    """Glob patterns, relative to the docs folder, of the Markdown files that are meeting notes."""

    exclude = c.ListOfItems(c.Type(str), default=["index.md", "README.md"])
    """Glob patterns of Markdown files that are ordinary pages, not notes (the home page by default)."""

    default_series = c.Type(str, default="meetings")
    """Series of the notes that sit at the top of the docs folder and say no ``series:``."""

    not_people = c.ListOfItems(c.Type(str), default=[])
    """More heading words that are sections, never people (added to the built-in list)."""

    people_file = c.Optional(c.File(exists=True))
    """The people file (YAML), relative to ``mkdocs.yml``: each person's name, aliases, GitHub handles,
    abbreviations, affiliation and avatar; it always wins over names guessed from the notes. When unset,
    ``people.yml`` in the docs folder is used if there is one (and is not published)."""

    default_repository = c.Type(str, default="")
    """The GitHub repository (``owner/repo``) that a bare ``#123`` in the notes refers to; by default the
    repository of the site's ``repo_url``, when that is a GitHub repository. A number that the same
    meeting, or the archive, writes in full as ``owner/repo#123`` belongs to that repository instead."""

    topics_file = c.Optional(c.File(exists=True))
    """The topics file (YAML), relative to ``mkdocs.yml``: topic name -> keywords or ``/patterns/``,
    e.g. ``joblib: [joblib, loky]``. When unset, ``topics.yml`` in the docs folder is used if there is one
    (and is not published)."""

    records_file = c.Optional(c.File(exists=True))
    """The review of records read from the text (YAML), relative to ``mkdocs.yml``: record id -> ``yes`` (show
    it) or ``no`` (drop it), as ``minutes check --records`` drafts it. When unset, ``records.yml`` in the docs
    folder is used if there is one (and is not published)."""

    stale_after = c.Type(int, default=STALE_AFTER)
    """Days after which an action item that no later meeting marks done is *stale* rather than *open*: its
    age runs from the meeting that first lists it to the archive's latest meeting. ``0`` keeps every item
    open however old it is. Pages and ``minutes.json`` show the age and the status."""

    json = c.Type(bool, default=True)
    """Write ``minutes.json``, the whole model, at the site root."""

    json_full_text = c.Type(bool, default=False)
    """Write the whole text of every person's entries, decisions, action items and citing lines in
    ``minutes.json``, as the notes have it; by default each gives the start of its text and its meeting, line
    and paragraph, so that the file stays smaller than the notes (a transcript's speaker turns are nearly all
    of its text)."""

    feeds = c.Type(bool, default=True)
    """Write Atom feeds of the newest meetings and decisions, ``meetings.xml`` and ``decisions.xml`` at the site
    root, and of each series' meetings, ``feeds/<series>.xml``. Their links are absolute: they need the site's
    ``site_url``, and without it no feed is written."""

    calendar = c.Type(bool, default=True)
    """Write ``meetings.ics``, an iCalendar file of every meeting (all-day events with title, series and link),
    that calendar applications subscribe to. Like the feeds, it needs the site's ``site_url``."""

    warnings_fail_strict = c.Type(bool, default=False)
    """Log the plugin's warnings (guesses such as an inferred year or repaired encoding) as MkDocs
    warnings, so that ``mkdocs build --strict`` fails on them. Errors always do."""

    cache = c.Type(bool, default=True)
    """Keep in ``.cache/minutes/`` beside ``mkdocs.yml``, keyed by what each depends on, every note's parse, the
    index's work on it, every meeting page's render, every generated page's HTML and the search bundle, so that
    a second build does again only what changed (``mkdocs serve`` keeps parses and renders in memory besides).
    Set it to ``false`` where the folder cannot be written."""

    sanitize = c.Type(bool, default=True)
    """Pass the HTML of every page made from notes through an allowlist sanitizer, so that raw HTML in a
    note cannot run script on the site (scripts, event handlers, ``javascript:`` links, iframes and styles
    are removed). Set it to ``false`` only for a site whose every contributor is trusted."""

    search = c.Choice(("pagefind", "lunr"), default="pagefind")
    """The site's search. ``pagefind`` (the default) needs no configuration: Pagefind indexes every meeting,
    decision, action item, person and topic while the site builds (into ``pagefind/``), and answers in
    Material's header search box and on the search page (``search/``), which filters by person, topic,
    series, year and kind; Material's ``search`` plugin, if listed, is turned off, since a site has one
    index. ``lunr`` keeps Material's own search plugin instead (list ``search`` under ``plugins``)."""
