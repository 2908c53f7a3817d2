"""People in real builds: person pages, the people index, the people file, ``minutes.json``."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

PEOPLE_FILE = """\
- name: Waldemar Horwat
  abbreviations: [WH]
  affiliation: Google
  handles: [waldemarhorwat]
  avatar: https://avatars.example.org/wh.png
- name: Olivier Grisel
  aliases: [Olivier]
  handles: [ogrisel]
"""

TRANSCRIPT = """\
# 30 January, 2023 Meeting Notes

| Name | Abbreviation | Organization |
| ---- | ---- | ---- |
| Ujjwal Sharma | USA | Igalia |

## Temporal

USA: The next meeting is in March.

WH: I object to this change.

USA: Noted.
"""

TEAM = """\
## Present

- Olivier Grisel @ogrisel
- Gael Varoquaux
- Loïc Estève

## Updates

### Olivier

- released joblib

### Gael

- hiring

## TODO / Next

- review the roadmap (Loïc)
"""


def person(site: Any, name: str) -> dict[str, Any]:
    return next(p for p in site.json()["people"] if p["name"] == name)


@pytest.fixture
def site(make_site: Any) -> Any:
    return make_site(
        {
            "people.yml": PEOPLE_FILE,
            "tc39/2023-01/jan-30.md": TRANSCRIPT,
            "team/2024-03-05.md": TEAM,
            "team/2024-03-12.md": TEAM.replace("Olivier\n\n- released", "Olivir\n\n- released"),
        }
    )


def test_the_people_file_next_to_the_notes_is_used_and_not_published(site: Any) -> None:
    assert not (site.site_dir / "people.yml").exists()
    waldemar = person(site, "Waldemar Horwat")
    assert waldemar["handles"] == ["waldemarhorwat"] and waldemar["abbreviations"] == ["WH"]
    assert [entry["text"] for entry in waldemar["entries"]] == ["I object to this change."]
    html = site.page("people/waldemar-horwat/")
    assert '<img class="minutes-avatar" src="https://avatars.example.org/wh.png"' in html
    assert '<a href="https://github.com/waldemarhorwat" rel="nofollow"><code>@waldemarhorwat</code></a>' in html
    assert '<abbr title="Waldemar Horwat">WH</abbr>' in html
    assert '<p class="minutes-meta minutes-affiliation">Google</p>' in html


def test_speaker_turns_link_to_their_paragraph(site: Any) -> None:
    ujjwal = person(site, "Ujjwal Sharma")
    assert [(e["text"], e["source"], e["meeting"], e["anchor"]) for e in ujjwal["entries"]] == [
        ("The next meeting is in March.", "speaker", "tc39/2023-01-30", "usa"),
        ("Noted.", "speaker", "tc39/2023-01-30", "usa-2"),
    ]
    meeting = site.page("tc39/2023-01/jan-30/")
    assert '<span class="minutes-speaker" id="usa-2">USA</span>: Noted.' in meeting
    page = site.page("people/ujjwal-sharma/")
    assert 'href="../../tc39/2023-01/jan-30/#usa"' in page and "The next meeting is in March." in page
    # "Noted." is a short reply: counted, linked, not listed.
    assert "Noted." not in page
    assert '<a href="../../tc39/2023-01/jan-30/#usa-2">1 short reply</a>' in page


def test_a_person_page_has_every_entry_newest_meeting_first(site: Any) -> None:
    olivier = person(site, "Olivier Grisel")
    assert olivier["aliases"] == ["Olivier"]
    assert olivier["meetings"] == ["team/2024-03-05", "team/2024-03-12"]
    assert [entry["meeting"] for entry in olivier["entries"]] == ["team/2024-03-05"]
    gael = site.page("people/gael-varoquaux/")
    reports = gael[gael.index('<section class="minutes-reports"') :]
    assert reports.index("12 March 2024") < reports.index("5 March 2024")
    assert "2 meetings, 2 reports; first" in gael
    assert '<svg class="minutes-chart" role="img" aria-label="Meetings of Gael Varoquaux per month"' in gael


def test_meetings_attended_without_speaking(site: Any) -> None:
    loic = site.page("people/loic-esteve/")
    assert '<h2 id="also-attended">Also attended</h2>' in loic
    assert re.search(r"12 March 2024</a> · Team \(owns an action item\)", loic)
    meeting = next(m for m in site.json()["meetings"] if m["id"] == "team/2024-03-05")
    assert meeting["attendees"] == ["olivier-grisel", "gael-varoquaux", "loic-esteve"]
    assert meeting["roles"]["loic-esteve"] == ["attendee", "owner"]


def test_a_misspelling_is_reported_in_the_build_log(site: Any) -> None:
    assert (
        "minutes: warning: team/2024-03-12.md:9: Olivir (2024-03-12.md:9) is new; did you mean Olivier Grisel"
        " (2 meetings)? (if so, correct the note, or add 'Olivir' to the aliases of Olivier Grisel in people.yml;"
        " if not, list Olivir in people.yml as a person of their own)"
    ) in site.messages()


def test_the_people_index_sorts_by_activity_and_by_name(site: Any) -> None:
    by_activity = site.page("people/")
    by_name = site.page("people-by-name/")
    assert 'sort <a href="../people-by-name/">by name</a>' in by_activity
    assert 'sort <a href="../people/">by activity</a>' in by_name

    def order(html: str) -> list[str]:
        return re.findall(r'<td><a href="[^"]+">([^<]+)</a></td>', html)

    assert order(by_activity)[:3] == ["Gael Varoquaux", "Olivier Grisel", "Loïc Estève"]
    assert order(by_name) == sorted(order(by_activity), key=lambda name: name.casefold().replace("ï", "i"))


def test_a_configured_people_file_outside_the_docs(make_site: Any, tmp_path: Path) -> None:
    (tmp_path / "team.yml").write_text("- name: Olivier Grisel\n  aliases: [Olivier]\n", encoding="utf-8")
    built = make_site({"team/2024-03-05.md": TEAM}, {"plugins": ["search", {"minutes": {"people_file": "team.yml"}}]})
    assert person(built, "Olivier Grisel")["meetings"] == ["team/2024-03-05"]


def test_errors_in_the_people_file_fail_a_strict_build_with_file_and_line(make_site: Any) -> None:
    with pytest.raises(Abort):
        make_site({"people.yml": "- name: Ada\n  handels: [ada]\n", "team/2024-03-05.md": TEAM}, strict=True)


def test_errors_in_the_people_file_are_logged_with_file_and_line(make_site: Any) -> None:
    built = make_site({"people.yml": "- name: Ada\n  handels: [ada]\n", "team/2024-03-05.md": TEAM})
    assert "minutes: people.yml:2: unknown field 'handels' (did you mean 'handles'?)" in built.messages(logging.WARNING)


def test_names_cannot_inject_html_or_escape_the_people_folder(make_site: Any) -> None:
    note = "## Present\n\n* Bob <img src=x onerror=alert(1)> Jones\n* ../../etc/passwd\n\n### Bob Jones\n\n- ok\n"
    built = make_site({"team/2024-03-05.md": note})
    ids = [p["id"] for p in built.json()["people"]]
    assert "bob-jones" in ids and all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", i) for i in ids)
    pages = {path.relative_to(built.site_dir).as_posix() for path in built.site_dir.rglob("index.html")}
    assert {f"people/{i}/index.html" for i in ids} <= pages
    assert "onerror" not in built.page("people/bob-jones/")


def test_minutes_json_gives_the_start_of_long_entries_and_the_whole_text_on_demand(make_site: Any) -> None:
    """minutes.json stays smaller than the notes: an entry refers to its paragraph and gives its start."""
    long = " ".join(f"word{number}" for number in range(200))
    notes = {
        "team/2024-03-05.md": f"# Weekly\n\n## Updates\n\n### Ada Lovelace\n\n{long}\n\n### Bob Jones\n\n- tests\n"
    }
    (entry,) = next(p for p in make_site(notes).json()["people"] if p["name"] == "Ada Lovelace")["entries"]
    assert entry["text"].endswith("…") and len(entry["text"]) <= 151 and long.startswith(entry["text"][:-1])
    # its paragraph: at its meeting's url, and its anchor there
    assert (entry["meeting"], entry["anchor"], entry["line"]) == ("team/2024-03-05", "ada-lovelace", 5)
    full = make_site(notes, config={"plugins": [{"minutes": {"json_full_text": True}}]}).json()
    (entry,) = next(p for p in full["people"] if p["name"] == "Ada Lovelace")["entries"]
    assert entry["text"] == long
