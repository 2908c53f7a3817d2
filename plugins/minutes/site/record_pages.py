"""The pages of decisions, action items, topics and references; no MkDocs here.

Like ``pages``, every page is a ``PageSpec`` whose Markdown MkDocs renders.
The decisions log wraps each decision in a ``div.minutes-record`` carrying
``data-`` attributes (series, year, topics, people) that the filter script
(``assets/minutes/filter.js``) reads: filtering needs no server.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..index import Archive
from ..model import ActionItem, Decision, Topic
from ..paths import ACTIONS, DECISIONS, REFERENCES, TOPICS, person_path, topic_path
from ..reading.inline import plain_text
from ..slugs import fold
from .charts import monthly_bars
from .pages import PageSpec, counted, format_day, md_link, md_text, meeting_label, rebase_links

HOME_DECISIONS = 10
HOME_ACTIONS = 10
TOPIC_EXCERPTS = 3  # excerpts of one meeting shown on a topic page


def record_pages(archive: Archive) -> list[PageSpec]:
    """The decisions log, the action items, the topics and the references."""
    pages = [decisions_page(archive), actions_page(archive), topics_index(archive), references_page(archive)]
    decisions_of: dict[str, list[Decision]] = defaultdict(list)
    for decision in archive.decisions:
        for topic_id in decision.topics:
            decisions_of[topic_id].append(decision)
    pages.extend(topic_page(topic, archive, decisions_of.get(topic.id, [])) for topic in archive.topics)
    return pages


def _indented(markdown: str, width: int = 4) -> str:
    """Markdown placed inside a list item: every line after the first indented."""
    lines = markdown.split("\n")
    return "\n".join([lines[0], *((" " * width + line) if line.strip() else "" for line in lines[1:])])


def _people_links(person_ids: Iterable[str], archive: Archive, from_path: str) -> str:
    return ", ".join(md_link(archive.person(p).name, from_path, person_path(p)) for p in person_ids)


def _topic_links(topic_ids: Iterable[str], archive: Archive, from_path: str) -> str:
    topics = {topic.id: topic for topic in archive.topics}
    return ", ".join(md_link(topics[t].name, from_path, topic_path(t)) for t in topic_ids if t in topics)


def decision_block(decision: Decision, archive: Archive, from_path: str, heading: bool = True) -> list[str]:
    """One decision: where it was taken (a link to its paragraph), its topic and people, then its text."""
    meeting = archive.meeting(decision.meeting)
    where = md_link(meeting_label(meeting), from_path, meeting.page_path, decision.anchor)
    facts = [f"**{where}**", md_text(archive.series[meeting.series].name)]
    if decision.topic:
        facts.append(f"on *{md_text(decision.topic)}*")
    if decision.topics:
        facts.append("topics: " + _topic_links(decision.topics, archive, from_path))
    if decision.people:
        facts.append("with " + _people_links(decision.people, archive, from_path))
    data = {
        "series": meeting.series,
        "year": str(meeting.date.year),
        "topics": " ".join(decision.topics),
        "people": " ".join(decision.people),
    }
    attributes = " ".join(f'data-{key}="{md_text(value)}"' for key, value in data.items())
    lines = [f'<div class="minutes-record" {attributes} markdown="1">', ""] if heading else []
    lines += [" · ".join(facts), "", rebase_links(decision.text, meeting.page_path, from_path), ""]
    if heading:
        lines += ["</div>", ""]
    return lines


def decisions_page(archive: Archive) -> PageSpec:
    """Every decision, newest first, grouped by year; the template adds the filters."""
    path = DECISIONS
    decisions = sorted(
        archive.decisions, key=lambda d: (archive.meeting(d.meeting).date, d.meeting, d.line), reverse=True
    )
    meetings = {decision.meeting for decision in decisions}
    lines = []
    if decisions:
        lines += [
            f"{counted(len(decisions), 'decision')} taken in {counted(len(meetings), 'meeting')}, newest first.",
            "",
        ]
    else:
        lines += [
            "No decisions found yet. Notes mark them with a section headed *Decision*, *Resolution* or "
            "*Conclusion*, a line starting `Decision:` or `RESOLVED:`, or an admonition `!!! decision`.",
            "",
        ]
    year = None
    for decision in decisions:
        meeting_year = archive.meeting(decision.meeting).date.year
        if meeting_year != year:
            year = meeting_year
            lines += [f"## {year} {{#year-{year}}}", ""]
        lines += decision_block(decision, archive, path)
    topics = {topic_id for decision in decisions for topic_id in decision.topics}
    people = {person_id for decision in decisions for person_id in decision.people}
    series = {archive.meeting(meeting_id).series for meeting_id in meetings}
    context = {
        "kind": "decisions",
        "filters": [
            _choices("series", "Series", ((s, archive.series[s].name) for s in series)),
            _choices("year", "Year", ((str(y), str(y)) for y in {archive.meeting(m).date.year for m in meetings})),
            _choices("topics", "Topic", ((t.id, t.name) for t in archive.topics if t.id in topics)),
            _choices("people", "Person", ((p.id, p.name) for p in archive.people if p.id in people)),
        ],
    }
    return PageSpec(path, "Decisions", "minutes/decisions.html", "\n".join(lines) + "\n", True, None, context)


def _choices(key: str, label: str, options: Iterable[tuple[str, str]]) -> dict[str, object]:
    ordered = sorted(set(options), key=lambda option: (fold(option[1]), option[0]))
    if key == "year":
        ordered.reverse()
    return {"key": key, "label": label, "options": ordered}


def action_line(action: ActionItem, archive: Archive, from_path: str, owners: bool = True) -> str:
    """One action item as a list item: its text, its meeting and owners, and how long it has been open."""
    meeting = archive.meeting(action.meeting)
    box = "[x]" if action.status == "done" else "[ ]"
    text = rebase_links(action.text, meeting.page_path, from_path)
    facts = [md_link(meeting_label(meeting), from_path, meeting.page_path, action.anchor)]
    if owners and action.owners:
        facts.append(_people_links(action.owners, archive, from_path))
    elif owners and action.names:
        facts.append(md_text(", ".join(action.names)))
    if action.pending and action.open_for > 1:
        facts.append(f"open for {action.open_for} meetings")
    if action.status == "stale":
        facts.append(f"stale: {action.age} days old")
    if action.status == "done" and action.done_in and action.done_in != action.meeting:
        done = archive.meeting(action.done_in)
        facts.append("done in " + md_link(meeting_label(done), from_path, done.page_path))
    first, _, rest = text.partition("\n")
    item = f"- {box} {first} <small>({' · '.join(facts)})</small>"
    return _indented(f"{item}\n{rest}" if rest else item)


def actions_page(archive: Archive) -> PageSpec:
    """Open items by owner (longest open first), then the done ones by meeting, newest first."""
    path = ACTIONS
    open_items = [action for action in archive.actions if action.pending]  # open and stale
    done = [action for action in archive.actions if action.status == "done"]
    lines = [f"{len(open_items)} open and {len(done)} done {'action item' if len(done) == 1 else 'action items'}.", ""]
    if not archive.actions:
        lines = [
            "No action items found yet. Notes list them under *TODO*, *Next* or *Action items*, as task lists "
            "(`- [ ]`), or on `ACTION:` lines.",
            "",
        ]
    by_owner: dict[str, list[ActionItem]] = defaultdict(list)
    for action in open_items:
        for owner in action.owners or ("",):
            by_owner[owner].append(action)
    if open_items:
        lines += ["## Open", ""]
    for owner in sorted(by_owner, key=lambda o: (o == "", fold(archive.person(o).name) if o else "")):
        name = archive.person(owner).name if owner else "No owner named"
        anchor = f"open-{owner}" if owner else "open-unassigned"
        title = md_link(name, path, person_path(owner)) if owner else md_text(name)
        lines += [f"### {title} {{#{anchor}}}", ""]
        for action in sorted(by_owner[owner], key=lambda a: (-a.open_for, a.id)):
            lines.append(action_line(action, archive, path, owners=not owner or len(action.owners) > 1))
        lines.append("")
    if done:
        lines += ["## Done", ""]
        by_meeting: dict[str, list[ActionItem]] = defaultdict(list)
        for action in done:
            by_meeting[action.done_in or action.meeting].append(action)
        for meeting_id in sorted(by_meeting, key=lambda m: (archive.meeting(m).date, m), reverse=True):
            meeting = archive.meeting(meeting_id)
            lines += [f"### {md_link(meeting_label(meeting), path, meeting.page_path)}", ""]
            lines += [action_line(action, archive, path) for action in by_meeting[meeting_id]]
            lines.append("")
    context = {"kind": "actions", "open": len(open_items), "done": len(done)}
    return PageSpec(path, "Action items", "minutes/index.html", "\n".join(lines) + "\n", True, None, context)


SOURCE_NAMES = {
    "tag": "tags",
    "file": "topics file",
    "agenda": "agenda",
    "repository": "repository",
    "proposal": "proposal",
}


def topics_index(archive: Archive) -> PageSpec:
    path = TOPICS
    decisions: dict[str, int] = defaultdict(int)
    for decision in archive.decisions:
        for topic_id in decision.topics:
            decisions[topic_id] += 1
    lines = [
        f"{counted(len(archive.topics), 'topic')}, most discussed first: front matter tags, the topics file, "
        "agenda items that recur, enhancement proposals and the GitHub repositories the notes cite.",
        "",
        "| Topic | Meetings | First | Last | Decisions | From |",
        "| --- | ---: | --- | --- | ---: | --- |",
    ]
    ranked = sorted(archive.topics, key=lambda t: (-len(t.meetings), fold(t.name)))
    for topic in ranked:
        first = archive.meeting(topic.meetings[0]).date.isoformat() if topic.meetings else ""
        last = archive.meeting(topic.meetings[-1]).date.isoformat() if topic.meetings else ""
        sources = ", ".join(SOURCE_NAMES.get(source, source) for source in topic.sources)
        lines.append(
            f"| {md_link(topic.name, path, topic_path(topic.id))} | {len(topic.meetings)} | {first} | {last} "
            f"| {decisions.get(topic.id, 0)} | {sources} |"
        )
    if not archive.topics:
        lines = ["No topics yet: give notes front matter `tags:`, or add a topics file.", ""]
    return PageSpec(path, "Topics", "minutes/index.html", "\n".join(lines) + "\n", True, None, {"kind": "topics"})


def topic_page(topic: Topic, archive: Archive, decisions: list[Decision]) -> PageSpec:
    """Every meeting that touched the topic with what it said, its decisions and its people, newest first."""
    path = topic_path(topic.id)
    lines: list[str] = []
    if decisions:
        lines += ["## Decisions", ""]
        for decision in sorted(decisions, key=lambda d: archive.meeting(d.meeting).date, reverse=True):
            lines += decision_block(decision, archive, path, heading=False)
    if topic.people:
        lines += ["## People most involved", ""]
        lines += [
            f"- {md_link(archive.person(p).name, path, person_path(p))} ({count})" for p, count in topic.people[:12]
        ]
        lines.append("")
    lines += ["## Meetings", ""]
    by_meeting: dict[str, list[str]] = defaultdict(list)
    for mention in topic.mentions:
        meeting = archive.meeting(mention.meeting)
        if len(by_meeting[mention.meeting]) >= TOPIC_EXCERPTS or not mention.excerpt:
            continue
        where = md_link(f"line {mention.line}", path, meeting.page_path, mention.anchor)
        by_meeting[mention.meeting].append(f"> {md_text(mention.excerpt)} <small>({where})</small>")
    for meeting_id in reversed(topic.meetings):
        meeting = archive.meeting(meeting_id)
        lines += [f"### {md_link(meeting_label(meeting), path, meeting.page_path)}", ""]
        lines.append(md_text(archive.series[meeting.series].name))
        lines.append("")
        for excerpt in by_meeting.get(meeting_id, []):
            lines += [excerpt, ""]
    dates = [archive.meeting(m).date for m in topic.meetings]
    context = {
        "kind": "topic",
        "name": topic.name,
        "count": len(topic.meetings),
        "first": format_day(dates[0]) if dates else "",
        "last": format_day(dates[-1]) if dates else "",
        "sources": [SOURCE_NAMES.get(source, source) for source in topic.sources],
        "chart": monthly_bars(dates, f"Meetings on {topic.name} per month"),
    }
    return PageSpec(path, topic.name, "minutes/topic.html", "\n".join(lines) + "\n", False, None, context)


def references_page(archive: Archive) -> PageSpec:
    """Every issue and pull request, by repository, with each meeting and line that mentions it."""
    path = REFERENCES
    by_repo: dict[str, list[str]] = defaultdict(list)
    for reference in archive.references:
        meetings = []
        for mention in reference.mentions:
            meeting = archive.meeting(mention.meeting)
            meetings.append(f"{md_link(meeting_label(meeting), path, meeting.page_path)} (line {mention.line})")
        label = f"[{md_text(reference.id)}](<{reference.url}>)"
        by_repo[reference.repo].append(f"- {label}: " + "; ".join(dict.fromkeys(meetings)))
    lines = [
        counted(len(archive.references), "issue or pull request", "issues and pull requests")
        + " cited in the notes, by repository.",
        "",
    ]
    if not archive.references:
        lines = [
            "No issues or pull requests cited yet. Notes cite them as full GitHub links, `owner/repo#123`, "
            "or `#123` with the `default_repository` option.",
            "",
        ]
    for repo in sorted(by_repo, key=str.lower):
        lines += [f"## {md_text(repo)}", "", *by_repo[repo], ""]
    context = {"kind": "references"}
    return PageSpec(path, "References", "minutes/index.html", "\n".join(lines) + "\n", True, None, context)


def home_records(archive: Archive, path: str = "index.md") -> list[str]:
    """The home page's recent decisions and open action items."""
    lines: list[str] = []
    decisions = sorted(archive.decisions, key=lambda d: (archive.meeting(d.meeting).date, d.line), reverse=True)
    if decisions:
        lines += ["## Recent decisions", ""]
        for decision in decisions[:HOME_DECISIONS]:
            meeting = archive.meeting(decision.meeting)
            text = md_text(plain_text(decision.text, 160))
            lines.append(f"- {text} ({md_link(meeting_label(meeting), path, meeting.page_path, decision.anchor)})")
        lines += ["", md_link(f"All {counted(len(decisions), 'decision')}", path, DECISIONS), ""]
    open_items = [action for action in archive.actions if action.pending]
    if open_items:
        lines += ["## Open action items", ""]
        recent = sorted(open_items, key=lambda a: (archive.meeting(a.meeting).date, a.line), reverse=True)
        for action in recent[:HOME_ACTIONS]:
            meeting = archive.meeting(action.meeting)
            owners = ", ".join(archive.person(o).name for o in action.owners)
            where = md_link(meeting_label(meeting), path, meeting.page_path, action.anchor)
            lines.append(
                f"- {md_text(plain_text(action.text, 160))} ({md_text(owners) + ' · ' if owners else ''}{where})"
            )
        lines += ["", md_link(f"All {counted(len(open_items), 'open action item')}", path, ACTIONS), ""]
    return lines


def person_records(archive: Archive, person_id: str, path: str) -> list[str]:
    """A person page's action items (open first), the decisions they took part in and their topics."""
    lines: list[str] = []
    owned = archive.actions_of_person.get(person_id, ())
    if owned:
        lines += ["## Action items", ""]
        lines += [action_line(action, archive, path, owners=len(action.owners) > 1) for action in owned]
        lines.append("")
    decisions = archive.decisions_of_person.get(person_id, ())
    if decisions:
        lines += ["## Decisions", ""]
        for decision in decisions:
            meeting = archive.meeting(decision.meeting)
            where = md_link(meeting_label(meeting), path, meeting.page_path, decision.anchor)
            lines.append(f"- {md_text(plain_text(decision.text, 200))} ({where})")
        lines.append("")
    topics = archive.topics_of_person.get(person_id, ())
    if topics:
        lines += ["## Topics", ""]
        links = [f"{md_link(archive.topic(t).name, path, topic_path(t))} ({count})" for t, count in topics[:20]]
        lines += [", ".join(links), ""]
    return lines


def meeting_records(archive: Archive, meeting_id: str) -> dict[str, object]:
    """What a meeting page shows above the notes: its decisions, action items and topics."""
    decisions = [
        {"anchor": d.anchor, "text": plain_text(d.text, 160)} for d in archive.decisions_of_meeting.get(meeting_id, ())
    ]
    actions = [
        {
            "anchor": anchor,
            "text": plain_text(action.text, 160),
            "status": "done" if action.status == "done" and action.done_in == meeting_id else "open",
        }
        for action, anchor in archive.actions_of_meeting.get(meeting_id, ())
    ]
    topics = [
        {"name": archive.topic(t).name, "path": topic_path(t)} for t in archive.meeting_topics.get(meeting_id, ())
    ]
    return {"decisions": decisions, "actions": actions, "topics": topics}
