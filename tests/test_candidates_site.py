"""Candidates and subjects on the site.

A record read from the text below the confidence the site shows is a *candidate*: minutes.json lists it
(``"shown": false``), the decisions log and the actions page list it hidden, for their Found filter to
show, and no other page lists it. An outcome whose words say nothing by themselves ("Approved") is shown
with its subject ("Vote on adopting the new charter: Approved") wherever it is listed.

The builds do not depend on the shipped model's thresholds: ``show_threshold`` (which the join imports
by name) is set to 0.99, so that every record read from the text is a candidate, or to 0, so that none is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from minutes.archive import NoteFile, build_archive
from minutes.records import join
from minutes.site import decision_pages
from minutes.site.search import archive_records

from .conftest import Site

NOTE = (
    "# Team meeting\n\n## Attendees\n\n- Ada Lovelace\n- Grace Hopper\n\n"
    "## Governance\n\n- Vote on adopting the new charter\n    - Approved\n"
    "- Grace Hopper will update the front page\n\n"
    "## Decisions\n\n- Decision: we meet on Thursdays\n\n"
    "## Action items\n\n- [ ] Book the room (Ada Lovelace)\n"
)
SUBJECT = "Vote on adopting the new charter"


def _threshold(monkeypatch: pytest.MonkeyPatch, value: float) -> None:
    monkeypatch.setattr(join, "show_threshold", lambda kind: value)


@pytest.fixture
def candidates(make_site: Any, monkeypatch: pytest.MonkeyPatch) -> Site:
    """The note, with what was read from its text below the shown confidence: two candidates."""
    _threshold(monkeypatch, 0.99)
    site: Site = make_site({"team/2024-03-05.md": NOTE}, strict=True)
    return site


@pytest.fixture
def shown(make_site: Any, monkeypatch: pytest.MonkeyPatch) -> Site:
    """The note, with everything read from its text shown."""
    _threshold(monkeypatch, 0.0)
    site: Site = make_site({"team/2024-03-05.md": NOTE}, strict=True)
    return site


def _record(page: str, text: str) -> str:
    """The opening tag of the record (decision or action item) of the page whose text holds ``text``."""
    for match in re.finditer(r"<(div|li) [^>]*\bminutes-record\b[^>]*>", page):
        end = page.find(f"</{match.group(1)}>", match.end())
        if text in page[match.end() : end]:
            return match.group(0)
    raise AssertionError(f"no record holds {text!r}")


def test_minutes_json_lists_the_candidates_as_not_shown(candidates: Site) -> None:
    data = candidates.json()
    decisions = {decision["text"]: decision for decision in data["decisions"]}
    actions = {action["text"]: action for action in data["actions"]}
    assert decisions["Approved"]["shown"] is False and decisions["Approved"]["subject"] == SUBJECT
    assert actions["Grace Hopper will update the front page"]["shown"] is False
    assert decisions["Decision: we meet on Thursdays"]["shown"] is True
    assert actions["Book the room (Ada Lovelace)"]["shown"] is True


def test_the_meeting_and_home_pages_leave_the_candidates_out(candidates: Site) -> None:
    meeting = candidates.page("team/2024-03-05/")
    box = meeting[meeting.index('<aside class="minutes-records"') : meeting.index("</aside>")]
    assert 'href="#decision-we-meet-on-thursdays"' in box and 'href="#action-book-the-room-ada-lovelace"' in box
    assert "Approved" not in box and "front page" not in box
    assert "Decisions (1)" in box and "Action items (1)" in box
    home = candidates.page("")
    assert "we meet on Thursdays" in home and "Approved" not in home and "front page" not in home


def test_the_decisions_log_lists_a_candidate_hidden_for_its_filter(candidates: Site) -> None:
    page = candidates.page("decisions/")
    record = _record(page, ">Approved")
    assert 'data-found="candidate"' in record and record.endswith(" hidden>")
    shown = _record(page, "we meet on Thursdays")
    assert 'data-found="explicit"' in shown and "hidden" not in shown
    assert '<option value="candidate">candidates (not shown by default)</option>' in page
    assert "candidate, not shown by default" in page
    # What a candidate is, the page says once; each says its own cue and confidence.
    assert page.count("A candidate is read from a sentence with a confidence below what the site shows") == 1
    assert re.search(r'title="read from the sentence \(\w+\), confidence 0\.\d\d">candidate, not shown', page)
    # The counts are of the decisions shown.
    assert "1 decision taken in 1 meeting, newest first." in page


def test_the_actions_page_lists_a_candidate_hidden_for_its_filter(candidates: Site) -> None:
    page = candidates.page("actions/")
    record = _record(page, "update the front page")
    assert 'data-found="candidate"' in record and record.endswith(" hidden>")
    assert "hidden" not in _record(page, "Book the room")
    assert '<option value="candidate">candidates (not shown by default)</option>' in page
    assert "1 open, and 0 done action items." in page


def test_without_candidates_the_filter_does_not_offer_them(shown: Site) -> None:
    for url in ("decisions/", "actions/"):
        page = shown.page(url)
        assert 'value="candidate"' not in page and 'data-found="candidate"' not in page, url
        assert "A candidate is read" not in page, url
        assert 'data-found="inferred"' in page, url
    assert shown.json()["decisions"][0]["shown"] is True


def test_an_outcome_is_shown_with_its_subject(shown: Site) -> None:
    span = f'<span class="minutes-subject">{SUBJECT}:</span> '
    meeting = shown.page("team/2024-03-05/")
    box = meeting[meeting.index('<aside class="minutes-records"') : meeting.index("</aside>")]
    assert f'<li>{span}<a href="#decision-approved">Approved</a></li>' in box
    assert "minutes-subject" not in box.replace(span, "")  # only "Approved" needs its subject
    log = shown.page("decisions/")
    assert f'<div class="minutes-fragment">{span}<span class="minutes-decision"></span>Approved' in log
    assert log.count("minutes-subject") == 1
    assert f"<li>{span}Approved (" in shown.page("")


def test_search_finds_an_outcome_by_its_subject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _threshold(monkeypatch, 0.0)
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "2024-03-05.md").write_text(NOTE, encoding="utf-8")
    archive = build_archive([NoteFile(str(tmp_path / "team" / "2024-03-05.md"), "team/2024-03-05.md")])
    contents = {record.content for record in archive_records(archive) if record.fields.kind == "decision"}
    assert f"{SUBJECT}: Approved" in contents
    assert "Decision: we meet on Thursdays" in contents


def test_candidates_take_room_on_the_pages_but_not_the_first_page_of_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log of a page per year: the newest year of candidates alone does not take ``decisions.md``."""
    _threshold(monkeypatch, 0.99)
    notes = {
        "team/2023-05-02.md": "# Team\n\n## Decisions\n\n- Decision: we meet on Thursdays\n",
        "team/2024-03-05.md": NOTE.replace("## Decisions\n\n- Decision: we meet on Thursdays\n\n", ""),
    }
    for name, text in notes.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    archive = build_archive([NoteFile(str(tmp_path / name), name) for name in notes])
    assert [d.text for d in archive.candidate_decisions] == ["Approved"]
    assert [d.text for d in archive.decisions] == ["Decision: we meet on Thursdays"]
    monkeypatch.setattr(decision_pages, "PAGE_BUDGET", decision_pages.WEIGHTS.frame + 10)
    pages = {page.path: page for page in decision_pages.decisions_pages(archive)}
    assert set(pages) == {"decisions.md", "decisions/2024.md"}
    assert pages["decisions.md"].context["year"] == 2023
    candidate_year = pages["decisions/2024.md"].context
    assert [item["found"] for year in candidate_year["years"] for item in year["decisions"]] == ["candidate"]
    assert candidate_year["count"] == 1  # the decisions shown, the log's
    assert {listed["year"]: listed["count"] for listed in candidate_year["year_pages"]} == {2024: 0, 2023: 1}
