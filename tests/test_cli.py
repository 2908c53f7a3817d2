"""``minutes new`` and ``minutes check`` in a folder of notes with a site configured, as a note taker runs them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from minutes.cli import main

TODAY = dt.date.today().isoformat()
MKDOCS_YML = {
    "site_name": "Team minutes",
    "site_url": "https://example.org/minutes/",
    "repo_url": "https://github.com/example/team",
    "docs_dir": "notes",
    "theme": {"name": "material"},
    "plugins": [
        {
            "minutes": {
                "default_series": "board",
                "not_people": ["Infra"],
                "exclude": ["index.md", "drafts/*"],
                "people_file": "people.yml",
            }
        }
    ],
}
PEOPLE = "Olivier Grisel:\n  aliases: [Olivier]\n  github: ogrisel\nLoïc Estève:\n  aliases: [Loïc]\n"
NOTES = {
    "tsc/2024-09-09.md": (
        "# TSC meeting\n\n### Olivier\n\n- reviewed #123\n\n### Loïc\n\n- released 1.5\n\n"
        "## Decisions\n\n- Decision: ship 1.5 on Monday\n\n## Action items\n\n- [ ] Olivier to write the announcement\n"
    ),
    "tsc/2024-09-16.md": "# TSC meeting\n\n### Olivier\n\n- reviewed #124\n\n### Loïc\n\n- released 1.5.1\n",
    "ops/2024-09-16.md": "# Ops sync\n\n### Loïc\n\n- the build farm is back\n\n### Infra\n\n- new runners\n",
    "drafts/idea.md": "# An idea\n\nNo date: but drafts are not notes here.\n",
}


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site: mkdocs.yml (with options), people.yml beside it, notes of two series; the current folder."""
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(MKDOCS_YML), encoding="utf-8")
    (tmp_path / "people.yml").write_text(PEOPLE, encoding="utf-8")
    write(tmp_path / "notes", NOTES)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- minutes check ---


def test_check_passes_two_good_notes_of_two_series_given_as_file_paths(site: Path, capsys) -> None:
    status, out, err = run(capsys, "check", "notes/tsc/2024-09-16.md", "notes/ops/2024-09-16.md")
    assert (status, out) == (0, "")
    assert err.startswith("2 notes checked, of 3 notes: 3 became 3 meetings")


def test_check_fails_on_an_undated_note_naming_file_and_line(site: Path, capsys) -> None:
    write(site / "notes", {"tsc/corridor.md": "# Notes from the corridor\n\nNo date anywhere.\n"})
    status, out, _ = run(capsys, "check", "notes/tsc/corridor.md", "notes/ops/2024-09-16.md")
    assert status == 1
    assert out.splitlines() == [
        "notes/tsc/corridor.md:1: error: no meeting date found (add 'date: YYYY-MM-DD' to the front matter, "
        "name the file YYYY-MM-DD.md, or start it with a dated heading)"
    ]
    assert run(capsys, "check")[0] == 1  # the whole docs folder holds it too
    assert run(capsys, "check", "notes/ops")[0] == 0  # but not the ops folder


def test_check_suggests_the_known_person_for_a_misspelt_name(site: Path, capsys) -> None:
    write(site / "notes", {"tsc/2024-09-23.md": "# TSC meeting\n\n### Olivir\n\n- reviewed #125\n\n### Loïc\n\n- ok\n"})
    status, out, _ = run(capsys, "check", "notes/tsc/2024-09-23.md")
    assert status == 0  # a warning
    assert out.splitlines() == [
        "notes/tsc/2024-09-23.md:3: warning: Olivir (2024-09-23.md:3) is new; did you mean Olivier Grisel"
        " (2 meetings)? (if so, correct the note, or add 'Olivir' to the aliases of Olivier Grisel in people.yml;"
        " if not, list Olivir in people.yml as a person of their own)"
    ]


def test_check_honours_mkdocs_yml(site: Path, capsys) -> None:
    # exclude: drafts are ordinary pages, not notes; not_people: "Infra" is a section, not a person
    status, out, err = run(capsys, "check", "notes/drafts/idea.md")
    assert (status, out) == (0, "")
    assert "notes/drafts/idea.md: not a note of this site (see notes and exclude): not checked" in err
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    options = config["plugins"][0]["minutes"]
    del options["exclude"], options["not_people"]
    (site / "bare.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    status, out, _ = run(capsys, "check", "-f", "bare.yml", "notes/drafts/idea.md")
    assert status == 1 and out.startswith("notes/drafts/idea.md:1: error: no meeting date found")
    from minutes.cli import load_site_config, read_site

    people = {str(Path(name)): read_site(load_site_config(name)) for name in ("mkdocs.yml", "bare.yml")}
    assert sorted(person.name for person in people["mkdocs.yml"].archive.people) == ["Loïc Estève", "Olivier Grisel"]
    assert "Infra" in [person.name for person in people["bare.yml"].archive.people]
    # default_repository from repo_url, default_series for the notes at the top
    archive = people["mkdocs.yml"].archive
    assert [reference.id for reference in archive.references] == ["example/team#123", "example/team#124"]


def test_check_reads_the_people_file_and_reports_its_errors(site: Path, capsys) -> None:
    (site / "people.yml").write_text(PEOPLE + "Olivier Dupont:\n  aliases: [Olivier]\n", encoding="utf-8")
    status, out, _ = run(capsys, "check")
    assert status == 1 and out.startswith("people.yml:6: error: 'Olivier' is given to Olivier Dupont and to")


def test_check_finds_mkdocs_yml_above_the_paths(site: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site / "notes" / "tsc")
    status, out, err = run(capsys, "check", "2024-09-16.md")
    assert (status, out) == (0, "") and err.startswith("1 note checked, of 3 notes")


def test_check_without_mkdocs_yml_reads_a_folder_with_the_defaults(tmp_path: Path, capsys) -> None:
    write(tmp_path, {"tsc/2024-09-16.md": "# TSC\n\n- fine\n", "tsc/undated.md": "# Undated\n"})
    status, out, err = run(capsys, "check", str(tmp_path))
    assert status == 1 and out.startswith(f"{tmp_path}/tsc/undated.md:1: error: no meeting date found")
    assert "no mkdocs.yml found" in err


def test_check_under_github_actions_annotates_and_summarises(site: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    summary = site / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    write(site / "notes", {"tsc/2024-09-23.md": "# TSC meeting\n\n### Olivir\n\n- Decision: a, b: c\n\n### Loïc\n"})
    status, out, _ = run(capsys, "check", "notes/tsc/2024-09-09.md", "notes/tsc/2024-09-23.md")
    assert status == 0
    # the candidates (records read from the text that the site does not show) come as notices: what the
    # shipped classifier makes of these notes is tests/test_check_records.py's to pin
    notices = [line for line in out.splitlines() if line.startswith("::notice")]
    assert all("reads as" in line for line in notices)
    assert [line for line in out.splitlines() if line not in notices] == [
        "::warning file=notes/tsc/2024-09-23.md,line=3,title=minutes check::Olivir (2024-09-23.md:3) is new; did"
        " you mean Olivier Grisel (2 meetings)? (if so, correct the note, or add 'Olivir' to the aliases of Olivier"
        " Grisel in people.yml; if not, list Olivir in people.yml as a person of their own)"
    ]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Minutes check\n\n2 meetings, 2 decisions, 1 action item; 0 errors, 1 other finding.")
    assert "| 2024-09-09 | TSC | TSC meeting | Olivier Grisel, Loïc Estève | `notes/tsc/2024-09-09.md:1` |" in text
    assert "### Decisions\n\n- 2024-09-09: Decision: ship 1.5 on Monday\n- 2024-09-23: Decision: a, b: c\n" in text
    assert "- [ ] 2024-09-09: Olivier to write the announcement (Olivier Grisel)" in text
    assert run(capsys, "check", "--no-github", "notes/tsc/2024-09-23.md")[1].startswith("notes/tsc/2024-09-23.md:3:")


def test_a_path_outside_the_docs_folder_is_said_and_left(site: Path, capsys) -> None:
    (site / "README.md").write_text("# About\n", encoding="utf-8")
    status, out, err = run(capsys, "check", "README.md")
    assert (status, out) == (0, "")
    assert "README.md: not in the docs folder (notes): not checked" in err


def test_a_broken_mkdocs_yml_is_one_clear_message(site: Path, capsys) -> None:
    (site / "mkdocs.yml").write_text("site_name: x\ntheme: {name: nosuchtheme}\n", encoding="utf-8")
    status, _, err = run(capsys, "check")
    assert status == 2 and err.startswith("minutes: ") and "nosuchtheme" in err and "Traceback" not in err


# --- minutes new ---


def test_new_writes_todays_note_of_the_newest_series_with_its_last_attendees(site: Path, capsys) -> None:
    status, out, _ = run(capsys, "new")
    assert (status, out) == (0, f"notes/ops/{TODAY}.md\n")
    text = (site / "notes" / "ops" / f"{TODAY}.md").read_text(encoding="utf-8")
    assert text == "# Ops sync\n\n### Loïc Estève\n\n## Decisions\n\n## Action items\n"
    assert run(capsys, "check", f"notes/ops/{TODAY}.md")[:2] == (0, "")


def test_new_for_a_series_then_refuses_to_overwrite(site: Path, capsys) -> None:
    status, out, _ = run(capsys, "new", "--series", "tsc")
    assert (status, out) == (0, f"notes/tsc/{TODAY}.md\n")
    text = (site / "notes" / "tsc" / f"{TODAY}.md").read_text(encoding="utf-8")
    assert text.startswith("# TSC meeting\n\n### Olivier Grisel\n\n### Loïc Estève\n\n")
    (site / "notes" / "tsc" / f"{TODAY}.md").write_text(text + "\n- my notes\n", encoding="utf-8")
    status, out, err = run(capsys, "new", "--series", "tsc")
    assert (status, out) == (1, "") and err == f"minutes: tsc/{TODAY}.md exists already: not overwritten\n"
    assert (site / "notes" / "tsc" / f"{TODAY}.md").read_text(encoding="utf-8").endswith("- my notes\n")
    status, out, err = run(capsys, "new", "--series", "tsc", "--date", "2024-09-16")
    assert status == 1


def test_new_series_and_title(site: Path, capsys) -> None:
    assert run(capsys, "new", "--series", "Release team", "--title", "Kick-off", "--date", "2024-10-01")[1] == (
        "notes/release-team/2024-10-01.md\n"
    )
    assert (site / "notes" / "release-team" / "2024-10-01.md").read_text(encoding="utf-8").startswith("# Kick-off\n")
    assert run(capsys, "new", "--series", "board", "--date", "2024-10-01")[1] == "notes/2024-10-01.md\n"


@pytest.mark.parametrize(
    ("last", "new", "date"),
    [
        ("tc39/2024/09/16.md", "tc39/2024/09/23.md", "2024-09-23"),
        ("tc39/2024/09/16.md", "tc39/2025/01/06.md", "2025-01-06"),
        ("tc39/2023-01/jan-30.md", "tc39/2023-02/feb-06.md", "2023-02-06"),
        ("tc39/2012-09/sept-18.md", "tc39/2012-10/oct-02.md", "2012-10-02"),
        ("steering/2024-09-16-steering.md", "steering/2024-09-23-steering.md", "2024-09-23"),
        ("tc39/20240916.md", "tc39/20240923.md", "2024-09-23"),
        ("tc39/kickoff.md", "tc39/2024-09-23.md", "2024-09-23"),  # dated by its front matter: an ISO name
    ],
)
def test_new_names_the_note_as_the_series_does(tmp_path: Path, capsys, monkeypatch, last, new, date) -> None:
    front = "---\ndate: 2024-09-16\n---\n" if last.endswith("kickoff.md") else ""
    write(tmp_path / "docs", {last: f"{front}# TC39 meeting\n\n- hello\n"})
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [minutes]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "new", "--date", date)[:2] == (0, f"docs/{new}\n")


@pytest.mark.parametrize(
    ("heading", "date", "expected"),
    [
        ("# 30 January, 2023 Meeting Notes", "2023-02-06", "# 6 February, 2023 Meeting Notes"),
        ("# TSC Meeting 2024-09-16", "2024-09-23", "# TSC Meeting 2024-09-23"),
        ("# Thursday 12 September 2024", "2024-09-19", "# Thursday 19 September 2024"),
        ("# Mon, Sep 16th, 2024: sync", "2024-10-01", "# Tue, Oct 1st, 2024: sync"),
    ],
)
def test_new_writes_the_dated_heading_in_the_series_style(tmp_path: Path, capsys, monkeypatch, heading, date, expected):
    write(tmp_path / "docs", {"tc39/notes-1.md": f"{heading}\n\n- hello\n"})
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [minutes]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "new", "--date", date)
    assert status == 0
    assert (tmp_path / out.strip()).read_text(encoding="utf-8").startswith(expected + "\n")


LOG = (
    "# Team log\n\n## February 15th\n\n### Olivier\n\n- review\n\n### Loïc\n\n- release\n\n"
    "## February 8th\n\n### Olivier\n\n- sprint\n"
)


def test_new_adds_a_dated_section_on_top_of_a_running_log(tmp_path: Path, capsys, monkeypatch) -> None:
    write(tmp_path / "docs", {"team/2022.md": LOG})
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [minutes]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "new", "--date", "2022-03-01")[:2] == (0, "docs/team/2022.md\n")
    text = (tmp_path / "docs" / "team" / "2022.md").read_text(encoding="utf-8")
    assert text == LOG.replace("## February 15th", "## March 1st, 2022\n\n### Olivier\n\n### Loïc\n\n## February 15th")
    assert run(capsys, "check")[0] == 0
    assert run(capsys, "new", "--date", "2022-03-01")[0] == 1  # that day is taken
    assert run(capsys, "new", "--date", "2022-02-10")[0] == 0  # between two sections, in date order
    text = (tmp_path / "docs" / "team" / "2022.md").read_text(encoding="utf-8")
    assert text.index("## February 15th") < text.index("## February 10th, 2022") < text.index("## February 8th")
    # a file per year: the new year starts a file of its own
    assert run(capsys, "new", "--date", "2023-01-10")[:2] == (0, "docs/team/2023.md\n")
    text = (tmp_path / "docs" / "team" / "2023.md").read_text(encoding="utf-8")
    assert text.startswith("## January 10th, 2023\n\n### Olivier\n\n### Loïc\n")
