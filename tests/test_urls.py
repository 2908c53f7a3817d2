"""Addresses: every link between generated pages resolves, with and without directory URLs; URLs and ids are stable.

One small site, built once per URL style: a series of single-meeting notes
(previous/next), a running log (a page per section, edit links to the log),
people, the archive and the home page. Every ``href`` of every built page that
stays inside the site must land on a file that exists.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from minutes.index import build_index
from minutes.model import Meeting
from minutes.parse import parse_note
from minutes.reading.source import Source

from .conftest import Site
from .test_search import fragments

REPO_URL = "https://github.com/example/minutes"
NOTES = {
    "team/2024-01-08.md": "# Weekly\n\n### Olivier\n\n- joblib\n\n### Gael\n\n- hiring\n",
    "team/2024-01-15.md": "# Weekly\n\n### Olivier\n\n- release\n\n### Loïc\n\n- CI\n",
    "team/2024-01-22.md": "# Weekly\n\n### Gael\n\n- budget\n\n### Loïc\n\n- docs\n",
    "wg/2023/log.md": (
        "# Working group\n\n## March 14\n\n### Olivier\n\n- a\n\n### Arturo\n\n- b\n\n"
        "## March 7\n\n### Arturo\n\n- c\n\n### Gael\n\n- d\n\n"
        "## February 28\n\n### Olivier\n\n- e\n\n### Gael\n\n- f\n"
    ),
    "tsc/2024/02/05.md": "# TSC\n\n## Present\n\n* Colin Ihrig @cjihrig\n* Rich Trott @Trott\n",
    "tsc/2024/03/05.md": "# TSC\n\n## Present\n\n* Colin Ihrig @cjihrig\n* Rich Trott @Trott\n",
}


def _build(root: Path, use_directory_urls: bool) -> Site:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name, text in NOTES.items():
        target = root / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    settings = {
        "site_name": "URLs",
        "docs_dir": "docs",
        "site_dir": "site",
        "repo_url": REPO_URL,
        "edit_uri": "edit/main/docs/",
        "use_directory_urls": use_directory_urls,
        "theme": {"name": "material"},
        "plugins": ["search", "minutes"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml"), strict=True))
    return Site(root)


@pytest.fixture(scope="module", params=[False, True], ids=["files", "directories"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _build(tmp_path_factory.mktemp("urls"), bool(request.param))


def _target(site_dir: Path, page: Path, href: str) -> Path | None:
    """The file an in-site ``href`` of ``page`` points at (None for links that leave the site)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("#", "mailto:", "javascript:")) or not parts.path:
        return None
    base = page.parent.relative_to(site_dir).as_posix()
    path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    assert not path.startswith(".."), f"{page}: {href} leaves the site"
    return site_dir / path


def _page_file(site: Site, url: str) -> Path:
    return site.site_dir / url / "index.html" if url.endswith("/") else site.site_dir / url


def _lands_on(site: Site, page: Path, href: str, url: str) -> bool:
    """Whether ``href`` of ``page`` reaches the page at the site-relative ``url``."""
    target = _target(site.site_dir, page, href)
    if target is None:
        return False
    if target.is_dir():
        target = target / "index.html"
    return target.resolve() == _page_file(site, url).resolve()


def _in_site_links(site: Site) -> list[tuple[Path, str, Path]]:
    links = []
    for page in sorted(site.site_dir.rglob("*.html")):
        if page.name == "404.html":
            continue  # its links are absolute to the server root, by design
        for href in re.findall(r'(?:href|src)="([^"]*)"', page.read_text(encoding="utf-8")):
            target = _target(site.site_dir, page, href)
            if target is not None:
                links.append((page, href, target))
    return links


def test_every_link_of_every_page_resolves(site: Site) -> None:
    links = _in_site_links(site)
    assert len(links) > 200
    files_only = not (site.site_dir / "team" / "2024-01-08" / "index.html").exists()
    broken = []
    for page, href, target in links:
        if target.is_dir() and not files_only:
            target = target / "index.html"  # with file URLs, a link to a folder is broken
        ok = target.is_file()
        fragment = urlsplit(href).fragment
        if ok and fragment and target.suffix == ".html":
            ok = f'id="{fragment}"' in target.read_text(encoding="utf-8")  # the anchor is there too
        if not ok:
            broken.append(f"{page.relative_to(site.site_dir)} -> {href}")
    assert broken == []


def test_minutes_json_urls_are_pages_of_the_site(site: Site) -> None:
    data = site.json()
    assert len(data["meetings"]) == 8 and len(data["people"]) >= 6
    for url in [m["url"] for m in data["meetings"]] + [p["url"] for p in data["people"]]:
        assert _page_file(site, url).is_file(), url


def _meeting_page(site: Site, meeting: dict[str, Any]) -> str:
    return _page_file(site, meeting["url"]).read_text(encoding="utf-8")


def test_previous_and_next_link_the_meetings_of_the_series(site: Site) -> None:
    team = [m for m in site.json()["meetings"] if m["series"] == "team"]
    assert [m["date"] for m in team] == ["2024-01-08", "2024-01-15", "2024-01-22"]
    middle = _meeting_page(site, team[1])
    prev_href = re.search(r'<a rel="prev" href="([^"]+)"', middle)
    next_href = re.search(r'<a rel="next" href="([^"]+)"', middle)
    assert prev_href and next_href
    page = _page_file(site, team[1]["url"])
    assert _lands_on(site, page, prev_href.group(1), team[0]["url"])
    assert _lands_on(site, page, next_href.group(1), team[2]["url"])
    assert 'rel="prev"' not in _meeting_page(site, team[0]) and 'rel="next"' not in _meeting_page(site, team[2])


def test_a_running_log_gives_a_page_per_section_each_editing_the_log(site: Site) -> None:
    wg = [m for m in site.json()["meetings"] if m["source"] == "wg/2023/log.md"]
    assert [(m["date"], m["source_line"]) for m in wg] == [("2023-02-28", 23), ("2023-03-07", 13), ("2023-03-14", 1)]
    assert len({m["url"] for m in wg}) == 3
    for meeting in wg:
        html = _meeting_page(site, meeting)
        assert f'href="{REPO_URL}/edit/main/docs/wg/2023/log.md"' in html
        assert f"line {meeting['source_line']}" in html
    # the log's own address still answers, with a link to each of its meetings
    log_page = _page_file(site, "wg/2023/log.html" if wg[0]["url"].endswith(".html") else "wg/2023/log/")
    hrefs = set(re.findall(r'href="([^"#]+)"', log_page.read_text(encoding="utf-8")))
    for meeting in wg:
        assert any(_lands_on(site, log_page, href, meeting["url"]) for href in hrefs), meeting["url"]


def test_person_pages_link_back_to_their_meetings(site: Site) -> None:
    olivier = next(p for p in site.json()["people"] if p["name"] == "Olivier")
    met = {e["meeting"] for e in olivier["entries"]}
    assert met == {"team/2024-01-08", "team/2024-01-15", "wg/2023-03-14", "wg/2023-02-28"}
    page = _page_file(site, olivier["url"])
    hrefs = re.findall(r'href="([^"#]+)', page.read_text(encoding="utf-8"))
    urls = {m["url"] for m in site.json()["meetings"] if m["id"] in met}
    assert {url for url in urls if any(_lands_on(site, page, href, url) for href in hrefs)} == urls


# --- stability: the same note keeps its address and id when the archive grows ----------------------------


def _index(notes: dict[str, str]) -> dict[tuple[str, str], Meeting]:
    archive = build_index(parse_note(Source(path, text)) for path, text in notes.items())
    return {(meeting.source, meeting.date.isoformat()): meeting for meeting in archive.meetings}


def test_a_new_section_on_top_of_a_log_moves_no_other_section() -> None:
    log = "## 2024-01-15\n\n- b\n\n## 2024-01-08\n\n- a\n"
    before = _index({"team/log.md": log})
    after = _index({"team/log.md": "## 2024-01-22\n\n- c\n\n" + log})
    assert len(after) == 3
    for key, meeting in before.items():
        assert (after[key].page_path, after[key].id) == (meeting.page_path, meeting.id)


def test_a_new_note_changes_no_other_meeting_id() -> None:
    """Notes dated by folders (``tsc/2024/09/16.md``) share file names across months: ids must not depend on order."""
    notes = {"tsc/2024/10/16.md": "# TSC\n", "tc39/2024-01/jan-30.md": "# TC39\n"}
    before = _index(notes)
    after = _index({**notes, "tsc/2024/09/16.md": "# TSC\n", "tc39/2023-01/jan-30.md": "# TC39\n"})
    for key, meeting in before.items():
        assert (after[key].page_path, after[key].id) == (meeting.page_path, meeting.id)
    assert {m.id for m in after.values()} == {"tsc/2024-10-16", "tsc/2024-09-16", "tc39/2024-01-30", "tc39/2023-01-30"}
    assert after[("tsc/2024/09/16.md", "2024-09-16")].page_path == "tsc/2024/09/16.md"  # the file's own address


def test_every_meeting_page_edits_its_own_source(site: Site) -> None:
    for meeting in site.json()["meetings"]:
        assert f'href="{REPO_URL}/edit/main/docs/{meeting["source"]}"' in _meeting_page(site, meeting), meeting["id"]


def test_search_results_land_on_pages_that_exist(site: Site) -> None:
    urls = {entry["url"] for entry in fragments(site.site_dir)}  # from the site root: "/tsc/2024-09-16/#..."
    locations = {url.lstrip("/").split("#")[0] for url in urls}
    meeting_urls = {m["url"] for m in site.json()["meetings"]}
    assert meeting_urls <= locations  # every meeting is searchable
    for location in locations:
        assert _page_file(site, location).is_file() or (site.site_dir / location / "index.html").is_file(), location
    for url in urls:
        if "#" in url:
            location, anchor = url.lstrip("/").split("#")
            assert f'id="{anchor}"' in _page_file(site, location).read_text(encoding="utf-8"), url
