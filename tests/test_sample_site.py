"""The sample site: the real seed notes in ``minutes/`` build into the promised site."""

from __future__ import annotations

import re
from typing import Any

import pytest

from minutes.parse import parse_note
from minutes.reading.source import read_note

from .conftest import SEEDS, build_sample


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build_sample(tmp_path_factory.mktemp("sample"))


def test_meetings_have_the_promised_dates(sample: Any) -> None:
    meetings = {(m["date"], m["end_date"]) for m in sample.json()["meetings"]}
    assert meetings == {("2021-09-14", None), ("2022-02-08", None), ("2024-06-24", "2024-06-26")}


def test_person_pages_exist_for_everyone_with_a_heading(sample: Any) -> None:
    names = {person["name"] for person in sample.json()["people"]}
    # "Guillaume" of the team notes is the "Guillaume Lemaitre" who leads a hackathon session.
    assert {"Olivier", "Guillaume Lemaitre", "Jérémie", "Loïc", "Julien", "Arturo", "Gael", "François"} <= names
    for slug in ("olivier", "guillaume-lemaitre", "jeremie", "loic", "julien", "arturo", "gael", "francois"):
        assert "<h1>" in sample.page(f"people/{slug}/")


def test_olivier_has_entries_in_two_meetings(sample: Any) -> None:
    olivier = next(p for p in sample.json()["people"] if p["name"] == "Olivier")
    assert {entry["meeting"] for entry in olivier["entries"]} == {"sklearn-team/2021-09-14", "sklearn-team/2022-02-08"}
    html = sample.page("people/olivier/")
    assert "MOOC review PRs" in html and "review joblib" in html


def test_no_section_heading_is_a_person(sample: Any) -> None:
    names = {person["name"].casefold() for person in sample.json()["people"]}
    for section in ("discussion", "todo / next", "logistics", "schedule", "location", "wifi", "next"):
        assert section not in names


def test_no_mojibake_anywhere(sample: Any) -> None:
    for page in sample.site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"√|‚Äú|‚Äù|‚Äô|Ã©|Ã¨", text), page


def test_meeting_page_links_edit_source_and_attendees(sample: Any) -> None:
    html = sample.page("sklearn-team/2022-02-08/")
    assert "edit/main/minutes/sklearn-team/2022.md" in html
    assert 'href="../../people/olivier/"' in html
    assert "8 February 2022" in html


def test_sample_site_every_person_of_the_seed_notes_with_their_entries(sample: Any) -> None:
    people = {p["name"]: p for p in sample.json()["people"]}
    team = ["Gael", "Alex", "Olivier", "François", "Julien", "Arturo", "Guillaume Lemaitre", "Jérémie", "Loïc"]
    for name in team:
        meetings = {entry["meeting"] for entry in people[name]["entries"] if entry["source"] == "heading"}
        assert meetings, name
    assert {e["meeting"] for e in people["Olivier"]["entries"]} == {
        "sklearn-team/2021-09-14",
        "sklearn-team/2022-02-08",
    }


def test_sample_site_owners_of_the_wimlds_item(sample: Any) -> None:
    note = parse_note(read_note(str(SEEDS / "sklearn-team" / "2022.md"), "sklearn-team/2022.md"))
    wimlds = next(
        n
        for n, line in enumerate((SEEDS / "sklearn-team" / "2022.md").read_text().split("\n"), 1)
        if "WiMLDS: issue picking" in line
    )
    owners = [m.name for m in note.meetings[0].mentions if m.kind == "owner" and m.line == wimlds]
    assert owners == ["François", "Olivier"]
    roles = next(m for m in sample.json()["meetings"] if m["id"] == "sklearn-team/2022-02-08")["roles"]
    assert "owner" in roles["francois"] and "owner" in roles["olivier"]


def test_sample_site_maren_westermann_leads_a_hackathon_session(sample: Any) -> None:
    maren = next(p for p in sample.json()["people"] if p["name"] == "Maren Westermann")
    assert maren["meetings"] == ["hackathons/2024-06-24-openml-sklearn"]
    [entry] = maren["entries"]
    assert entry["source"] == "leader"
    assert (entry["meeting"], entry["anchor"]) == ("hackathons/2024-06-24-openml-sklearn", "leader-maren-westermann")
    assert "Share our experiences organizing hackathons" in entry["text"]
    meeting = sample.page("hackathons/2024-06-24-openml-sklearn/")
    assert '<span class="minutes-leader" id="leader-maren-westermann"></span>' in meeting


def test_a_first_heading_that_repeats_the_title_is_not_shown_twice(sample: Any) -> None:
    page = sample.page("hackathons/2024-06-24-openml-sklearn/")
    titles = re.findall(r"<h1[^>]*>([^<]*)", page)
    assert titles[0] == "OpenML &lt;&gt; scikit-learn hackathon"
    assert "OpenML &lt;&gt; Scikit-learn Hackathon" not in titles  # the note's own "# ..." of the same words
    assert "Logistics" in titles  # the note's other top-level sections stay


def test_reports_are_searched_once_on_their_meeting_page(sample: Any) -> None:
    from .test_search import fragments

    index = fragments(sample.site_dir)
    holding = {entry["url"] for entry in index if "fixed loky and joblib CIs" in entry["content"]}
    assert holding == {"/sklearn-team/2022-02-08/"}
    # The person page still shows the report, and search finds the person by name.
    assert "fixed loky and joblib CIs" in sample.page("people/olivier/")
    assert next(entry for entry in index if entry["url"] == "/people/olivier/")["content"].startswith("Olivier")
