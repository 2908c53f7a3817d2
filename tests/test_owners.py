"""``owners_in`` (a contract other modules import) and ``role_line``, and the reading of one person's text."""

from __future__ import annotations

import pytest

from minutes.people.names import PersonText, initials_fit, parse_person
from minutes.people.owners import owners_in, role_line


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        ("- WiMLDS: issue picking (François, Olivier) *need help*", ("François", "Olivier")),
        ("- Final MOOC modifications (Arturo, Olivier)", ("Arturo", "Olivier")),
        (
            "- Tackle Positive/Negative Likelihood Ratio: [#22404](https://github.com/x/y/issues/22404)"
            " (Arturo, may need help)",
            ("Arturo",),
        ),
        ("- Continue on the callbacks API (Jérémie)", ("Jérémie",)),
        ("- [ ] @jasnell to follow up with @mcollina", ("@jasnell", "@mcollina")),
        ("ACTION: WH to review the spec text", ("WH",)),
        ("**ACTION**: Alice Smith and Bob Jones will send the report", ("Alice Smith", "Bob Jones")),
        ("- [x] Olivier: publish the blog post", ("Olivier",)),
        ("- Fix the CI — Guillaume", ("Guillaume",)),
        ("- owner: Maren Westermann", ("Maren Westermann",)),
        ("- release 1.2 (assignee: @ogrisel)", ("@ogrisel",)),
        # Not owners: a remark, a project, capitals in brackets, an e-mail, a verb before "to".
        ("- Need to fix CI (mostly)", ()),
        ("- GitHub Actions (WIP)", ()),
        ("- Scalar Regression (OpenML, Scikit-learn)", ()),
        ("- write to bob@example.com (TBD)", ()),
        ("- Remember to update the docs", ()),
        ("- Ask Olivier to review", ()),
        ("- see https://github.com/org/repo/pull/1 (@ in a URL is no handle)", ()),
    ],
)
def test_owners_in(text: str, owners: tuple[str, ...]) -> None:
    assert owners_in(text) == owners


def test_owners_in_keeps_each_owner_once_in_order_of_appearance() -> None:
    assert owners_in("- @ogrisel: review (Olivier, @ogrisel) — Olivier") == ("@ogrisel", "Olivier")


@pytest.mark.parametrize(
    ("line", "names", "leads"),
    [
        ("leader:\u00a0Maren Westermann", ["Maren Westermann"], True),
        ("leader:\u00a0Adrin + François", ["Adrin", "François"], True),
        ("leader:\u00a0[Guillaume Lemaitre](mailto:guillaume@probabl.ai)", ["Guillaume Lemaitre"], True),
        ("Presenter: Daniel Ehrenberg (DE)", ["Daniel Ehrenberg"], True),
        ("- **Champions:** Jordan Harband, Mark Miller", ["Jordan Harband", "Mark Miller"], True),
        ("**Note taker:** Alice Smith", ["Alice Smith"], False),
    ],
)
def test_role_line(line: str, names: list[str], leads: bool) -> None:
    role = role_line(line)
    assert role is not None
    assert [person.name for person in role.people] == names
    assert role.leads is leads


@pytest.mark.parametrize("line", ["description: What are our experiences?", "leader: TBD", "Leaders of the pack"])
def test_not_a_role_line(line: str) -> None:
    assert role_line(line) is None


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Colin Ihrig @cjihrig (TSC)", PersonText("Colin Ihrig", "cjihrig", role="TSC")),
        ("Anna Henningsen (@addaleax) (TSC)", PersonText("Anna Henningsen", "addaleax", role="TSC")),
        ("**Michael Dawson** (@mhdawson) - IBM", PersonText("Michael Dawson", "mhdawson", affiliation="IBM")),
        ("Waldemar Horwat (WH), Google", PersonText("Waldemar Horwat", abbreviation="WH", affiliation="Google")),
        ("[Rich Trott](https://github.com/Trott)", PersonText("Rich Trott", "Trott")),
        ("Dr. Jane Doe (IBM)", PersonText("Jane Doe", affiliation="IBM")),
        ("Jane Doe <jane@example.org>", PersonText("Jane Doe")),
        ("@jasnell", PersonText(handle="jasnell")),
        ("WH", PersonText(abbreviation="WH")),
        ("Jérémie du Boisberranger", PersonText("Jérémie du Boisberranger")),
    ],
)
def test_parse_person(text: str, person: PersonText) -> None:
    assert parse_person(text) == person


@pytest.mark.parametrize("text", ["None", "Everyone", "no guests", "WiMLDS", "OpenML", "nothing here", "TBD"])
def test_not_a_person(text: str) -> None:
    assert parse_person(text) is None


def test_lower_case_names_only_in_a_names_slot() -> None:
    assert parse_person("james snell") is None
    assert parse_person("james snell", slot=True) == PersonText("james snell")
    assert parse_person("nothing here", slot=True) is None


@pytest.mark.parametrize(
    ("abbreviation", "name", "fits"),
    [
        ("JHD", "Jordan Harband", True),
        ("USA", "Ujjwal Sharma", True),
        ("WH", "Waldemar Horwat", True),
        ("TSC", "Colin Ihrig", False),
        ("IBM", "Jane Doe", False),
    ],
)
def test_initials_fit(abbreviation: str, name: str, fits: bool) -> None:
    assert initials_fit(abbreviation, name) is fits
