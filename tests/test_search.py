"""Search without a browser: which search a site gets, and what Pagefind's index holds.

Every site here is a real MkDocs build in ``tmp_path`` with the real Pagefind binary; the index is read
back from the bundle it wrote (each fragment is a gzipped ``pagefind_dcd`` header and a JSON record), so
that the tests see what a reader's browser would fetch. What a reader sees in the browser is in
``test_search_browser.py``.
"""

from __future__ import annotations

import gzip
import json
import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from minutes.archive import NoteFile, build_archive
from minutes.site.search import KINDS, Fields, archive_records, page_document, search_url

from .conftest import REPO, Site

TEAM = {
    "team/2024-03-05.md": """---
tags: [release]
---
# Team meeting

## Attendees

- Jérémie du Boisberranger
- Olivier Grisel
- François Goupil

## Progress

### Jérémie

- Worked on the adhésion form of the consortium
- Decision: drop Python 3.7 in the next release

### Olivier

- reviewed the joblib release, fixed loky and joblib CIs

## TODO

- [ ] Olivier: publish the joblib blog post
- [ ] Jérémie: write the callbacks proposal
""",
    "team/2024-04-09.md": """# Team meeting

## Attendees

- Olivier Grisel
- François Goupil

## Progress

### François

- Sponsorship renewals: the foundation pays for the sprint
- Decision: the sprint takes place in Paris in June

### Olivier

- [x] published the joblib blog post
- Olivier will announce the joblib release on the forum
""",
    "about.md": "# About these minutes\n\nThe steering team's notes, kept since the kickoff.\n",
}


def fragments(site_dir: Path) -> list[dict[str, Any]]:
    """Every entry of the Pagefind bundle: pages and records, as the browser decodes them."""
    entries = []
    for path in sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        entries.append(json.loads(data[len(b"pagefind_dcd") :]))
    return entries


def by_url(site_dir: Path) -> dict[str, dict[str, Any]]:
    return {entry["url"]: entry for entry in fragments(site_dir)}


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> None:
    """What was read from the text is shown here (as a site whose review file said yes to it shows it): the
    search indexes what the site shows, and these tests are about how (test_candidates_site.py: what not)."""
    monkeypatch.setattr("minutes.records.join.show_threshold", lambda kind: 0.0)


@pytest.fixture
def team(make_site: Any) -> Any:
    """The team's notes built with ``options`` for the plugin, after Material's search plugin or alone."""

    def _build(
        options: dict[str, Any] | None = None, material: bool = True, config: dict[str, Any] | None = None
    ) -> Site:
        minutes = {"minutes": {"exclude": ["index.md", "about.md"], **(options or {})}}
        site: Site = make_site(TEAM, config, plugins=[*(["search"] if material else []), minutes])
        return site

    return _build


def test_zero_config_gets_pagefind_and_the_header_box(team: Any) -> None:
    site = team(material=False)
    assert (site.site_dir / "pagefind" / "pagefind.js").is_file()
    assert not (site.site_dir / "search" / "search_index.json").exists()
    page = site.page("team/2024-03-05/")
    assert "data-minutes-search" in page  # Material's header box, answered by Pagefind
    assert 'data-md-component="search"' not in page  # Material's own script leaves it alone
    assert 'action="../../search/"' in page  # without script, the box's form goes to the search page
    assert "assets/minutes/search.js" in page
    assert "data-minutes-search-page" in site.page("search/")
    assert not any("turned off" in message for message in site.messages())


def test_materials_search_is_turned_off_with_one_line(team: Any) -> None:
    site = team()
    turned_off = [message for message in site.messages() if "search plugin (lunr) is turned off" in message]
    assert turned_off == [
        "minutes: search: Pagefind indexes this site, so Material's search plugin (lunr) is turned off; "
        "set the minutes option `search: lunr` to keep it instead"
    ]
    assert not (site.site_dir / "search" / "search_index.json").exists()  # one index, not two
    assert (site.site_dir / "pagefind" / "pagefind.js").is_file()
    assert "data-minutes-search" in site.page("team/2024-03-05/")


def test_the_lunr_option_keeps_materials_search(team: Any) -> None:
    site = team({"search": "lunr"})
    assert (site.site_dir / "search" / "search_index.json").is_file()
    assert not (site.site_dir / "pagefind").exists()
    page = site.page("team/2024-03-05/")
    assert 'data-md-component="search"' in page and "data-minutes-search" not in page
    assert "assets/minutes/search.js" not in page
    assert not (site.site_dir / "search" / "index.html").exists()  # no search page without Pagefind


def test_lunr_without_materials_plugin_says_the_site_has_no_search(team: Any) -> None:
    site = team({"search": "lunr"}, material=False)
    assert any("lunr: Material's search plugin is not in the site's plugins" in m for m in site.messages())


def test_every_decision_and_action_item_is_a_record_on_its_paragraph(team: Any) -> None:
    site = team()
    index = by_url(site.site_dir)
    data = site.json()
    urls = {meeting["id"]: meeting["url"] for meeting in data["meetings"]}

    def record_url(record: dict[str, Any]) -> str:  # a record's paragraph: its meeting's url, and the anchor of its id
        return f"/{urls[record['meeting']]}#{record['id'].partition('#')[2]}"

    for decision in data["decisions"]:
        entry = index[record_url(decision)]
        assert entry["content"] == decision["text"]
        assert entry["filters"]["kind"] == ["decision"]
        assert entry["filters"]["person"] == decision["people"]
        meeting = next(m for m in data["meetings"] if m["id"] == decision["meeting"])
        assert entry["meta"]["date"] == meeting["date"] and entry["filters"]["year"] == [meeting["date"][:4]]
        assert entry["meta"]["title"] == "Team meeting, " + entry["meta"]["when"]  # the meeting it belongs to
    for action in data["actions"]:
        entry = index[record_url(action)]
        assert entry["filters"]["kind"] == ["action"] and entry["filters"]["status"] == [action["status"]]
        assert entry["filters"]["person"] == action["owners"]
    # each anchor is an id of its meeting page
    for url in [u for u in index if "#" in u]:
        page, anchor = url.lstrip("/").split("#")
        assert f'id="{anchor}"' in site.page(page), url


def test_meeting_pages_are_indexed_with_their_filters_and_headings(team: Any) -> None:
    site = team()
    meeting = by_url(site.site_dir)["/team/2024-03-05/"]
    assert meeting["meta"]["title"] == "Team meeting, 5 March 2024"
    assert meeting["meta"]["kind"] == "Meeting" and meeting["meta"]["series"] == "Team"
    assert {key: sorted(values) for key, values in meeting["filters"].items()} == {
        "kind": ["meeting"],
        "series": ["team"],
        "year": ["2024"],
        "person": ["francois-goupil", "jeremie-du-boisberranger", "olivier-grisel"],
        "topic": ["release"],
    }
    assert {anchor["id"] for anchor in meeting["anchors"]} >= {"jeremie", "olivier", "todo"}
    assert "¶" not in meeting["content"]  # permalinks are no words


def test_text_is_indexed_once_where_it_was_said(team: Any) -> None:
    site = team()
    holding = [entry["url"] for entry in fragments(site.site_dir) if "fixed loky and joblib CIs" in entry["content"]]
    assert holding == ["/team/2024-03-05/"]  # not again on Olivier's page, which shows it too
    assert "fixed loky and joblib CIs" in site.page("people/olivier-grisel/")
    person = by_url(site.site_dir)["/people/jeremie-du-boisberranger/"]
    assert person["content"] == "Jérémie du Boisberranger Jérémie"  # found by name (and the spelling seen)
    assert person["filters"] == {"kind": ["person"], "person": ["jeremie-du-boisberranger"]}
    assert by_url(site.site_dir)["/topics/release/"]["content"] == "release"
    urls = set(by_url(site.site_dir))
    assert not urls & {"/", "/archive/", "/decisions/", "/actions/", "/people/", "/topics/", "/search/"}


def test_a_sites_own_pages_are_found_by_their_text(team: Any) -> None:
    site = team()
    about = by_url(site.site_dir)["/about/"]
    assert about["filters"] == {"kind": ["page"]}
    assert about["meta"]["title"] == "About these minutes"
    assert "kept since the kickoff" in about["content"]


def test_urls_are_from_the_site_root_whatever_its_sub_path(team: Any) -> None:
    site = team(config={"site_url": "https://example.org/project/", "use_directory_urls": False})
    urls = set(by_url(site.site_dir))
    assert "/team/2024-03-05.html" in urls and "/people/olivier-grisel.html" in urls
    assert all(not url.startswith("/project/") for url in urls)  # Pagefind's script adds where it is served
    assert 'action="../search.html"' in site.page("team/2024-03-05.html")


def test_the_search_page_offers_every_filter(team: Any) -> None:
    site = team()
    page = site.page("search/")
    for name in ("person", "topic", "kind", "sort"):
        assert f'<select name="{name}">' in page
    assert '<option value="jeremie-du-boisberranger">Jérémie du Boisberranger</option>' in page
    assert '<option value="action">Action item</option>' in page
    assert '<option value="date:desc">Newest first</option>' in page


def test_the_bundle_is_rewritten_on_each_build(team: Any) -> None:
    site = team()
    first = {path.name for path in (site.site_dir / "pagefind").glob("*.pf_meta")}
    TEAM["team/2024-04-09.md"] += "\n- Decision: the sprint moves to Lyon\n"
    try:
        second_site = team()
    finally:
        TEAM["team/2024-04-09.md"] = TEAM["team/2024-04-09.md"].replace("\n- Decision: the sprint moves to Lyon\n", "")
    metas = list((second_site.site_dir / "pagefind").glob("*.pf_meta"))
    assert len(metas) == 1 and metas[0].name not in first  # no stale metadata left beside the new one
    assert any(entry["content"] == "Decision: the sprint moves to Lyon" for entry in fragments(second_site.site_dir))


def test_under_mkdocs_serve_the_index_is_written_after_the_build_returns(make_site: Any, tmp_path: Path) -> None:
    make_site(TEAM, plugins=[{"minutes": {"exclude": ["index.md", "about.md"]}}])  # writes the notes
    shutil.rmtree(tmp_path / ".cache")  # else the first build takes the bundle kept by this one
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["minutes"]
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
        first = plugin.search._writer  # type: ignore[attr-defined]
        assert first is not None  # the build returned (and live reload fired) with the writing under way
        # an edit: the next rebuild starts at once, and stops what is left of the last index
        note = tmp_path / "docs" / "team" / "2024-04-09.md"
        note.write_text(note.read_text(encoding="utf-8") + "\n- Decision: the sprint moves to Lyon\n", "utf-8")
        build(load_config(str(tmp_path / "mkdocs.yml")), serve_url="http://127.0.0.1:8000/")
        assert not first.is_alive()
        second = plugin.search._writer  # type: ignore[attr-defined]
        assert second is not None and second is not first
        second.join(timeout=60)
        assert any(entry["content"] == "Decision: the sprint moves to Lyon" for entry in fragments(tmp_path / "site"))
    finally:
        config.plugins.on_shutdown()
    assert plugin.search._writer is None  # type: ignore[attr-defined]


def test_the_standards_transcripts_build_under_both_configurations(tmp_path: Path) -> None:
    """The benchmark generator's transcript archive (a few of its long plenaries), zero-config and README's."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("bench_generate_search", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generator
    spec.loader.exec_module(generator)
    generator.generate(tmp_path / "notes", "standards", 4, 10, 3)
    for plugins in (["minutes"], ["search", "minutes"]):
        root = tmp_path / "-".join(plugins)
        root.mkdir()
        settings = {"site_name": "Plenary", "docs_dir": str(tmp_path / "notes"), "theme": {"name": "material"}}
        (root / "mkdocs.yml").write_text(json.dumps({**settings, "plugins": plugins}), encoding="utf-8")
        build(load_config(str(root / "mkdocs.yml")))
        index = fragments(root / "site")
        assert sum(entry["filters"]["kind"] == ["meeting"] for entry in index) == 4
        assert not (root / "site" / "search" / "search_index.json").exists()


# The core, without MkDocs: what each record says.


def test_filters_and_meta_ride_on_attributes_so_no_value_is_searched_as_text() -> None:
    fields = Fields("A <b> & C", "meeting", "2024-03-05", {"series": "Q&A"}, {"person": ["doe, john"]})
    html = page_document("<p>notes</p>", fields, "fr")
    assert '<html lang="fr">' in html
    assert '<span data-pagefind-filter="person[data-value]" data-value="doe, john"></span>' in html
    assert '<span data-pagefind-meta="series[data-value]" data-value="Q&amp;A"></span>' in html
    assert '<span data-pagefind-sort="date[data-value]" data-value="2024-03-05"></span>' in html
    assert '<h1 data-pagefind-meta="title">A &lt;b&gt; &amp; C</h1>' in html
    assert fields.pagefind_meta() == {
        "title": "A <b> & C",
        "kind": "Meeting",
        "date": "2024-03-05",
        "when": "5 March 2024",
        "series": "Q&A",
    }


def test_records_of_an_archive(tmp_path: Path) -> None:
    for name, text in TEAM.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    notes = [NoteFile(str(tmp_path / name), name) for name in TEAM if name.startswith("team/")]
    archive = build_archive(notes)
    records = list(archive_records(archive, use_directory_urls=False))
    kinds = [record.fields.kind for record in records]
    # "- [x] published the joblib blog post" in a report is a status, not an action item
    assert kinds.count("decision") == 2 and kinds.count("action") == 3
    assert kinds.count("person") == 3 and kinds.count("topic") == 1
    assert set(KINDS) >= set(kinds)
    action = next(r for r in records if r.fields.kind == "action" and "callbacks" in r.content)
    assert action.url == "/team/2024-03-05.html#action-jeremie-write-the-callbacks-proposal"
    assert action.fields.meta["owners"] == "Jérémie du Boisberranger"
    assert action.fields.pagefind_sort() == {"date": "2024-03-05"}
    assert search_url("index.md") == "/" and search_url("people/x.md", anchor="a") == "/people/x/#a"


def test_pagefind_logs_one_line_per_build(team: Any) -> None:
    site = team()
    lines = [m for m in site.messages(logging.INFO) if "search: Pagefind indexed" in m]
    assert len(lines) == 1
    assert "3 pages and 9 records" in lines[0]


def test_mkdocs_serve_reindexes_after_an_edit(tmp_path: Path) -> None:
    """A real ``mkdocs serve``: the index is there after the first build, and rewritten after an edit."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    for name, text in TEAM.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Served\nsite_url: https://example.org/project/\ntheme: {name: material}\n"
        "plugins: [{minutes: {exclude: [index.md, about.md]}}]\n",
        encoding="utf-8",
    )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    entry = f"http://127.0.0.1:{port}/project/pagefind/pagefind-entry.json"

    def index_hash(previous: str = "", touch: Any = None) -> str:
        deadline = time.monotonic() + 120
        touched, wait = time.monotonic(), 10.0
        while time.monotonic() < deadline:
            # An edit made before the watcher started is made again, less and less often: each edit starts a
            # rebuild that stops the index being written, so a busy machine must be given the time to finish.
            if touch is not None and time.monotonic() - touched > wait:
                touch()
                touched, wait = time.monotonic(), wait * 2
            if server.poll() is not None:  # it could not start (the port was taken meanwhile?)
                raise AssertionError(f"mkdocs serve stopped: {server.communicate()[1]}")
            try:
                with urllib.request.urlopen(entry, timeout=5) as response:
                    found: str = json.load(response)["languages"]["en"]["hash"]
                if found != previous:
                    return found
            except (urllib.error.URLError, ConnectionError, KeyError, ValueError):
                pass
            time.sleep(0.3)
        raise AssertionError(f"{entry}: no new index within 120 s")

    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = index_hash()
        note = tmp_path / "docs" / "team" / "2024-04-09.md"

        def edit() -> None:
            note.write_text(note.read_text(encoding="utf-8") + "\n- Decision: the sprint moves to Lyon\n", "utf-8")

        edit()
        assert index_hash(first, edit) != first  # rebuilt, then written again in the background
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Traceback" not in errors
    assert "search: the search index is being written in the background" in errors


def test_a_line_that_is_a_decision_and_an_action_item_is_one_record_of_both_kinds(tmp_path: Path) -> None:
    note = tmp_path / "team" / "2026-03-17.md"
    note.parent.mkdir()
    note.write_text(
        "# Team\n\n## Registry\n\n- We will change the Harbor configuration to use a quota of 10TB\n", "utf-8"
    )
    archive = build_archive([NoteFile(str(note), "team/2026-03-17.md")])
    assert len(archive.decisions) == 1 and len(archive.actions) == 1  # one line, both kinds, one anchor
    assert archive.decisions[0].anchor == archive.actions[0].anchor
    (record,) = [r for r in archive_records(archive) if r.fields.kind in ("decision", "action")]
    assert record.fields.pagefind_filters()["kind"] == ["decision", "action"]
    assert record.fields.pagefind_meta()["kind"] == "Decision · Action item"
    assert record.fields.pagefind_filters()["status"] == ["open"]
