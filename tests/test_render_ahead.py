"""Meeting pages rendered ahead of MkDocs, on every core, and kept (``page_render``, ``kept_pages``).

The site must be the one MkDocs' own rendering makes: a build again writes every page back as it was, an
edited note changes its pages and nothing else, MkDocs' link warnings stay, and a site with another plugin
that changes pages' Markdown gets MkDocs' own rendering.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

import minutes.page_render
from minutes.page_render import RenderJob, markdown_settings, render_pages

NOTES = {
    "team/2024-01-11.md": (
        "# Weekly\n\n### Olivier\n\n- joblib release, see [the wiki](https://example.org/wiki)\n"
        "- a [broken link](nowhere.md) and [the plan](#decisions)\n\n"
        "## Decisions\n\n- We ship joblib 1.4 on Monday\n\n## Action items\n\n- [ ] @olivier writes the notes\n"
    ),
    "team/2024-01-18.md": (
        "# Weekly\n\n### Gael\n\n- hiring <script>alert(1)</script> **two** engineers\n\n"
        "## Decisions\n\n- We hire two engineers\n"
    ),
}
HOOK = """
def on_page_markdown(markdown, page, config, files):
    return markdown + "\\n\\nA paragraph the hook adds.\\n"
"""


def _pages(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_site_built_again_writes_back_every_page_as_it_was(make_site: Any) -> None:
    first = make_site(NOTES)
    pages = _pages(first.site_dir)
    assert "nowhere.md" in "".join(first.messages())  # MkDocs' own warning of the broken link
    again = make_site(NOTES)
    assert _pages(again.site_dir) == pages  # every file, the search bundle's too
    messages = again.messages()
    written = [re.search(r"(\d+) of (\d+) pages are as the last build made them", message) for message in messages]
    counts = [match.groups() for match in written if match]
    assert len(counts) == 1 and counts[0][0] == counts[0][1]
    assert any("index copied to pagefind/" in message for message in messages)
    # MkDocs' warning is written again, from the kept render
    assert any("contains a link 'nowhere.md'" in message for message in messages)


def test_an_edited_note_changes_its_pages_as_a_fresh_build_makes_them(make_site: Any, tmp_path: Path) -> None:
    make_site(NOTES)
    edited = {**NOTES, "team/2024-01-18.md": NOTES["team/2024-01-18.md"].replace("hire two engineers", "hire three")}
    again = _pages(make_site(edited).site_dir)
    shutil.rmtree(tmp_path / "site")
    shutil.rmtree(tmp_path / ".cache")
    fresh = _pages(make_site(edited).site_dir)
    searchless = {name: page for name, page in fresh.items() if not name.startswith("pagefind/")}
    assert {name: page for name, page in again.items() if not name.startswith("pagefind/")} == searchless
    decisions = fresh["decisions/index.html"]  # a fragment of the edited meeting's page
    assert b"We hire three" in decisions and b"We hire two engineers" not in decisions


def test_rendered_ahead_is_what_mkdocs_renders(make_site: Any, tmp_path: Path) -> None:
    ahead = _pages(make_site(NOTES).site_dir)
    shutil.rmtree(tmp_path / "site")
    shutil.rmtree(tmp_path / ".cache")
    # A hook that changes nothing but hooks each page's Markdown: MkDocs renders the notes itself.
    (tmp_path / "hooks.py").write_text("def on_page_markdown(markdown, **kwargs):\n    return markdown\n")
    site = make_site(NOTES, {"hooks": ["hooks.py"]})
    assert any(message.startswith("minutes: MkDocs renders the notes page by page") for message in site.messages())
    by_mkdocs = _pages(site.site_dir)
    meetings = [name for name in ahead if name.startswith("team/") and name.endswith(".html")]
    assert len(meetings) == 2
    for name in ahead:
        if not name.startswith("pagefind/"):
            assert by_mkdocs[name] == ahead[name], name
    assert b"&lt;script&gt;" not in ahead[meetings[1]] and b"<script>alert" not in ahead[meetings[1]]


def test_a_plugin_that_changes_pages_markdown_gets_mkdocs_rendering(make_site: Any, tmp_path: Path) -> None:
    (tmp_path / "hooks.py").write_text(HOOK)
    site = make_site(NOTES, {"hooks": ["hooks.py"]})
    notice = [message for message in site.messages() if "MkDocs renders the notes page by page" in message]
    assert notice == ["minutes: MkDocs renders the notes page by page: hooks.py change each page's Markdown or HTML"]
    page = site.page("team/2024-01-18/")
    assert "A paragraph the hook adds." in page and "We hire two engineers" in page
    again = make_site(NOTES, {"hooks": ["hooks.py"]})
    assert not any("written back" in message for message in again.messages())  # nothing kept: the hook may change
    assert "A paragraph the hook adds." in again.page("team/2024-01-18/")


def test_a_strict_build_fails_on_a_broken_link_in_a_note_again_and_again(make_site: Any) -> None:
    for _ in range(2):  # the second time from the kept render
        with pytest.raises(Exception, match="Aborted with 1 warnings in strict mode"):
            make_site(NOTES, strict=True)


def test_a_pool_renders_as_one_process_does(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config: Any = _config(tmp_path)
    settings = markdown_settings(config, sanitize=True)
    assert settings is not None
    files = {"team/2024-01-18.md": ("team/2024-01-18/", _included())}
    jobs = [RenderJob(f"team/{name}.md", f"team/{name}/", text, ("olivier",)) for name, text in _jobs().items()]
    alone = render_pages(jobs, settings, files, None, workers=1)
    monkeypatch.setattr(minutes.page_render, "POOL_THRESHOLD", 0)
    pooled = render_pages(jobs, settings, files, None, workers=2)
    assert pooled == alone
    assert ("team/nowhere.md", None) in alone["team/2024-01-11.md"].lookups  # kept while no such file appears
    assert any("nowhere.md" in message for level, message in alone["team/2024-01-11.md"].logs if level >= logging.INFO)


def test_settings_that_no_other_process_can_take_are_rendered_by_mkdocs(tmp_path: Path) -> None:
    config: Any = _config(tmp_path)
    config.mdx_configs = {"toc": {"slugify": lambda text, separator: text}}
    assert markdown_settings(config, sanitize=True) is None


def _jobs() -> dict[str, str]:
    return {Path(name).stem: text for name, text in NOTES.items()}


def _included() -> Any:
    from mkdocs.structure.files import InclusionLevel

    return InclusionLevel.INCLUDED


def _config(docs: Path) -> Any:
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig()
    config.load_dict(
        {"site_name": "x", "docs_dir": str(docs), "markdown_extensions": ["toc", "attr_list", "md_in_html"]}
    )
    errors, _ = config.validate()
    assert not errors
    return config
