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


def _facts(page: str, text: str) -> str:
    """The facts line of the action item whose text holds ``text``."""
    item = re.search(rf"<li class=\"minutes-action-item[^>]*>(?:(?!</li>).)*{text}(?:(?!</li>).)*</li>", page, re.S)
    assert item is not None, text
    facts = re.search(r'<small class="minutes-facts">(.*?)</small>', item.group(0), re.S)
    assert facts is not None
    return facts.group(1)


def test_a_persons_action_items_name_the_other_owners_only(team: Site) -> None:
    ada = team.page("people/ada-lovelace/")
    records = ada[ada.index('id="action-items"') :]
    assert 'href="./"' not in records  # the page is Ada's: no item links to it again
    assert ' · with <a href="../grace-hopper/">Grace Hopper</a>' in _facts(records, "Review the compiler")
    assert "with" not in _facts(records, "Book the room")  # Ada's alone
    assert "data-found" not in records and "data-record" not in records  # no filter on a person's page reads them
    grace = team.page("people/grace-hopper/")
    assert ' · with <a href="../ada-lovelace/">Ada Lovelace</a>' in _facts(grace, "Review the compiler")


def test_under_an_owner_the_actions_page_names_the_other_owners_only(team: Site) -> None:
    page = team.page("actions/")
    groups = dict(re.findall(r'<h3 id="open-([a-z-]+)">.*?</h3>(.*?)</section>', page, re.S))
    assert set(groups) == {"ada-lovelace", "grace-hopper"}
    assert 'with <a href="../people/grace-hopper/">Grace Hopper</a>' in _facts(groups["ada-lovelace"], "Review")
    assert 'with <a href="../people/ada-lovelace/">Ada Lovelace</a>' in _facts(groups["grace-hopper"], "Review")
    assert "Ada Lovelace" not in _facts(groups["ada-lovelace"], "Book the room")
    # The filter counts items once each: an item listed under two owners carries its id, one listed once needs none.
    shared = re.search(
        r'<li class="minutes-action-item[^>]*>(?:(?!</li>).)*Review the compiler', groups["ada-lovelace"], re.S
    )
    single = re.search(
        r'<li class="minutes-action-item[^>]*>(?:(?!</li>).)*Book the room', groups["ada-lovelace"], re.S
    )
    assert shared is not None and single is not None
    assert 'data-found="explicit" data-record="team/2024-03-05#' in shared.group(0)
    assert 'data-found="explicit"' in single.group(0) and "data-record" not in single.group(0)


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
