"""GitHub issues and pull requests that notes mention, each as ``owner/repo#number``.

Three spellings: a full URL (``https://github.com/joblib/joblib/pull/1254``,
also behind a Google redirect as Google Docs exports write it),
``owner/repo#123``, and a bare ``#22401``. A bare number counts only where
the site has a default repository (the ``default_repository`` option, else the
site's ``repo_url``): it is that repository's, unless the same meeting writes
the number in full with another; without one it is no reference ("Part #1",
"Option #3" are not issues of some repository the archive cites elsewhere),
and never after a word that makes it an ordinal (``Part #1``, ``Option #3``).
Each mention keeps the title the note gives the link (``[Fix the CI](url)``,
``"Stabilize let else" [rust#93628](url)``).
Repositories linked without an issue (``https://github.com/mlcommons/croissant``)
are collected too: they are topics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from ..reading.blocks import Document
from ..reading.inline import strip_markup
from ..slugs import fold
from ..vocabulary import ORDINAL_WORDS

_OWNER = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"
_REPO = r"[A-Za-z0-9._-]{1,100}"
_URL = re.compile(
    rf"https?://(?:www\.)?github\.com/(?P<owner>{_OWNER})/(?P<repo>{_REPO}?)"
    r"(?:\.git)?(?:/(?P<kind>issues|pull|pulls|discussions)/(?P<number>\d+))?(?=[/#?&%)\]>\s\"'`.,;:]|$)"
)
_SHORT = re.compile(rf"(?<![\w/.@-])(?P<owner>{_OWNER})/(?P<repo>{_REPO}?)#(?P<number>\d+)\b")
_BARE = re.compile(r"(?<![\w&/#])#(?P<number>\d{1,7})\b(?![\w-])")
_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<target>[^)\s]*)[^)]*\)")
_CODE_SPAN = re.compile(r"`[^`\n]*`")
# First path parts of github.com that are the site's own pages, never an owner.
_NOT_OWNERS = frozenset(
    [
        "about",
        "apps",
        "blog",
        "collections",
        "contact",
        "customer-stories",
        "enterprise",
        "explore",
        "features",
        "issues",
        "login",
        "marketplace",
        "new",
        "notifications",
        "orgs",
        "organizations",
        "pricing",
        "pulls",
        "search",
        "security",
        "settings",
        "site",
        "sponsors",
        "topics",
        "trending",
        "users",
        "join",
        "readme",
    ]
)


@dataclass(frozen=True)
class FoundReference:
    """One mention in one line of a meeting."""

    index: int  # line (0-based in the meeting)
    repo: str  # "owner/repo", as written
    number: int  # 0 for a repository without an issue
    kind: str  # issues | pull | discussions | "" (unknown, or a repository)
    bare: bool = False  # written "#123": its repository is to be decided by the index
    title: str = ""  # what the note calls it: the link's text, or a quoted title before it


def references_in(document: Document) -> list[FoundReference]:
    """Every issue, pull request and repository a meeting's lines mention, in order."""
    found: list[FoundReference] = []
    for index, line in enumerate(document.lines):
        if document.verbatim[index] or ("github" not in line and "#" not in line):
            continue
        line = _CODE_SPAN.sub(" ", line)
        seen: set[tuple[str, int]] = set()

        def add(reference: FoundReference, seen: set[tuple[str, int]] = seen) -> None:
            key = (reference.repo.lower(), reference.number)
            if key not in seen:
                seen.add(key)
                found.append(reference)

        titles = _titles(document.lines[index])
        masked = line
        for match in _LINK.finditer(line):
            # "[#22401](https://github.com/.../22401)": the link's target decides, never the text.
            if re.fullmatch(r"\s*#\d+\s*", match.group("text")) and match.group("target"):
                masked = masked[: match.start("text")] + " " * len(match.group("text")) + masked[match.end("text") :]
        decoded = unquote(masked) if "%2F" in masked or "%3A" in masked else masked
        for match in _URL.finditer(decoded):
            owner, repo = match.group("owner"), match.group("repo")
            if owner.lower() in _NOT_OWNERS or not repo:
                continue
            number = int(match.group("number")) if match.group("number") else 0
            kind = {"pulls": "pull"}.get(match.group("kind") or "", match.group("kind") or "")
            url = match.group(0).rstrip("/").lower()
            title = next((text for target, text in titles.items() if _same_issue(target, url)), "") if number else ""
            add(FoundReference(index, f"{owner}/{repo}", number, kind, title=title))
        without_urls = re.sub(r"https?://\S+", " ", masked)
        for match in _SHORT.finditer(without_urls):
            add(FoundReference(index, f"{match.group('owner')}/{match.group('repo')}", int(match.group("number")), ""))
        without_short = _SHORT.sub(" ", without_urls)
        for match in _BARE.finditer(without_short):
            before = re.search(r"([^\W\d_]+)\.?\s*$", without_short[: match.start()])
            if before is not None and fold(before.group(1)) in ORDINAL_WORDS:
                continue  # "Part #1", "Option #3", "No. #2": a rank, not an issue
            add(FoundReference(index, "", int(match.group("number")), "", bare=True))
    return found


def _same_issue(target: str, url: str) -> bool:
    """Whether a link's target is the issue at ``url`` (or a page of it: ``/files``, ``#comment-1``)."""
    return target == url or (target.startswith(url) and target[len(url) : len(url) + 1] in "/#?")


_QUOTED = re.compile(r"[\"“]([^\"“”\n]{3,200})[\"”]\s*(?:\(|\[|$)")


def _titles(line: str) -> dict[str, str]:
    """Issue URL (lower case) -> the title the line gives it: a link's text that is no bare number or
    address, else a quoted title right before the link (``"Stabilize let else" [rust#93628](url)``)."""
    found: dict[str, str] = {}
    links = list(_LINK.finditer(line))
    for match in links:
        target = match.group("target").rstrip("/").lower()
        text = strip_markup(match.group("text")).strip()
        if _TITLE_NOISE.fullmatch(text) or text.lower().startswith("http"):
            before = line[: match.start()]
            quoted = _QUOTED.search(before.rstrip() + " (")
            if quoted and match.start() - quoted.end() < 4:
                text = strip_markup(quoted.group(1)).strip()
            elif len(links) == 1:  # "- Document inert vs active attributes [#1110](url)": the item is its title
                text = strip_markup(_ITEM_LEAD.sub("", before)).strip(" -—–:|,")
                text = text if 3 <= len(text) <= 200 and not text.lower().startswith("http") else ""
            else:
                text = ""
        if text and target not in found:
            found[target] = text
    return found


_ITEM_LEAD = re.compile(r"^\s*(?:>\s*)*(?:(?:[-*+]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?")


# Link texts that say nothing of the issue: "#123", "rust#93628", "PR", "link", "(Comparison Link)".
_TITLE_NOISE = re.compile(
    r"(?i)\s*(?:[\w.-]*(?:/[\w.-]+)?#\d+|pr|issue|link|here|this|comment|\(?comparison link\)?)?\s*"
)


def repository_of(url: str) -> str | None:
    """``owner/repo`` of a GitHub repository URL (the site's ``repo_url``), else None."""
    match = re.match(rf"^https?://(?:www\.)?github\.com/({_OWNER})/({_REPO}?)(?:\.git)?/?$", url.strip())
    return f"{match.group(1)}/{match.group(2)}" if match else None


def issue_url(repo: str, number: int, kind: str) -> str:
    """The web address of an issue or pull request (GitHub redirects between the two)."""
    path = {"pull": "pull", "discussions": "discussions"}.get(kind, "issues")
    return f"https://github.com/{repo}/{path}/{number}"
