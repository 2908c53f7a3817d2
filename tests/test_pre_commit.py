"""The shipped pre-commit hook, run by pre-commit itself on a repository of notes (``pre-commit try-repo``).

pre-commit installs this repository into an environment of its own, as it does for a team's repository
that lists the hook, then runs ``minutes check`` on the files it is given, as a commit would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

pytest.importorskip("pre_commit")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

GIT = ["git", "-c", "user.name=Minutes", "-c", "user.email=minutes@example.org", "-c", "commit.gpgsign=false"]
SITE = {"site_name": "Team minutes", "docs_dir": "docs", "theme": {"name": "material"}, "plugins": ["minutes"]}


def _git(folder: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=folder, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository as it is in the work tree (changes not yet committed included), committed in a copy."""
    copy = tmp_path_factory.mktemp("hook-repo")
    listed = _git(REPO, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    _git(copy, "init", "-q")
    _git(copy, "add", "-A", "--force")  # the files listed, even where .gitignore's "site/" matches
    _git(copy, "commit", "-q", "-m", "hook")
    return copy


def notes_repo(root: Path, notes: dict[str, str]) -> Path:
    (root / "mkdocs.yml").write_text(yaml.safe_dump(SITE), encoding="utf-8")
    for name, text in notes.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    return root


def try_repo(notes: Path, hook_repo: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` (which installs the hook afresh: about half a minute) on ``files``."""
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)  # plain output, wherever the tests run
    rev = _git(hook_repo, "rev-parse", "HEAD").strip()
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "minutes-check", "--ref", rev]
    return subprocess.run(
        [*command, "--files", *files], cwd=notes, env=env, capture_output=True, text=True, timeout=600
    )


def test_the_hook_checks_the_files_of_a_commit_in_their_series(tmp_path: Path, hook_repo: Path) -> None:
    """Two good notes of two series and an undated one: only the undated one fails, with its file and line."""
    notes = notes_repo(
        tmp_path,
        {
            "tsc/2024-09-16.md": "# TSC meeting\n\n- fine\n",
            "ops/2024-09-16.md": "# Ops sync\n\n- fine too\n",
            "ops/corridor.md": "# Corridor talk\n",
        },
    )
    files = ("docs/tsc/2024-09-16.md", "docs/ops/2024-09-16.md", "docs/ops/corridor.md")
    run = try_repo(notes, hook_repo, *files)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "minutes check" in run.stdout and "Failed" in run.stdout
    errors = [line for line in run.stdout.splitlines() if ": error: " in line]
    assert errors == [
        "docs/ops/corridor.md:1: error: no meeting date found (add 'date: YYYY-MM-DD' to the front matter, "
        "name the file YYYY-MM-DD.md, or start it with a dated heading)"
    ]
    assert "3 notes checked, of 3 notes" in run.stdout
