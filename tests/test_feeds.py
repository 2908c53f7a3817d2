"""Feeds and the calendar of the sample site, and of small sites: absolute links, one event per meeting."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from .conftest import Site, build_sample

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://minutes-project.github.io/minutes/"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_sample(tmp_path_factory.mktemp("feeds"))


def atom(site: Site, path: str) -> ET.Element:
    return ET.parse(site.site_dir / path).getroot()


def entry_links(feed: ET.Element) -> list[str]:
    return [link.get("href", "") for entry in feed.iter(f"{ATOM}entry") for link in entry.iter(f"{ATOM}link")]


def test_the_archive_feeds_have_absolute_links(sample: Site) -> None:
    meetings = atom(sample, "meetings.xml")
    assert entry_links(meetings) == [
        SITE_URL + "hackathons/2024-06-24-openml-sklearn/",
        SITE_URL + "sklearn-team/2022-02-08/",
        SITE_URL + "sklearn-team/2021-09-14/",
    ]
    assert meetings.findtext(f"{ATOM}id") == SITE_URL + "meetings.xml"
    assert meetings.find(f"{ATOM}author/{ATOM}name") is not None
    decisions = atom(sample, "decisions.xml")
    assert [entry.findtext(f"{ATOM}title") for entry in decisions.iter(f"{ATOM}entry")] == ["approved SLEP06"]
    assert all(link.startswith(SITE_URL + "sklearn-team/2022-02-08/#") for link in entry_links(decisions))


def test_every_link_of_every_feed_is_absolute(sample: Site) -> None:
    paths = ["meetings.xml", "decisions.xml", *(f"feeds/{p.name}" for p in (sample.site_dir / "feeds").glob("*.xml"))]
    paths += [path.name for pattern in ("person-*.xml", "topic-*.xml") for path in sample.site_dir.glob(pattern)]
    for path in paths:
        feed = atom(sample, path)
        hrefs = [link.get("href", "") for link in feed.iter(f"{ATOM}link")]
        assert hrefs and all(href.startswith(SITE_URL) for href in hrefs), path
        ids = [element.text or "" for element in feed.iter(f"{ATOM}id")]
        assert all(value.startswith(SITE_URL) for value in ids), path


def test_each_series_has_its_feed(sample: Site) -> None:
    assert sorted(path.name for path in (sample.site_dir / "feeds").iterdir()) == [
        "hackathons.ics",
        "hackathons.xml",
        "sklearn-team.ics",
        "sklearn-team.xml",
    ]
    assert entry_links(atom(sample, "feeds/sklearn-team.xml")) == [
        SITE_URL + "sklearn-team/2022-02-08/",
        SITE_URL + "sklearn-team/2021-09-14/",
    ]
    assert atom(sample, "feeds/hackathons.xml").findtext(f"{ATOM}title") == "Team minutes: Hackathons meetings"


def test_pages_point_feed_readers_at_the_root_feeds_only(sample: Site) -> None:
    for url in ("", "archive/", "sklearn-team/2022-02-08/", "people/olivier/"):
        alternates = re.findall(r'<link rel="alternate"[^>]*href="([^"]*)"', sample.page(url))
        assert len(alternates) == (3 if url.startswith("people/") else 2), url  # and a person's own feed
        # Material fetches sitemap.xml beside each of them: beside a root feed, that is the site's own
        assert all("/" not in href.lstrip("./") for href in alternates), alternates


def test_the_calendar_has_one_valid_event_per_meeting(sample: Site) -> None:
    import icalendar

    calendar = icalendar.Calendar.from_ical((sample.site_dir / "meetings.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    meetings = sample.json()["meetings"]
    assert len(events) == len(meetings) == 3
    by_uid = {str(event["UID"]): event for event in events}
    assert len(by_uid) == 3
    for meeting in meetings:
        event = by_uid[f"{meeting['id']}@minutes-project.github.io/minutes"]
        start = dt.date.fromisoformat(meeting["date"])
        end = dt.date.fromisoformat(meeting["end_date"] or meeting["date"]) + dt.timedelta(days=1)
        assert event.decoded("DTSTART") == start and event.decoded("DTEND") == end
        assert str(event["SUMMARY"]) == meeting["title"]
        assert str(event["URL"]) == SITE_URL + meeting["url"]
        assert event.get("CATEGORIES").to_ical().decode() == meeting["series"].replace("-", " ").capitalize()
    raw = (sample.site_dir / "meetings.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n")) and b"\n" not in raw.replace(b"\r\n", b"")


def test_the_archive_page_links_to_the_calendar_and_feeds(sample: Site) -> None:
    page = sample.page("archive/")
    assert 'href="../meetings.ics"' in page
    assert 'href="../meetings.xml"' in page and 'href="../decisions.xml"' in page
    assert 'href="../feeds/sklearn-team.xml"' in page and 'href="../feeds/hackathons.xml"' in page


def test_a_multi_day_event_with_a_difficult_title(make_site: Any) -> None:
    import icalendar

    title = "Sprint; day one, two and three — Gaël's «summit» at the Zürich office, with a title long enough to fold"
    note = f"---\ntitle: {title!r}\ndate: 2024-06-24\nend_date: 2024-06-26\nlocation: Zürich, CH\n---\n\n- hello\n"
    site = make_site({"team/summit.md": note}, {"site_url": "https://example.org"}, strict=True)
    events = list(icalendar.Calendar.from_ical((site.site_dir / "meetings.ics").read_bytes()).walk("VEVENT"))
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == title and str(events[0]["LOCATION"]) == "Zürich, CH"
    assert events[0].decoded("DTSTART") == dt.date(2024, 6, 24) and events[0].decoded("DTEND") == dt.date(2024, 6, 27)
    assert str(events[0]["URL"]) == "https://example.org/team/summit/"


def test_without_site_url_one_message_and_no_feed(make_site: Any) -> None:
    site = make_site({"team/2024-09-16.md": "# Sync\n\n- Decision: ship it\n"}, strict=True)
    said = [message for message in site.messages() if message.startswith("minutes: ") and "site_url" in message]
    assert said == [
        "minutes: no feeds and no meetings.ics: their links must be absolute, and mkdocs.yml sets no site_url"
    ]
    assert not (site.site_dir / "meetings.xml").exists() and not (site.site_dir / "meetings.ics").exists()
    assert not (site.site_dir / "feeds").exists()
    assert 'rel="alternate"' not in site.page("") and "meetings.ics" not in site.page("archive/")


def test_feeds_and_calendar_can_be_turned_off(make_site: Any, tmp_path: Path) -> None:
    plugins = ["search", {"minutes": {"feeds": False, "calendar": False}}]
    site = make_site({"team/2024-09-16.md": "# Sync\n"}, {"site_url": "https://example.org/"}, plugins=plugins)
    assert not (site.site_dir / "meetings.xml").exists() and not (site.site_dir / "meetings.ics").exists()
    assert not [message for message in site.messages() if "site_url" in message]
