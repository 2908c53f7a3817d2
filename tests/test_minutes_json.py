"""``minutes.json`` says each thing once and stays smaller than the notes: addresses said by their meeting,
texts as their start unless ``json_full_text`` asks for the whole, what only some items have left out where it
is empty, candidates with what a person needs to confirm them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from minutes.archive import NoteFile, build_archive
from minutes.site.minutes_json import EXCERPT, archive_json

from .conftest import Site, benchmark_module

LONG = "the benchmark suite shows a small regression on wide datasets " * 4
NOTE = f"""\
# Team sync

## Present

- Ada Lovelace
- Grace Hopper

## Updates

### Ada Lovelace

- {LONG}

## Decisions

- Decision: we adopt {LONG}

## Action items

- [ ] Review the compiler (Ada Lovelace, Grace Hopper)
- [x] Book the room (Ada Lovelace)

See [the fix](https://github.com/org/tools/pull/7) and org/tools#7.
"""
LATER = "# Team sync\n\n## Action items\n\n- [ ] Review the compiler (Ada Lovelace, Grace Hopper)\n"


@pytest.fixture
def site(make_site: Any) -> Site:
    built: Site = make_site({"team/2024-03-05.md": NOTE, "team/2024-03-12.md": LATER}, strict=True)
    return built


def test_an_entry_is_addressed_by_its_meeting_and_a_record_by_its_url(site: Site) -> None:
    data = site.json()
    urls = {meeting["id"]: meeting["url"] for meeting in data["meetings"]}
    (entry,) = next(person for person in data["people"] if person["name"] == "Ada Lovelace")["entries"]
    assert "url" not in entry and f'id="{entry["anchor"]}"' in site.page(urls[entry["meeting"]])
    for record in (*data["decisions"], *data["actions"]):
        meeting, _, anchor = record["id"].partition("#")
        assert meeting == record["meeting"] and record["url"] == f"{urls[meeting]}#{anchor}"  # SPEC section 3
        assert f'id="{anchor}"' in site.page(urls[meeting]), record["id"]
    (reference,) = data["references"]
    assert reference["id"] == "org/tools#7" and "repo" not in reference and "number" not in reference
    assert reference["url"] == "https://github.com/org/tools/pull/7"


def test_a_text_is_its_start_unless_the_whole_is_asked_for(site: Site, make_site: Any) -> None:
    data = site.json()
    (decision,) = data["decisions"]
    assert decision["text"].endswith("…") and len(decision["text"]) <= EXCERPT + 1
    assert f"Decision: we adopt {LONG}".startswith(decision["text"][:-1])
    full = make_site({"team/2024-03-05.md": NOTE}, config={"plugins": [{"minutes": {"json_full_text": True}}]})
    assert full.json()["decisions"][0]["text"] == f"Decision: we adopt {LONG}".strip()


def test_what_only_some_items_have_is_left_out_where_it_is_empty(site: Site) -> None:
    actions = {action["text"]: action for action in site.json()["actions"]}
    review, room = actions["Review the compiler (Ada Lovelace, Grace Hopper)"], actions["Book the room (Ada Lovelace)"]
    assert review["meetings"] == ["team/2024-03-05", "team/2024-03-12"]  # carried to a later meeting
    assert review["status"] == "open" and "done_in" not in review and "subject" not in review
    assert room["status"] == "done" and room["done_in"] == "team/2024-03-05" and "meetings" not in room
    assert "names" not in review and review["owners"] == ["ada-lovelace", "grace-hopper"]
    meeting = site.json()["meetings"][0]
    assert meeting["end_date"] is None  # SPEC's fields stay, empty or not
    assert not {"absent", "status", "companion_of", "companions"} & set(meeting)


def test_a_candidate_carries_what_a_person_needs_to_confirm_it(tmp_path: Path, monkeypatch: Any) -> None:
    from .test_candidates_site import NOTE as CANDIDATES
    from .test_candidates_site import _threshold

    _threshold(monkeypatch, 0.99)
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "2024-03-05.md").write_text(CANDIDATES, encoding="utf-8")
    archive = build_archive([NoteFile(str(tmp_path / "team" / "2024-03-05.md"), "team/2024-03-05.md")])
    candidate = next(action for action in archive_json(archive)["actions"] if not action["shown"])
    assert {"id", "meeting", "url", "text", "line", "cue", "confidence", "owners", "status"} <= set(candidate)
    assert not {"explicit", "done_in", "open_for", "age", "meetings"} & set(candidate)


@pytest.mark.parametrize("family", [None, "headings", "name-tags"])
def test_minutes_json_stays_smaller_than_the_notes(tmp_path: Path, family: str | None) -> None:
    """On the benchmark's notes (``benchmarks/generate.py``), a smaller archive of each family. The families
    densest in records (a meeting of ``present`` is a few lines of text around three records and three issues;
    ``running-log`` sections hold five candidates each) stay under their notes at the benchmark's 1,000 meetings
    (``make bench``), about even at a few hundred."""
    size = benchmark_module("generate", "bench_generate").generate(tmp_path, "teams", 300, 10, 1, family)
    files = [NoteFile(str(path), path.relative_to(tmp_path).as_posix()) for path in sorted(tmp_path.rglob("*.md"))]
    text = json.dumps(archive_json(build_archive(files)), ensure_ascii=False, separators=(",", ":"))
    assert len(text.encode("utf-8")) < size  # SPEC: the file stays smaller than the notes
