"""The classifier of outcomes and tasks: what its cues read, and what a standards body's transcripts give.

The golden cases (``tests/golden/records``) show each convention on a small note; these tests check the
pieces they are made of, and the benchmark generator's standards archive as a whole.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest

from minutes.archive import NoteFile, build_archive
from minutes.records.cues import Sentence, folded, owners_written
from minutes.records.decisions import task_only
from minutes.records.join import RecordOptions

from .conftest import benchmark_module


def sentence(text: str, known: frozenset[str] = frozenset()) -> Sentence:
    return Sentence(folded(text), text, known)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("No objections from those present", "no objections"),
        ("consensus that we keep the current API", "consensus"),
        ("The group agreed to take this back to the issue", "agreed"),
        ("T-libs discussed and approved this change", "approved"),
        ("Einigung über den Zeitplan", "einigung"),
    ],
)
def test_agreement_cues(text: str, cue: str) -> None:
    assert sentence(text).agreement == cue


@pytest.mark.parametrize(
    "text",
    [
        "Nothing was decided about the budget",  # the group did not decide
        "Google has agreed to pay the cloud bill",  # someone else's decision, reported
        "I agree with Bob",  # one person's view
        "Do we want to reach a decision now?",  # asks for one
        "the accepted CEPs are listed below",  # an adjective
    ],
)
def test_no_agreement(text: str) -> None:
    assert not sentence(text).agreement


def test_deferral_and_commitment_cues() -> None:
    assert sentence("Deferred to next meeting").deferral == "deferred"
    assert sentence("take the discussion back to GitHub").deferral
    assert sentence("Closed").deferral and not sentence("Closed and re-opened the RFC to summarize").deferral
    assert sentence("we will drop Python 3.9").commitment_strength == 1
    assert sentence("we shall look at it").commitment_strength == 1
    # issue 17: discussion is no commitment: "we should", "we'll need to", "let's talk about it later"
    assert not sentence("we should look at it").commitment
    assert not sentence("we'll need to look at the backlog again").commitment
    assert not sentence("let's talk about it later").commitment
    assert sentence("let's talk about it at the next meeting").deferral
    assert sentence("we can revisit it").commitment_strength == 0
    assert not sentence("the first project that we will shift").commitment  # a relative clause


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Alice will comment on the issue", "alice"),
        ("Bob to open an issue", "bob"),
        ("Felix says he'll try it out", "felix"),
        ("FCP is done; Niko will handle it", "niko"),
        ("consensus: do it (Centril to FCP)", "centril"),
        ("Compiler team needs to do an audit", "compiler team"),
    ],
)
def test_assignments(text: str, who: str) -> None:
    assert sentence(text, frozenset({"centril"})).assignment[0] == who


@pytest.mark.parametrize(
    "text",
    [
        "Request to rename the executable",  # a thing before "to"
        "Validation will happen during the build",  # an event
        "Happy to share with T-Libs",
        "PR to rename `llvm_asm!` merged",  # capitals name someone only when a table says so
        "JupyterHub will not pass its own args",  # a forecast
    ],
)
def test_no_assignment(text: str) -> None:
    assert not sentence(text).assignment[0]


def test_an_abbreviation_owns_a_task_when_the_meeting_defines_it() -> None:
    assert not sentence("ABC to look into it").assignment[0]
    assert sentence("ABC to look into it", frozenset({"abc"})).assignment[0] == "abc"


def test_a_report_about_someone_is_not_addressed_to_them() -> None:
    assert owners_written("@bob please rebase") == ["@bob"]
    assert owners_written("@bob has a working prototype now") == []
    assert owners_written("@Nicholas M has a working prototype now") == []  # a display name after the handle
    assert owners_written("@**Esteban Küber** merged the fix") == []


def test_questions_answers_and_imperatives() -> None:
    assert sentence("Should we move the meeting?").question
    assert sentence("Write it up? <- Mike").question and owners_written("Write it up? <- Mike") == ["Mike"]
    assert sentence("Will it be an alias? Presumably yes.").answered
    assert sentence("No, a plugin is enough.").answer_word
    assert not sentence("No backport nominations this time").answer_word  # a negation
    assert sentence("Run the job weekly").imperative == "run"
    assert not sentence("See the thread for background").imperative
    assert not sentence("merge: [RFC 2522](https://example.org)").imperative  # a label
    assert sentence("File permissions also managed with Globus").ambiguous_verb
    assert not sentence("file an issue").ambiguous_verb


def test_what_is_no_outcome_of_its_own() -> None:
    assert sentence("+1").plus_one and sentence(":+1:").plus_one
    assert sentence("I'll be on parental leave from Nov 21").logistics
    assert not sentence("I'll be on parental leave from Nov 21").first_person
    assert sentence("[name=Carol] I will review this PR").first_person
    assert sentence("Let's collect all potential agenda items here").meta
    assert sentence("maybe we could try a poll").hedge == "maybe"
    assert sentence("it seems the consensus is").opinion


def test_task_only_bullets_of_a_conclusion() -> None:
    known = frozenset({"jhd", "wh", "kg"})
    assert task_only("JHD to look into the ISO calendar", known)
    assert task_only("Stage 3 reviewers: WH, KG", known)
    assert not task_only("Stage 2", known)
    assert not task_only("Consensus; JHD to look into the calendar", known)  # an outcome first


def _generator() -> ModuleType:
    return benchmark_module("generate", "bench_generate_classify")


_TASK = re.compile(r" to look into |reviewers: ")


def test_standards_archive_gives_one_decision_per_outcome_bullet_and_owned_actions(tmp_path: Path) -> None:
    """The generator's standards body: transcripts whose conclusions list outcomes and tasks, one per bullet."""
    files = _generator().write_standards(tmp_path, 6, 3, 30_000)
    outcomes: set[tuple[str, int]] = set()
    tasks: set[tuple[str, int]] = set()
    for path in files:
        source = path.relative_to(tmp_path).as_posix()
        inside = False
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if line.startswith("#"):
                inside = line.startswith("### Conclusion")
            elif inside and line.startswith("- "):
                (tasks if _TASK.search(line) else outcomes).add((source, number))
    assert outcomes and tasks
    archive = build_archive(
        [NoteFile(str(path), path.relative_to(tmp_path).as_posix()) for path in files], records=RecordOptions()
    )
    source_of = {meeting.id: meeting.source for meeting in archive.meetings}
    decisions = {(source_of[decision.meeting], decision.line) for decision in archive.decisions}
    assert decisions == outcomes  # one per outcome bullet; no speech is an outcome
    assert all("\n" not in decision.text for decision in archive.decisions)
    # the tasks are read from the text: records, shown or candidates as the re-ranker is sure of them
    records = (*archive.actions, *archive.candidate_actions)
    owned = {(source_of[action.meeting], action.line): action for action in records}
    assert tasks <= owned.keys()
    for place in tasks:
        action = owned[place]
        assert action.owners and not action.names  # the abbreviations resolved through the attendee tables
        delegates = {archive.person(person).abbreviations for person in action.owners}
        assert all(abbreviations for abbreviations in delegates)


def test_a_chat_user_number_alone_is_no_owner(tmp_path: Path) -> None:
    # Zulip writes a mention of a user it cannot name as "@**|116118**": an action item, owned by nobody named
    note = tmp_path / "t" / "2024-01-09.md"
    note.parent.mkdir()
    note.write_text("# Triage\n\n## Action items\n\n- @**|116118** will look at the regression\n", encoding="utf-8")
    (action,) = build_archive([NoteFile(str(note), "t/2024-01-09.md")]).actions
    assert (action.text, action.owners, action.names) == ("@**|116118** will look at the regression", (), ())
