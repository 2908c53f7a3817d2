"""Fragments cut from a rendered meeting page by their anchors (``site.fragments``), on HTML that
Python-Markdown renders from small notes, with the extensions the plugin enables."""

from __future__ import annotations

import html5lib
import markdown
import pytest

from minutes.site.fragments import SITE_ROOT, cut_fragments, place_fragment

EXTENSIONS = ["attr_list", "tables", "md_in_html", "pymdownx.superfences", "pymdownx.magiclink", "toc"]


def render(note: str) -> str:
    return markdown.markdown(note, extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})


def well_formed(fragment: str) -> None:
    html5lib.HTMLParser(strict=True).parseFragment(fragment)


TEAM = """\
## Updates

### Olivier {#olivier}

- released [joblib](../joblib/) 1.4
    - with `return_generator=True`
    - see https://github.com/joblib/joblib/pull/1254

#### Next

- sprint

### Gael {#gael}

- hiring

## Tasks

- <span class="minutes-name" id="loic">Loïc</span>
    - fix the CI
- <span class="minutes-action" id="action-docs"></span>write the docs (Ana)
"""


def test_a_heading_entry_is_its_section_without_the_heading() -> None:
    fragments = cut_fragments(render(TEAM), {"olivier", "gael"})
    olivier = fragments["olivier"]
    assert "<h3" not in olivier and "Olivier" not in olivier
    assert "<li>with <code>return_generator=True</code></li>" in olivier  # nesting and code kept
    assert '<a href="https://github.com/joblib/joblib/pull/1254">' in olivier  # a bare URL is a link
    assert "<h5>Next</h5>" in olivier and "sprint" in olivier  # sub-sections belong to it
    assert "hiring" not in olivier and fragments["gael"] == "<ul>\n<li>hiring</li>\n</ul>"
    assert 'id="' not in olivier and "headerlink" not in olivier
    well_formed(olivier)


def test_a_name_tag_entry_is_its_list_item_without_the_tag() -> None:
    fragments = cut_fragments(render(TEAM), {"loic", "action-docs"})
    assert fragments["loic"].strip() == "<ul>\n<li>fix the CI</li>\n</ul>"
    assert fragments["action-docs"] == '<span class="minutes-action"></span>write the docs (Ana)'


TRANSCRIPT = """\
## Temporal

<span class="minutes-speaker" id="usa">USA</span>: The next meeting is in March.

It will be remote.

- a list in the turn

<span class="minutes-speaker" id="wh">WH</span>: I object.

---

After the break.

## Budget

<span class="minutes-speaker" id="usa-2">USA</span>: Last one.

<span class="minutes-leader" id="leader-ada"></span>leader: Ada

- the budget grows
"""


def test_a_turn_runs_to_the_next_turn_heading_or_break() -> None:
    fragments = cut_fragments(render(TRANSCRIPT), {"usa", "wh", "usa-2"})
    assert fragments["usa"] == (
        "<p>The next meeting is in March.</p>\n<p>It will be remote.</p>\n<ul>\n<li>a list in the turn</li>\n</ul>"
    )
    assert fragments["wh"] == "<p>I object.</p>"
    # As ``people.speakers`` reads it, what follows a turn is the turn's until the next turn or heading.
    assert fragments["usa-2"].startswith("<p>Last one.</p>") and "the budget grows" in fragments["usa-2"]


def test_a_leader_line_leads_its_section() -> None:
    fragment = cut_fragments(render(TRANSCRIPT), {"leader-ada"})["leader-ada"]
    assert "Last one." in fragment and "the budget grows" in fragment and "Temporal" not in fragment


def test_raw_html_left_open_is_closed_inside_the_fragment() -> None:
    note = (
        '## Widgets\n\n<span class="minutes-speaker" id="ada">ADA</span>: ready.\n\n<strike>\n'
        "#### Conclusion/Resolution {#decision-widgets}\n\n- Widgets advance.\n\n"
        '<span class="minutes-speaker" id="bob">BOB</span>: I will look at it.\n\n- a last point\n'
    )
    fragments = cut_fragments(render(note), {"ada", "decision-widgets", "bob"})
    for fragment in fragments.values():
        well_formed(fragment)
        assert fragment.count("<strike>") == fragment.count("</strike>")


def test_links_are_pointed_from_the_page_that_shows_them() -> None:
    note = "### Ada {#ada}\n\n- see [the roadmap](../roadmap/) and [below](#later)\n- ![chart](chart.png)\n"
    fragment = cut_fragments(render(note), {"ada"}, base="team/2024-03-05/")["ada"]
    assert f'href="{SITE_ROOT}team/roadmap/"' in fragment
    assert f'href="{SITE_ROOT}team/2024-03-05/#later"' in fragment
    assert f'src="{SITE_ROOT}team/2024-03-05/chart.png"' in fragment
    placed = place_fragment(fragment, "people/ada/")
    assert 'href="../../team/roadmap/"' in placed and 'href="../../team/2024-03-05/#later"' in placed
    assert 'href="../team/roadmap/"' in place_fragment(fragment, "people/ada.html")
    assert 'href="team/roadmap/"' in place_fragment(fragment, "")


@pytest.mark.parametrize("html", ["", "<p>no anchors here</p>"])
def test_anchors_not_on_the_page_have_no_fragment(html: str) -> None:
    assert cut_fragments(html, {"missing"}) == {}
