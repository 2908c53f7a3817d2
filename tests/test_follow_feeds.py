"""Follow a person or a topic: the Atom feed of its new entries, linked from its page; a calendar per series."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from .conftest import Site

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/team/"
TOPIC = "## Release policy\n\n- we talked about the release policy {day}\n\n"
NOTES = {
    f"tsc/2024-09-{day:02d}.md": (
        f"# TSC meeting\n\n## Attendees\n\n* Olivier Grisel @ogrisel\n* Loïc Estève\n\n{TOPIC.format(day=day)}"
        f"### Olivier\n\n- reviewed #{day}\n\n## Decisions\n\n- Decision: ship 1.{day} (Olivier)\n\n"
        f"## Action items\n\n- [ ] Olivier to write the announcement of 1.{day}\n"
    )
    for day in (2, 9, 16)
}


@pytest.fixture
def site(make_site: Any) -> Site:
    built: Site = make_site(NOTES, {"site_url": SITE_URL}, strict=True)
    return built


def atom(site: Site, path: str) -> ET.Element:
    return ET.parse(site.site_dir / path).getroot()


def entries(feed: ET.Element) -> list[tuple[str, str]]:
    return [
        (entry.findtext(f"{ATOM}title") or "", entry.find(f"{ATOM}link").get("href", ""))  # type: ignore[union-attr]
        for entry in feed.iter(f"{ATOM}entry")
    ]


def test_a_person_feed_holds_their_reports_decisions_and_action_items_newest_first(site: Site) -> None:
    feed = atom(site, "person-olivier-grisel.xml")
    assert feed.findtext(f"{ATOM}title") == "Test minutes: Olivier Grisel"
    assert feed.findtext(f"{ATOM}id") == SITE_URL + "person-olivier-grisel.xml"
    found = entries(feed)
    titles = [title for title, _ in found]
    assert any(title.startswith("Olivier Grisel, ") for title in titles)
    assert "Decision: ship 1.16 (Olivier)" in titles  # as the note labels it
    assert "Action item (open): Olivier to write the announcement of 1.16" in titles
    assert titles.index("Decision: ship 1.16 (Olivier)") < titles.index("Decision: ship 1.2 (Olivier)")
    assert all(link.startswith(SITE_URL + "tsc/2024-09-") for _, link in found)
    ids = [entry.findtext(f"{ATOM}id") or "" for entry in feed.iter(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) and all(value.startswith(SITE_URL) for value in ids)


def test_a_topic_feed_holds_its_meetings(site: Site) -> None:
    data = site.json()
    topic = next(topic for topic in data["topics"] if topic["name"] == "Release policy")
    feed = atom(site, f"topic-{topic['id']}.xml")
    links = [link for _, link in entries(feed)]
    assert links and all(link.startswith(SITE_URL + "tsc/2024-09-") for link in links)
    assert links[0].startswith(SITE_URL + "tsc/2024-09-16/")


def test_person_and_topic_pages_link_their_feed_in_the_head_and_a_subscribe_link(site: Site) -> None:
    topic = next(topic for topic in site.json()["topics"] if topic["name"] == "Release policy")
    pages = (("people/olivier-grisel/", "person-olivier-grisel.xml"), (topic["url"], f"topic-{topic['id']}.xml"))
    for url, feed in pages:
        page = site.page(url)
        head = page.split("</head>")[0]
        alternates = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]*)"', head)
        assert "../../" + feed in alternates, (url, alternates)
        assert f'<a href="../../{feed}" type="application/atom+xml">Subscribe</a>' in page


def test_each_series_has_a_calendar_beside_its_feed(site: Site) -> None:
    ics = (site.site_dir / "feeds" / "tsc.ics").read_text(encoding="utf-8")
    assert ics.count("BEGIN:VEVENT") == 3 and "X-WR-CALNAME:Test minutes: TSC meetings" in ics
    assert "URL:" + SITE_URL + "tsc/2024-09-02/" in ics
    assert (site.site_dir / "feeds" / "tsc.xml").exists()
    assert 'href="../feeds/tsc.ics"' in site.page("archive/")


def test_without_site_url_no_person_feed_and_no_link(make_site: Any) -> None:
    site = make_site(NOTES, strict=True)
    assert not list(site.site_dir.glob("person-*.xml"))
    assert "Subscribe</a>" not in site.page("people/olivier-grisel/")
