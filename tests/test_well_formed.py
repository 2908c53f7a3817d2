"""Every page the plugin generates is well-formed HTML (SPEC section 5), on the sample site and on notes
written to break it: each page parsed with html5lib, the page's article strictly.

Material's own page frame has one parse error of its own on every page (a raw ``&`` in the web fonts'
URL); the test allows that one and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import html5lib
import pytest

from .conftest import Site, build_sample

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.DOTALL)


def _fonts_line(html: str, line: int) -> bool:
    return "fonts.googleapis.com" in html.split("\n")[line - 1]


def problems(page: Path) -> list[str]:
    """What is wrong with a built page: parse errors outside Material's own, and an article not well formed."""
    html = page.read_text(encoding="utf-8")
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(html)
    found = [
        f"{page.name}:{line}:{column}: {code} {data or ''}"
        for (line, column), code, data in parser.errors
        if not (code == "expected-named-entity" and _fonts_line(html, line))
    ]
    article = _ARTICLE.search(html)
    if article is None:
        return [*found, "no article"]
    try:
        html5lib.HTMLParser(strict=True).parseFragment(article.group(1), container="article")
    except html5lib.html5parser.ParseError as error:
        found.append(f"article: {error}")
    return found


def all_problems(site: Site) -> dict[str, list[str]]:
    pages = sorted(site.site_dir.rglob("*.html"))
    assert len(pages) > 10
    return {str(page.relative_to(site.site_dir)): found for page in pages if (found := problems(page))}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_sample(tmp_path_factory.mktemp("well-formed"))


def test_every_page_of_the_sample_site_is_well_formed(sample: Site) -> None:
    assert all_problems(sample) == {}


# Raw HTML as notes hold it: elements left open across blocks, stray end tags, tables and details in
# person sections, nested lists under a name tag, and what a sanitizer has to remove.
HOSTILE = {
    "tc39/2024-03-05.md": """\
# March 5, 2024 Meeting Notes

| Name | Abbreviation | Organization |
| --- | --- | --- |
| Ada Lovelace | ADA | Analytical |
| Bob Smith | BOB | Example |

## Widgets

ADA: the widget proposal is ready.

<strike>
#### Conclusion/Resolution

- Widgets advance to the next stage.
</strike>

BOB: I will review it <b>this week.

ADA: thanks, <i>see you</div> then.

- a last point
""",
    "team/2024-03-12.md": """\
# Team sync

### Olivier

<div class="note">
- released joblib
    - with <em>care

<details><summary>more</summary>

hidden text

### Gael

<table><tr><td>hiring</td>

- [name=Loïc]
    - fixed <span>the CI
    - <script>alert(1)</script> reviewed
- [name=Julien] </ul></li> closed twice

## TODO / Next

- [ ] write the <u>docs (Gael)
- ACTION: Olivier to <strike>drop the old API
""",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Site:
    root = tmp_path_factory.mktemp("hostile")
    return _build(root, HOSTILE, "plugins: [search, minutes]\n")


def _build(root: Path, notes: dict[str, str], plugins: str) -> Site:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    for name, text in notes.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(f"site_name: Hostile\ntheme: {{name: material}}\n{plugins}", encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml")))
    return Site(root)


def test_every_page_of_a_site_of_hostile_notes_is_well_formed(hostile: Site) -> None:
    assert all_problems(hostile) == {}
    people = {person["name"]: person for person in hostile.json()["people"]}
    # (The note's unclosed <div> makes the rest of its section raw HTML, headings included, as Python-Markdown
    # renders it: only the people named outside it are people.)
    assert {"Ada Lovelace", "Bob Smith", "Loïc", "Julien"} <= set(people)
    julien = hostile.page(people["Julien"]["url"])
    assert "closed twice" in julien and "alert(1)" not in hostile.page(people["Loïc"]["url"])


# Errors of elements left open or closed twice (rather than of an element where HTML5 does not expect it).
UNBALANCED = re.compile(r": (expected-closing-tag-but-got-eof|unexpected-end-tag|end-tag-too-early|eof-in-\S+) ")


def test_without_the_sanitizer_the_pages_the_plugin_makes_stay_balanced(tmp_path: Path) -> None:
    """With ``sanitize: false`` a note's raw HTML reaches its meeting page as written (as plain MkDocs
    would publish it); the pages that show its fragments still close every element they open."""
    site = _build(tmp_path, HOSTILE, "plugins: [search, {minutes: {sanitize: false}}]\n")
    meetings = {meeting["url"] for meeting in site.json()["meetings"]}
    found = {
        page: [problem for problem in problems if UNBALANCED.search(problem)]
        for page, problems in all_problems(site).items()
        if not any(page.startswith(url) for url in meetings)
    }
    assert {page: problems for page, problems in found.items() if problems} == {}
    assert "<script>alert(1)</script>" in site.page("team/2024-03-12/")  # as written: the sanitizer is off


def test_raw_html_around_a_section_does_not_crash_search_on_a_person_page(make_site: Any) -> None:
    """A raw ``<strike>`` left open around a conclusion section once left the person page unbalanced, and
    Material's search crashed on it (``'<li>' is not in list``): the build passes and the page is balanced."""
    notes = {
        "2024-03-05.md": (
            "# March 5, 2024 Meeting Notes\n\n| Name | Abbreviation | Organization |\n| --- | --- | --- |\n"
            "| Ada Lovelace | ADA | Analytical |\n| Bob Smith | BOB | Example |\n\n## Widgets\n\n"
            "ADA: the widget proposal is ready for review.\n\n<strike>\n#### Conclusion/Resolution\n\n"
            "- Widgets advance to the next stage.\n- Bob reviews the draft.\n</strike>\n\n"
            "BOB: I will look at it this week.\n\nADA: thanks for the review, see you then.\n\n- a last point\n"
        ),
        "2024-03-06.md": (
            "# March 6, 2024 Meeting Notes\n\n| Name | Abbreviation | Organization |\n| --- | --- | --- |\n"
            "| Ada Lovelace | ADA | Analytical |\n\n## Gadgets\n\n"
            "ADA: an example of the branding follows\n\n- Branding\n\n"
            "    ```js\n    const x = 1;\n    ```\n\nADA: done with the gadgets now.\n"
        ),
    }
    site = make_site(notes, strict=True, plugins=["search", "minutes"])
    ada = next(person for person in site.json()["people"] if person["name"] == "Ada Lovelace")
    page = site.site_dir / ada["url"] / "index.html"
    assert problems(page) == []
    html = page.read_text(encoding="utf-8")
    assert html.count("<strike>") == html.count("</strike>") >= 1
    assert '<span class="kd">const</span>' in html and "thanks for the review" in html  # highlighted code
