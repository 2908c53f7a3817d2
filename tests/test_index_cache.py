"""The index from what changed: a rebuild indexes again only the notes that changed (or whose people did), and
builds the archive a build from scratch builds, in the same process (``mkdocs serve``) and in a new one."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from minutes.archive import NoteFile
from minutes.index import Archive
from minutes.indexcache import IndexCache
from minutes.notecache import NoteCache
from minutes.settings import ReadSite, SourceFile, build_settings, read_archive, read_site

from .conftest import REPO, SEEDS

# A series of our own beside the sample notes: an action item followed from one meeting to the next, and
# people named by first name that a later edit can make someone else.
TEAM = {
    "team/2024-01-09.md": "# Weekly\n\n## Attendees\n\n- Olivier\n- Gaël Varoquaux\n\n### Olivier\n\n- released "
    "joblib 1.4, see joblib/joblib#1500\n\n## Action items\n\n- [ ] Olivier to write the release notes\n",
    "team/2024-01-16.md": "# Weekly\n\n### Olivier\n\n- loky CI\n\n## Action items\n\n"
    "- [x] Olivier to write the release notes\n",
    "team/2024-01-23.md": "# Weekly\n\n### Gaël\n\n- sprint on joblib\n\n## Decisions\n\n"
    "- Drop Python 3.8, proposed by Olivier\n",
}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """The sample notes and the team's, in ``tmp_path/docs``; ``tmp_path/mkdocs.yml`` puts the cache beside it."""
    shutil.copytree(SEEDS, tmp_path / "docs")
    for name, text in TEAM.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Minutes\n", encoding="utf-8")
    return tmp_path / "docs"


def _files(docs: Path) -> list[SourceFile]:
    return [SourceFile(path.relative_to(docs).as_posix(), str(path), True) for path in sorted(docs.rglob("*.md"))]


def _read(docs: Path, cache: NoteCache | None = None, options: dict[str, str] | None = None) -> ReadSite:
    """The site read as the plugin reads it, its caches beside ``mkdocs.yml``; ``cache`` as ``mkdocs serve``
    passes its own again."""
    return read_site(str(docs), options or {}, _files(docs), config_file=str(docs.parent / "mkdocs.yml"), cache=cache)


def _from_scratch(docs: Path, options: dict[str, str] | None = None) -> Archive:
    """The archive built without any cache: every note parsed, every note indexed."""
    settings = build_settings(str(docs), options or {})
    notes = [NoteFile(file.abs_path or "", file.path) for file in _files(docs)]
    return read_archive(settings, notes, {file.path for file in _files(docs)})


def _made(read: ReadSite) -> dict[str, int]:
    """What the last read made again, the rest kept: how many notes it indexed, whether it resolved the people,
    how many series' action items it followed."""
    return dict(IndexCache.beside(read.cache).made)


def _append(note: Path, text: str) -> None:
    note.write_text(note.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_an_edit_indexes_its_note_again_and_builds_what_a_build_from_scratch_builds(docs: Path) -> None:
    first = _read(docs)
    assert _made(first) == {"note": len(first.notes), "people": 1, "actions": 3}  # hackathons, sklearn-team, team
    again = _read(docs, first.cache)  # mkdocs serve, nothing changed
    assert _made(again) == {} and again.archive == first.archive
    _append(docs / "team/2024-01-23.md", "\n## Action items\n\n- [ ] Gaël to book the sprint room\n")
    edited = _read(docs, again.cache)
    assert _made(edited) == {"note": 1, "people": 1, "actions": 1}  # the note, the people, its series
    assert edited.archive == _from_scratch(docs)
    assert "Gaël to book the sprint room" in {action.text for action in edited.archive.actions}
    assert edited.archive != first.archive


def test_an_edit_that_makes_a_first_name_someone_else_indexes_again_the_notes_that_named_them(docs: Path) -> None:
    first = _read(docs)
    olivier = first.archive.find_person("Olivier")
    _append(docs / "team/2024-01-16.md", "\n## Attendees\n\n- Olivier Grisel @ogrisel\n")
    edited = _read(docs, first.cache)
    # "Olivier" of every note is now Olivier Grisel: the parts that asked for him are made again, the others kept
    assert edited.archive.find_person("Olivier") != olivier
    assert 1 < _made(edited)["note"] < len(edited.notes)
    assert edited.archive == _from_scratch(docs)


def test_other_options_index_again(docs: Path) -> None:
    first = _read(docs)
    options = {"default_repository": "scikit-learn/scikit-learn"}
    other = _read(docs, first.cache, options)
    assert _made(other)["note"] == len(other.notes)
    assert other.archive == _from_scratch(docs, options)
    assert other.archive.references != first.archive.references


# A new process reads the site as the plugin does and writes its archive and how many notes it indexed.
_NEW_PROCESS = """
import pickle, sys
from pathlib import Path
from typing import Any
from minutes.indexcache import IndexCache
from tests.test_index_cache import _read

read = _read(Path(sys.argv[1]))
Path(sys.argv[2]).write_bytes(pickle.dumps((read.archive, dict(IndexCache.beside(read.cache).made))))
"""


def test_a_new_process_uses_the_parts_kept_in_the_cache_folder(docs: Path, tmp_path: Path) -> None:
    first = _read(docs)
    assert (tmp_path / ".cache" / "minutes" / "index.sqlite").is_file()
    _append(docs / "sklearn-team/2021.md", "\n### Loïc\n\n- CI on ARM\n")
    out = tmp_path / "archive.pickle"
    subprocess.run([sys.executable, "-c", _NEW_PROCESS, str(docs), str(out)], check=True, cwd=REPO, timeout=600)
    archive, made = pickle.loads(out.read_bytes())
    assert made == {"note": 1, "people": 1, "actions": 1}  # the others' parts came from index.sqlite
    assert archive == _from_scratch(docs) != first.archive


def test_a_cache_folder_that_cannot_be_written_keeps_the_parts_in_memory(docs: Path, tmp_path: Path) -> None:
    (tmp_path / ".cache").write_text("not a folder", encoding="utf-8")
    first = _read(docs)
    assert _made(first)["note"] == len(first.notes)
    again = _read(docs, first.cache)
    assert _made(again) == {} and not (tmp_path / ".cache" / "minutes").exists()
    assert again.archive == first.archive == _from_scratch(docs)


def test_mkdocs_build_in_a_new_process_after_an_edit_builds_the_site_of_a_build_without_cache(make_site: Any) -> None:
    site = make_site(TEAM)  # its caches in .cache/minutes/ beside mkdocs.yml
    before = site.json()
    _append(site.root / "docs" / "team/2024-01-16.md", "\n## Decisions\n\n- Release joblib 1.5 in March\n")
    kept = site.root / "kept"
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(kept)]
    subprocess.run(command, check=True, cwd=site.root, timeout=600)
    fresh = make_site({}, plugins=["search", {"minutes": {"cache": False}}])
    assert json.loads((kept / "minutes.json").read_text(encoding="utf-8")) == fresh.json() != before


def test_a_damaged_index_file_is_left_for_the_memory_cache(docs: Path, tmp_path: Path) -> None:
    (tmp_path / ".cache" / "minutes").mkdir(parents=True)
    (tmp_path / ".cache" / "minutes" / "index.sqlite").write_bytes(b"not a database, " * 100)
    first = _read(docs)
    again = _read(docs, first.cache)
    assert _made(again) == {} and again.archive == first.archive == _from_scratch(docs)
