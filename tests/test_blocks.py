"""The block reader: one reading of a note, that agrees with the page Python-Markdown renders.

The agreement tests render each sample note and golden note with Python-Markdown (the extensions
the plugin enables) and compare the lists and headings of the page with those the reader finds:
the same items, at the same depths, in the same order; the same headings at the same levels.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from lxml import html

from minutes.plugin import MARKDOWN_EXTENSIONS
from minutes.reading.blocks import CODE, HTML, TABLE, TEXT, read_blocks
from minutes.reading.front_matter import read_front_matter
from minutes.reading.inline import heading_slugger, plain_text

REPO = Path(__file__).resolve().parent.parent
NOTES = sorted(
    [*(REPO / "minutes").rglob("*.md"), *(REPO / "tests" / "golden").rglob("*.md")],
    key=lambda path: path.as_posix(),
)


def _key(text: str) -> str:
    """The first letters of an item's or heading's text: what both readings must agree on."""
    return re.sub(r"[^a-z]", "", text.lower())[:6]


def rendered(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(depth, first letters) of every list item and (level, first letters) of every heading of the page."""
    extensions = list(MARKDOWN_EXTENSIONS)
    configs = {name: options for name, options in MARKDOWN_EXTENSIONS.items() if options}
    root = html.fromstring(
        "<div>" + markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text) + "</div>"
    )
    items = []
    for item in root.iter("li"):
        depth = sum(1 for above in item.iterancestors() if above.tag in ("ul", "ol")) - 1
        parts = [item.text or ""]
        for child in item:
            if child.tag in ("ul", "ol"):
                break
            if isinstance(child.tag, str) and child.tag != "input":
                parts.append(child.text_content())
            parts.append(child.tail or "")
            if child.tag == "p":
                break
        items.append((depth, _key("".join(parts))))
    headings = [
        (int(element.tag[1]), _key(element.text_content()))
        for element in root.iter()
        if isinstance(element.tag, str)
        and re.fullmatch(r"h[1-6]", element.tag)
        and not any(above.tag == "blockquote" for above in element.iterancestors())
    ]
    return items, headings


def read(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    document = read_blocks(text.split("\n"))
    items = [(item.depth, _key(plain_text(item.text))) for _, item in sorted(document.items.items())]
    headings = [(heading.level, _key(plain_text(heading.text))) for heading in document.headings]
    return items, headings


@pytest.mark.parametrize("path", NOTES, ids=lambda path: path.relative_to(REPO).as_posix())
def test_the_reader_nests_lists_and_headings_as_the_page_shows_them(path: Path) -> None:
    body = read_front_matter(path.name, path.read_text(encoding="utf-8")).body
    document = read_blocks(body.split("\n"))
    assert read(body) == rendered(document.markdown())


def test_lists_nest_every_four_columns_as_python_markdown_renders_them() -> None:
    document = read_blocks(["- a", "  - b (a sibling: two spaces)", "    - c (nested in b)", "- d"])
    assert [(item.depth, item.parent) for _, item in sorted(document.items.items())] == [
        (0, -1),
        (0, -1),
        (1, 1),
        (0, -1),
    ]
    assert document.items[1].end == 3  # b holds c


def test_a_list_right_under_a_paragraph_is_a_list_and_the_page_gets_its_blank_line() -> None:
    document = read_blocks(["**Attendees:**", "- Alice", "- Bob", "", "Text", "2. not an item"])
    assert sorted(document.items) == [1, 2]
    assert document.interruptions == (1,)
    assert document.markdown() == "**Attendees:**\n\n- Alice\n- Bob\n\nText\n2. not an item\n"
    page = markdown.markdown(document.markdown())
    assert "<li>Alice</li>" in page and "2. not an item" in page


def test_setext_headings_fences_indented_code_html_and_tables() -> None:
    lines = [
        "Agenda",  # 0: setext h1
        "======",
        "",
        "    code, indented",  # 3
        "",
        "```",  # 5
        "## not a heading",
        "```",
        "",
        '<div class="x">',  # 9: raw HTML up to its closing tag
        "",
        "- not an item",
        "</div>",
        "",
        "| Name | Abbreviation |",  # 14: a table
        "| --- | --- |",
        "| Waldemar Horwat | WH |",
        "",
        "#123 is an issue, not a heading",  # 18 (pymdownx.saneheaders)
        "",
        "Notes",  # 20: setext h2
        "---",
    ]
    document = read_blocks(lines)
    assert [(heading.index, heading.level, heading.text) for heading in document.headings] == [
        (0, 1, "Agenda"),
        (20, 2, "Notes"),
    ]
    assert document.kinds[3] == CODE and document.kinds[6] == CODE
    assert all(document.kinds[index] == HTML for index in (9, 11, 12)) and not document.items
    assert document.kinds[14] == TABLE and document.tables[0].rows == ((16, ("Waldemar Horwat", "WH")),)
    assert document.kinds[18] == TEXT
    # and the page agrees
    items, headings = rendered(document.markdown())
    assert (items, headings) == ([], [(1, "agenda"), (2, "notes")])


def test_a_paragraph_then_an_underline_is_a_heading_and_a_break_after_a_blank_is_not() -> None:
    document = read_blocks(["Notes", "---", "", "---", "", "Text", "==="])
    assert [(heading.index, heading.level) for heading in document.headings] == [(0, 2), (5, 1)]
    assert 3 in document.breaks


def test_a_list_in_a_block_quote_and_a_table_in_a_fence_are_read() -> None:
    document = read_blocks(
        [
            "> We agreed:",
            ">",
            "> - we will ship",
            "> - Ada to review",
            "",
            "```",
            "| Name | Initials |",
            "| -- | -- |",
            "| Ada Lovelace | AL |",
            "```",
        ]
    )
    assert sorted(document.items) == [2, 3] and document.items[3].text == "Ada to review"
    assert document.code_tables[0].rows == ((8, ("Ada Lovelace", "AL")),)


def test_an_empty_bullet_stays_a_bullet_on_the_page() -> None:
    document = read_blocks(["- **Name:** your report", "- "])
    page = markdown.markdown(document.markdown())
    assert "<h2>" not in page and page.count("<li>") == 2


def test_heading_ids_follow_the_sites_toc_slugify() -> None:
    from pymdownx.slugs import slugify

    assert heading_slugger()("Intl.DurationFormat for Stage 3") == "intldurationformat-for-stage-3"
    assert heading_slugger(slugify(case="lower"))("Réunion: décisions") == "réunion-décisions"
    assert heading_slugger()("Budget {#money}") == "money"
