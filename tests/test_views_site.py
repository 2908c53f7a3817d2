"""What the pages show of the model, in a real build: who attended a meeting and how, who was absent, the
pages of a meeting's folder, dates known to their month only, the references page and a topic's spellings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .test_well_formed import problems

TEAM_1 = """\
# Team sync

## Present

- Ada Lovelace
- Grace Hopper (joined at 16:23 UTC)
- Alan Turing - apologies

## Regrets

- Edsger Dijkstra

## Discussion

- "Stabilize `let else`" [rust#93628](https://github.com/rust-lang/rust/pull/93628)
- [Fix the CI](https://github.com/org/tools/pull/12) landed.
"""

TEAM_2 = """\
# Team sync

## Present

- Ada Lovelace
- Alan Turing
- Grace Hopper

## Review

- Still waiting on https://github.com/rust-lang/rust/pull/93628, see also
  https://github.com/rust-lang/rust/issues/1000
"""

WG = {
    "wg/2024-01-09.md": "## Adoption of the agenda\n\n- Adopted.\n\n## XYZ-402\n\n- First reading.\n",
    "wg/2024-01-16.md": "## Adoption of the agenda\n\n- Adopted.\n\n## XYZ402 follow-up\n\n- Reported.\n",
    "wg/2024-01-23.md": "## Adoption of the agenda\n\n- Adopted.\n\n## Xyz 402\n\n- Voted.\n",
}

NOTES = {
    "team/2024-03-05.md": TEAM_1,
    "team/2024-03-12.md": TEAM_2,
    "updates/2024-01-update.md": "# Monthly update\n\n- A release.\n",
    "updates/late-2023.md": "# November & December 2023 update\n\n- Two releases.\n",
    "sprint/2024-06-24-paris/2024-06-24.md": "# Sprint, day one\n\n## Present\n\n- Ada Lovelace\n- Grace Hopper\n",
    "sprint/2024-06-24-paris/2024-06-25.md": "# Sprint, day two\n\n## Present\n\n- Ada Lovelace\n",
    "sprint/2024-06-24-paris/summary.md": "# Paris sprint: summary\n\nForty pull requests merged.\n",
    **WG,
}


@pytest.fixture
def site(make_site: Any) -> Any:
    return make_site(NOTES, strict=True)


def _article(html: str) -> str:
    found = re.search(r'<article class="md-content__inner md-typeset">(.*)</article>', html, re.DOTALL)
    assert found is not None
    return found.group(1)


def _text(html: str) -> str:
    """The page's article as a reader reads it: no tags, one space between words."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", _article(html))).replace(" ,", ",").strip()


def test_a_meeting_header_shows_attendance_statuses_and_the_absent_apart(site: Any) -> None:
    html = site.page("team/2024-03-05/")
    start = html.index('<header class="minutes-header">')
    header = html[start : html.index("</header>", start)]
    attendees = re.search(r'<p class="minutes-meta minutes-attendees">(.*?)</p>', header, re.DOTALL)
    absent = re.search(r'<p class="minutes-meta minutes-absent">(.*?)</p>', header, re.DOTALL)
    assert attendees and absent
    assert '<a href="../../people/ada-lovelace/">Ada Lovelace</a>' in attendees.group(1)
    assert (
        '<a href="../../people/grace-hopper/">Grace Hopper</a> '
        '<span class="minutes-attendance">(joined at 16:23 UTC)</span>' in attendees.group(1)
    )
    # Whoever sent apologies or is listed under "Regrets" is listed apart, linked, with what the note says.
    assert "Alan Turing" not in attendees.group(1) and "Edsger Dijkstra" not in attendees.group(1)
    assert (
        '<a href="../../people/alan-turing/">Alan Turing</a> <span class="minutes-attendance">(apologies)</span>'
        in absent.group(1)
    )
    assert '<a href="../../people/edsger-dijkstra/">Edsger Dijkstra</a>' in absent.group(1)
    # The next meeting, where everyone came, lists nobody as absent.
    assert "minutes-absent" not in site.page("team/2024-03-12/")


def test_companion_pages_and_their_meetings_link_each_other(site: Any) -> None:
    for day in ("2024-06-24", "2024-06-25"):
        meeting = site.page(f"sprint/2024-06-24-paris/{day}/")
        assert re.search(r'See also:\s*<a href="../summary/">Paris sprint: summary</a>', meeting), day
    summary = site.page("sprint/2024-06-24-paris/summary/")
    assert "A page of the meetings" in summary
    assert '<a href="../2024-06-24/">Sprint, day one, 24 June 2024</a>' in summary
    assert '<a href="../2024-06-25/">Sprint, day two, 25 June 2024</a>' in summary
    # The archive lists it at the top of its meetings, as their page; the home page counts it as no meeting.
    archive = _text(site.page("archive/"))
    assert "Paris sprint: summary (a page of the meetings below) Sprint, day two, 25 June 2024" in archive
    assert "9 meetings in 4 series" in archive
    home = _text(site.page(""))
    assert home.startswith("Test minutes 9 meetings from November 2023 to 25 June 2024")
    assert "Paris sprint" not in home


def test_a_meeting_dated_to_a_month_shows_its_month_never_a_day(site: Any) -> None:
    january = site.page("updates/2024-01/")
    assert '<time datetime="2024-01">January 2024</time>' in january
    months = site.page("updates/2023-11/")
    assert '<time datetime="2023-11">November – December 2023</time>' in months
    assert "<title>November &amp; December 2023 update - Test minutes</title>" in months
    # Lists name it by its month too: the series navigation, the archive, the home page.
    assert "← November &amp; December 2023 update</a>" in january
    assert "Monthly update, January 2024 →</a>" in months
    for html in (site.page("archive/"), site.page(""), january, months):
        text = _text(html)
        assert "Monthly update, January 2024" in text or "← November" in html
        assert not re.search(r"\b1 (January|November) 202[34]\b|31 (January|December)", text)
    assert ">Monthly update, January 2024</a>" in site.page("archive/")


def test_the_references_page_groups_titles_and_lists_every_citing_meeting_newest_first(site: Any) -> None:
    html = site.page("references/")
    text = _text(html)
    assert "3 issues and pull requests of 2 repositories, cited in 2 meetings" in text
    # Repositories, the most cited first.
    headings = re.findall(r'<h2 id="([^"]+)">', html)
    assert headings[:2] == ["rust-lang-rust", "org-tools"]
    assert "2 issues and pull requests, cited 3 times in 2 meetings" in text
    item = re.search(r'<li id="rust-lang-rust-93628">(.*?)</ul>\s*</li>', html, re.DOTALL)
    assert item is not None
    let_else = item.group(1)
    assert '<a class="minutes-reference-id" href="https://github.com/rust-lang/rust/pull/93628">#93628</a>' in let_else
    assert '<span class="minutes-reference-title">Stabilize let else</span>' in let_else
    assert "pull request · 2 meetings" in _text(f'<article class="md-content__inner md-typeset">{let_else}</article>')
    # Every meeting that cites it, newest first, each line linked to its section of the meeting page.
    assert let_else.index("Team sync, 12 March 2024") < let_else.index("Team sync, 5 March 2024")
    assert re.search(r'<a href="../team/2024-03-12/#review" title="[^"]*">11</a>', let_else)
    assert re.search(r'<a href="../team/2024-03-05/#discussion" title="[^"]*">15</a>', let_else)
    # A reference the notes give no title has none.
    issue = re.search(r'<li id="rust-lang-rust-1000">(.*?)</li>', html, re.DOTALL)
    assert (
        issue
        and "minutes-reference-title" not in issue.group(1)
        and "issue · 1 meeting" in _text(f'<article class="md-content__inner md-typeset">{issue.group(1)}</article>')
    )
    assert 'id="review"' in site.page("team/2024-03-12/")


def test_a_topic_page_says_how_else_it_was_written(site: Any) -> None:
    html = site.page("topics/xyz-402/")
    assert "<h1>XYZ-402</h1>" in html
    assert re.search(r"Also written as <q>XYZ402</q>, <q>Xyz 402</q>", html)
    assert "Also written as" not in site.page("topics/rust-lang-rust/")


def test_the_pages_that_show_all_this_are_well_formed(site: Any) -> None:
    pages = [
        "team/2024-03-05/",
        "updates/2023-11/",
        "sprint/2024-06-24-paris/summary/",
        "sprint/2024-06-24-paris/2024-06-24/",
        "references/",
        "topics/xyz-402/",
        "archive/",
        "",
    ]
    for url in pages:
        assert problems(Path(site.site_dir / url / "index.html")) == [], url
