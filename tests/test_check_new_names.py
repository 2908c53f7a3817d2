"""``minutes check`` with zero configuration: a name new to the archive, close to a known person, is said."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from minutes.cli import main

MKDOCS_YML = {"site_name": "Team", "docs_dir": "notes", "theme": {"name": "material"}, "plugins": ["minutes"]}


def note(name: str) -> str:
    return f"## Updates\n\n### {name}\n\n- worked on the docs\n\n### Guillaume\n\n- reviewed\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(MKDOCS_YML), encoding="utf-8")
    for day in (1, 8, 15, 22, 29):
        path = tmp_path / "notes" / "team" / f"2024-04-{day:02d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(note("Olivier"), encoding="utf-8")
    (tmp_path / "notes" / "team" / "2024-05-13.md").write_text(note("Oliver"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_suggests_olivier_for_oliver_without_a_people_file(site: Path, capsys: Any) -> None:
    status = main(["check", "--no-github", "notes/team/2024-05-13.md"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith(
        "notes/team/2024-05-13.md:3: warning: Oliver (2024-05-13.md:3) is new; did you mean Olivier (5 meetings)?"
    )


def test_check_under_github_annotates_the_line(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--github", "notes/team/2024-05-13.md"])
    out = capsys.readouterr().out
    assert out.startswith(
        "::warning file=notes/team/2024-05-13.md,line=3,title=minutes check::Oliver (2024-05-13.md:3) is new;"
    )


def test_an_alias_in_the_people_file_silences_it(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (site / "notes" / "people.yml").write_text("- name: Olivier\n  aliases: [Oliver]\n", encoding="utf-8")
    main(["check", "--no-github", "notes/team/2024-05-13.md"])
    assert "is new" not in capsys.readouterr().out
