"""The benchmark's synthetic archive: deterministic, fully parsed, and meeting pages stay small.

No timings here (the machine is shared; ``make bench`` measures). What is
tested is what the figures rely on: the same seed writes the same notes, every
generated meeting is found, and a meeting page does not embed the archive in
its nav (on 1,000 meetings that nav alone made each page ~250 KB).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from .conftest import benchmark_module

MEETINGS = 60
SERIES = 5


def _generator() -> ModuleType:
    return benchmark_module("generate", "bench_generate")


def _tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*.md"))}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A generated archive built once with the plugin, and once more as plain pages in the auto nav."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = tmp_path_factory.mktemp("bench")
    _generator().generate(root / "docs", "teams", MEETINGS, SERIES, 7)
    sites = {}
    for name, plugins in (("minutes", ["search", "minutes"]), ("plain", ["search"])):
        settings = {"site_name": "Bench", "docs_dir": "docs", "theme": {"name": "material"}, "plugins": plugins}
        (root / f"{name}.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
        build(load_config(str(root / f"{name}.yml"), site_dir=str(root / name)))
        sites[name] = root / name
    data = json.loads((sites["minutes"] / "minutes.json").read_text(encoding="utf-8"))
    return {"root": root, "sites": sites, "data": data}


def test_same_seed_same_notes_other_seed_other_notes(tmp_path: Path) -> None:
    generator = _generator()
    generator.generate(tmp_path / "a", "teams", 30, 3, 1)
    generator.generate(tmp_path / "b", "teams", 30, 3, 1)
    generator.generate(tmp_path / "c", "teams", 30, 3, 2)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert _tree(tmp_path / "a") != _tree(tmp_path / "c")


def test_every_generated_meeting_is_found(built: dict[str, Any]) -> None:
    meetings = built["data"]["meetings"]
    assert len(meetings) == MEETINGS
    assert len({meeting["series"] for meeting in meetings}) == SERIES
    assert len({meeting["url"] for meeting in meetings}) == MEETINGS
    # running logs, dated file names, YYYY/MM/DD.md and steering notes are all there
    sources = [meeting["source"] for meeting in meetings]
    assert any(re.search(r"/\d{4}\.md$", source) for source in sources)
    assert any(re.search(r"/\d{4}/\d\d/\d\d\.md$", source) for source in sources)
    assert any(re.search(r"/\d{4}-\d\d-\d\d\.md$", source) for source in sources)
    assert any(re.search(r"/\d{4}-\d\d-\d\d-[a-z-]+\.md$", source) for source in sources)


def test_people_are_attributed_from_every_family(built: dict[str, Any]) -> None:
    people = built["data"]["people"]
    with_entries = [person for person in people if person["entries"]]
    assert len(with_entries) >= 10
    # Notes with ``### Name`` headings or ``[name=X]`` tags name everyone who reported. (The steering
    # notes, ``YYYY-MM-DD-<series>.md``, have only a ``## Present`` list, not read as attendees yet.)
    attributed = [m for m in built["data"]["meetings"] if not re.search(r"\d-[a-z-]+\.md$", m["source"])]
    assert len(attributed) >= MEETINGS // 2
    assert all(meeting["attendees"] for meeting in attributed), [m["id"] for m in attributed if not m["attendees"]]


def _links_to_other_meetings(html: str, meetings: list[dict[str, Any]], own: str) -> int:
    hrefs = set(re.findall(r'href="([^"#?]*)', html))
    names = {meeting["url"].rstrip("/").rsplit("/", 1)[-1] for meeting in meetings if meeting["url"] != own}
    return sum(1 for href in hrefs if href.rstrip("/").rsplit("/", 1)[-1] in names)


def test_meeting_pages_do_not_embed_the_archive_in_their_nav(built: dict[str, Any]) -> None:
    meetings = built["data"]["meetings"]
    meeting = next(m for m in meetings if re.search(r"/\d{4}-\d\d-\d\d\.md$", m["source"]))
    html = (built["sites"]["minutes"] / meeting["url"] / "index.html").read_text(encoding="utf-8")
    assert _links_to_other_meetings(html, meetings, meeting["url"]) <= 2  # previous and next
    # the plain build of the same note is the counter-example: its auto nav links every note
    plain = (built["sites"]["plain"] / meeting["source"][: -len(".md")] / "index.html").read_text(encoding="utf-8")
    assert _links_to_other_meetings(plain, meetings, meeting["url"]) > MEETINGS // 3


def _scaling() -> ModuleType:
    return benchmark_module("scaling", "bench_scaling")


def test_the_scaling_note_is_one_list_whose_items_are_read_as_records() -> None:
    """What ``benchmarks/scaling.py`` times (never timed here): a note of one list whose items every rule reads."""
    from minutes.parse import parse_note
    from minutes.reading.source import Source

    scaling = _scaling()
    text = scaling.note(80)
    assert text.count("\n    - ") == 10  # 80 items, 10 of them nested answers
    (meeting,) = parse_note(Source("2024-05-13.md", text)).meetings
    assert len(meeting.records.decisions) >= 10 and len(meeting.records.actions) >= 20
    assert len({action.anchor for action in meeting.records.actions}) == len(meeting.records.actions)
