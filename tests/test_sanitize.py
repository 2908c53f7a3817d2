"""Hostile notes: raw HTML cannot run script on the site, names and tags cannot leave it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from minutes.reading.blocks import read_blocks
from minutes.reading.checks import unsafe_html
from minutes.site.sanitize import sanitize_html
from minutes.slugs import slugify

HOSTILE = """\
# Weekly sync

<script>alert("script tag")</script>

<img src="photo.png" onerror="alert('onerror')">

[a Markdown link](javascript:alert(1))

<a href="javascript:alert('html link')" onclick="alert('onclick')">an HTML link</a>

<iframe src="https://evil.example/frame"></iframe>

<div style="position: fixed; top: 0">an overlay</div>

<style>body { display: none }</style>

<svg><a href="javascript:alert('svg link')"><text>x</text></a><script>alert('svg script')</script></svg>

<details open><summary>More</summary><p>kept</p></details>

Some `<script>` in code is shown, not run.
"""


def _site_text(site_dir: Path) -> str:
    """Every file the build wrote that can carry note text: pages, search index, minutes.json."""
    from .test_search import fragments

    parts = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix in (".html", ".json") and "assets" not in path.parts:
            parts.append(path.read_text(encoding="utf-8"))
    if (site_dir / "pagefind").is_dir():
        parts.extend(json.dumps(entry, ensure_ascii=False) for entry in fragments(site_dir))
    return "\n".join(parts)


def _article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_scripts_handlers_and_javascript_urls_never_reach_the_site(make_site: Any) -> None:
    site = make_site({"2024-03-05.md": HOSTILE})
    everything = _site_text(site.site_dir)
    assert "alert(" not in everything
    assert "javascript:" not in everything
    assert "onerror" not in everything and "onclick" not in everything
    assert "evil.example" not in everything
    article = _article(site.page("2024-03-05/"))
    assert "<script" not in article and "<iframe" not in article and "<style" not in article
    assert "position" not in article
    # What is harmless stays: the image, the link texts, the overlay's text, details, code.
    assert '<img src="photo.png">' in article
    assert "<a>a Markdown link</a>" in article and "<a>an HTML link</a>" in article
    assert "<div>an overlay</div>" in article
    assert "<details open" in article and "<p>kept</p>" in article
    assert "<code>&lt;script&gt;</code>" in article


def test_the_check_names_each_line_whose_html_is_removed(make_site: Any) -> None:
    site = make_site({"2024-03-05.md": HOSTILE})
    messages = [m for m in site.messages() if "removed from the published page" in m]
    assert messages == [
        "minutes: warning: 2024-03-05.md:3: removed from the published page: <script> "
        "(notes cannot run script or restyle the site; write Markdown instead)",
        "minutes: warning: 2024-03-05.md:5: removed from the published page: the onerror attribute "
        "(notes cannot run script or restyle the site; write Markdown instead)",
        "minutes: warning: 2024-03-05.md:7: removed from the published page: a javascript: URL "
        "(notes cannot run script or restyle the site; write Markdown instead)",
        "minutes: warning: 2024-03-05.md:9: removed from the published page: a javascript: URL, the onclick attribute "
        "(notes cannot run script or restyle the site; write Markdown instead)",
        "minutes: warning: 2024-03-05.md:11: removed from the published page: <iframe> "
        "(notes cannot run script or restyle the site; write Markdown instead)",
        "minutes: warning: 2024-03-05.md:13: removed from the published page: a style attribute "
        "(notes cannot run script or restyle the site; write Markdown instead)",
        "minutes: warning: 2024-03-05.md:15: removed from the published page: <style> "
        "(notes cannot run script or restyle the site; write Markdown instead)",
        "minutes: warning: 2024-03-05.md:17: removed from the published page: a javascript: URL, <script> "
        "(notes cannot run script or restyle the site; write Markdown instead)",
    ]


def test_a_trusted_site_can_turn_the_sanitizer_off(make_site: Any) -> None:
    site = make_site(
        {"2024-03-05.md": '# Sync\n\n<div style="color: red">red</div>\n'},
        config={"plugins": ["search", {"minutes": {"sanitize": False}}]},
    )
    assert '<div style="color: red">red</div>' in _article(site.page("2024-03-05/"))
    assert not [m for m in site.messages() if "removed from the published page" in m]


def test_titles_names_and_tags_are_escaped(make_site: Any) -> None:
    note = (
        "---\ntitle: <img src=x onerror=alert(1)>\ntags: ['<img src=y onerror=alert(2)>']\n---\n"
        "### Mallory\n\n- did things\n"
    )
    people = "- name: <b onmouseover=alert(3)>Mallory</b>\n  aliases: [Mallory]\n"
    site = make_site({"2024-03-05.md": note, "people.yml": people})
    page = site.page("2024-03-05/")
    assert "<img src=x" not in page and "<img src=y" not in page and "<b onmouseover" not in page
    assert "<title>&lt;img src=x onerror=alert(1)&gt; - Test minutes</title>" in page
    assert "<h1>&lt;img src=x onerror=alert(1)&gt;</h1>" in page
    assert "<span>&lt;img src=y onerror=alert(2)&gt;</span>" in page
    assert "&lt;b onmouseover=alert(3)&gt;Mallory&lt;/b&gt;</a>" in page
    person = site.json()["people"][0]
    assert person["name"] == "<b onmouseover=alert(3)>Mallory</b>"
    person_page = site.page(person["url"])
    assert "<b onmouseover" not in person_page
    assert "<h1>&lt;b onmouseover=alert(3)&gt;Mallory&lt;/b&gt;</h1>" in person_page


def test_names_and_tags_cannot_leave_the_site(make_site: Any, tmp_path: Path) -> None:
    note = (
        "---\ntags: ['../../escape', '..', '/etc/passwd']\nseries: '../../../series'\n---\n"
        "# Sync\n\n### ../../../outside\n\n- went out\n\n- [name=../../tagged] signed\n"
    )
    people = "- name: ../../../outside\n"
    site = make_site({"2024-03-05.md": note, "people.yml": people})
    # what the build wrote is the site, and the cache of parsed notes beside mkdocs.yml: nothing else
    before = {path for path in tmp_path.rglob("*") if not {"site", ".cache"} & set(path.relative_to(tmp_path).parts)}
    assert before == {tmp_path / name for name in ("docs", "docs/2024-03-05.md", "docs/people.yml", "mkdocs.yml")}
    data = site.json()
    people_urls = {person["name"]: person["url"] for person in data["people"]}
    assert people_urls["../../../outside"] == "people/outside/"
    assert data["meetings"][0]["series"] == "series"
    site_dir = os.path.realpath(site.site_dir)
    for path in site.site_dir.rglob("*"):
        assert os.path.realpath(path).startswith(site_dir + os.sep)
    urls = [item["url"] for kind in ("meetings", "people") for item in data[kind]]
    urls += [item["url"] for kind in ("topics", "references", "decisions", "actions") for item in data.get(kind, [])]
    for url in urls:
        assert ".." not in url.split("/") and not url.startswith("/"), url
        assert (site.site_dir / url.split("#")[0] / "index.html").is_file(), url
    assert "escape" in site.page("2024-03-05/")  # the tag is shown, as text
    topics = {topic["name"]: topic["url"] for topic in data["topics"]}
    assert topics == {"../../escape": "topics/escape/", "..": "topics/topic/", "/etc/passwd": "topics/etc-passwd/"}
    assert "../../escape" in json.dumps(data)  # the name is kept as written, only the address is a slug


def test_slugs_are_never_paths() -> None:
    for text in ("../../../outside", "..", "/etc/passwd", "a/../../b", "..\\..\\win", "", "   "):
        slug = slugify(text)
        assert "/" not in slug and "\\" not in slug and ".." not in slug and slug


def test_the_allowlist_keeps_what_markdown_extensions_make() -> None:
    kept = [
        '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<p>Text</p>\n</div>',
        '<details class="info" open=""><summary>More</summary><p>x</p></details>',
        '<table>\n<thead>\n<tr>\n<th style="text-align:left">a</th>\n</tr>\n</thead>\n</table>',
        '<ul class="task-list">\n<li class="task-list-item"><label class="task-list-control">'
        '<input type="checkbox" disabled="" checked=""><span class="task-list-indicator"></span></label>'
        " done</li>\n</ul>",
        '<p>Text<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>',
        '<li id="fn:1"><p>Note <a class="footnote-backref" href="#fnref:1" title="Jump back">↩</a></p></li>',
        '<h2 id="plans">Plans<a class="headerlink" href="#plans" title="Permanent link">¶</a></h2>',
        '<div class="highlight"><pre><span></span><code><span class="k">def</span> <span class="nf">f</span>'
        "</code></pre></div>",
        '<p><span class="minutes-name" id="olivier">Olivier</span> worked</p>',
        '<p><span class="minutes-speaker" id="usa">USA</span>: next</p>',
        '<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="" id="__tabbed_1_1" '
        'name="__tabbed_1" type="radio"><div class="tabbed-labels"><label for="__tabbed_1_1">A</label></div></div>',
        '<p><a href="https://example.org/x?a=1&amp;b=2" title="t">link</a> <a href="../people/olivier/">rel</a></p>',
        '<p><img src="images/a.png" alt="diagram" width="200"></p>',
        '<div class="minutes-record" data-series="team" data-year="2024" data-topics="joblib">x</div>',
        '<div class="minutes-entries" data-search-exclude="">y</div>',
    ]
    for html in kept:
        assert sanitize_html(html) == html
    # A simple inline SVG chart in a note, as the plugin's own charts draw them.
    chart = (
        '<svg class="chart" role="img" aria-label="Meetings per month" viewBox="0 0 480 60" width="100%" height="60">'
        '<title>Meetings per month</title><rect x="1" y="2" width="16" height="46"></rect></svg>'
    )
    cleaned = sanitize_html(chart)
    assert "<svg" in cleaned and "<rect" in cleaned and 'viewBox="0 0 480 60"' in cleaned
    assert "<title>Meetings per month</title>" in cleaned


def test_the_allowlist_removes_what_runs_or_restyles() -> None:
    cases = {
        "<script>alert(1)</script><p>x</p>": "<p>x</p>",
        '<img src="a.png" onerror="alert(1)">': '<img src="a.png">',
        '<a href="javascript:alert(1)">x</a>': "<a>x</a>",
        '<a href="JaVaScRiPt:alert(1)">x</a>': "<a>x</a>",
        '<a href="data:text/html,<script>alert(1)</script>">x</a>': "<a>x</a>",
        '<iframe src="https://evil.example"></iframe><p>y</p>': "<p>y</p>",
        '<p style="position:fixed">z</p>': "<p>z</p>",
        "<style>body{}</style><p>w</p>": "<p>w</p>",
        '<input type="text" value="v">': "<input>",
        '<svg onload="alert(1)"><rect width="1"></rect></svg>': '<svg><rect width="1"></rect></svg>',
        '<form action="https://evil.example"><p>f</p></form>': "<p>f</p>",
        '<div data-md-component="announce" data-x="1">d</div>': '<div data-x="1">d</div>',
        '<object data="x.swf"></object><embed src="x.swf"><p>o</p>': "<p>o</p>",
    }
    for dirty, clean in cases.items():
        assert sanitize_html(dirty) == clean, dirty


def test_unsafe_html_skips_code_and_prose() -> None:
    lines = [
        "Talked about `<script>` tags and onerror= handlers in prose.",
        "```html",
        "<script>alert(1)</script>",
        "```",
        "The data: we collected is fine, javascript: too.",
        '<p onclick="x()">p</p>',
    ]
    assert [(f.line, f.message) for f in unsafe_html("n.md", read_blocks(lines, 10))] == [
        (15, "removed from the published page: the onclick attribute")
    ]


def test_notes_cannot_take_the_plugins_own_pages_and_keep_their_addresses(make_site: Any) -> None:
    notes = {
        "decisions.md": "---\ndate: 2024-03-05\n---\n# Board decisions\n",
        "archive.md": "---\ndate: 2024-03-26\n---\n# Archive review\n",
        "search.md": "---\ndate: 2024-04-16\n---\n# Search sync\n",
        "topics/2024-03-12.md": "# Topics sync\n",
        "people/2024-03-19.md": "# People sync\n",
        "actions/olivier.md": "---\ndate: 2024-03-20\n---\n# Actions\n",
        "references/log.md": "## 2024-04-02\n\n- a\n\n## 2024-04-09\n\n- b\n",
        "team/2024-04-23.md": "# Team sync\n\n- [name=Index] present\n",
    }
    expected = {
        "decisions.md": "meetings/decisions/",
        "archive.md": "meetings/archive/",
        "search.md": "meetings/search/",
        "topics/2024-03-12.md": "meetings/topics/2024-03-12/",
        "people/2024-03-19.md": "meetings/people/2024-03-19/",
        "actions/olivier.md": "meetings/actions/olivier/",
        "team/2024-04-23.md": "team/2024-04-23/",
    }
    for _ in range(2):  # the same addresses on every build
        site = make_site(notes)
        urls = {m["source"]: m["url"] for m in site.json()["meetings"] if m["source"] != "references/log.md"}
        assert urls == expected
        logged = sorted(m["url"] for m in site.json()["meetings"] if m["source"] == "references/log.md")
        assert logged == ["meetings/references/2024-04-02/", "meetings/references/2024-04-09/"]
        archive = site.page("archive/")
        assert "<h1>Archive</h1>" in archive and "<p>9 meetings in 6 series.</p>" in archive
        # A person called Index does not take the people page's place.
        assert [p["url"] for p in site.json()["people"]] == ["people/index-c2df9b/"]
        assert not (site.site_dir / "references" / "log").exists()
