"""Properties of the parsers on arbitrary input: they never raise, and a dated note loses no line.

Hypothesis writes the notes: arbitrary bytes and text, and lines drawn from
what notes hold (dated headings with and without years, impossible dates,
person headings, name tags, speaker turns, attendee lists, tables, task
lists, fences, front matter delimiters, raw HTML, deep indentation) mixed
with arbitrary text.
"""

from __future__ import annotations

import html
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes.index import build_index
from minutes.model import Meeting
from minutes.parse import parse_note
from minutes.people.name_tags import NAME_TAG
from minutes.reading.front_matter import read_front_matter
from minutes.reading.source import decode_note
from minutes.site.build import build_pages

# A few hundred examples in ``make test``; MINUTES_EXAMPLES=5000 for a longer hunt.
COUNT = int(os.environ.get("MINUTES_EXAMPLES", "300"))
EXAMPLES = settings(
    max_examples=COUNT, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

NOTE_LINES = [
    "",
    " ",
    "# Team meeting",
    "## 2024-03-05",
    "## 2024-03-12",
    "## March 19th, 2024",
    "## February 8th",
    "## February 30th",
    "## 2024-02-30",
    "## 2024-13-45",
    "### Olivier",
    "### Jérémie du Boisberranger",
    "#### Thomas Fan",
    "## Discussion",
    "## TODO / Next",
    "## Present",
    "Attendees:",
    "* Colin Ihrig @cjihrig (TSC)",
    "- Waldemar Horwat (WH), Google",
    "- [name=Olivier] reviewed PRs",
    "    - [name=Meekail/Julien] pairing",
    "- [ ] release 1.5 (Arturo, may need help)",
    "- [x] done @ogrisel",
    "ACTION: Olivier to write the post",
    "Decision: ship it",
    "USA: the next meeting is on Tuesday",
    "WH: I agree",
    "leader: Maren Westermann",
    "| Name | Abbreviation | Organization |",
    "| --- | --- | --- |",
    "| Waldemar Horwat | WH | Google |",
    "```",
    "~~~python",
    "---",
    "...",
    "date: 2024-04-02",
    "title: [broken",
    "tags: [a, b]",
    "draft: true",
    '<script>alert("x")</script>',
    '<img src=x onerror="alert(1)">',
    "[link](javascript:alert(1))",
    "Date: 14 March 2024",
    "                                                                                - deep",
    "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t- tabbed deep",
    "> quoted",
    "Fran√ßois said ‚Äúhi‚Äù",
]

line = st.one_of(st.sampled_from(NOTE_LINES), st.text(max_size=40))
note_text = st.lists(line, max_size=40).map("\n".join)
DATED = ["## 2024-03-05", "## March 12th", "## 2024-02-30", "## February 30th", "## 14 March 2024", "## 2023-12-19"]
# A running log: a preamble, then sections under dated (or impossibly dated) headings.
log_text = st.tuples(
    st.lists(line, max_size=4),
    st.lists(st.tuples(st.sampled_from(DATED), st.lists(line, max_size=6)), min_size=2, max_size=6),
).map(lambda log: "\n".join([*log[0], *(item for head, body in log[1] for item in (head, *body))]))
paths = st.sampled_from(["team/2024-03-05.md", "team/log.md", "2023/notes.md", "team/2024-13-45.md", "index.md"])


def _normal(text: str) -> str:
    """A line as written, whatever attribution and records added: anchors, spans of names, turns, decisions."""
    text = re.sub(r'<span class="minutes-[a-z]+" id="[^"]*">', "", text).replace("</span>", "")
    text = NAME_TAG.sub(lambda match: match.group(1), text)
    text = re.sub(r"\s*\{#[^}]*\}\s*$", "", text)
    return html.unescape(text).strip()


@EXAMPLES
@given(st.binary(max_size=400), paths)
def test_decoding_never_raises(data: bytes, path: str) -> None:
    source = decode_note(path, data)
    assert source.text is None or "\r" not in source.text
    assert all(finding.path == path for finding in source.findings)


@EXAMPLES
@given(st.lists(line, max_size=12).map(lambda lines: "---\n" + "\n".join(lines)))
def test_front_matter_never_raises(text: str) -> None:
    front = read_front_matter("note.md", text)
    assert front.body_line >= 1
    assert all(finding.line >= 1 for finding in front.findings)


@EXAMPLES
@given(st.one_of(note_text, log_text), paths)
def test_every_line_of_a_dated_note_is_in_exactly_one_meeting(text: str, path: str) -> None:
    source = decode_note(path, text.encode("utf-8"))
    note = parse_note(source)
    assert all(finding.path == path for finding in note.findings)
    if not note.meetings:
        assert note.skipped
        return
    assert source.text is not None
    # The meetings as published: indexed, with the anchors of decisions and action items; drafts are not.
    meetings = build_index([note]).meetings
    if all(meeting.draft for meeting in note.meetings):
        assert not meetings
        return
    assert len(meetings) == len(note.meetings)
    file_lines = source.text.split("\n")
    body_line = read_front_matter(path, source.text).body_line
    for number in range(body_line, len(file_lines) + 1):
        written = file_lines[number - 1]
        if not written.strip():
            continue
        holders = [m for m in meetings if m.source_line <= number <= m.end_line]
        assert len(holders) == 1, (number, written, [(m.source_line, m.end_line) for m in meetings])
    for meeting in meetings:
        assert _in_order(meeting, file_lines)


def _in_order(meeting: Meeting, file_lines: list[str]) -> bool:
    """Whether the meeting's page Markdown holds its lines of the note, in order, each once.

    The page may add a blank line where Python-Markdown needs one (before a list right under a
    paragraph, around headings of a large page) and blanks a first ``# Title`` the header shows.
    """
    content = meeting.content.split("\n")
    position = 0
    for number in range(meeting.source_line, meeting.end_line + 1):
        written = file_lines[number - 1]
        while position < len(content) and not content[position].strip() and written.strip():
            if _normal(written).startswith("#") and _normal(written).lstrip("# ") == _normal(meeting.title):
                break  # the title's line, blanked
            position += 1  # a blank line the page added
        if position >= len(content):
            return False
        if content[position].strip() and _normal(content[position]) != _normal(written):
            return False
        position += 1
    return True


@settings(max_examples=max(COUNT // 3, 1), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(note_text, paths), min_size=1, max_size=4))
def test_indexing_and_pages_never_raise(notes: list[tuple[str, str]]) -> None:
    parsed = [parse_note(decode_note(f"{n}/{path}", text.encode("utf-8"))) for n, (text, path) in enumerate(notes)]
    archive = build_index(parsed)
    pages = build_pages(archive)
    paths_made = [page.path for page in pages]
    assert len(paths_made) == len(set(paths_made))
    assert all(".." not in path.split("/") and not path.startswith("/") for path in paths_made)


def test_a_yaml_document_end_is_not_a_front_matter_end() -> None:
    """Found by the property above: python-frontmatter closes front matter with ``---`` only, never ``...``."""
    source = decode_note("team/2024-03-05.md", b"---\n## 2024-03-05\n...\n## 2024-03-05")
    (meeting,) = parse_note(source).meetings
    assert (meeting.source_line, meeting.end_line) == (1, 4)
    assert meeting.content.startswith("---\n## 2024-03-05\n")
