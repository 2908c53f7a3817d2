"""HackMD name tags: ``- [name=Olivier]`` with the bullets nested under it.

HackMD's ``[name=X]`` signs a line; teams use it as a bullet that holds a
person's update, or at the end of a line to sign it. ``[name=Meekail/Julien]``
names two people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..reading.blocks import Document

NAME_TAG = re.compile(r"\[name=\s*([^\]\n]+?)\s*\]", re.IGNORECASE)
_LEAD = re.compile(r"^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")  # a list marker and task box left of the tag


@dataclass(frozen=True)
class NameTag:
    index: int  # 0-based line index of the tag
    names: tuple[str, ...]
    start: int  # first line index of the tagged text
    end: int  # one past the last line index of the tagged text
    text: str  # the tagged text, tag removed, nesting kept


def split_names(raw: str) -> tuple[str, ...]:
    """``Meekail/Julien``, ``François, Olivier``, ``A & B``, ``A and B``."""
    parts = re.split(r"\s*(?:/|,|&|\+|\band\b|\bet\b)\s*", raw)
    return tuple(part.strip().lstrip("@").strip() for part in parts if part.strip())


def name_tags(document: Document) -> list[NameTag]:
    """Every name tag in ``document`` (code left out) with the text it signs."""
    tags: list[NameTag] = []
    for index, line in enumerate(document.lines):
        if "[name=" not in line.lower() or document.code[index]:
            continue
        match = NAME_TAG.search(line)
        if not match:
            continue
        names = split_names(match.group(1))
        if not names:
            continue
        item = document.items.get(index)
        tag_opens_item = item is not None and item.text.lstrip().lower().startswith("[name=")
        rest = _LEAD.sub("", (line[: match.start()] + line[match.end() :]).strip()).strip(" :-—")
        if item is not None and tag_opens_item:
            body = document.block(index + 1, item.end)
            text = "\n".join([rest, body] if rest and body else [rest or body]).strip("\n")
            tags.append(NameTag(index, names, index, item.end, text))
        else:
            tags.append(NameTag(index, names, index, index + 1, rest))
    return tags
