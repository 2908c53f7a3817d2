"""Life after Material for MkDocs: the sample archive built by ProperDocs, and by Zensical through the export."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from minutes.cli import main
from minutes.export import ExportedPage, relink

from .conftest import REPO, SEEDS, Site, build_sample

BIN = Path(sys.executable).parent


def _sample(root: Path) -> Path:
    shutil.copytree(SEEDS, root / "minutes")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _broken_links(site: Path) -> list[tuple[str, str]]:
    """Relative links and sources of the built pages that lead to no file of the site."""
    broken = []
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # its links are absolute, from the site's root
            continue
        for url in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            if not url or url.startswith(("#", "/", "data:", "mailto:")) or urlsplit(url).scheme:
                continue
            path = urlsplit(url).path
            target = Path(os.path.normpath(page.parent / unquote(path)))
            if path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append((str(page.relative_to(site)), url))
    return broken


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_sample(tmp_path_factory.mktemp("mkdocs"))


@pytest.mark.skipif(importlib.util.find_spec("properdocs") is None, reason="ProperDocs is not installed")
def test_properdocs_builds_the_sample_archive(tmp_path: Path, mkdocs_site: Site) -> None:
    root = _sample(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--site-dir", "site"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    assert "minutes: 3 notes: 3 became 3 meetings, 0 skipped" in run.stderr
    built = Site(root)
    assert 'content="mkdocs-ProperDocs' in built.page("")
    assert built.json() == mkdocs_site.json()  # the same archive, whichever engine runs the plugin
    assert "review joblib" in built.page("people/olivier/")
    assert (root / "site" / "meetings.ics").read_bytes() == (mkdocs_site.site_dir / "meetings.ics").read_bytes()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _sample(tmp_path_factory.mktemp("export"))
    previous = os.getcwd()
    os.chdir(root)
    try:
        assert main(["export", "exported"]) == 0
    finally:
        os.chdir(previous)
    return root / "exported"


def test_the_export_is_a_docs_folder_without_the_plugin(exported: Path, mkdocs_site: Site) -> None:
    config = yaml.safe_load((exported / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "docs" and "plugins" not in config
    assert config["site_url"] == "https://minutes-project.github.io/minutes/"
    assert config["theme"] == {
        "name": "material",
        "features": ["content.action.edit", "navigation.instant", "search.highlight"],
    }
    assert "md_in_html" in config["markdown_extensions"]
    assert config["nav"][:3] == [
        {"Team minutes": "index.md"},
        {"Action items": "actions.md"},
        {"Archive": "archive.md"},
    ]
    docs = exported / "docs"
    assert {"assets/minutes/filter.js", "assets/minutes/minutes.css"} <= {
        path.relative_to(docs).as_posix() for path in (docs / "assets" / "minutes").iterdir()
    }
    assert config["extra_javascript"] == ["assets/minutes/filter.js"]
    assert config["extra_css"] == ["assets/minutes/minutes.css"]  # the plugin's styles are a file of its assets
    assert json.loads((docs / "minutes.json").read_text(encoding="utf-8")) == mkdocs_site.json()
    for path in ("meetings.ics", "meetings.xml", "decisions.xml", "feeds/sklearn-team.xml"):
        assert (docs / path).read_bytes() == (mkdocs_site.site_dir / path).read_bytes(), path
    # every page the plugin makes, and none of the notes themselves (their meetings' pages hold them)
    pages = {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")}
    assert {"sklearn-team/2022-02-08.md", "people/olivier.md", "decisions.md", "archive.md", "index.md"} <= pages
    assert "hackathons/2024-06-24-openml-sklearn.md" in pages and len(pages) == 35
    meeting = (docs / "sklearn-team" / "2022-02-08.md").read_text(encoding="utf-8")
    assert meeting.startswith("---\ntitle: 8 February 2022\n---\n\n")
    assert '\n<div class="minutes-export" markdown="0">\n' in meeting and meeting.endswith("\n</div>\n")
    assert '<a href="../people/olivier.md">Olivier</a>' in meeting  # links to sources, that any engine maps


def test_an_export_needs_an_empty_folder(exported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.chdir(exported.parent)
    try:
        assert main(["export", "exported"]) == 2
    finally:
        os.chdir(REPO)
    assert "exported: not an empty folder" in capsys.readouterr().err


@pytest.mark.skipif(not (BIN / "zensical").exists(), reason="Zensical is not installed")
def test_zensical_builds_the_export(exported: Path) -> None:
    run = subprocess.run([str(BIN / "zensical"), "build"], cwd=exported, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    site = exported / "site"
    meeting = (site / "sklearn-team" / "2022-02-08" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2022-02-08">8 February 2022</time>' in meeting
    assert '<a href="../../people/olivier/">Olivier</a>' in meeting
    assert "review joblib" in (site / "people" / "olivier" / "index.html").read_text(encoding="utf-8")
    decisions = (site / "decisions" / "index.html").read_text(encoding="utf-8")
    assert "approved SLEP06" in decisions and 'class="minutes-record' in decisions
    assert 'href="../assets/minutes/minutes.css"' in decisions
    assert _broken_links(site) == []
    assert (site / "meetings.ics").exists() and (site / "minutes.json").exists()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("../../people/olivier/", "../people/olivier.md"),
        ("../../people/olivier/#entry-1", "../people/olivier.md#entry-1"),
        ("../../", "../index.md"),
        ("../2022/", "2022.md"),
        ("../../assets/minutes/filter.js", "../assets/minutes/filter.js"),
        ("../../meetings.ics", "../meetings.ics"),
        ("https://example.org/", "https://example.org/"),
        ("#decision-1", "#decision-1"),
    ],
)
def test_links_point_at_sources(url: str, expected: str) -> None:
    page = ExportedPage("sklearn-team/2022-02-08.md", "sklearn-team/2022-02-08/", "x", "", (), ())
    urls = {"people/olivier/": "people/olivier.md", "": "index.md", "sklearn-team/2022/": "sklearn-team/2022.md"}
    assert relink(f'<a href="{url}">x</a>', page, urls) == f'<a href="{expected}">x</a>'


def test_the_plugin_is_registered_for_mkdocs_and_properdocs() -> None:
    import importlib.metadata

    for group in ("mkdocs.plugins", "properdocs.plugins"):
        plugins = {entry.name: entry.value for entry in importlib.metadata.entry_points(group=group)}
        assert plugins.get("minutes") == "minutes.plugin:MinutesPlugin", group
