"""Action items in a meeting's notes, with zero configuration.

Where notes keep them:

- the items of a section headed ``TODO / Next``, ``Action items``, ``Next
  steps``, ``Follow-ups``; an item that only names people (``- (Julien):``)
  groups the items nested in it, which it gives to them;
- the items after a label line (``todo:``, ``Next:``, ``- next:`` with
  nested bullets), or the rest of the label's line (``- Next: MOOC review``);
- task lists, ``- [ ]`` open and ``- [x]`` done, anywhere;
- ``ACTION:`` lines and ``TODO`` prefixes inside bullets.

Owners are read from the item (``owners.owners_in``); an item without any,
written in a person's section (``### Olivier``), belongs to that person. An
item is done when it is checked, struck through or marked done.
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
_DONE = re.compile(
    r"^~~.+~~\W*$|^(?:\*\*|__)?done(?:\*\*|__)?\s*[:\-–—]|\((?:done|fixed|closed|merged)\)\s*$|\[done\]|[✅✔☑]|"
    r"\s[-–—:]\s*done\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundAction:
    """An action item as one meeting's lines hold it."""

    index: int  # line of the item (0-based in the meeting)
    text: str  # Markdown, without list marker, task box or label
    owners: tuple[str, ...]  # as written
    done: bool
    kind: str  # section | label | task | action


def actions_in(document: Document, person_at: Sequence[str | None] = ()) -> list[FoundAction]:
    """Every action item of a meeting, in the order of its lines.

    ``person_at`` gives, for each line, the person whose section it is in
    (their heading or name tag), who owns the items that name no owner.
    """
    found: dict[int, FoundAction] = {}
    taken = [False] * len(document.lines)

    def owner_default(index: int) -> tuple[str, ...]:
        person = person_at[index] if index < len(person_at) else None
        return (person,) if person else ()

    def add(item: Item, kind: str, group_owners: tuple[str, ...] = (), text: str | None = None) -> None:
        if any(taken[item.index : item.end]):
            return
        body = document.item_text(item) if text is None else text
        if not plain_text(body):
            return
        for index in range(item.index, item.end):
            taken[index] = True
        owners = tuple(dict.fromkeys([*group_owners, *owners_in(item.text)])) or owner_default(item.index)
        done = item.task == "x" or bool(_DONE.search(item.text.strip()))
        found[item.index] = FoundAction(item.index, body, owners, done, kind)

    def add_list(items: list[Item], kind: str, group_owners: tuple[str, ...] = ()) -> None:
        for item in items:
            owners = owners_in(item.text)
            if owners and _only_names(item.text):
                # "- (Julien):" heads the items it holds, which are Julien's.
                add_list(document.children(item), kind, tuple(dict.fromkeys([*group_owners, *owners])))
            else:
                add(item, kind, group_owners)

    for position, heading in enumerate(document.headings):
        if is_action_heading(heading.text):
            end = document.section_end(position)
            add_list(document.top_items(heading.index + 1, end), "section")

    for index, line in enumerate(document.lines):
        if document.verbatim[index] or taken[index]:
            continue
        item = document.items.get(index)
        text = item.text if item is not None else _PARAGRAPH_LEAD.sub("", line)
        if item is not None and item.task is not None:
            add(item, "task")
            continue
        action = _ACTION.match(text.strip())
        if action is not None and document.heading_at(index) is None:
            rest = action.group("rest").strip()
            if item is not None:
                add(item, "action", (), _with_nested(document, item, rest))
            else:
                owners = owners_in(rest) or owner_default(index)
                found[index] = FoundAction(index, rest, owners, bool(_DONE.search(rest)), "action")
                taken[index] = True
            continue
        todo = _TODO_PREFIX.match(text.strip())
        if todo is not None and item is not None:
            add(item, "action", (), _with_nested(document, item, todo.group("rest").strip()))
            continue
        label = _LABEL.match(text.strip())
        if label is None or document.heading_at(index) is not None:
            continue
        rest = label.group("rest").strip()
        if rest and label.group("colon"):
            if item is not None:
                add(item, "label", (), _with_nested(document, item, rest))
            continue
        if rest:
            continue
        if item is not None:
            add_list(document.children(item), "label", owners_in(item.text) if _only_names(item.text) else ())
        elif label.group("colon"):
            add_list(document.list_after(index), "label")
    return [found[index] for index in sorted(found)]


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
    text = re.sub(r"(?i)\b(?:done|todo|action)\b|[✅✔☑]", " ", text)
    return " ".join(re.findall(r"\w+", fold(text)))
