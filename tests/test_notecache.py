"""Parsing at archive scale: a second build parses only what changed; a pool parses as one process does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import minutes.notecache
from minutes.archive import NoteFile, build_archive
from minutes.notecache import CachedRunner, NoteCache
from minutes.parse import ParseOptions

NOTES = {
    f"team/2024-0{month}-1{day}.md": (
        f"# Weekly\n\n### Olivier\n\n- joblib {month}.{day}\n\n### Gael\n\n- hiring\n\n## Decisions\n\n- ship {month}\n"
    )
    for month in (1, 2, 3)
    for day in (1, 2)
}


def _files(root: Path) -> list[NoteFile]:
    for name, text in NOTES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return [NoteFile(str(root / name), name) for name in NOTES]


def _build(files: list[NoteFile], cache: NoteCache, options: ParseOptions | None = None, workers: int = 1) -> Any:
    cache.start_build()
    archive = build_archive(files, options, run=CachedRunner(cache, workers))
    cache.end_build()
    return archive


def test_a_second_build_parses_nothing_and_an_edit_parses_one_note(tmp_path: Path) -> None:
    files = _files(tmp_path / "docs")
    first = _build(files, NoteCache(str(tmp_path / "cache")))
    # a new process: the cache on disk serves every note
    cache = NoteCache(str(tmp_path / "cache"))
    second = _build(files, cache)
    assert (cache.hits, cache.misses) == (len(NOTES), 0)
    assert second.meetings == first.meetings and second.decisions == first.decisions
    (tmp_path / "docs" / "team/2024-02-11.md").write_text(
        "# Weekly\n\n### Loïc\n\n- CI\n\n### Gael\n\n- docs\n", encoding="utf-8"
    )
    third = _build(files, cache)
    assert (cache.hits, cache.misses) == (len(NOTES) - 1, 1)
    assert "Loïc" in {person.name for person in third.people}


def test_other_options_parse_again(tmp_path: Path) -> None:
    files = _files(tmp_path / "docs")
    cache = NoteCache(str(tmp_path / "cache"))
    _build(files, cache)
    _build(files, cache, ParseOptions(default_series="other", not_people=frozenset({"gael"})))
    assert (cache.hits, cache.misses) == (0, len(NOTES))


def test_a_pool_parses_as_one_process_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path / "docs")
    alone = _build(files, NoteCache())
    monkeypatch.setattr(minutes.notecache, "POOL_THRESHOLD", 0)
    pooled = _build(files, NoteCache(), workers=2)
    assert pooled.meetings == alone.meetings
    assert pooled.people == alone.people and pooled.decisions == alone.decisions


def test_a_cache_folder_that_cannot_be_written_leaves_the_memory_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = NoteCache(str(blocker / "cache"))
    files = _files(tmp_path / "docs")
    _build(files, cache)
    _build(files, cache)
    assert (cache.hits, cache.misses) == (len(NOTES), 0)
