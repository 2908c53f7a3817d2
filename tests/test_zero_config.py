"""Zero configuration: ``plugins: [search, minutes]``, no option, over a folder of a few hundred notes.

The notes are dated in every convention of SPEC section 2 and a few more that
real archives use (dotted, day-first and month-first slashes, weekday-first,
French, ISO weeks), some in running logs. Every note whose date can be
resolved must become a meeting with its own page, on the date it was written
for; the few that cannot be dated are reported by name, never dropped in
silence. Built once for the module.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import Site

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"]
FULL = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
FRENCH = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _body(rng: random.Random) -> str:
    people = rng.sample(["Olivier", "Gael", "Loïc", "Arturo", "Jérémie", "Julien"], 2)
    return "".join(f"\n### {name}\n\n- worked on #{rng.randint(100, 999)}\n" for name in people)


def _convention(kind: str, day: dt.date, n: int) -> tuple[str, str]:
    """One note dated ``day`` in convention ``kind``: (path, text)."""
    month, full = MONTHS[day.month - 1], FULL[day.month - 1]
    if kind == "iso-name":
        return f"tsc/{day.isoformat()}.md", "# TSC meeting\n"
    if kind == "iso-name-suffix":
        return f"steering/{day.isoformat()}-steering.md", "# Steering\n"
    if kind == "ymd-folders":
        return f"wg/{day:%Y/%m/%d}.md", "# Working group\n"
    if kind == "ym-folder-month-day":
        return f"tc39/{day:%Y-%m}/{month}-{day.day}.md", f"# {day.day} {full}, {day.year} Meeting Notes\n"
    if kind == "front-matter":
        return f"planning/session-{n}.md", f"---\ntitle: Planning {n}\ndate: {day.isoformat()}\n---\n# Planning\n"
    if kind == "heading-month-name":
        return f"sync/notes-{n}.md", f"# Sync\n\n## {full} {day.day}, {day.year}\n"
    if kind == "heading-ordinal":
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
        return f"design/review-{n}.md", f"## {full} {day.day}{suffix}, {day.year}\n"
    if kind == "heading-title-iso":
        return f"ops/ops-{n}.md", f"# Meeting {day.isoformat()}\n"
    if kind == "heading-weekday":
        return f"board/board-{n}.md", f"# Board\n\n## {WEEKDAYS[day.weekday()]}, {day.day} {full} {day.year}\n"
    if kind == "heading-dotted":
        return f"euro/sitzung-{n}.md", f"# Sitzung\n\n## {day:%d.%m.%Y}\n"
    if kind == "name-dotted":
        return f"dotted/{day:%Y.%m.%d}.md", "# Notes\n"
    if kind == "date-line":
        return f"weekly/week-{n}.md", f"# Weekly\n\nDate: {day:%b} {day.day}, {day.year}\n"
    if kind == "french":
        return f"reunions/reunion-{n}.md", f"# Réunion du {day.day} {FRENCH[day.month - 1]} {day.year}\n"
    if kind == "slash-us":  # day > 12: month first is the only reading
        return f"us/notes-{n}.md", f"# Notes\n\n## {day.month}/{day.day}/{day.year}\n"
    if kind == "slash-eu":  # day > 12: day first is the only reading
        return f"eu/notes-{n}.md", f"# Notes\n\n## {day.day}/{day.month}/{day.year}\n"
    if kind == "iso-week":  # a week's notes, dated by its Monday
        year, week, _ = day.isocalendar()
        return f"weeks/{year}-W{week:02}.md", "# Week\n"
    if kind == "range-name":  # a three-day event named for its first and last days
        return f"events/{day.isoformat()}--{day + dt.timedelta(days=2)}.md", "# Event\n"
    if kind == "range-title":  # a three-day event whose title gives the range
        end = day + dt.timedelta(days=2)
        return f"summits/summit-{n}.md", f"# Summit: {day:%B} {day.day} - {end:%B} {end.day}, {end.year}\n"
    if kind == "year-folder-month-day":
        return f"infra/{day.year}/{month}-{day.day}.md", "# Infra\n"
    raise AssertionError(kind)


KINDS = [
    "iso-name",
    "iso-name-suffix",
    "ymd-folders",
    "ym-folder-month-day",
    "front-matter",
    "heading-month-name",
    "heading-ordinal",
    "heading-title-iso",
    "heading-weekday",
    "heading-dotted",
    "name-dotted",
    "date-line",
    "french",
    "slash-us",
    "slash-eu",
    "iso-week",
    "year-folder-month-day",
    "range-name",
    "range-title",
]
MULTI_DAY = {"range-name", "range-title"}
PER_KIND = 18
LOGS = 4  # running logs, one per year, newest first, years left out but the first
SECTIONS = 8
UNDATED = {"misc/ideas.md": "# Ideas\n\n- someday\n", "misc/links.md": "Useful links, no date.\n"}


@dataclass(frozen=True)
class Expected:
    notes: dict[str, str]
    meetings: dict[tuple[str, str], str]  # (source, date) -> kind


def _archive(seed: int = 7) -> Expected:
    rng = random.Random(seed)
    notes: dict[str, str] = {}
    meetings: dict[tuple[str, str], str] = {}
    for kind in KINDS:
        days: set[dt.date] = set()
        while len(days) < PER_KIND:
            day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
            if kind.startswith("slash") and day.day <= 12:
                continue
            if kind == "iso-week" and day.weekday() != 0:
                continue
            if kind == "range-title" and (day + dt.timedelta(days=2)).year != day.year:
                continue  # "December 30 - January 1, 2020" is another test's business
            days.add(day)
        for n, day in enumerate(sorted(days)):
            path, text = _convention(kind, day, n)
            notes[path] = text + _body(rng)
            meetings[(path, day.isoformat())] = kind
    for year in range(2019, 2019 + LOGS):
        start = dt.date(year, 12, 20)
        sections = []
        for k in range(SECTIONS):  # weekly, newest first, crossing into the log's year backwards
            day = start - dt.timedelta(days=7 * k)
            heading = f"{FULL[day.month - 1]} {day.day}" + (f", {day.year}" if k == 0 else "")
            sections.append(f"## {heading}\n{_body(rng)}")
            meetings[(f"team/{year}.md", day.isoformat())] = "log"
        notes[f"team/{year}.md"] = "\n".join(sections)
    notes.update(UNDATED)
    return Expected(notes, meetings)


EXPECTED = _archive()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root: Path = tmp_path_factory.mktemp("zero")
    for name, text in EXPECTED.notes.items():
        target = root / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    settings = {"site_name": "Zero", "theme": {"name": "material"}, "plugins": ["search", "minutes"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collect(logging.DEBUG)
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        build(load_config(str(root / "mkdocs.yml")))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return Site(root, records)


def test_the_archive_is_a_few_hundred_notes_in_every_convention() -> None:
    assert len(EXPECTED.notes) >= 270
    assert len(EXPECTED.meetings) == len(KINDS) * PER_KIND + LOGS * SECTIONS


def test_every_dated_note_is_a_meeting_on_its_date(site: Site) -> None:
    found = {(m["source"], m["date"]) for m in site.json()["meetings"]}
    missing = sorted(f"{EXPECTED.meetings[key]}: {key}" for key in set(EXPECTED.meetings) - found)
    extra = sorted(found - set(EXPECTED.meetings))
    assert (missing, extra) == ([], [])
    assert len(site.json()["meetings"]) == len(EXPECTED.meetings)


def test_multi_day_events_end_on_their_last_day(site: Site) -> None:
    events = [m for m in site.json()["meetings"] if EXPECTED.meetings[(m["source"], m["date"])] in MULTI_DAY]
    assert len(events) == len(MULTI_DAY) * PER_KIND
    for meeting in events:
        assert meeting["end_date"] == (dt.date.fromisoformat(meeting["date"]) + dt.timedelta(days=2)).isoformat()
    others = [m for m in site.json()["meetings"] if EXPECTED.meetings[(m["source"], m["date"])] not in MULTI_DAY]
    assert all(m["end_date"] is None for m in others)
    page = site.page(events[0]["url"])
    start, end = dt.date.fromisoformat(events[0]["date"]), dt.date.fromisoformat(events[0]["end_date"])
    assert f'<time datetime="{start}">' in page and f"{end.day} {end:%B} {end.year}" in page


def test_every_meeting_has_its_own_page(site: Site) -> None:
    meetings = site.json()["meetings"]
    assert len({m["url"] for m in meetings}) == len(meetings)
    assert len({m["id"] for m in meetings}) == len(meetings)
    for meeting in meetings:
        page = site.site_dir / meeting["url"] / "index.html"
        assert page.is_file(), meeting["url"]
    sample = next(m for m in meetings if m["source"] == "team/2021.md")
    assert f'<time datetime="{sample["date"]}">' in site.page(sample["url"])


def test_series_are_the_folders(site: Site) -> None:
    series = {m["series"] for m in site.json()["meetings"]}
    folders = {source.split("/")[0] for source, _ in EXPECTED.meetings}
    assert series == folders


def test_running_logs_become_one_meeting_per_section(site: Site) -> None:
    logs = [m for m in site.json()["meetings"] if m["source"].startswith("team/")]
    assert len(logs) == LOGS * SECTIONS
    assert len({m["url"] for m in logs}) == LOGS * SECTIONS
    # the years left out were inferred and said so, with the log's file and line
    inferred = [message for message in site.messages() if "year inferred" in message and "team/2020.md" in message]
    assert len(inferred) == SECTIONS - 1
    assert any(
        re.search(r"team/2020\.md:\d+: year inferred as 2020 from the neighbouring meeting", m) for m in inferred
    )


def test_undated_notes_are_reported_by_name_not_dropped(site: Site) -> None:
    sources = {m["source"] for m in site.json()["meetings"]}
    for path in UNDATED:
        assert path not in sources
        assert any(path in message and "no meeting date found" in message for message in site.messages())
    accounting = next(m for m in site.messages() if " became " in m)
    assert accounting.startswith(f"minutes: {len(EXPECTED.notes)} notes: ")
    assert f"became {len(EXPECTED.meetings)} meetings, {len(UNDATED)} skipped" in accounting
    assert f"({len(UNDATED)} no date: misc/ideas.md, misc/links.md)" in accounting


def _links_to_meetings(html: str, meetings: list[dict[str, Any]], own: dict[str, Any]) -> int:
    """How many other meetings a page links to (by the last two parts of their URL)."""
    hrefs = set(re.findall(r'href="([^"#?]*)"', html))
    tails = {"/".join(m["url"].rstrip("/").split("/")[-2:]) for m in meetings if m["url"] != own["url"]}
    return sum(1 for href in hrefs if "/".join(href.rstrip("/").split("/")[-2:]) in tails)


def test_a_meeting_page_does_not_embed_the_archive_in_its_nav(site: Site) -> None:
    meetings = site.json()["meetings"]
    assert len(meetings) >= 300
    for meeting in (meetings[0], meetings[len(meetings) // 2], meetings[-1]):
        html = site.page(meeting["url"])
        assert _links_to_meetings(html, meetings, meeting) <= 2  # previous and next of its series
    # the counter-check: the archive page does link them all
    assert _links_to_meetings(site.page("archive/"), meetings, {"url": ""}) == len(meetings)
