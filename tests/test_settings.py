"""The settings builder that the plugin and ``minutes check`` share: plain values in, the core's options out."""

from __future__ import annotations

from pathlib import Path

from minutes.settings import build_settings


def test_defaults_read_a_folder_of_notes(tmp_path: Path) -> None:
    settings = build_settings(str(tmp_path))
    assert settings.parse.default_series == "meetings"
    assert settings.records.default_repository == ""
    assert settings.people.people == () and settings.data_files == {}
    assert settings.is_note("2024-09-16.md") and settings.is_note("tsc/2024/09/16.md")
    assert not settings.is_note("index.md") and not settings.is_note("README.md")


def test_options_reach_the_core(tmp_path: Path) -> None:
    options = {
        "default_series": "tsc",
        "not_people": ["Jérôme's corner"],
        "exclude": ["index.md", "drafts/*"],
        "sanitize": False,
        "json": False,  # not the reading's business: ignored here
    }
    settings = build_settings(str(tmp_path), options, repo_url="https://github.com/nodejs/node")
    assert settings.parse.default_series == "tsc"
    assert "jerome's corner" in settings.parse.not_people and "discussion" in settings.parse.not_people
    assert settings.parse.sanitize is False
    assert settings.records.default_repository == "nodejs/node"
    assert not settings.is_note("drafts/2024-09-16.md")
    assert build_settings(str(tmp_path), {"default_repository": "a/b"}, repo_url="https://github.com/c/d").records == (
        build_settings(str(tmp_path), {"default_repository": "a/b"}).records
    )


def test_people_and_topics_files_beside_the_notes_are_found_and_named_from_the_docs_folder(tmp_path: Path) -> None:
    (tmp_path / "people.yml").write_text("Olivier Grisel:\n  aliases: [Olivier]\n", encoding="utf-8")
    (tmp_path / "topics.yml").write_text("joblib: [joblib, loky]\n", encoding="utf-8")
    settings = build_settings(str(tmp_path))
    assert [person.name for person in settings.people.people] == ["Olivier Grisel"]
    assert len(settings.records.topics.rules) == 1
    assert sorted(settings.data_files.values()) == ["people.yml", "topics.yml"]


def test_configured_files_are_relative_to_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "team.yml").write_text("Olivier Grisel: {}\nbad: [\n", encoding="utf-8")
    settings = build_settings(
        str(tmp_path / "docs"), {"people_file": "data/team.yml"}, config_file=str(tmp_path / "mkdocs.yml")
    )
    assert list(settings.data_files.values()) == ["data/team.yml"]
    assert settings.people.findings and all(finding.path == "data/team.yml" for finding in settings.people.findings)
