"""``minutes check`` and the records review: what was read from the text below the confidence the site shows
is a candidate; the note's author sees it with file and line, and a maintainer answers yes or no in
``records.yml``, which the build follows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from minutes.cli import load_site_config, main, read_site
from minutes.index import Archive

NOTE = """---
date: 2024-09-10
title: Working group sync
---

## Votes

- Vote on adopting the new charter
    - Approved
- Decision: keep the meeting on Tuesdays
"""
MKDOCS_YML = {"site_name": "Team minutes", "docs_dir": "notes", "plugins": ["minutes"]}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site of one note whose "Approved" is read from the text; the site shows such records only from a
    confidence of 0.99, so that it is a candidate whatever the shipped weights say of it."""
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(MKDOCS_YML), encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "2024-09-10.md").write_text(NOTE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("minutes.records.join.show_threshold", lambda kind: 0.99)
    return tmp_path


def _archive(site: Path) -> Archive:
    return read_site(load_site_config(str(site / "mkdocs.yml"))).archive


def test_check_lists_the_candidates_of_a_note_with_file_and_line(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "notes/2024-09-10.md"]) == 0
    out = capsys.readouterr()
    lines = [line for line in out.out.splitlines() if "candidate" in line]
    assert len(lines) == 1, out.out
    assert lines[0].startswith("notes/2024-09-10.md:9: candidate: reads as a decision (")
    assert lines[0].endswith("write `Decision:` to publish it")
    assert "1 candidates" in out.err


def test_check_under_github_annotates_the_candidate_and_summarises_it(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = site / "summary.md"
    assert main(["check", "--github", "notes/2024-09-10.md"]) == 0
    annotations = [line for line in capsys.readouterr().out.splitlines() if line.startswith("::notice")]
    assert annotations and "file=notes/2024-09-10.md,line=9" in annotations[0]
    assert "reads as a decision" in annotations[0]
    main(["check", "notes/2024-09-10.md", "--github"])  # GITHUB_STEP_SUMMARY is unset: no summary file
    assert not summary.exists()


def test_the_candidate_is_not_shown_and_carries_its_subject(site: Path) -> None:
    archive = _archive(site)
    assert [decision.text for decision in archive.decisions] == ["Decision: keep the meeting on Tuesdays"]
    (candidate,) = archive.candidate_decisions
    assert candidate.text == "Approved" and candidate.subject == "Vote on adopting the new charter"
    assert candidate.candidate


def test_the_review_file_is_drafted_and_honoured(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--records"]) == 0
    review = site / "notes" / "records.yml"
    text = review.read_text(encoding="utf-8")
    (candidate,) = _archive(site).candidate_decisions
    assert "  # 2024-09-10.md:9 (" in text and f"  {candidate.id}:" in text
    assert yaml.safe_load(text) == {"decisions": {candidate.id: None}, "actions": {}}

    review.write_text(text.replace(f"{candidate.id}:", f"{candidate.id}: yes"), encoding="utf-8")
    archive = _archive(site)
    assert candidate.id in {decision.id for decision in archive.decisions} and not archive.candidate_decisions

    assert main(["check", "--records"]) == 0  # drafted again: the answer given is kept
    assert f"{candidate.id}: yes" in review.read_text(encoding="utf-8")  # no candidate any more, but answered
    review.write_text(f"decisions:\n  {candidate.id}: no\n", encoding="utf-8")
    archive = _archive(site)
    assert candidate.id not in {d.id for d in (*archive.decisions, *archive.candidate_decisions)}


def test_a_wrong_answer_in_the_review_file_is_an_error_naming_it(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "notes" / "records.yml").write_text("decisions:\n  meetings/x#decision-y: maybe\n", encoding="utf-8")
    assert main(["check"]) == 1
    assert "records.yml: error: meetings/x#decision-y: write yes or no in the records file, not 'maybe'" in (
        capsys.readouterr().out
    )


def test_the_review_is_drafted_in_the_records_file_the_site_configures(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "review").mkdir()
    (site / "review" / "answers.yml").write_text("decisions: {}\n", encoding="utf-8")
    settings = {**MKDOCS_YML, "plugins": [{"minutes": {"records_file": "review/answers.yml"}}]}
    (site / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    assert main(["check", "--records"]) == 0
    (candidate,) = _archive(site).candidate_decisions
    assert f"  {candidate.id}:" in (site / "review" / "answers.yml").read_text(encoding="utf-8")
    assert not (site / "notes" / "records.yml").exists()
