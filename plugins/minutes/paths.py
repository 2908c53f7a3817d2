"""Every address the plugin gives a page or a file of its own, in one place.

Pages are named by their Markdown path relative to the docs folder, as MkDocs
names files (``people/olivier.md``); ``page_url`` turns one into the address
MkDocs gives it. What no note may take (``RESERVED_PATHS``, ``RESERVED_DIRS``)
is derived from these names, so that a page added here is protected at once.
"""

from __future__ import annotations

HOME = "index.md"
# The stems of notes that stand for their folder ("2024/09/16/index.md", "2024-06-24-sprint/README.md"):
# MkDocs gives index.md, and GitHub shows README.md, at the folder's own address.
FOLDER_PAGES = frozenset(["index", "readme"])
ARCHIVE = "archive.md"
PEOPLE = "people.md"  # everyone, most active first
PEOPLE_BY_NAME = "people-by-name.md"
DECISIONS = "decisions.md"
ACTIONS = "actions.md"
TOPICS = "topics.md"
REFERENCES = "references.md"
SEARCH = "search.md"

PEOPLE_DIR = "people"
TOPICS_DIR = "topics"
MEETINGS_DIR = "meetings"  # where a note goes whose own path is reserved ("decisions.md" as a note)

JSON = "minutes.json"
# The archive's feeds sit at the root, where Material's fetch of a sitemap beside each <link rel="alternate"> finds
# the site's own (beside "feeds/x.xml" it would fail on every page); the feeds of each series are in FEEDS_DIR.
MEETINGS_FEED = "meetings.xml"
DECISIONS_FEED = "decisions.xml"
FEEDS_DIR = "feeds"
CALENDAR = "meetings.ics"
ASSETS_DIR = "assets/minutes"
STYLESHEET = f"{ASSETS_DIR}/minutes.css"
FILTER_SCRIPT = f"{ASSETS_DIR}/filter.js"
SEARCH_SCRIPT = f"{ASSETS_DIR}/search.js"  # drives Pagefind from the header box and the search page
SEARCH_STYLESHEET = f"{ASSETS_DIR}/search.css"

_PAGES = (HOME, ARCHIVE, PEOPLE, PEOPLE_BY_NAME, DECISIONS, ACTIONS, TOPICS, REFERENCES, SEARCH)
# Pages of the plugin's own, and files it writes at the site root: no meeting may take their place.
RESERVED_PATHS = frozenset({*_PAGES, JSON, CALENDAR, MEETINGS_FEED, DECISIONS_FEED})
SEARCH_INDEX_DIR = "pagefind"  # the Pagefind bundle, at the site root
# Folders of the plugin's own pages and files, and of the record pages (where each decision or action item
# may get a page of its own): no note may sit in them.
RESERVED_DIRS = frozenset(
    {PEOPLE_DIR, TOPICS_DIR, FEEDS_DIR, SEARCH_INDEX_DIR, "assets", "search", "decisions", "actions", "references"}
)
# Names in the people folder that are not people.
RESERVED_PERSON_SLUGS = frozenset({"index", "by-name"})


def person_path(person_id: str) -> str:
    return f"{PEOPLE_DIR}/{person_id}.md"


def person_page_path(person_id: str, number: int = 1) -> str:
    """Page ``number`` of a person's reports: the newest at ``people/<id>.md``, older at ``people/<id>/2.md``..."""
    return person_path(person_id) if number <= 1 else f"{PEOPLE_DIR}/{person_id}/{number}.md"


def topic_path(topic_id: str) -> str:
    return f"{TOPICS_DIR}/{topic_id}.md"


def topic_page_path(topic_id: str, number: int = 1) -> str:
    """Page ``number`` of a topic: the newest meetings at ``topics/<id>.md``, older at ``topics/<id>/2.md``..."""
    return topic_path(topic_id) if number <= 1 else f"{TOPICS_DIR}/{topic_id}/{number}.md"


def decisions_path(year: int | None = None, number: int = 1) -> str:
    """A page of the decisions log: the whole log, or its newest year, at ``decisions.md`` (``year`` None);
    another year at ``decisions/2023.md``; the further pages of a year too large for one at ``decisions/2023/2.md``."""
    if year is None and number <= 1:
        return DECISIONS
    if number <= 1:
        return f"decisions/{year}.md"
    return f"decisions/{year}/{number}.md"


def actions_path(number: int = 1) -> str:
    """Page ``number`` of the action items: the open ones first, at ``actions.md``; then ``actions/2.md``..."""
    return ACTIONS if number <= 1 else f"actions/{number}.md"


def references_path(repository: str | None = None, number: int = 1) -> str:
    """The references: the index of repositories at ``references.md``; a large repository's references at
    ``references/<repository>.md`` (its slug: ``rust-lang-rust``), then ``references/<repository>/2.md``..."""
    if repository is None:
        return REFERENCES
    return f"references/{repository}.md" if number <= 1 else f"references/{repository}/{number}.md"


def series_feed(series_id: str) -> str:
    """The Atom feed of one series' meetings."""
    return f"{FEEDS_DIR}/{series_id}.xml"


def series_calendar(series_id: str) -> str:
    """The iCalendar file of one series' meetings, beside its feed."""
    return f"{FEEDS_DIR}/{series_id}.ics"


# A person's and a topic's feeds sit at the site root, as the archive's do: their pages link them in their head,
# and Material fetches sitemap.xml beside every such link.
PERSON_FEED_PREFIX = "person-"
TOPIC_FEED_PREFIX = "topic-"


def person_feed(person_id: str) -> str:
    """The Atom feed of one person's new reports, decisions and action items."""
    return f"{PERSON_FEED_PREFIX}{person_id}.xml"


def topic_feed(topic_id: str) -> str:
    """The Atom feed of one topic's new meetings and decisions."""
    return f"{TOPIC_FEED_PREFIX}{topic_id}.xml"


def is_reserved(path: str) -> bool:
    """Whether a page at ``path`` would take the place (or the folder) of one of the plugin's own."""
    top, _, rest = path.partition("/")
    stem = top.removesuffix(".md")
    return (bool(rest) and top in RESERVED_DIRS) or (not rest and (path in RESERVED_PATHS or stem in RESERVED_DIRS))


def page_url(path: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives the page at ``path``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/" if use_directory_urls else stem + ".html"


def site_base(site_url: str) -> str:
    """The site's address with one trailing slash, to put before a site-relative URL; "" without ``site_url``."""
    return site_url.rstrip("/") + "/" if site_url.strip() else ""
