"""One vocabulary, one name test, one action-heading test: the answers that copies of them got wrong."""

from __future__ import annotations

import posixpath
import re
from typing import Any

import pytest

from minutes.parse import parse_note
from minutes.people.headings import name_like
from minutes.reading.dates import date_in_heading
from minutes.reading.source import Source
from minutes.vocabulary import MONTHS, WEEKDAYS, is_action_heading, is_decision_heading


def test_github_actions_is_no_action_heading_and_makes_no_owner(make_site: Any) -> None:
    """A bullet's "(Ana Smith)" under "## GitHub Actions" made Ana an owner although no action item exists."""
    site = make_site(
        {
            "team/2024-03-05.md": (
                "# Weekly\n\n## GitHub Actions\n\n- the CI runs on every push now (Ana Smith)\n\n"
                "## Action items\n\n- Bob Jones: pin the runners\n"
            )
        }
    )
    data = site.json()
    assert [action["text"] for action in data["actions"]] == ["Bob Jones: pin the runners"]
    assert "Ana Smith" not in {person["name"] for person in data["people"]}
    assert not is_action_heading("GitHub Actions") and is_action_heading("TODO / Next")
    assert not is_action_heading("Next meeting") and is_action_heading("Action items")


def test_a_name_with_a_particle_is_a_person_and_a_project_is_not() -> None:
    """``### Gerard ter Horst`` was no person while ``### OpenML`` could be: two name tests disagreed."""
    assert name_like("Gerard ter Horst") == "Gerard ter Horst"
    assert name_like("Jérémie du Boisberranger") == "Jérémie du Boisberranger"
    assert name_like("OpenML") is None and name_like("WiMLDS") is None
    note = parse_note(
        Source(
            "team/2024-03-05.md",
            "# Sync\n\n## Updates\n\n### Gerard ter Horst\n\n- docs\n\n"
            "### OpenML\n\n- dataset loaders\n\n### Gael\n\n- sprint\n",
        )
    )
    (meeting,) = note.meetings
    assert [entry.name for entry in meeting.entries] == ["Gerard ter Horst", "Gael"]


@pytest.mark.parametrize(
    "heading", ["8 février 2024", "8 February 2024", "8. Februar 2024", "8 de febrero de 2024", "Jeudi 8 février 2024"]
)
def test_a_dated_heading_in_any_of_four_languages_is_the_title(heading: str) -> None:
    """``## 8 février 2024`` became a meeting's title where ``## 8 February 2024`` did not: two month lists.
    A heading that holds the date is the title, in every language, rather than a generic "Team meeting"."""
    found = date_in_heading(heading)
    assert found is not None and (found.year, found.month, found.day) == (2024, 2, 8)
    (meeting,) = parse_note(Source("team/2024-02-08.md", f"## {heading}\n\n- budget\n")).meetings
    assert meeting.title == heading


def test_the_vocabulary_knows_months_and_weekdays_in_four_languages() -> None:
    for name, number in {"janvier": 1, "März": 3, "mayo": 5, "août": 8, "Dezember": 12, "septiembre": 9}.items():
        assert MONTHS[name.lower()] == number
    for name, number in {"mercredi": 2, "Donnerstag": 3, "sábado": 5, "sunday": 6}.items():
        assert WEEKDAYS[name.lower()] == number
    assert is_decision_heading("Conclusion/Resolution") and not is_decision_heading("Need decision")


def test_a_site_with_its_own_toc_slugify_has_working_anchors(make_site: Any) -> None:
    """Anchors are claimed against the ids the site's toc gives headings, whatever its slugify."""
    notes = {
        f"wg/2024-0{month}-05.md": (
            f"# WG\n\n## Réunion: Intl.Era/MonthCode\n\n### Ada Lovelace\n\n- Decision: ship it in {month}\n\n"
            "### Bob Jones\n\n- tests\n\n## Action items\n\n- [ ] Ada Lovelace to write the spec\n"
        )
        for month in (3, 4)
    }
    site = make_site(
        notes,
        extra_yaml=(
            "markdown_extensions:\n  - toc:\n      permalink: true\n"
            "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        ),
    )
    data = site.json()
    meeting_ids = set(re.findall(r'\bid="([^"]+)"', site.page("wg/2024-03-05/")))
    assert "réunion-intleramonthcode" in meeting_ids  # pymdownx's slug, not Python-Markdown's
    assert data["topics"], "the recurring agenda heading is a topic, whose mentions land on the heading"
    urls = {meeting["id"]: meeting["url"] for meeting in data["meetings"]}  # a paragraph: its meeting's url, its anchor
    for record in [*data["decisions"], *data["actions"]]:
        anchor = record["id"].partition("#")[2]
        assert anchor in set(re.findall(r'\bid="([^"]+)"', site.page(urls[record["meeting"]]))), record["id"]
    for person in data["people"]:
        for entry in person["entries"]:
            page, anchor = urls[entry["meeting"]], entry["anchor"]
            assert anchor in set(re.findall(r'\bid="([^"]+)"', site.page(page))), (page, anchor)
    for topic in data["topics"]:
        for href in re.findall(r'href="([^"]*#[^"]+)"', site.page(topic["url"])):
            target, anchor = href.rsplit("#", 1)
            if not target or target.startswith(("http:", "https:", "mailto:")):
                continue
            page = posixpath.normpath(posixpath.join(topic["url"], target)) + "/"
            assert anchor in set(re.findall(r'\bid="([^"]+)"', site.page(page))), href
