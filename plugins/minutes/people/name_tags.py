"""HackMD name tags: ``- [name=Olivier]`` with the bullets nested under it.

HackMD's ``[name=X]`` signs a line; teams use it as a bullet that holds a
person's update, or at the end of a line to sign it. ``[name=Meekail/Julien]``
names two people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAME_TAG = re.compile(r"\[name=\s*([^\]\n]+?)\s*\]", re.IGNORECASE)
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")


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


def name_tags(lines: list[str], code: list[bool]) -> list[NameTag]:
    """Every name tag in ``lines`` (code lines excluded) with the text it signs."""
    tags: list[NameTag] = []
    for index, line in enumerate(lines):
        if code[index]:
            continue
        match = NAME_TAG.search(line)
        if not match:
            continue
        names = split_names(match.group(1))
        if not names:
            continue
        bullet = _BULLET.match(line)
        rest = (line[: match.start()] + line[match.end() :]).strip()
        rest = _BULLET.sub("", rest).strip(" :-—")
        if bullet and line[bullet.end() :].lstrip().lower().startswith("[name="):
            indent = len(bullet.group(1).expandtabs(4))
            end = index + 1
            while end < len(lines):
                current = lines[end]
                if current.strip():
                    current_indent = len(current) - len(current.lstrip())
                    if current_indent <= indent:
                        break
                end += 1
            while end > index + 1 and not lines[end - 1].strip():
                end -= 1
            body = _dedent(lines[index + 1 : end])
            text = "\n".join([rest, body] if rest and body else [rest or body]).strip("\n")
            tags.append(NameTag(index, names, index, end, text))
        else:
            tags.append(NameTag(index, names, index, index + 1, rest))
    return tags


def _dedent(lines: list[str]) -> str:
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines)
