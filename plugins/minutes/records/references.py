"""GitHub issues and pull requests that notes mention, each as ``owner/repo#number``.

Three spellings: a full URL (``https://github.com/joblib/joblib/pull/1254``,
also behind a Google redirect as Google Docs exports write it),
``owner/repo#123``, and a bare ``#22401``. A bare number belongs to the
repository that the same meeting, else the archive, names with that number
in full; otherwise to the default repository (the ``default_repository``
option, else the site's ``repo_url``); with neither it is not a reference.
Repositories linked without an issue (``https://github.com/mlcommons/croissant``)
are collected too: they are topics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from ..reading.blocks import Document

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
            add(FoundReference(index, f"{owner}/{repo}", number, kind))
        without_urls = re.sub(r"https?://\S+", " ", masked)
        for match in _SHORT.finditer(without_urls):
            add(FoundReference(index, f"{match.group('owner')}/{match.group('repo')}", int(match.group("number")), ""))
        without_short = _SHORT.sub(" ", without_urls)
        for match in _BARE.finditer(without_short):
            add(FoundReference(index, "", int(match.group("number")), "", bare=True))
    return found


def repository_of(url: str) -> str | None:
    """``owner/repo`` of a GitHub repository URL (the site's ``repo_url``), else None."""
    match = re.match(rf"^https?://(?:www\.)?github\.com/({_OWNER})/({_REPO}?)(?:\.git)?/?$", url.strip())
    return f"{match.group(1)}/{match.group(2)}" if match else None


def issue_url(repo: str, number: int, kind: str) -> str:
    """The web address of an issue or pull request (GitHub redirects between the two)."""
    path = {"pull": "pull", "discussions": "discussions"}.get(kind, "issues")
    return f"https://github.com/{repo}/{path}/{number}"
