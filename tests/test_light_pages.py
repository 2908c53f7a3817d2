"""Generated pages stay light: each report, action item or decision carries its own facts once, not what the
page's header already says (the person, the owner), and what every candidate shares is said once a page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import Site

TEAM = """\
# Team sync

## Updates

### Ada Lovelace

- wrote the parser
    - with `tokens=True`

### Grace Hopper

- fixed the compiler

## Action items

- [ ] Review the compiler (Ada Lovelace, Grace Hopper)
- [ ] Book the room (Ada Lovelace)
"""


@pytest.fixture
def team(make_site: Any) -> Site:
    site: Site = make_site({"team/2024-03-05.md": TEAM, "team/2024-03-12.md": TEAM}, strict=True)
    return site


def test_a_report_is_its_fragment_and_one_link_to_its_line(team: Site) -> None:
    ada = team.page("people/ada-lovelace/")
    entries = re.findall(r'<div class="minutes-entry minutes-entry-heading">(.*?)</div>', ada, re.S)
    assert len(entries) == 2  # one a meeting
    for entry in entries:
        assert entry.startswith("<ul>\n<li>wrote the parser<ul>")  # the notes' HTML, nested list and all
        link = re.search(r'<a class="minutes-entry-link" href="../../team/2024-03-(05|12)/#ada-lovelace">', entry)
        assert link is not None and entry.endswith(">line 5 of the notes</a>")
    assert "title=" not in ada[ada.index('<section class="minutes-reports"') : ada.index("</section>\n  </section>")]


def test_a_page_of_many_reports_adds_little_markup_to_each(make_site: Any) -> None:
    notes = {
        f"team/2024-{1 + n // 28:02d}-{1 + n % 28:02d}.md": TEAM.replace("parser", f"parser {n}") for n in range(40)
    }
    site = make_site(notes, strict=True)
    page = site.page("people/ada-lovelace/")
    reports = page[page.index('<section class="minutes-reports"') : page.index("</section>\n  </section>")]
    fragments = re.findall(r'<div class="minutes-entry minutes-entry-heading">(.*?)\n<a class', reports, re.S)
    assert len(fragments) == 40
    # Per report, besides the notes' own HTML: its meeting's heading (link, series), its section, the entry's
    # frame and its link to the line; about 380 bytes here, where indentation and a title per link made 520.
    assert (len(reports) - sum(len(fragment) for fragment in fragments)) / len(fragments) < 400
    first = reports.index('<section class="minutes-report"')
    assert not re.search(r">\s{2,}<", reports[first:])  # no indentation between the elements of the reports
