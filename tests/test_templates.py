"""Templates a site owns: overriding a page template or one partial through Material's ``custom_dir``,
rewording the plugin's words (month names, titles); and person pages that stay light however active
the person, split into pages that reach the whole history."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from minutes.index import build_index
from minutes.parse import parse_note
from minutes.reading.source import Source
from minutes.site.paging import PAGE_BUDGET
from minutes.site.person_pages import person_pages

TEAM = {
    "team/2024-03-05.md": (
        "# Team sync\n\n## Present\n\n- Olivier\n- Gael\n\n## Updates\n\n### Olivier\n\n"
        "- released [joblib](https://github.com/joblib/joblib)\n    - with `return_generator=True`\n\n"
        "### Gael\n\n- hiring\n\n## Decisions\n\n- Decision: we ship in March\n"
    ),
    "team/2024-03-12.md": "# Team sync\n\n### Olivier\n\n- reviewed PRs\n\n### Gael\n\n- budget\n",
}


def _overrides(root: Path, templates: dict[str, str]) -> dict[str, Any]:
    for name, text in templates.items():
        target = root / "overrides" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return {"theme": {"name": "material", "custom_dir": "overrides"}}


PERSON = """\
{% extends "main.html" %}
{% block content %}
<div class="custom-person">
  <h1>Reports of {{ minutes.person.name }}</h1>
  {% for group in minutes.reports %}
    <h2 class="custom-meeting">{{ group.meeting.date }}</h2>
    {% for section in group.sections %}{% for entry in section.entries %}
      <blockquote class="custom-entry">{{ entry | minutes_fragment }}</blockquote>
    {% endfor %}{% endfor %}
  {% endfor %}
</div>
{% endblock %}
"""


def test_a_site_overriding_the_person_template_changes_the_whole_page(make_site: Any, tmp_path: Path) -> None:
    site = make_site(TEAM, _overrides(tmp_path, {"minutes/person.html": PERSON}), strict=True)
    page = site.page("people/olivier/")
    assert '<div class="custom-person">' in page and "<h1>Reports of Olivier</h1>" in page
    meetings = re.findall(r'<h2 class="custom-meeting">([^<]+)</h2>', page)
    assert meetings == ["2024-03-12", "2024-03-05"]
    # The reports, as the site's own template places them, rendered from the notes with their links.
    entries = re.findall(r'<blockquote class="custom-entry">(.*?)</blockquote>', page, re.DOTALL)
    assert "<li>reviewed PRs</li>" in entries[0]
    assert '<a href="https://github.com/joblib/joblib">joblib</a>' in entries[1]
    assert "<code>return_generator=True</code>" in entries[1]
    for default in ("minutes-reports", "minutes-attendance", "minutes-chart", "of the notes"):
        assert default not in page, default
    assert '<div class="custom-person">' in site.page("people/gael/")


HEADER = """\
<header class="custom-header">{{ minutes.meeting.title | e }} on {{ minutes.meeting.date }}</header>
"""


def test_overriding_one_partial_changes_only_that_piece(make_site: Any, tmp_path: Path) -> None:
    site = make_site(TEAM, _overrides(tmp_path, {"minutes/partials/meeting-header.html": HEADER}), strict=True)
    meeting = site.page("team/2024-03-05/")
    assert '<header class="custom-header">Team sync on 2024-03-05</header>' in meeting
    assert "minutes-attendees" not in meeting and 'aria-label="Decisions and action items' not in meeting
    # The rest of the page stays: the notes, the series navigation, the source line.
    assert "released" in meeting and 'rel="next"' in meeting and "Source: <code>team/2024-03-05.md</code>" in meeting
    assert 'class="minutes-header minutes-person"' in site.page("people/olivier/")


FRENCH_DATES = """\
{%- set MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
  "octobre", "novembre", "décembre"] -%}
{%- macro month(number) -%}{{ MONTHS[number | int - 1] }}{%- endmacro -%}
{%- macro day(iso) -%}{{ iso[8:10] | int }} {{ month(iso[5:7]) }} {{ iso[:4] }}{%- endmacro -%}
{%- macro month_year(iso) -%}{{ month(iso[5:7]) }} {{ iso[:4] }}{%- endmacro -%}
{%- macro span(start, end=None) -%}
  {{ day(start) }}{% if end and end != start %} – {{ day(end) }}{% endif %}
{%- endmacro -%}
{%- macro meeting_title(meeting) -%}{{ meeting.title }} du {{ span(meeting.date, meeting.end_date) }}{%- endmacro -%}
{%- macro time(iso, end=None) -%}<time datetime="{{ iso }}">{{ span(iso, end) }}</time>{%- endmacro -%}
"""

FRENCH_TITLES = """\
{%- macro title(kind, minutes, site_name) -%}
  {%- if kind == "decisions" -%}Décisions{%- elif kind == "person" -%}{{ minutes.person.name }}
  {%- elif kind == "meeting" -%}{{ minutes.meeting.title }}{%- else -%}{{ kind | capitalize }}{%- endif -%}
{%- endmacro -%}
"""


def test_a_site_translates_dates_and_titles_by_overriding_their_partials(make_site: Any, tmp_path: Path) -> None:
    overrides = {"minutes/partials/dates.html": FRENCH_DATES, "minutes/partials/titles.html": FRENCH_TITLES}
    site = make_site(TEAM, _overrides(tmp_path, overrides), strict=True)
    meeting = site.page("team/2024-03-05/")
    assert '<time datetime="2024-03-05">5 mars 2024</time>' in meeting
    assert "Team sync du 12 mars 2024 →" in meeting  # the series navigation
    decisions = site.page("decisions/")
    assert "<title>Décisions - Test minutes</title>" in decisions and "<h1>Décisions</h1>" in decisions
    assert ">Team sync du 5 mars 2024</a>" in decisions
    assert "March" not in site.page("people/olivier/")


FRENCH_WORDS = """\
{%- macro kind(name) -%}{{ {"meeting": "Réunion", "decision": "Décision", "action": "Action",
  "person": "Personne", "topic": "Sujet", "page": "Page"}[name] }}{%- endmacro -%}
{%- macro meetings(count) -%}{{ count }} réunion{% if count != 1 %}s{% endif %}{%- endmacro -%}
{%- macro feed_title(kind, site_name, name="") -%}
  {%- if kind == "meetings" -%}{{ site_name }} : réunions{%- elif kind == "decisions" -%}{{ site_name }} : décisions
  {%- elif kind == "series" -%}{{ site_name }} : réunions {{ name }}
  {%- else -%}{{ site_name }} : {{ name }}{%- endif -%}
{%- endmacro -%}
{%- macro record_title(kind, text, status="") -%}
  {%- if kind == "decision" -%}Décision : {{ text }}{%- else -%}Action ({{ status }}) : {{ text }}{%- endif -%}
{%- endmacro -%}
{%- macro report_title(person, meeting) -%}{{ person }} à {{ meeting }}{%- endmacro -%}
{%- macro meeting_name(meeting) -%}{{ meeting.title or "Réunion " ~ meeting.series_name }}{%- endmacro -%}
"""


def test_a_site_translates_the_words_of_feeds_and_search_by_overriding_their_partials(
    make_site: Any, tmp_path: Path
) -> None:
    import xml.etree.ElementTree as ET

    import jinja2

    from minutes.site.search import archive_records
    from minutes.site.words import TEMPLATES, Words

    overrides = {"minutes/partials/dates.html": FRENCH_DATES, "minutes/partials/words.html": FRENCH_WORDS}
    config = {**_overrides(tmp_path, overrides), "site_url": "https://example.org/"}
    site = make_site(TEAM, config, strict=True)
    atom = "{http://www.w3.org/2005/Atom}"
    meetings = ET.parse(site.site_dir / "meetings.xml").getroot()
    assert meetings.findtext(f"{atom}title") == "Test minutes : réunions"
    assert [entry.findtext(f"{atom}title") for entry in meetings.iter(f"{atom}entry")] == [
        "Team sync du 12 mars 2024",
        "Team sync du 5 mars 2024",
    ]
    assert ET.parse(site.site_dir / "feeds/team.xml").getroot().findtext(f"{atom}title") == (
        "Test minutes : réunions Team"
    )
    person = ET.parse(site.site_dir / "person-olivier.xml").getroot()
    titles = [entry.findtext(f"{atom}title") for entry in person.iter(f"{atom}entry")]
    assert "Olivier à Team sync du 12 mars 2024" in titles
    assert "X-WR-CALNAME:Test minutes : réunions" in (site.site_dir / "meetings.ics").read_text(encoding="utf-8")
    # The search index's words, from the same partials (the plugin hands Words the theme's environment).
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path / "overrides"), TEMPLATES]))
    notes = [parse_note(Source(path, text)) for path, text in TEAM.items()]
    archive = build_index(notes)
    metas = [record.fields.pagefind_meta(Words(env)) for record in archive_records(archive, words=Words(env))]
    assert {"Décision", "Personne"} <= {meta["kind"] for meta in metas}
    assert {"2 réunions", "1 réunion"} & {meta.get("meetings", "") for meta in metas}
    assert "5 mars 2024" in {meta.get("when", "") for meta in metas}


# A note without a heading that names the meeting: the site calls it "<series> meeting", in words.html.
UNTITLED = {**TEAM, "team/2024-03-19.md": "- Olivier released joblib\n\n## Decisions\n\n- Decision: ship in April\n"}


def test_a_meeting_without_a_title_is_named_by_the_words_partial_everywhere(make_site: Any, tmp_path: Path) -> None:
    """The model keeps no title; every place that names the meeting asks ``meeting_name`` of words.html:
    its page's header and title, links to it, feeds, calendar, minutes.json and the search index."""
    import xml.etree.ElementTree as ET

    import jinja2

    from minutes.site.search import archive_records, meeting_fields
    from minutes.site.words import TEMPLATES, Words

    notes = [parse_note(Source(path, text)) for path, text in UNTITLED.items()]
    assert [meeting.title for note in notes for meeting in note.meetings] == ["Team sync", "Team sync", ""]
    archive = build_index(notes)
    untitled = archive.meeting("team/2024-03-19")
    assert Words().title(untitled) == "Team meeting"  # the package's words

    config = {**_overrides(tmp_path, {"minutes/partials/words.html": FRENCH_WORDS}), "site_url": "https://example.org/"}
    site = make_site(UNTITLED, config, strict=True)
    page = site.page("team/2024-03-19/")
    assert "<h1>Réunion Team</h1>" in page
    assert "<title>Réunion Team, 19 March 2024 - Test minutes</title>" in page
    assert "Team meeting" not in page
    assert "Réunion Team, 19 March 2024 →" in site.page("team/2024-03-12/")  # the series navigation
    assert ">Réunion Team, 19 March 2024</a>" in site.page("decisions/")
    assert [meeting["title"] for meeting in site.json()["meetings"]] == ["Team sync", "Team sync", "Réunion Team"]
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.parse(site.site_dir / "meetings.xml").getroot().iter(f"{atom}entry")
    assert "Réunion Team, 19 March 2024" in [entry.findtext(f"{atom}title") for entry in entries]
    assert "SUMMARY:Réunion Team\n" in (site.site_dir / "meetings.ics").read_text(encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path / "overrides"), TEMPLATES]))
    words = Words(env)
    assert meeting_fields(untitled, archive, words).title == "Réunion Team, 19 March 2024"
    titles = {record.fields.title for record in archive_records(archive, words=words)}
    assert "Réunion Team, 19 March 2024" in titles


# --- person pages of a very active speaker ----------------------------------------------------------------

TABLE = "| Name | Abbreviation | Organization |\n| --- | --- | --- |\n| Ada Lovelace | ADA | Analytical |\n"
TURN = (
    "ADA: On item {n}, I would like to go through the proposal once more, with its three open questions: "
    "the [spec text](https://example.org/spec/{n}), the tests in `test_{n}.js`, and the reviewers' notes "
    "that came in since the last plenary, which I summarise here for the minutes at some length.\n"
)


def transcript(meetings: int, turns: int) -> dict[str, str]:
    notes = {}
    for number in range(meetings):
        lines = [f"# Plenary {number + 1}", "", TABLE, "## Agenda item", ""]
        for turn in range(turns):
            lines += [TURN.format(n=f"{number}-{turn}"), "", "ADA: Okay.", ""]
        notes[f"plenary/2023-{1 + number // 28:02d}-{1 + number % 28:02d}.md"] = "\n".join(lines)
    return notes


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .conftest import Site

    root = tmp_path_factory.mktemp("busy")
    for name, text in transcript(40, 30).items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Busy\ntheme: {name: material}\nplugins: [search, minutes]\n")
    build(load_config(str(root / "mkdocs.yml"), strict=True))
    return Site(root)


def _pages_of(site: Any, url: str) -> list[Path]:
    """The person's pages, in the order of their 'Older' links from the first."""
    pages = [site.site_dir / url / "index.html"]
    while match := re.search(r'<a rel="next" href="([^"]+)">Older', pages[-1].read_text(encoding="utf-8")):
        pages.append((pages[-1].parent / match.group(1) / "index.html").resolve())
    return pages


def test_an_active_speaker_gets_light_pages_that_reach_every_report(busy: Any) -> None:
    ada = next(person for person in busy.json()["people"] if person["name"] == "Ada Lovelace")
    assert len(ada["entries"]) == 40 * 30 * 2
    pages = _pages_of(busy, ada["url"])
    assert len(pages) > 3
    assert [page.relative_to(busy.site_dir).as_posix() for page in pages[:3]] == [
        "people/ada-lovelace/index.html",
        "people/ada-lovelace/2/index.html",
        "people/ada-lovelace/3/index.html",
    ]
    linked: set[str] = set()
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert len(html.encode("utf-8")) < 500_000, page
        assert "Okay." not in html  # short replies are counted, not listed
        linked.update(re.findall(r'class="minutes-entry-link" href="\.\./\.\./(?:\.\./)?([^"]+)"', html))
        assert "2023-01-01" in html  # every page keeps the header: first meeting, attendance, chart
        assert "svg" in html and "40 meetings, 2400 reports" in html
    urls = {meeting["id"]: meeting["url"] for meeting in busy.json()["meetings"]}
    long_turns = {f"{urls[e['meeting']]}#{e['anchor']}" for e in ada["entries"] if not e["text"].startswith("Okay")}
    assert linked == long_turns  # every report is on one of the pages, once
    first = pages[0].read_text(encoding="utf-8")
    assert re.search(r'<a href="[^"]+">\d+ short replies</a>', first)
    assert f">{len(pages)}</a>" in first  # the pagination reaches the last page from the first


def test_reports_are_grouped_by_meeting_and_section_newest_first() -> None:
    notes = {
        "team/2024-03-05.md": (
            "# Sync\n\n## Updates\n\n- [name=Olivier] joblib\n- [name=Gael] hiring\n\n"
            "## More\n\n- [name=Olivier] loky\n"
        ),
        "team/2024-03-12.md": "# Sync\n\n### Olivier\n\n- release\n\n### Gael\n\n- budget\n",
    }
    archive = build_index(parse_note(Source(path, text)) for path, text in notes.items())
    person = next(p for p in archive.people if p.name == "Olivier")
    sections = iter(["Updates", "Updates", "Releases"])  # as the reader will fill Entry.section
    mine = tuple(
        replace(item, entry=replace(item.entry, section=next(sections)))
        for item in archive.entries
        if item.person == person.id
    )
    archive = replace(archive, entries_of={person.id: mine})
    [page] = person_pages(person, archive)
    reports = page.context["reports"]
    assert [group["meeting"]["date"] for group in reports] == ["2024-03-12", "2024-03-05"]
    assert [s["name"] for s in reports[1]["sections"]] == ["Updates"]
    assert [e["text"] for e in reports[1]["sections"][0]["entries"]] == ["joblib", "loky"]
    assert page.fragments == (
        ("team/2024-03-12", "olivier"),
        ("team/2024-03-05", "olivier"),
        ("team/2024-03-05", "olivier-2"),
    )
    assert PAGE_BUDGET < 500_000
