"""The evaluation harness (``benchmarks/eval.py``) on small labels and notes written here: no corpus needed.

What the figures rely on: names compared accent- and case-insensitively, exact matches before lenient
ones, one to one, neighbouring bullets kept apart, the plugin's items mapped to the line where they
start (also in a later meeting that lists an item again), and each archive measured by a model trained without it.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import REPO


def _harness() -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))  # its sibling learn.py, as when run as a script
    spec = importlib.util.spec_from_file_location("bench_eval", REPO / "benchmarks" / "eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


ev = _harness()

NOTE = """\
# Team meeting

## Present

- Alice Martin
- Bob Stone

## Release

Decision: we ship 1.0 next week.

- [ ] Alice to write the release post
- ACTION: Bob to review the changelog
- [ ] Bob to tag the release

### Conclusion

The group agreed to drop Python 3.8.

## Other

- Carol will look into the CI
- Sounds good
"""
# No final newline: the last line still counts.
LATER = "# Team meeting\n\n## Notes\n\n- Resolved: keep the API\n- [x] Bob to tag the release"


def _label(line: int, kind: str = "action", owners: tuple[str, ...] = (), file: str = "a.md") -> object:
    return ev.Label(file, line, kind, owners)


def _found(line: int, kind: str = "action", owners: tuple[frozenset[str], ...] = (), file: str = "a.md") -> object:
    return ev.Found(file, line, kind, owners)


def test_names_compare_without_accents_case_or_at() -> None:
    assert ev.fold("Jérémie  du Boisberranger") == "jeremie du boisberranger"
    assert ev.fold("@JDB") == "jdb"
    assert ev.fold("**Olivier**") == "olivier"


def test_lines_count_as_the_labels_number_them(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    path.write_bytes(b"\xef\xbb\xbfone\r\ntwo\rthree")
    assert ev.note_lines(path) == ["one", "two", "three"]


def test_shape_keeps_items_paragraphs_and_headings_apart() -> None:
    lines = [
        "## Topic",  # 1
        "a paragraph",  # 2
        "that goes on",  # 3
        "",  # 4
        "- first",  # 5
        "  continued",  # 6
        "    - nested",  # 7
        "- second",  # 8
        "| a | b |",  # 9
        "| c | d |",  # 10
        "```",  # 11
        "- not an item",  # 12
        "```",  # 13
    ]
    shape = ev.shape(lines)
    assert shape.near(2, 3) and shape.near(5, 6)  # a paragraph, an item with its continuation
    assert shape.near(1, 2)  # the first line under a heading
    assert shape.near(6, 7)  # a bullet nested in the one above
    assert shape.block[4] != shape.block[6] and not shape.near(5, 7)  # a nested item is a block of its own
    assert not shape.near(7, 8)  # the next bullet is another item, whatever its indent
    assert not shape.near(9, 10)  # two table rows
    assert not shape.near(3, 4) and not shape.near(2, 5)  # a blank line, two lines apart
    assert shape.block[10] == shape.block[11] == shape.block[12]  # a fenced block is one block
    assert not shape.near(0, 1) and not shape.near(13, 14)


def test_exact_matches_first_then_lenient_one_to_one_nearest_first() -> None:
    shape = ev.shape(["- Next:", "  - Alice to review", "  - Bob to merge", "- other"])
    labels = [_label(2), _label(3)]
    found = [_found(1), _found(3), _found(4)]
    matching = ev.match(labels, found, {"a.md": shape})
    exact = [(p.label.line, p.found.line) for p in matching.pairs if p.exact]
    lenient = [(p.label.line, p.found.line) for p in matching.pairs if not p.exact]
    assert exact == [(3, 3)]
    assert lenient == [(2, 1)]  # the label line heading the list, one line above
    assert [label.line for label in matching.missed] == [2]  # exact misses; the lenient pair is reported apart
    assert [item.line for item in matching.alarms] == [1, 4]
    # A found item pairs with one label only, even when two are near it (here: in its paragraph).
    paragraph = ev.shape(["We agreed", "to do this", "and that."])
    one = ev.match([_label(1), _label(3)], [_found(2)], {"a.md": paragraph})
    assert [(p.label.line, p.found.line, p.exact) for p in one.pairs] == [(1, 2, False)]


def test_kinds_and_files_never_match_each_other() -> None:
    evaluation = ev.evaluate(
        [_label(1, "decision"), _label(1, "action", file="b.md")],
        [_found(1, "action"), _found(1, "decision", file="b.md"), _found(1, "action", file="elsewhere.md")],
        ["a.md", "b.md"],
        {"a.md": ["Decided: yes"], "b.md": ["Bob to do it"]},
    )
    for kind in ("decision", "action"):
        assert evaluation.exact[kind].tp == 0 and evaluation.lenient[kind].tp == 0
        assert evaluation.exact[kind].found == 1  # the file nobody labelled is left out
    assert evaluation.files == 2 and evaluation.lines == 2


def test_owners_agree_when_the_same_people_are_named() -> None:
    alice = frozenset({"alice martin", "alice", "am", "amartin"})
    bob = frozenset({"bob stone", "bob"})
    assert ev.owners_agree([], [])
    assert ev.owners_agree(["ALICE"], [alice])
    assert ev.owners_agree(["@amartin", "Bob"], [bob, alice])
    assert not ev.owners_agree(["Alice"], [])
    assert not ev.owners_agree([], [alice])
    assert not ev.owners_agree(["Alice", "Alice"], [alice, bob])
    assert not ev.owners_agree(["Carol"], [alice])


def test_scores() -> None:
    score = ev.Score(labels=4, found=2, tp=1)
    assert (score.fp, score.fn, score.recall, score.precision) == (1, 3, 0.25, 0.5)
    assert score.f1 == pytest.approx(1 / 3)
    assert ev.Score(0, 0, 0).recall is None and ev.Score(0, 0, 0).f1 is None
    assert ev.Score(3, 2, 0).f1 == 0.0
    assert ev.Score(2, 0, 0).precision is None and ev.Score(2, 0, 0).recall == 0.0
    figures = score.figures()
    assert figures["tp"] == 1 and figures["fn"] == 3 and figures["recall"] == 0.25


_DEV = [
    {"file": "notes/2024-01-10.md", "line": 10, "kind": "decision", "owners": []},
    {"file": "notes/2024-01-10.md", "line": 12, "kind": "action", "owners": ["alice"]},
    {"file": "notes/2024-01-10.md", "line": 13, "kind": "action", "owners": ["Bob"]},
    {"file": "notes/2024-01-10.md", "line": 14, "kind": "action", "owners": ["Alice"]},  # not Bob's
    {"file": "notes/2024-01-10.md", "line": 18, "kind": "decision", "owners": []},
    {"file": "notes/2024-01-10.md", "line": 22, "kind": "action", "owners": ["Carol"]},
    {"file": "notes/2024-01-10.md", "line": 23, "kind": "decision", "owners": []},  # labelled to have a miss
]
_LATER = [
    {"file": "notes/2024-01-17.md", "line": 5, "kind": "decision", "owners": []},
    {"file": "notes/2024-01-17.md", "line": 6, "kind": "action", "owners": ["Bob"]},
]


def _rows(rows: list[dict[str, object]]) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


def _archive(root: Path) -> tuple[Path, Path]:
    """Two archives of the same two notes (a team's and a council's), labelled, the first note twice."""
    corpora, labels = root / "corpora", root / "labels"
    (labels / "second").mkdir(parents=True)
    (labels / "first").mkdir(parents=True)
    manifest = {}
    for name in ("team", "council"):
        notes = corpora / name / "notes"
        notes.mkdir(parents=True)
        (notes / "2024-01-10.md").write_text(NOTE, encoding="utf-8")
        (notes / "2024-01-17.md").write_text(LATER, encoding="utf-8")
        manifest[name] = {"files": ["notes/2024-01-10.md", "notes/2024-01-17.md"], "second": ["notes/2024-01-10.md"]}
        (labels / f"{name}.jsonl").write_text(_rows(_DEV + _LATER), encoding="utf-8")
        (labels / "first" / f"{name}.jsonl").write_text(_rows(_DEV), encoding="utf-8")
        # the second labeller did not label "Sounds good" (line 23) as a decision
        (labels / "second" / f"{name}.jsonl").write_text(_rows(_DEV[:-1]), encoding="utf-8")
    (labels / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return corpora, labels


def test_the_plugin_items_map_to_the_lines_where_they_start(tmp_path: Path) -> None:
    corpora, _ = _archive(tmp_path)
    extraction = ev.extract(corpora / "team")
    places = {(item.file, item.line, item.kind) for item in extraction.found}
    first, later = "notes/2024-01-10.md", "notes/2024-01-17.md"
    assert (first, 10, "decision") in places  # "Decision: ..." on its line
    assert (first, 18, "decision") in places  # a "### Conclusion" section: its text's first line, not the heading
    assert (first, 16, "decision") not in places
    assert {(first, 12, "action"), (first, 13, "action"), (first, 14, "action")} <= places
    assert (later, 5, "decision") in places  # the last line of a file without a final newline
    assert (later, 6, "action") in places  # the same item, listed again (done) in the next meeting
    assert extraction.notes == 2 and extraction.meetings == 2
    assert {"on_files", "core", "records", "extractors"} <= set(extraction.seconds)
    assert extraction.seconds["records"] <= extraction.seconds["core"] <= extraction.seconds["on_files"]


def test_only_the_labelled_files_are_built_when_asked(tmp_path: Path) -> None:
    corpora, _ = _archive(tmp_path)
    extraction = ev.extract(corpora / "team", files=["notes/2024-01-17.md"])
    assert extraction.notes == 1 and {item.file for item in extraction.found} == {"notes/2024-01-17.md"}


def test_each_archive_is_measured_by_a_model_that_never_saw_it(tmp_path: Path) -> None:
    corpora, labels = _archive(tmp_path)
    printed: list[str] = []
    figures = ev.run(corpora, labels, show=True, out=printed.append)
    team = figures["archives"]["team"]
    assert team["rules/decision"]["labels"] == 4 and team["rules/decision"]["tp"] == 3
    assert team["rules/decision"]["fn"] == 1  # "Sounds good" is no decision
    assert team["rules/action"]["labels"] == 5 and team["rules/action"]["tp"] == 5
    assert team["rules/action"]["owners_agree"] == 4 and team["rules/action"]["owners_matched"] == 5
    assert team["shown/decision"]["found"] <= team["records/decision"]["found"]  # shown: part of the records
    assert set(team["record_threshold"]) == {"decision", "action"}
    assert figures["agreement"] == {"decision": 0.8, "action": 1.0}  # 2 of 3 and 2 decisions; 4 of 4 actions
    text = "\n".join(printed)
    assert "leave-one-archive-out" in text and "mean F1" in text
    assert "team: 2 files, " in text and "council: 2 files, " in text
    assert "notes/2024-01-10.md:23: - Sounds good" in text  # --show: the misses of the held-out archive


def test_main_writes_json(tmp_path: Path) -> None:
    corpora, labels = _archive(tmp_path)
    out = tmp_path / "out" / "figures.json"
    assert ev.main(["--corpora", str(corpora), "--labels", str(labels), "--json", str(out), "--archive", "team"]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert set(figures["archives"]) == {"team"}  # only the team held out, the council measured never
    assert "mean/decision" in figures


def test_no_corpora_is_a_clean_skip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ev.main(["--corpora", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_the_corpora_are_found_beside_the_main_worktree(tmp_path: Path) -> None:
    main, linked = tmp_path / "main", tmp_path / "wt" / "eval"
    (main / ".git" / "worktrees" / "eval").mkdir(parents=True)
    (main / ".git" / "worktrees" / "eval" / "commondir").write_text("../..\n", encoding="utf-8")
    (tmp_path / "shared" / "corpora").mkdir(parents=True)
    linked.mkdir(parents=True)
    (linked / ".git").write_text(f"gitdir: {main / '.git' / 'worktrees' / 'eval'}\n", encoding="utf-8")
    assert ev.default_corpora(linked) == tmp_path / "shared" / "corpora"
    assert ev.default_corpora(main) == tmp_path / "shared" / "corpora"
