"""Bad input: each gets one clear message with file and line, the other notes still build, nothing is lost."""

from __future__ import annotations

import datetime as dt
import logging
import random
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

import minutes.archive
import minutes.parse
from minutes.archive import NoteFile, build_archive
from minutes.cli import main
from minutes.reading.checks import MAX_INDENT

GOOD = {"team/2024-03-05.md": "# Sync\n\n- [name=Olivier] reviewed PRs\n"}


def _warnings(site: Any) -> list[str]:
    """What the build warned about: what fails ``--strict``."""
    return list(site.messages(logging.WARNING))


def _built_good_note(site: Any) -> None:
    meetings = {meeting["source"]: meeting for meeting in site.json()["meetings"]}
    assert meetings["team/2024-03-05.md"]["url"] == "team/2024-03-05/"
    assert "reviewed PRs" in site.page("team/2024-03-05/")
    assert "people/olivier/" in [person["url"] for person in site.json()["people"]]


def _accounting(site: Any) -> str:
    line: str = next(message for message in site.messages() if " notes: " in message)
    return line


def test_windows_1252_is_decoded_and_reported(make_site: Any) -> None:
    note = b"# Sync\n\n### Fran\xe7ois\n\n- caf\xe9 \x93quoted\x94\n"
    site = make_site({**GOOD, "team/2024-03-12.md": note})
    assert _warnings(site) == [
        "minutes: team/2024-03-12.md:3: not UTF-8 (byte 0xE7): decoded as Windows-1252 "
        "(check the accents on this line, then save the file as UTF-8)"
    ]
    page = site.page("team/2024-03-12/")
    assert "café “quoted”" in page and "François" in page
    _built_good_note(site)


def test_bytes_that_windows_1252_leaves_undefined_are_decoded_as_latin_1(make_site: Any) -> None:
    site = make_site({**GOOD, "team/2024-03-12.md": b"# Sync\n\n- caf\xe9 \x81 and \x8d\n"})
    assert _warnings(site) == [
        "minutes: team/2024-03-12.md:3: not UTF-8 (byte 0xE9): decoded as Latin-1 "
        "(check the accents on this line, then save the file as UTF-8)"
    ]
    assert "café" in site.page("team/2024-03-12/")
    _built_good_note(site)


def test_a_utf16_note_is_read(make_site: Any) -> None:
    site = make_site({**GOOD, "team/2024-03-12.md": "# Sync\n\n- Jérémie was here\n".encode("utf-16")})
    assert _warnings(site) == [
        "minutes: team/2024-03-12.md:1: the file is UTF-16: decoded as such "
        "(check the accents on this line, then save the file as UTF-8)"
    ]
    assert "Jérémie was here" in site.page("team/2024-03-12/")


def test_a_binary_file_with_a_markdown_name_is_skipped(make_site: Any) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"
    site = make_site({**GOOD, "team/2024-03-19.md": png})
    assert _warnings(site) == [
        "minutes: team/2024-03-19.md: skipped: binary file with a Markdown name "
        "(rename it if it is not a note, or exclude it with the plugin's 'exclude' option)"
    ]
    assert _accounting(site) == (
        "minutes: 2 notes: 1 became 1 meetings, 1 skipped (1 binary file: team/2024-03-19.md); 1 people"
    )
    _built_good_note(site)


@pytest.mark.parametrize("text", ["", "\n\n   \n\t\n"])
def test_an_empty_note_is_skipped(make_site: Any, text: str) -> None:
    site = make_site({**GOOD, "team/2024-03-26.md": text})
    assert _warnings(site) == [
        "minutes: team/2024-03-26.md: skipped: the note is empty (write the meeting's notes or delete it)"
    ]
    assert _accounting(site).endswith("1 skipped (1 empty: team/2024-03-26.md); 1 people")
    _built_good_note(site)


def test_broken_yaml_is_reported_at_its_line_and_the_note_still_builds(make_site: Any) -> None:
    note = "---\ntitle: Planning\ntags: [release, joblib\nlocation: Paris\n---\n# Planning\n\n- kept text\n"
    site = make_site({**GOOD, "team/2024-04-02.md": note})
    assert _warnings(site) == [
        "minutes: team/2024-04-02.md:4: broken YAML front matter: did not find expected ',' or ']' "
        "in a flow sequence that starts on line 3 (fix the YAML between the --- lines)"
    ]
    page = site.page("team/2024-04-02/")
    assert "kept text" in page and "location: Paris" not in page
    _built_good_note(site)


def test_broken_yaml_indentation(make_site: Any) -> None:
    note = "---\ntitle: Planning\n  series: oops\n---\n- kept\n"
    site = make_site({**GOOD, "team/2024-04-02.md": note})
    assert _warnings(site) == [
        "minutes: team/2024-04-02.md:3: broken YAML front matter: mapping values are not allowed in this context "
        "(fix the YAML between the --- lines)"
    ]
    assert "kept" in site.page("team/2024-04-02/")


def test_a_note_without_a_date_is_an_error_naming_its_first_line(make_site: Any) -> None:
    site = make_site({**GOOD, "team/notes.md": "---\ntitle: Sync\n---\n\n# Sync\n\nNo date here.\n"})
    assert _warnings(site) == [
        "minutes: team/notes.md:5: no meeting date found (add 'date: YYYY-MM-DD' to the front matter, "
        "name the file YYYY-MM-DD.md, or start it with a dated heading)"
    ]
    assert _accounting(site).endswith("1 skipped (1 no date: team/notes.md); 1 people")
    _built_good_note(site)


def test_an_impossible_date_in_the_file_name(make_site: Any) -> None:
    site = make_site({**GOOD, "team/2024-13-45.md": "# Sync\n\n- a note\n"})
    assert _warnings(site) == [
        "minutes: team/2024-13-45.md: the file name holds an impossible date: 2024-13-45 "
        "(rename the file to the meeting's date, YYYY-MM-DD.md)"
    ]
    assert _accounting(site).endswith("1 skipped (1 impossible date: team/2024-13-45.md); 1 people")
    _built_good_note(site)


def test_impossible_dates_in_front_matter_and_headings(make_site: Any) -> None:
    site = make_site(
        {
            **GOOD,
            "team/fm.md": "---\ndate: 2024-02-30\n---\n# Sync\n",
            "team/heading.md": "# Sync\n\n## 2024-02-30\n\n- x\n",
        }
    )
    assert _warnings(site) == [
        "minutes: team/fm.md:2: front matter has an impossible date: day is out of range for month (write YYYY-MM-DD)",
        "minutes: team/heading.md:3: impossible date: '## 2024-02-30'",
    ]
    _built_good_note(site)


def test_an_undated_section_of_a_running_log_stays_in_the_meeting_next_to_it(make_site: Any) -> None:
    log = "# Team log\n\n## 2024-03-12\n\n- newest\n\n## February 30th\n\n- lost?\n\n## 2024-02-20\n\n- oldest\n"
    site = make_site({**GOOD, "team/log.md": log})
    assert _warnings(site) == [
        "minutes: team/log.md:7: impossible date in heading: 'February 30th' "
        "(until then its text is part of the meeting next to it)"
    ]
    meetings = {m["date"]: m for m in site.json()["meetings"] if m["source"] == "team/log.md"}
    assert sorted(meetings) == ["2024-02-20", "2024-03-12"]
    assert "lost?" in site.page(meetings["2024-03-12"]["url"])
    assert "lost?" not in site.page(meetings["2024-02-20"]["url"])


def test_a_date_in_the_future(make_site: Any) -> None:
    site = make_site({**GOOD, "team/2099-01-05.md": "# Planning\n\n- far ahead\n"})
    assert _warnings(site) == [
        "minutes: team/2099-01-05.md:1: the meeting is dated 2099-01-05, in the future "
        "(fix the date; a note written ahead of its meeting can say 'draft: true' until then)"
    ]
    assert "far ahead" in site.page("team/2099-01-05/")
    _built_good_note(site)


def test_a_draft_may_be_dated_in_the_future(make_site: Any) -> None:
    site = make_site({**GOOD, "team/2099-01-05.md": "---\ndraft: true\n---\n# Planning\n"})
    assert _warnings(site) == []
    assert _accounting(site).endswith("1 skipped (1 draft: team/2099-01-05.md); 1 people")


def test_tomorrow_is_not_yet_the_future(tmp_path: Path) -> None:
    today = dt.date(2024, 3, 5)
    for day, errors in (("2024-03-06", 0), ("2024-03-07", 1)):
        note = tmp_path / f"{day}.md"
        note.write_text("# Sync\n", encoding="utf-8")
        archive = build_archive([NoteFile(str(note), note.name)], today=today)
        assert len([f for f in archive.findings if "in the future" in f.message]) == errors


def test_two_notes_of_the_same_day_in_one_series_are_both_kept(make_site: Any) -> None:
    notes = {
        **GOOD,
        "a/2024-03-05.md": "---\nseries: team\n---\n# Sync A\n\n- one\n",
        "b/2024-03-05.md": "---\nseries: team\n---\n# Sync B\n\n- two\n",
    }
    site = make_site(notes)
    assert _warnings(site) == [
        "minutes: b/2024-03-05.md:4: a second meeting of series 'team' on 2024-03-05 (the first is at "
        "a/2024-03-05.md:4); both are kept (delete one if it is a copy; give one a different date or series "
        "if it is dated wrongly)",
        "minutes: team/2024-03-05.md:1: a second meeting of series 'team' on 2024-03-05 (the first is at "
        "a/2024-03-05.md:4); both are kept (delete one if it is a copy; give one a different date or series "
        "if it is dated wrongly)",
    ]
    meetings = site.json()["meetings"]
    assert len({m["id"] for m in meetings}) == len({m["url"] for m in meetings}) == 3
    assert {m["url"] for m in meetings} == {"a/2024-03-05/", "b/2024-03-05/", "team/2024-03-05/"}
    assert "one" in site.page("a/2024-03-05/") and "two" in site.page("b/2024-03-05/")
    _built_good_note(site)


def test_two_sections_of_one_log_on_the_same_day_are_both_kept(make_site: Any) -> None:
    site = make_site({**GOOD, "team/log.md": "## 2024-05-07\n\n- morning\n\n## 2024-05-07\n\n- afternoon\n"})
    assert _warnings(site) == [
        "minutes: team/log.md:5: a second meeting of series 'team' on 2024-05-07 (the first is at team/log.md:1); "
        "both are kept (delete one if it is a copy; give one a different date or series if it is dated wrongly)"
    ]
    meetings = [m for m in site.json()["meetings"] if m["source"] == "team/log.md"]
    assert [(m["id"], m["url"]) for m in meetings] == [
        ("team/2024-05-07", "team/2024-05-07/"),
        ("team/2024-05-07-2", "team/2024-05-07-2/"),
    ]
    assert "morning" in site.page("team/2024-05-07/") and "afternoon" in site.page("team/2024-05-07-2/")


def test_a_5_mb_note_builds_whole_and_is_reported(make_site: Any) -> None:
    rng = random.Random(5)
    words = ["the", "review", "release", "joblib", "meeting", "decided", "ship", "patch", "python", "version"]
    lines = ["# A pasted log", ""]
    size = 0
    while size < 5_000_000:
        # Headings with no blank line around them: Python-Markdown is quadratic on those.
        line = f"## Part {len(lines)}" if len(lines) % 100 == 0 else " ".join(rng.choices(words, k=30))
        lines.append(line)
        size += len(line) + 1
    lines.append("THE LAST LINE")
    site = make_site({**GOOD, "team/2024-04-09.md": "\n".join(lines) + "\n"}, plugins=["minutes"])
    assert _warnings(site) == [
        "minutes: team/2024-04-09.md: the note is 5.0 MB (more than 2 MB): its page is slow to load and to search "
        "(split it into one note per meeting, and move logs or data out of it)"
    ]
    page = site.page("team/2024-04-09/")
    assert "THE LAST LINE" in page and page.count('<h2 id="part-') == sum(line.startswith("## ") for line in lines)
    _built_good_note(site)


def test_deeply_nested_lists_are_flattened_not_lost(make_site: Any) -> None:
    items = "\n".join("    " * level + f"- item {level}" for level in range(400))
    site = make_site({**GOOD, "team/2024-04-23.md": f"# Deep\n\n{items}\n\nAfter the list.\n"})
    assert _warnings(site) == [
        f"minutes: team/2024-04-23.md:20: a list nested too deeply (indented 1596 columns): what is deeper than "
        f"{MAX_INDENT} columns is shown at that depth (nest lists less; Markdown starts a level every 4 spaces)"
    ]
    page = site.page("team/2024-04-23/")
    assert all(f"item {level}<" in page for level in range(400))
    assert "After the list." in page
    assert page.count("<ul>") <= MAX_INDENT // 4 + 2
    _built_good_note(site)


def test_a_note_with_only_front_matter(make_site: Any) -> None:
    site = make_site({**GOOD, "team/2024-04-16.md": "---\ntitle: Planning\nattendees: [Olivier]\n---\n"})
    assert _warnings(site) == [
        "minutes: team/2024-04-16.md:4: the note has front matter and no text "
        "(write the meeting's notes below the closing ---, or delete the file)"
    ]
    meeting = next(m for m in site.json()["meetings"] if m["source"] == "team/2024-04-16.md")
    assert meeting["title"] == "Planning" and meeting["attendees"] == ["olivier"]
    _built_good_note(site)


@pytest.mark.parametrize(
    "name, content",
    [
        ("team/2024-03-12.md", b"# Sync\n\n- caf\xe9\n"),
        ("team/2024-03-19.md", b"\x00\x01binary"),
        ("team/2024-03-26.md", ""),
        ("team/2024-04-02.md", "---\ntags: [a\n---\n"),
        ("team/notes.md", "# Sync\n"),
        ("team/2024-13-45.md", "# Sync\n"),
        ("team/2099-01-05.md", "# Sync\n"),
        ("team/2024-04-16.md", "---\ntitle: x\n---\n"),
        ("other/2024-03-05.md", "---\nseries: team\n---\n- again\n"),
    ],
)
def test_a_strict_build_fails_on_each_bad_input(make_site: Any, name: str, content: str | bytes) -> None:
    with pytest.raises(Abort, match=r"Aborted with \d+ warnings in strict mode"):
        make_site({**GOOD, name: content}, strict=True)


def test_a_bug_in_the_parser_is_reported_against_the_note_and_the_rest_builds(
    make_site: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse = minutes.parse.parse_note

    def fragile(source: Any, options: Any) -> Any:
        if source.path == "team/2024-03-12.md":
            raise RecursionError("maximum recursion depth exceeded")
        return parse(source, options)

    monkeypatch.setattr(minutes.parse, "parse_note", fragile)
    site = make_site({**GOOD, "team/2024-03-12.md": "# Sync\n"})
    assert _warnings(site) == [
        "minutes: team/2024-03-12.md: skipped: the note could not be parsed (RecursionError: maximum recursion "
        "depth exceeded) (this is a bug in the Minutes plugin: please report it with the note)"
    ]
    assert _accounting(site).endswith("1 skipped (1 parse error: team/2024-03-12.md); 1 people")
    _built_good_note(site)


ALL_BAD: dict[str, str | bytes] = {
    **GOOD,
    "team/2024-03-12.md": b"# Sync\n\n### Fran\xe7ois\n\n- caf\xe9\n",
    "team/2024-03-19.md": b"\x89PNG\r\n\x1a\n\x00\x00",
    "team/2024-03-26.md": "",
    "team/2024-04-02.md": "---\ntags: [a, b\nseries: team\n---\n# Sync\n\n- kept\n",
    "team/notes.md": "# Sync\n\nNo date here.\n",
    "team/2024-13-45.md": "# Sync\n",
    "team/2099-01-05.md": "# Planning\n",
    "b/2024-03-05.md": "---\nseries: team\n---\n# Sync B\n",
    "team/2024-04-16.md": "---\ntitle: Planning\n---\n",
    "team/2024-04-23.md": "\n".join("    " * level + "- x" for level in range(40)) + "\n",
    "team/2024-04-30.md": "---\ndraft: true\n---\n# Next time\n",
    "team/2024-05-07.md": '# Sync\n\n<img src="x.png" onerror="alert(1)">\n',
}


def test_one_line_accounts_for_every_note(make_site: Any) -> None:
    site = make_site(ALL_BAD)
    assert _accounting(site) == (
        "minutes: 13 notes: 8 became 8 meetings, 5 skipped (1 binary file: team/2024-03-19.md; "
        "1 draft: team/2024-04-30.md; 1 empty: team/2024-03-26.md; 1 impossible date: team/2024-13-45.md; "
        "1 no date: team/notes.md); 1 people"
    )


def test_minutes_check_reports_exactly_what_the_build_warns_about(
    make_site: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = make_site(ALL_BAD)
    built = [message.removeprefix("minutes: ") for message in site.messages() if message.startswith("minutes: ")]
    built = [message for message in built if " notes: " not in message and "site_url" not in message]
    built = [message for message in built if not message.startswith("search: ")]
    monkeypatch.chdir(site.root)
    assert main(["check"]) == 1
    out, err = capsys.readouterr()
    expected = []
    for message in built:  # the build logs "[level: ]path:line: message", check prints "path:line: level: message"
        level, _, rest = (
            message.partition(": ") if message.startswith(("warning: ", "info: ")) else ("error", "", message)
        )
        where, _, text = rest.partition(": ")
        expected.append(f"docs/{where}: {level}: {text}")
    assert out.splitlines() == expected  # the same findings, in the same order (by file and line), each once
    assert len(expected) == len(set(expected)) == 11
    assert err.strip() == (
        "13 notes: 8 became 8 meetings, 5 skipped (1 binary file: team/2024-03-19.md; 1 draft: team/2024-04-30.md; "
        "1 empty: team/2024-03-26.md; 1 impossible date: team/2024-13-45.md; 1 no date: team/notes.md); "
        "10 errors, 1 other findings"
    )


def test_markup_too_deep_to_render_is_shown_as_text(make_site: Any) -> None:
    note = "# Wild\n\n" + "*" * 20000 + "bold?" + "*" * 20000 + "\n\n" + "- " * 3000 + "innermost\n"
    site = make_site({**GOOD, "team/2024-05-14.md": note})
    assert _warnings(site) == [
        "minutes: team/2024-05-14.md:3: markup too deep to render (40000 '*' on one line): shown as text "
        "(write this line as plain text or in a code block)",
        "minutes: team/2024-05-14.md:5: markup too deep to render (3000 list or quote markers on one line): "
        "shown as text (write this line as plain text or in a code block)",
    ]
    page = site.page("team/2024-05-14/")
    assert "bold?" in page and "innermost" in page
    _built_good_note(site)
