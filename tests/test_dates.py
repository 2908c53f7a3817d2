"""The date grammar (``dates.py``) and where a meeting's date comes from (``dating.py``, ``logs.py``: SPEC section 2).

First the grammar on its own: headings and lines, file names and paths. Then
whole notes: which source wins, years inferred (and said so), ambiguous dates
read one way (and said so), ranges, running logs across new years, and the
exact error for a note that cannot be dated.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minutes.model import ParsedNote
from minutes.parse import parse_note
from minutes.reading.dates import FoundDate, date_from_path, date_in_heading, slash_order
from minutes.reading.source import Source
from minutes.site.words import Words

D = dt.date


def parse(path: str, text: str) -> ParsedNote:
    return parse_note(Source(path, textwrap.dedent(text).lstrip("\n")))


def messages(note: ParsedNote, level: str | None = None) -> list[str]:
    return [str(finding) for finding in note.findings if level is None or finding.level == level]


def dates(note: ParsedNote) -> list[tuple[dt.date, dt.date | None]]:
    return [(meeting.date, meeting.end_date) for meeting in note.meetings]


# --- the grammar: headings and lines -------------------------------------------------------------

HEADINGS = [
    # the SPEC's examples
    ("## 2024-09-16", (2024, 9, 16)),
    ("## September 14th, 2021", (2021, 9, 14)),
    ("# 30 January, 2023 Meeting Notes", (2023, 1, 30)),
    ("### March 27 @ TBA", (None, 3, 27)),
    ("## February 8th", (None, 2, 8)),
    # numeric shapes
    ("2024.09.16", (2024, 9, 16)),
    ("2024/09/16", (2024, 9, 16)),
    ("2024_09_16", (2024, 9, 16)),
    ("2024-09-16T10:00", (2024, 9, 16)),
    ("2024-9-6", (2024, 9, 6)),
    ("16.09.2024", (2024, 9, 16)),
    ("2024年9月16日", (2024, 9, 16)),
    # month names, weekdays, ordinals, abbreviations, other languages
    ("Sep 16, 2024", (2024, 9, 16)),
    ("Sept. 16, 2024", (2024, 9, 16)),
    ("16 sept. 2024", (2024, 9, 16)),
    ("Tuesday, 16 September 2024", (2024, 9, 16)),
    ("Tuesday 16th September 2024", (2024, 9, 16)),
    ("Tue, Sep 16, 2024", (2024, 9, 16)),
    ("Mon 16 Sep", (None, 9, 16)),
    ("1st of March", (None, 3, 1)),
    ("the 30th of January 2023", (2023, 1, 30)),
    ("Mar 1st", (None, 3, 1)),
    ("mardi 8 février 2022", (2022, 2, 8)),
    ("16. September 2024", (2024, 9, 16)),
    ("Donnerstag, 3. März 2022", (2022, 3, 3)),
    # labels and titles before the date
    ("Date: 2024-09-16", (2024, 9, 16)),
    ("**Date:** September 16, 2024", (2024, 9, 16)),
    ("[2024-09-16]", (2024, 9, 16)),
    ("2024-09-16 (Mon)", (2024, 9, 16)),
    ("2024-09-16 Steering committee", (2024, 9, 16)),
    ("Team meeting - 2024-09-16", (2024, 9, 16)),
    ("Weekly Meeting: 16 Sept 2024", (2024, 9, 16)),
    ("Sync - March 27", (None, 3, 27)),
    ("# Meeting 2023-05-04", (2023, 5, 4)),
    ("Meeting notes 2024-09-16", (2024, 9, 16)),
    ("Minutes of 16 September 2024", (2024, 9, 16)),
    ("Node.js TSC Meeting 2017-01-04", (2017, 1, 4)),
    ("Python 3.10 release 2024-10-07", None),  # digits in the title: not read past them
    # not dates
    ("Python 3.10 release", None),
    ("Version 2.0 released", None),
    ("PR 2021", None),
    ("May the force be with you", None),
    ("March on", None),
    ("September 2024", None),
    ("Meeting 2023", None),
    ("Discussion of what happened on March 27", None),  # a year-less date must not end a sentence
    ("Retro - March 27 and the release", None),
    ("32.13.2024", None),
]


@pytest.mark.parametrize(("text", "expected"), HEADINGS)
def test_date_in_heading(text: str, expected: tuple[int | None, int, int] | None) -> None:
    found = date_in_heading(text)
    assert (None if found is None else (found.year, found.month, found.day)) == expected
    if found is not None:
        assert found.guess == ""


RANGES = [
    ("June 24-26, 2024", D(2024, 6, 24), D(2024, 6, 26)),
    ("September 16 – 18, 2024", D(2024, 9, 16), D(2024, 9, 18)),
    ("24-26 June 2024", D(2024, 6, 24), D(2024, 6, 26)),
    ("24th to 26th June 2024", D(2024, 6, 24), D(2024, 6, 26)),
    ("June 30 - July 2, 2024", D(2024, 6, 30), D(2024, 7, 2)),
    ("30 June – 2 July 2024", D(2024, 6, 30), D(2024, 7, 2)),
    ("2024-06-24 to 2024-06-26", D(2024, 6, 24), D(2024, 6, 26)),
    ("Dec 30 - Jan 2, 2025", D(2024, 12, 30), D(2025, 1, 2)),
    ("Hackathon: June 24-26, 2024", D(2024, 6, 24), D(2024, 6, 26)),
]


@pytest.mark.parametrize(("text", "start", "end"), RANGES)
def test_ranges_give_the_last_day(text: str, start: dt.date, end: dt.date) -> None:
    found = date_in_heading(text)
    assert found is not None and found.resolve() == start
    assert found.end(start) == end


def test_a_time_after_a_day_is_not_a_range() -> None:
    for text in ("June 24 - 09:00-18:00", "June 24 - 9", "June 26 - 24"):
        found = date_in_heading(text)
        assert found == FoundDate(None, 6, int(text.split()[1]))
        assert found.end(D(2024, 6, found.day)) is None


def test_a_year_less_range_rolls_into_the_next_year() -> None:
    found = date_in_heading("Dec 30 - Jan 2")
    assert found is not None and found.year is None
    start = found.with_year(2024)
    assert start == D(2024, 12, 30) and found.end(start) == D(2025, 1, 2)


SLASHES = [
    ("9/16/2024", D(2024, 9, 16)),  # only month first is a date
    ("16/9/2024", D(2024, 9, 16)),  # only day first is a date
    ("16/09/24", D(2024, 9, 16)),
    ("4/4/2024", D(2024, 4, 4)),  # both readings agree
]


@pytest.mark.parametrize(("text", "expected"), SLASHES)
def test_unambiguous_slash_dates(text: str, expected: dt.date) -> None:
    found = date_in_heading(text)
    assert found is not None and found.resolve() == expected and found.guess == ""


def test_an_ambiguous_slash_date_is_read_month_first_and_says_so() -> None:
    found = date_in_heading("## 5/4/2023")
    assert found is not None and found.resolve() == D(2023, 5, 4)
    assert found.guess == "5/4/2023 is ambiguous: read month first as 2023-05-04, not day first as 2023-04-05"
    # what the rest of the note shows settles it, without a guess
    assert date_in_heading("5/4/2023", day_first=True) == FoundDate(2023, 4, 5)
    assert date_in_heading("5/4/2023", day_first=False) == FoundDate(2023, 5, 4)


def test_slash_order_reads_the_unambiguous_dates_of_a_note() -> None:
    assert slash_order("## 13/4/2023\n\n## 5/4/2023") is True
    assert slash_order("## 4/13/2023\n\n## 5/4/2023") is False
    assert slash_order("## 5/4/2023") is None
    assert slash_order("13/4/2023 and 4/13/2023") is None  # contradictory: says nothing
    assert slash_order("see 1/2 of 14/15") is None  # not dates


def test_iso_weeks_are_read_as_their_monday() -> None:
    found = date_in_heading("## 2024-W38")
    assert found is not None and found.resolve() == D(2024, 9, 16)
    assert found.guess == "2024-W38 is a week: read as its Monday, 2024-09-16"
    assert date_in_heading("2024-W54") is None


# --- the grammar: file names and paths -----------------------------------------------------------

PATHS = [
    # the SPEC's examples
    ("2024-09-16.md", D(2024, 9, 16)),
    ("2024-09-16-steering.md", D(2024, 9, 16)),
    ("2024/09/16.md", D(2024, 9, 16)),
    ("2023-01/jan-30.md", D(2023, 1, 30)),
    ("2012-09/sept-18.md", D(2012, 9, 18)),
    # other layouts
    ("tsc/2017-01-04.md", D(2017, 1, 4)),
    ("20240916.md", D(2024, 9, 16)),
    ("meetings/2024.09.16.md", D(2024, 9, 16)),
    ("2024_09_16.markdown", D(2024, 9, 16)),
    ("2024/2024-09-16.md", D(2024, 9, 16)),
    ("2024/09-16.md", D(2024, 9, 16)),
    ("2024/sep-16.md", D(2024, 9, 16)),
    ("2024/09/16/index.md", D(2024, 9, 16)),
    ("2023/jan/30.md", D(2023, 1, 30)),
    ("2023/01/30-planning.md", D(2023, 1, 30)),
    ("2023-01/30.md", D(2023, 1, 30)),
    ("2023/09-16-sync.md", D(2023, 9, 16)),
    # without leading zeros
    ("notes/2024-9-16.md", D(2024, 9, 16)),
    ("2024_9_6.md", D(2024, 9, 6)),
    ("2024-9-16-steering.md", D(2024, 9, 16)),
    ("2024/9/16.md", D(2024, 9, 16)),
    ("2024/9-16.md", D(2024, 9, 16)),
    ("2023-1/jan-3.md", D(2023, 1, 3)),
    ("sept-18-2012.md", D(2012, 9, 18)),
    ("notes/16.09.2024.md", D(2024, 9, 16)),
    ("notes/16-09-2024.md", D(2024, 9, 16)),
    ("notes/09-16-2024.md", D(2024, 9, 16)),
    ("meeting-16-september-2024.md", D(2024, 9, 16)),
    # only a year, or nothing
    ("2024/notes.md", None),
    ("2022.md", None),
    ("notes/planning.md", None),
    ("v1.2.3.md", None),
    ("2024916.md", None),  # without separators, only two digits each
]


@pytest.mark.parametrize(("path", "expected"), PATHS)
def test_date_from_path(path: str, expected: dt.date | None) -> None:
    found = date_from_path(path)
    assert found.date == expected
    assert found.invalid is None and found.guess == ""
    if expected is not None:
        assert found.year == expected.year


def test_a_path_with_only_a_year_gives_the_year() -> None:
    assert date_from_path("team/2022.md").year == 2022
    assert date_from_path("2021/notes.md").year == 2021
    assert date_from_path("notes/planning.md").year is None


def test_a_range_in_a_file_name() -> None:
    found = date_from_path("events/2024-06-24--2024-06-26.md")
    assert (found.date, found.end_date) == (D(2024, 6, 24), D(2024, 6, 26))


def test_an_impossible_date_in_a_file_name_is_reported_as_such() -> None:
    assert date_from_path("2024-13-45.md").invalid == "2024-13-45"
    assert date_from_path("2023/02/30.md").invalid == "2023/02/30"
    assert date_from_path("2024-9-31-steering.md").invalid == "2024-9-31"


def test_ambiguous_file_names_are_guesses() -> None:
    found = date_from_path("notes/05-04-2024.md")
    assert found.date == D(2024, 5, 4)
    assert found.guess == "05-04-2024.md is ambiguous: read month first as 2024-05-04, not day first as 2024-04-05"
    week = date_from_path("2024-W38.md")
    assert (week.date, week.guess) == (D(2024, 9, 16), "2024-W38.md is a week: read as its Monday, 2024-09-16")


# --- whole notes: which source wins ----------------------------------------------------------------


def test_front_matter_date_wins_over_path_and_heading() -> None:
    note = parse(
        "team/2024-09-16.md",
        """
        ---
        date: 2024-09-17
        end_date: 2024-09-18
        ---
        ## 2024-09-01
        """,
    )
    assert dates(note) == [(D(2024, 9, 17), D(2024, 9, 18))]
    assert messages(note) == [
        "team/2024-09-16.md:5: the title says 2024-09-01 but the front matter says 2024-09-17, which wins"
        " (correct whichever is wrong)"
    ]


def test_path_wins_over_heading() -> None:
    note = parse("team/2024-09-16.md", "# Notes\n\n## 2024-09-01\n\ntext\n")
    assert dates(note) == [(D(2024, 9, 16), None)]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("## 2024-09-16", D(2024, 9, 16)),
        ("## September 14th, 2021", D(2021, 9, 14)),
        ("# 30 January, 2023 Meeting Notes", D(2023, 1, 30)),
        ("# Meeting 2023-05-04", D(2023, 5, 4)),
        ("## Sep 16, 2024", D(2024, 9, 16)),
        ("## 16.09.2024", D(2024, 9, 16)),
        ("## Tuesday, 16 September 2024", D(2024, 9, 16)),
    ],
)
def test_the_first_dated_heading_dates_a_note(heading: str, expected: dt.date) -> None:
    note = parse("team/notes.md", f"# Team\n\n{heading}\n\n- item\n")
    assert dates(note) == [(expected, None)]
    assert messages(note) == []


def test_a_date_line_dates_a_note() -> None:
    note = parse("team/notes.md", "# Team sync\n\n**Date:** 16 September 2024\n\n- item\n")
    assert dates(note) == [(D(2024, 9, 16), None)]
    assert note.meetings[0].title == "Team sync"


def test_dates_in_code_blocks_do_not_count() -> None:
    note = parse("team/notes.md", "# Notes\n\n```\n## 2020-01-01\nDate: 2020-01-01\n```\n\n## 2024-09-16\n")
    assert dates(note) == [(D(2024, 9, 16), None)]


def test_a_range_heading_gives_end_date() -> None:
    note = parse("events/sprint.md", "# Sprint: June 24-26, 2024\n\n## Day one\n")
    assert dates(note) == [(D(2024, 6, 24), D(2024, 6, 26))]


def test_consecutive_day_headings_make_a_multi_day_event() -> None:
    note = parse(
        "events/2024-06-24-hackathon.md",
        "# Hackathon\n\n# Schedule\n\n## June 24 - 09:00\n\n## June 25 - 09:00\n\n## June 26 - 09:00\n",
    )
    assert dates(note) == [(D(2024, 6, 24), D(2024, 6, 26))]


def test_an_end_date_before_the_date_is_ignored_with_a_warning() -> None:
    note = parse("team/x.md", "---\ndate: 2024-09-16\nend_date: 2024-09-01\n---\ntext\n")
    assert dates(note) == [(D(2024, 9, 16), None)]
    assert messages(note) == ["team/x.md: end_date 2024-09-01 is before the date 2024-09-16; ignored"]


# --- whole notes: years inferred, guesses said --------------------------------------------------------


def test_a_year_less_heading_takes_the_year_of_its_folder_with_a_warning() -> None:
    note = parse("sklearn-team/2022.md", "## February 8th\n\n### Gael\n\n- sprint\n")
    assert dates(note) == [(D(2022, 2, 8), None)]
    assert messages(note) == ["sklearn-team/2022.md:1: year inferred as 2022 from the path for '## February 8th'"]


def test_a_year_less_heading_takes_the_year_of_the_front_matter() -> None:
    note = parse("team/notes.md", "---\nyear: 2019\n---\n### March 27 @ TBA\n\ntext\n")
    assert dates(note) == [(D(2019, 3, 27), None)]
    assert messages(note) == [
        "team/notes.md:4: year inferred as 2019 from the front matter 'year' for '### March 27 @ TBA'"
    ]
    titled = parse("team/notes.md", "---\ntitle: Planning 2020\n---\n## March 27\n\ntext\n")
    assert dates(titled) == [(D(2020, 3, 27), None)]
    assert messages(titled) == ["team/notes.md:4: year inferred as 2020 from the front matter title for '## March 27'"]


def test_a_year_less_heading_takes_the_year_of_the_title() -> None:
    note = parse("team/notes.md", "# Team meetings 2018\n\n## March 27\n\ntext\n")
    assert dates(note) == [(D(2018, 3, 27), None)]
    assert messages(note) == ["team/notes.md:3: year inferred as 2018 from the title for '## March 27'"]


def test_a_year_less_date_with_nothing_to_infer_from_is_an_error_with_its_line() -> None:
    note = parse("team/notes.md", "Some preamble.\n\n## February 8th\n\n- item\n")
    assert note.meetings == ()
    assert messages(note) == [
        "team/notes.md:3: the date on this line has no year: '## February 8th'"
        " (add the year, or put the note in a folder named for the year)"
    ]


def test_a_note_without_a_date_is_an_error_naming_it() -> None:
    note = parse("team/notes.md", "# Notes\n\n- item\n")
    assert note.meetings == ()
    assert messages(note) == [
        "team/notes.md:1: no meeting date found (add 'date: YYYY-MM-DD' to the front matter,"
        " name the file YYYY-MM-DD.md, or start it with a dated heading)"
    ]


def test_an_impossible_date_is_an_error_with_its_line() -> None:
    note = parse("team/notes.md", "# Notes\n\n## 2023-02-30\n")
    assert note.meetings == ()
    assert messages(note, "error") == ["team/notes.md:3: impossible date: '## 2023-02-30'"]


def test_an_ambiguous_heading_warns_with_its_line() -> None:
    note = parse("team/notes.md", "# Notes\n\n## 5/4/2023\n\n- item\n")
    assert dates(note) == [(D(2023, 5, 4), None)]
    assert messages(note) == [
        "team/notes.md:3: 5/4/2023 is ambiguous: read month first as 2023-05-04, not day first as 2023-04-05"
        " (write YYYY-MM-DD)"
    ]


def test_the_note_settles_an_ambiguous_slash_date() -> None:
    note = parse("team/log.md", "## 13/4/2023\n\n- a\n\n## 5/4/2023\n\n- b\n")
    assert dates(note) == [(D(2023, 4, 13), None), (D(2023, 4, 5), None)]
    assert messages(note) == []


def test_an_ambiguous_file_name_warns() -> None:
    note = parse("team/05-04-2024.md", "- item\n")
    assert dates(note) == [(D(2024, 5, 4), None)]
    assert messages(note) == [
        "team/05-04-2024.md: the file name 05-04-2024.md is ambiguous: read month first as 2024-05-04,"
        " not day first as 2024-04-05 (name the file YYYY-MM-DD.md)"
    ]


# --- running logs ------------------------------------------------------------------------------------


def test_a_running_log_infers_years_from_its_neighbours_across_new_years() -> None:
    """Newest first, one heading with a year: every other section is placed before it, rolling back each January."""
    note = parse(
        "team/log.md",
        """
        ## January 5, 2024
        a
        ## December 1
        b
        ## June 1
        c
        ## January 10
        d
        ## December 5
        e
        """,
    )
    assert [meeting.date for meeting in note.meetings] == [
        D(2024, 1, 5),
        D(2023, 12, 1),
        D(2023, 6, 1),
        D(2023, 1, 10),
        D(2022, 12, 5),
    ]
    assert messages(note, "warning") == [
        "team/log.md:3: year inferred as 2023 from the neighbouring meeting of 2024-01-05 for heading 'December 1'",
        "team/log.md:5: year inferred as 2023 from the neighbouring meeting of 2023-12-01 for heading 'June 1'",
        "team/log.md:7: year inferred as 2023 from the neighbouring meeting of 2023-06-01 for heading 'January 10'",
        "team/log.md:9: year inferred as 2022 from the neighbouring meeting of 2023-01-10 for heading 'December 5'",
    ]


def test_an_oldest_first_log_rolls_forward() -> None:
    note = parse("team/log.md", "## 2023-11-20\na\n## 2023-12-18\nb\n## January 8\nc\n## February 5\nd\n")
    assert [meeting.date for meeting in note.meetings] == [
        D(2023, 11, 20),
        D(2023, 12, 18),
        D(2024, 1, 8),
        D(2024, 2, 5),
    ]


def test_a_log_without_any_year_takes_the_path_year() -> None:
    note = parse("team/2021/log.md", "## March 3\na\n## March 10\nb\n")
    assert [meeting.date for meeting in note.meetings] == [D(2021, 3, 3), D(2021, 3, 10)]
    assert messages(note) == [
        "team/2021/log.md:1: year inferred as 2021 from the path for heading 'March 3'",
        "team/2021/log.md:3: year inferred as 2021 from the neighbouring meeting of 2021-03-03 for heading 'March 10'",
    ]


def test_a_year_less_log_across_new_year_rolls_from_the_path_year() -> None:
    """Newest first (the months fall), in a file named for its newest year."""
    note = parse("team/2022.md", "## February 8\na\n## January 11\nb\n## December 14\nc\n")
    assert [meeting.date for meeting in note.meetings] == [D(2022, 2, 8), D(2022, 1, 11), D(2021, 12, 14)]


def test_a_log_section_without_a_year_and_nothing_to_infer_from_is_an_error() -> None:
    note = parse("team/log.md", "## March 3\na\n## March 10\nb\n")
    assert note.meetings == ()
    assert messages(note) == [
        "team/log.md:1: the heading 'March 3' has no year and none could be inferred"
        " (add the year to the heading or put the note in a folder named for the year;"
        " until then its text is part of the meeting next to it)",
        "team/log.md:3: the heading 'March 10' has no year and none could be inferred"
        " (add the year to the heading or put the note in a folder named for the year;"
        " until then its text is part of the meeting next to it)",
    ]


def test_a_log_of_ranges_gives_each_section_its_end_date() -> None:
    note = parse("events/log.md", "## June 24-26, 2024\na\n## 2023-06-05 to 2023-06-07\nb\n")
    assert dates(note) == [(D(2024, 6, 24), D(2024, 6, 26)), (D(2023, 6, 5), D(2023, 6, 7))]


def test_a_log_grouped_under_year_headings_takes_their_years() -> None:
    note = parse(
        "team/log.md",
        """
        # Team log

        ## 2024

        ### September 16

        - a

        ### September 9

        - b

        ## 2023

        ### December 18

        - c
        """,
    )
    assert [(m.date, m.source_line, m.end_line) for m in note.meetings] == [
        (D(2024, 9, 16), 1, 7),
        (D(2024, 9, 9), 9, 13),  # keeps "## 2023", which no section opens: no line is lost
        (D(2023, 12, 18), 15, 17),
    ]
    assert messages(note) == []


def test_a_log_under_a_section_heading_is_still_a_log() -> None:
    note = parse("team/log.md", "# Team\n\n## Meetings\n\n### 2024-09-16\n\n- a\n\n### 2024-09-09\n\n- b\n")
    assert [meeting.date for meeting in note.meetings] == [D(2024, 9, 16), D(2024, 9, 9)]
    assert note.running_log


def test_dated_subheadings_of_a_dated_meeting_do_not_split_it() -> None:
    """Deadlines under a dated meeting are not meetings of their own."""
    note = parse(
        "team/notes.md",
        "## 2024-09-16\n\n### Deadlines\n\n#### 2024-10-01: release\n\n#### 2024-10-15: freeze\n",
    )
    assert dates(note) == [(D(2024, 9, 16), None)]
    assert not note.running_log


def test_a_single_meeting_under_a_year_heading_takes_its_year() -> None:
    note = parse("team/notes.md", "# Team\n\n## 2024\n\n### September 16\n\n- a\n")
    assert dates(note) == [(D(2024, 9, 16), None)]
    assert messages(note) == []


# --- properties: every way of writing a date reads back as that date ----------------------------------

FULL_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _written(day: dt.date) -> list[str]:
    month, weekday = FULL_MONTHS[day.month - 1], WEEKDAY_NAMES[day.weekday()]
    return [
        day.isoformat(),
        f"{day:%Y/%m/%d}",
        f"{day:%Y.%m.%d}",
        f"{day:%d.%m.%Y}",
        f"{month} {day.day}, {day.year}",
        f"{month[:3]} {day.day} {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.day} {month}, {day.year} Meeting Notes",
        f"{weekday}, {day.day} {month} {day.year}",
        f"{weekday[:3]}, {month[:3]} {day.day}, {day.year}",
        f"Meeting {day.isoformat()}",
        f"Team sync - {month} {day.day}, {day.year}",
        f"Minutes of {day.day} {month} {day.year}",
    ]


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 12, 31)))
def test_every_written_form_reads_back(day: dt.date) -> None:
    for text in _written(day):
        found = date_in_heading(text)
        assert found is not None and found.resolve() == day and found.guess == "", text
    for path in (f"{day.isoformat()}.md", f"{day:%Y/%m/%d}.md", f"{day:%Y-%m}/{day:%b}-{day.day}.md".lower()):
        assert date_from_path(f"team/{path}").date == day, path


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 12, 31)))
def test_a_year_less_date_reads_back_in_any_year(day: dt.date) -> None:
    for text in (f"{FULL_MONTHS[day.month - 1]} {day.day}", f"{day.day} {FULL_MONTHS[day.month - 1]}"):
        found = date_in_heading(text)
        assert found is not None and found.year is None and found.with_year(day.year) == day


@given(st.text(max_size=80))
def test_any_text_is_a_date_or_not_never_an_exception(text: str) -> None:
    found = date_in_heading(text)
    if found is not None:
        assert 1 <= found.month <= 12 and 1 <= found.day <= 31
    date_from_path(text + ".md")


def test_a_title_that_disagrees_with_the_file_name_is_reported() -> None:
    note = parse("tsc/2024-09-16.md", "# Node.js TSC Meeting 2024-09-17\n\n- item\n")
    assert dates(note) == [(D(2024, 9, 16), None)]
    assert messages(note) == [
        "tsc/2024-09-16.md:1: the title says 2024-09-17 but the file name says 2024-09-16, which wins"
        " (correct whichever is wrong)"
    ]
    fm = parse("tsc/notes.md", "---\ndate: 2024-09-16\n---\n# 16 October 2024\n")
    assert messages(fm) == [
        "tsc/notes.md:4: the title says 2024-10-16 but the front matter says 2024-09-16, which wins"
        " (correct whichever is wrong)"
    ]
    # agreeing, within the event, or without a year: nothing to say
    assert messages(parse("tsc/2024-09-16.md", "# TSC Meeting 2024-09-16\n")) == []
    assert messages(parse("ev/2024-06-24--2024-06-26.md", "# Sprint June 25, 2024\n")) == []
    assert messages(parse("tsc/2024-09-16.md", "# March 3\n")) == []


def test_a_schedule_among_other_sections_is_one_event_not_a_log() -> None:
    """The hackathon seed, anywhere: days under "# Schedule" beside "# Logistics" are the event's days."""
    note = parse(
        "events/hackathon.md",
        """
        ---
        date created: Thursday 27th June 2024, Thu
        ---
        # Hackathon

        # Logistics

        ## Wifi

        # Schedule

        ## June 24 - 09:00-18:00

        ## June 25 - 09:00-18:00

        ## June 26 - 09:00-13:00

        # Breakout sessions
        """,
    )
    assert not note.running_log
    assert dates(note) == [(D(2024, 6, 24), D(2024, 6, 26))]
    assert messages(note) == [
        "events/hackathon.md:12: year inferred as 2024 from the front matter 'date created'"
        " for '## June 24 - 09:00-18:00'"
    ]


def test_a_log_dated_by_lines_under_its_headings() -> None:
    note = parse(
        "team/log.md",
        "## Weekly meeting\n\nDate: 2024-09-16\n\n- b\n\n## Weekly meeting\n\n**Date:** September 9, 2024\n\n- a\n",
    )
    assert [(m.date, m.source_line, m.title) for m in note.meetings] == [
        (D(2024, 9, 16), 1, "Weekly meeting"),
        (D(2024, 9, 9), 7, "Weekly meeting"),
    ]


def test_a_comment_in_a_fenced_block_is_no_title() -> None:
    fenced = "```bash\n# install the package first\npip install minutes\n```\n\n- released 1.2\n"
    (meeting,) = parse("team/2024-09-16.md", fenced).meetings
    assert meeting.title == ""  # no heading: no title, not the shell comment
    assert Words().title(meeting) == "Team meeting"  # what the site says instead (partials/words.html)
    titled = parse("team/2024-09-16.md", "```\n# not a heading\n```\n\n## Roadmap for 2.0\n\n- 1.2\n")
    assert [meeting.title for meeting in titled.meetings] == ["Roadmap for 2.0"]
