"""Action items in a meeting's notes, with zero configuration.

Where notes keep them:

- the items of a section headed ``TODO / Next``, ``Action items``, ``Next
  steps``, ``Follow-ups``, ``Previous action items``; an item that only names
  people (``- (Julien):``) groups the items nested in it, which it gives to
  them, and so does an item without a box over several task-list items;
- the items after a label line (``todo:``, ``Next:``, ``- next:`` with
  nested bullets), or the label's line itself (``- Next: MOOC review``);
- ``ACTION:`` lines and ``TODO`` prefixes inside bullets.

A task-list box alone makes no action item (``- [x] JRG: topic?`` opens an
agenda item): outside these sections, ``records.classify`` reads what a
boxed item says. The text is the item as written, its label kept
(``ACTION: Olivier to write the notes``). Owners are read from the item
(``owners.owners_in``); an item without any, written in a person's section
(``### Olivier``), belongs to that person. An item is done when it is
checked, struck through or marked done, merged, landed or fixed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..people.owners import owners_in
from ..reading.blocks import Document, Item
from ..reading.inline import plain_text
from ..slugs import fold
from ..vocabulary import is_action_heading

_LABEL = re.compile(
    r"^(?:\*\*|__)?(?P<label>to-?dos?|to do|next(?: steps?)?|action(?: items?| points?)?|actions|follow[- ]?ups?)"
    r"(?:\*\*|__)?\s*(?P<colon>:)?(?:\*\*|__)?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_ACTION = re.compile(
    r"^(?:\[new\]\s*)?(?:\*\*|__)?(?:(?i:action(?:\s+items?)?|todo)|AIs?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(?P<rest>.+)$"
)  # "AI: Bob to review" is an action item in upper case only: "ai:" may be about AI
_TODO_PREFIX = re.compile(r"^(?:\*\*|__)?(?:TODO|\[TODO\])(?:\*\*|__)?\s+(?P<rest>\S.*)$")
_PARAGRAPH_LEAD = re.compile(r"^\s*(?:>\s*)*")
_PLACEHOLDER = re.compile(r"^\W*(?:tbd|tba|todo|none|n/?a|nothing|-+|\?+|\.+)?\W*$", re.IGNORECASE)
# A report's status labels, which say what was done or stands in the way, not what is to do.
_STATUS_ITEM = re.compile(r"(?i)^\W*(?:done|blocked|blockers?|afk|ooo|out of (?:the )?office)\b(?!\s+(?:by|before)\b)")
DONE = re.compile(
    r"^~~.+~~\W*$|^(?:\*\*|__)?(?:done|merged|landed|fixed|completed)(?:\*\*|__)?\s*[:\-–—]"
    r"|\((?:done|fixed|closed|merged|landed|completed|resolved)\)\s*$|\[done\]|[✅✔☑]"
    r"|\s[-–—:]\s*(?:done|merged|landed|fixed|completed)\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundAction:
    """An action item as one meeting's lines hold it."""

    index: int  # line of the item (0-based in the meeting)
    text: str  # Markdown as written, label kept; without list marker or task box
    owners: tuple[str, ...]  # as written
    done: bool
    kind: str  # section | label | action | sentence
    cue: str = "section"  # why it was taken: "section", "label", "marker", or a classifier's cue
    confidence: float = 1.0


def actions_in(document: Document, person_at: Sequence[str | None] = ()) -> list[FoundAction]:
    """Every action item of a meeting, in the order of its lines.

    ``person_at`` gives, for each line, the person whose section it is in
    (their heading or name tag), who owns the items that name no owner.
    """
    actions = _Actions(document, person_at)
    for position, heading in enumerate(document.headings):
        if is_action_heading(heading.text):
            end = document.section_end(position)
            actions.add_list(document.top_items(heading.index + 1, end), "section")
    for index, line in enumerate(document.lines):
        if not (document.verbatim[index] or actions.taken[index]):
            actions.read_line(index, line)
    return [actions.found[index] for index in sorted(actions.found)]


class _Actions:
    """The action items of one meeting as they are found: an item, and the lines it holds, taken once."""

    def __init__(self, document: Document, person_at: Sequence[str | None]) -> None:
        self.document = document
        self.person_at = person_at
        self.found: dict[int, FoundAction] = {}
        self.taken = [False] * len(document.lines)

    def owner_default(self, index: int) -> tuple[str, ...]:
        """The person whose section or name tag holds a line, as the owner of an item that names none."""
        person = self.person_at[index] if index < len(self.person_at) else None
        return (person,) if person else ()

    def add(self, item: Item, kind: str, group_owners: tuple[str, ...] = (), text: str | None = None) -> None:
        """Take ``item`` (and its nested lines) as an action item, unless one of its lines is taken already."""
        if any(self.taken[item.index : item.end]):
            return
        body = self.document.item_text(item) if text is None else text
        if not plain_text(body) or _PLACEHOLDER.match(plain_text(body)) or _STATUS_ITEM.match(plain_text(body)):
            return  # "TBD"; "Done: mfs write", "Blocked: none", "AFK until May" in a list of next steps
        for index in range(item.index, item.end):
            self.taken[index] = True
        owners = tuple(dict.fromkeys([*group_owners, *owners_in(item.text)])) or self.owner_default(item.index)
        done = item.task == "x" or bool(DONE.search(item.text.strip()))
        cue = "section" if kind == "section" else "label" if kind == "label" else "marker"
        self.found[item.index] = FoundAction(item.index, body, owners, done, kind, cue)

    def add_list(self, items: list[Item], kind: str, group_owners: tuple[str, ...] = ()) -> None:
        """Take each item of a list of action items; an item that only names people, or that groups tasks in
        boxes, gives its nested items instead."""
        for item in items:
            owners = owners_in(item.text)
            children = self.document.children(item)
            if owners and _only_names(item.text):
                # "- (Julien):" heads the items it holds, which are Julien's.
                self.add_list(children, kind, tuple(dict.fromkeys([*group_owners, *owners])))
            elif item.task is None and sum(child.task is not None for child in children) >= 2:
                # "- plans for the org" over "- [ ] Move the repo", "- [ ] Add teams": a group of tasks.
                self.add_list(children, kind, group_owners)
            else:
                self.add(item, kind, group_owners)

    def read_line(self, index: int, line: str) -> None:
        """Take what a line labels: ``ACTION: ...``, ``TODO ...``, ``Action items:`` over a list."""
        document = self.document
        item = document.items.get(index)
        text = item.text if item is not None else _PARAGRAPH_LEAD.sub("", line)
        action = _ACTION.match(text.strip())
        if action is not None and document.heading_at(index) is None:
            rest = action.group("rest").strip()
            if item is not None:
                self.add(item, "action", (), _with_nested(document, item, text.strip()))
            else:
                owners = owners_in(rest) or self.owner_default(index)
                done = bool(DONE.search(rest))
                self.found[index] = FoundAction(index, text.strip(), owners, done, "action", "marker")
                self.taken[index] = True
            return
        todo = _TODO_PREFIX.match(text.strip())
        if todo is not None and item is not None:
            self.add(item, "action", (), _with_nested(document, item, text.strip()))
            return
        label = _LABEL.match(text.strip())
        if label is None or document.heading_at(index) is not None:
            return
        rest = label.group("rest").strip()
        if rest and label.group("colon"):
            if item is not None:
                self.add(item, "label", (), _with_nested(document, item, text.strip()))
            return
        if rest:
            return
        if item is not None:
            self.add_list(document.children(item), "label", owners_in(item.text) if _only_names(item.text) else ())
        elif label.group("colon"):
            self.add_list(document.list_after(index), "label")


def _only_names(text: str) -> bool:
    """Whether an item's text is nothing but the people it names: ``(Julien):``, ``**Olivier**``, ``@bob:``."""
    rest = re.sub(r"@[\w-]+|\([^()]*\)|\*\*|__|[:,;&/\s]", " ", text)
    names = " ".join(owners_in(text))
    return not re.sub(r"\s+", "", rest) or fold(re.sub(r"\W+", "", rest)) == fold(re.sub(r"\W+", "", names))


def _with_nested(document: Document, item: Item, first: str) -> str:
    rest = document.block(item.index + 1, item.end)
    return f"{first}\n{rest}".strip() if rest else first


def action_key(text: str) -> str:
    """What makes two meetings' items the same item: their words, without owners, marks or markup."""
    text = plain_text(text)
    text = re.sub(r"\([^()]*\)", " ", text)
    text = re.sub(r"(?i)\b(?:done|todo|action|merged|landed|fixed|closed|completed|resolved)\b|[✅✔☑]", " ", text)
    return " ".join(re.findall(r"\w+", fold(text)))
