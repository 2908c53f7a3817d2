"""What an outcome is about, when its own words do not say: the subject of "Approved", "Deferred", "+1 from all".

Minutes often write the outcome alone under what it answers: ``Approved`` under ``Vote on adopting the new
charter``, ``Will do`` under ``Can someone check the CI?``, ``Deferred`` under an agenda heading. Read on
another page (the decisions log, a person's page, a search result), such an outcome says nothing; it
carries its subject: the item it is nested in, else the question right above it in its list, else its
agenda heading.
"""

from __future__ import annotations

import re

from ..reading.blocks import Document
from ..reading.inline import plain_text
from ..vocabulary import is_procedural
from .decisions import topic_of

# An outcome of this many words or fewer (its label left out) needs its subject: a decision ("Approved for
# Stage 4"), an action item ("Will do"; a task of three words says what it is).
SUBJECT_WORDS = {"decision": 4, "action": 2}
SUBJECT_LENGTH = 120  # characters of the subject kept
_LABEL = re.compile(r"^\W*(?:[\w/-]+\s*){1,3}:\s+(?=\S)")  # "Decision:", "Next steps:"
_WORD = re.compile(r"[^\W_]+")
_BRACKETED = re.compile(r"\([^()]*\)")


def needs_subject(text: str, kind: str = "decision") -> bool:
    """Whether an outcome's own words are too few to say what it is about: ``Approved``, ``Decision: yes``."""
    plain = plain_text(text.split("\n", 1)[0])
    return len(_WORD.findall(_LABEL.sub("", plain, count=1))) <= SUBJECT_WORDS[kind]


def subject_of(
    document: Document, index: int, text: str, people_lines: frozenset[int] = frozenset(), kind: str = "decision"
) -> str:
    """The subject of the outcome at line ``index`` whose text is ``text``, or "" when its words say it (or
    when what it sits under says nothing either: "Next steps", "Notes", a person's name in brackets)."""
    if not needs_subject(text, kind):
        return ""
    subject = _parent_text(document, index) or _question_above(document, index)
    subject = subject or topic_of(document, index, people_lines)
    if is_procedural(subject) or _BRACKETED.fullmatch(subject.strip()):
        return ""
    return subject


def _parent_text(document: Document, index: int) -> str:
    """The text of the item an outcome is nested in, a link's title included: ``[Charter approval #14](...)``."""
    parent = document.parent_item(index)
    if parent is None:
        return ""
    text = plain_text(parent.text, SUBJECT_LENGTH).strip().rstrip(":").strip()
    return "" if is_procedural(text) else text


def _question_above(document: Document, index: int) -> str:
    """The item right before this one in its list, when it asks: ``Can someone check the CI?`` then ``Will do``."""
    item = document.items.get(index)
    if item is None or document.parent_item(index) is not None:
        return ""
    before = index - 1
    while before >= 0 and not document.lines[before].strip():
        before -= 1
    above = document.item_holding(before) if before >= 0 else None
    while above is not None and above.parent != item.parent and above.parent >= 0:
        above = document.items.get(above.parent)  # the sibling above, not its last nested bullet
    if above is None or above.parent != item.parent:
        return ""
    asked = plain_text(above.text, SUBJECT_LENGTH)
    return asked if asked.rstrip().endswith("?") else ""
