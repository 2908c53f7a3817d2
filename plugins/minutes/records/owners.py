"""Who owns an action item: the owners the classifier gives each one (``owners_of``, ``with_owners``).

Owners are the people the line names (names, handles, abbreviations, ``<- Mike``, ``@**Name**``); else
the speaker of the line when the line is theirs ("I will", "TH: will revisit", "JRG: To check"); else
the person whose section or name tag holds it; else, when the line names nobody, the person of the
item it is nested in (``(CHL/JL) Voting for CEP 3`` -> its bullets). Requests to the readers have no
owner but the people they name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..people.owners import owners_in
from ..reading.blocks import Item
from ..reading.inline import plain_text
from ..slugs import fold
from ..vocabulary import GROUP_OWNERS
from .actions import FoundAction
from .cues import Sentence, owners_written
from .place import Context, person, sentence_of
from .units import Prefix, label_kind, looks_like_person, prefix_of


def owners_of(
    context: Context,
    index: int,
    prefix: Prefix,
    sentence: Sentence,
    parent: Item | None,
    cue: str,
    who: str,
) -> tuple[str, ...]:
    """The owners of an action item as written: named on the line, else its speaker, section or parent."""
    named = _named(prefix, sentence, who)
    speaker = [part for part in split_names(prefix.who)] if prefix.who else []
    if named:
        if sentence.first_person and speaker:
            return tuple(dict.fromkeys([*speaker, *named]))
        return tuple(dict.fromkeys(named))
    if cue == "request" or sentence.request:
        return ()
    if speaker:
        return tuple(speaker)
    holder = person(context, index)
    if holder:
        return (holder,)
    return _parent_owners(context, parent)


def _named(prefix: Prefix, sentence: Sentence, who: str) -> list[str]:
    """The people a line names as its owners: handles, names, its subject (``Olivier and Guillaume will``)."""
    named = [*owners_in(prefix.body), *owners_written(prefix.body)]
    subject = sentence.subject
    if who and subject and fold(subject) not in GROUP_OWNERS and fold(subject.split()[-1]) not in GROUP_OWNERS:
        for part in split_names(subject):  # "Olivier and Guillaume will pair on the docs"
            if not any(fold(part) == fold(name.lstrip("@")) for name in named):
                named.append(part)
    named = [name for name in named if fold(name.lstrip("@")) not in GROUP_OWNERS]
    if prefix.label and label_kind(prefix.label) == "role":
        named = [*named, *split_names(prefix.body)]
    return named


def _parent_owners(context: Context, parent: Item | None) -> tuple[str, ...]:
    """The speaker of the nearest item above that names one: ``(CHL/JL) Voting for CEP 3`` -> its bullets."""
    ancestor = parent
    while ancestor is not None:
        above = context.prefixes.get(ancestor.index)
        if above is not None and above.who:
            return tuple(split_names(above.who))
        ancestor = context.document.parent_item(ancestor.index)
    return ()


def split_names(text: str) -> list[str]:
    """The names of a list of them: ``JRG/MRB``, ``Alice, Bob and Carol``."""
    return [part.strip().strip("*_") for part in re.split(r"\s*[/,;&]\s*|\s+and\s+", text) if part.strip()]


def with_owners(context: Context, found: FoundAction) -> FoundAction:
    """An explicit action item that names no owner gets its speaker's or parent's, as classified ones do."""
    if found.owners:
        return found
    document = context.document
    item = document.items.get(found.index)
    text = item.text if item is not None else document.lines[found.index]
    prefix = prefix_of(text.strip())
    context.prefixes.setdefault(found.index, prefix)
    sentence = sentence_of(context, prefix.body)
    parent = document.parent_item(found.index)
    owners = owners_of(context, found.index, prefix, sentence, parent, found.cue, "")
    return replace(found, owners=owners) if owners else found


def names_listed(text: str) -> bool:
    """Whether a line is nothing but people's names: ``Alice, Bob and Carol``."""
    parts = [part.strip() for part in re.split(r"\s*[,;&]\s*|\s+and\s+", plain_text(text)) if part.strip()]
    return bool(parts) and all(looks_like_person(part) for part in parts)


def is_known(context: Context, who: str) -> bool:
    """Whether a subject is one of the meeting's people (or a handle)."""
    return bool(who) and (who.startswith("@") or fold(who) in context.known or fold(who.split()[0]) in context.known)
