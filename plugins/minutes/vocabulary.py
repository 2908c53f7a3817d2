"""One vocabulary: the words every parser of the notes knows, in one place.

Month and weekday names (English, French, German, Spanish), the small words
inside names, the words that head sections of minutes, the words that fill a
name's slot without being a name, role labels, and the cues of decisions and
action items. Every module asks this one; none keeps a list of its own, so
that a word added here is known everywhere at once. Words are folded
(``slugs.fold``: lower case, no accents) unless said otherwise.
"""

from __future__ import annotations

import re

from .slugs import fold


def _words(text: str) -> frozenset[str]:
    """A set of words or phrases from ``text``: one per line, or space-separated on a line of single words."""
    found: set[str] = set()
    for line in text.strip().splitlines():
        line = line.split("#", 1)[0].strip()
        if "|" in line:  # phrases on one line, separated by bars
            found.update(part.strip() for part in line.split("|") if part.strip())
        else:
            found.update(line.split())
    return frozenset(fold(word) for word in found)


# Month names and their abbreviations, by month number: English, French, German, Spanish.
_MONTHS = (
    "january jan janvier janv januar jänner janner enero ene",
    "february feb febr février fevrier fév fev févr fevr februar febrero",
    "march mar mars märz maerz marz marzo",
    "april apr avril avr abril abr",
    "may mai mayo",
    "june jun juin juni junio",
    "july jul juillet juil juli julio",
    "august aug août aout agosto",
    "september sep sept septembre septiembre setiembre",
    "october oct octobre oktober okt octubre",
    "november nov novembre noviembre",
    "december dec décembre decembre déc dezember dez diciembre dic",
)
MONTHS: dict[str, int] = {name: number for number, names in enumerate(_MONTHS, start=1) for name in names.split()}
# The folded spellings too ("fevrier" for "février"): the grammar matches either.
MONTHS.update({fold(name): number for name, number in list(MONTHS.items())})

# Weekday names, Monday first, with their abbreviations: English, French, German, Spanish.
_WEEKDAYS = (
    "monday mon lundi montag lunes",
    "tuesday tue tues mardi dienstag martes",
    "wednesday wed mercredi mittwoch miércoles miercoles",
    "thursday thu thurs jeudi donnerstag jueves",
    "friday fri vendredi freitag viernes",
    "saturday sat samedi samstag sábado sabado",
    "sunday sun dimanche sonntag domingo",
)
WEEKDAYS: dict[str, int] = {name: number for number, names in enumerate(_WEEKDAYS) for name in names.split()}
WEEKDAYS.update({fold(name): number for name, number in list(WEEKDAYS.items())})

# Words a heading may hold beside a date without saying anything more: "Thursday, 8th", "TBA".
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | _words("st nd rd th er tba tbd of the le de del am")

# Small words that sit inside a name: "Jérémie du Boisberranger", "van Rossum", "Gerard ter Horst".
PARTICLES = _words("de du des da di dos das van von der den ter ten te la le del della bin ibn al y e st zu af")

# A GitHub handle: letters, digits and single hyphens, at most 39 characters (case as written).
HANDLE = r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
HANDLE_MENTION = re.compile(r"(?<![\w@./])@(" + HANDLE + r")(?![\w@]|\.\w)")

# Headings of minutes that are sections, never people, in a heading of their own or made of such words.
SECTION_WORDS = _words(
    """
    about accessibility action actions admin administrative agenda aob announcement announcements any apologies
    approval archive attendance attendees attending background backlog blockers blog break breakout budget bugs
    calendar call chair channel chat closing comments communication community conclusion conclusions consensus
    contact contacts context conference contributors decision decisions demo deployment description design details
    discussion discussions docs documentation done events extras feedback finance funding general goals governance
    guests hackathon help highlights hiring housekeeping ideas infrastructure intro introduction introductions
    issues items jobs kickoff links location logistics lunch maintenance meeting meetings milestones minutes misc
    miscellaneous moderator news next note notes notetaker objectives onboarding open other outcome outcomes
    overview participants people persons planning present priorities progress project projects proposal proposals
    questions recap recording regrets release releases reminders reports resolution resolutions resources retro
    review reviews risks roadmap roles roundtable round schedule scope security sponsors sponsorship sprint sprints
    status summary support survey tasks team teams testing thanks timeline todo todos topics tooling training triage
    travel updates venue votes voting welcome wifi wiki workshop wrap wrapup absents absent excused guest observers
    scribe facilitator host hosts members visitors
    réunion ordre jour divers présents excusés décisions suivi actualités
    drawbacks benefits motivation rationale alternatives tradeoffs trade-offs prior art unresolved future
    possibilities pros cons guide explanation reference examples example summary faq appendix references
    regressions improvements mixed nominations nominated backports backport mandate peps proposals
    """
)
# Words that may sit between section words in a heading: "Questions and answers", "Items for decision".
SECTION_FILLERS = _words("and or for of the to a points need needs")

# Words of the procedure every meeting follows: with section words and fillers, they make the headings that
# are never a topic ("Adoption of the agenda", "Next meeting date and chair person", "Speaker's Summary of
# Key Points", "Links shared", "Check-in", "Ice breaker", a team's "Need attention/decision" in any of the four
# languages: it says that something needs a decision, not what it is about) and never a person.
PROCEDURAL_WORDS = _words(
    """
    adoption adopt approval approve approved minutes previous last next date dates time times chairperson chair
    person speaker speaker's speakers key point points welcome check in checkin checkins ice breaker icebreaker
    celebrations celebration shout outs shoutouts links shared quick standing items item outstanding deferred new
    agenda business any round table tour review reviews scheduled suggestions suggestion room rooms s t
    call calls sync syncs standup stand up checkpoint reminder reminders week week's weeks month monthly weekly
    daily session sessions follow ups wanted volunteers volunteer nags requiring short this our your is what
    who where when why how meeting's from up with on at by information things celebrate anything else everything
    active current subteam subteams prs tracker move moved
    attention needed required requires requiring urgent
    besoin d une requise requis nécessaire nécessite urgent
    aufmerksamkeit entscheidung entscheidungen benötigt erforderlich nötig dringend
    atención necesita necesaria necesario requiere requerida urgente
    """
)

# Headings under which a run of name headings is a round of reports, one per person: one of the keys,
# and the words that go with them ("Progress reports", "Round table", "Individual updates", "Tour de table").
REPORT_KEYS = _words("updates update reports report progress round roundtable standup status checkin news highlights")
REPORT_WORDS = REPORT_KEYS | _words(
    "table stand up check in individual personal team member members people who did what tour de"
)

# Headings and labels that announce a list of people present, or absent.
PRESENT_WORDS = _words(
    "present | attendees | attendee | attendance | attending | participants | participant | roll call"
)
ABSENT_WORDS = _words("absent | absentees | regrets | apologies | excused | missing | not present | unable to attend")
# Words of a heading every meeting has, which names none of them: "Agenda", "Notes", "Table of contents".
NO_TITLE_WORDS = _words("agenda notes note minutes meeting contents toc table of")

# Words that fill a slot where a name goes without being one.
NOT_NAMES = (
    _words(
        """
    none nobody noone no one everyone everybody all others other tbd etc tba tbc n/a na nan unknown someone anyone
    anybody me myself we us you they them he she him her it team guests guest members member observers observer
    regrets absent present attendees participants apologies staff volunteers volunteer maybe optional help need
    needs needed wip done todo blocked pending later soon asap next week today tomorrow yesterday q1 q2 q3 q4 yes ok
    ongoing continue continued various several many some both either neither more less stage draft reviewed review
    update updates remote online in-person onsite offsite virtual hybrid
    name names myname yourname firstname lastname surname nickname handle username affiliation affiliations
    institution organisation organization company employer pronouns
    visitors visitor invited
    """
    )
    | _words("your name | first name | last name | full name | my name | your handle | github handle")
    | frozenset(MONTHS)
    | frozenset(WEEKDAYS)
)

# Software, services and the words of their pages, which lists of links and reviews put in a name's slot
# ("node", "V8", "github.com", "New pull request"): a name never holds them.
SOFTWARE_WORDS = _words(
    """
    node nodejs npm yarn pnpm deno bun v8 libuv python cpython pypy pip pypi conda mamba rust rustc cargo crates
    go golang java javascript typescript ecmascript kotlin swift ruby gem gems perl php llvm gcc clang cmake make
    git github gitlab bitbucket hackmd zoom slack discord zulip gitter discourse jitsi teams youtube twitter
    docker kubernetes k8s helm linux windows macos ios android chrome chromium firefox safari webkit edge
    numpy scipy pandas jupyter jupyterhub binder matplotlib sklearn pytorch tensorflow
    """
)
UI_WORDS = _words(
    """
    pull request requests commit commits branch branches merge merged fork forks repo repos repository diff diffs
    label labels milestone milestones changelog readme issue tracker workflow workflows ci
    """
)

# What a note says beside a name about the person's attendance: "(absent)", "- apologies", "(not here)".
ABSENT_STATUS = _words(
    """
    absent | excused | apologies | apologies sent | sends apologies | regrets | sends regrets | not here |
    not present | unable to attend | cannot attend | can't attend | could not attend | couldn't make it | away |
    on leave | on vacation | on holiday | out of office | ooo | sick | missing | no show
    """
)
PRESENT_STATUS = _words(
    """
    late | joined late | left early | arrived late | partially | partial | part time | part-time | first half |
    second half | first hour | last hour | tentative | maybe | tbc | for part | dropped off
    """
)
# A status that says more, after one of these words: "joined at 16:23 UTC", "proposed by Ada", "until 11:00".
STATUS_LEADS = _words("joined | left | arrived | from | until | till | proposed by | nominated by | invited by | via")

# Pronouns written beside a name: never an affiliation.
PRONOUNS = _words("he | him | his | she | her | hers | they | them | theirs | ze | zir | xe | xem | any | all | it")

# Common words that a lower-case name never holds.
COMMON_WORDS = _words(
    """
    a an the and or but if of to in on at by for with from as is are was were be been this that these those it its
    here there nothing something see below above same usual not no yes all some any
    """
)

# What a bracketed word beside a name says about the person's role rather than who they are.
ROLE_WORDS = _words(
    """
    tsc ctc guest guests observer observers chair chairs co-chair cochair host hosts facilitator moderator notetaker
    note-taker scribe secretary member members maintainer maintainers invited invitee remote in-person onsite online
    voting non-voting emeritus lead leads leader organizer organiser staff speaker presenter champion editor editors
    delegate delegates intern
    """
)

# Words of the sub-headings that group the people of an attendee list: "### Members", "### Visitors", "Remote".
GROUP_WORDS = ROLE_WORDS | _words(
    """
    visitors visitor members member guests guest observers observer attendees attendee participants present
    remote online in person onsite on site virtual the and others other core team council committee board steering
    tsc ctc voting non regular new returning first time timers newcomers alumni emeritus liaisons liaison
    absent regrets apologies excused
    """
)

# Labels of a line that names who leads what follows ("Presenter: Ada"), or who only takes notes.
LEAD_LABELS = _words(
    """
    leader | leaders | lead | leads | led by | presenter | presenters | presented by | champion | champions
    facilitator | facilitators | moderator | moderators | chair | chairs | host | hosts | owner | owners | driver
    drivers | speaker | speakers | organizer | organizers | organiser
    """
)
ATTEND_LABELS = _words("note taker | note takers | notetaker | notetakers | note-taker | scribe | scribes")

# Words that open an action item as a verb or a label, never as the name of its owner.
NOT_OWNERS = _words(
    """
    need needs remember try want going have has continue make ask check add update fix write review find look reach
    follow send open close merge discuss plan decide consider investigate prepare organize organise schedule contact
    create move keep start stop get set use do please someone somebody everyone everybody we i you they all team who
    how what when where why next also then still maybe probably not no yes let lets time agreed decided nobody each
    both date link links url zoom call status question answer idea problem solution goal reason context result
    example fyi nb ps re edit follow-up followup blocked blocker draft owner owners assignee assignees leader
    leaders
    responsible
    """
)

# Decision words, alone or combined in a heading: "Conclusion/Resolution", "Decisions", "Consensus".
DECISION_WORDS = _words(
    "decision decisions resolution resolutions resolved conclusion conclusions consensus agreed agreement agreements"
    " outcome outcomes decided"
)
# Decision headings in the plural hold one decision per bullet.
PLURAL_DECISION_WORDS = _words("decisions resolutions conclusions agreements outcomes")
# Words that may stand beside decision words in a heading: "Decisions made", "Key decisions", "Final outcome".
DECISION_QUALIFIERS = _words("and or the of key final main made taken reached record recorded s")

# Action-item headings: made of these words only, one of them a key ("TODO / Next", "Action items", "Next steps").
ACTION_HEADING_WORDS = _words(
    "todo todos to do next steps step action actions items item points point follow up ups followup followups tasks"
    " task open new outstanding pending our ais previous last from the of review carried over"
)
ACTION_HEADING_KEYS = _words("todo todos next action actions followup followups follow tasks")

# Words after which "#3" is a rank, not an issue: "Part #1", "Option #3", "Item #2".
ORDINAL_WORDS = _words(
    """
    part parts option options item items step steps phase phases round rounds slide slides question questions point
    points number no nr num rank priority level stage day week session chapter section page table figure appendix
    proposal variant alternative approach idea version v attempt try take question task point criterion
    partie étape teil punkt
    """
)

# Enhancement proposals, whose acceptance is a decision and whose name is a topic: "SLEP06", "PEP 703".
PROPOSAL_KINDS = ("SLEP", "PEP", "NEP", "SPEC", "RFC", "KEP", "JEP", "EIP", "BIP", "TEP", "SEP", "ADR", "FLIP", "PIP")

_WORD = re.compile(r"[^\W\d_]+")


def words_of(text: str) -> list[str]:
    """The folded words of ``text``, digits and punctuation left out."""
    return _WORD.findall(fold(text))


def is_action_heading(text: str) -> bool:
    """``TODO / Next``, ``Action items``, ``Next steps``, ``Follow-ups``; not ``GitHub Actions`` or ``Next meeting``."""
    words = words_of(text)
    return bool(words) and bool(ACTION_HEADING_KEYS & set(words)) and all(w in ACTION_HEADING_WORDS for w in words)


def is_decision_heading(text: str) -> bool:
    """``Conclusion/Resolution``, ``Decisions``, ``Consensus/Resolution:``; not ``Need decision``."""
    words = words_of(text)
    return (
        bool(words)
        and any(w in DECISION_WORDS for w in words)
        and all(w in DECISION_WORDS or w in DECISION_QUALIFIERS for w in words)
    )


def is_procedural(text: str) -> bool:
    """Words of meeting procedure only: ``Adoption of the agenda``, ``Need decision``, ``Links shared``."""
    words = words_of(text)
    return bool(words) and all(
        word in SECTION_WORDS or word in PROCEDURAL_WORDS or word in SECTION_FILLERS for word in words
    )


def is_section_heading(text: str, section_words: frozenset[str] = SECTION_WORDS) -> bool:
    """A heading made of section words only: ``Discussion points``, ``TODO / Next``, ``Need decision``."""
    words = words_of(text)
    return bool(words) and all(word in section_words or word in SECTION_FILLERS for word in words)


# --- Cues of outcomes and tasks ----------------------------------------------------------------------
#
# The words by which minutes say that something was decided or is to be done, read by the classifier of
# decisions and action items (``records.classify``). Phrases are folded and matched on word boundaries;
# ``*`` stands for one word ("take * back to": "take it back to", "take this back to"). English first,
# then French, German and Spanish where the phrase is cheap to know.

# The group agreed: "No objections from those present", "consensus that we keep the API", "approved".
AGREEMENT_CUES = _words(
    """
    agreed | agreement | consensus | no objection | no objections | no opposition | no one objected | nobody objected
    approved | accepted | decided | concluded | resolved | unanimous | unanimously | general feeling
    general sense | everyone agrees | all agree | everybody agrees | encouraged by all | sign off | signed off
    ratified | adopted | opted to | settled on | we went with | go ahead with | green light | moving forward with
    move forward with | came to a consensus | found consensus | lgtm | sounds like yes | approve
    motion passes | motion passed | motion carries | motion carried | motion approved | all in favor
    all in favour | none opposed | +1 from all | +1 from everyone | vote passed | vote passes | passed unanimously
    d'accord | a été décidé | il est décidé | adopté | approuvé | validé
    beschlossen | entschieden | einigung | einig | angenommen | zugestimmt | genehmigt
    acordado | acuerdo | decidido | aprobado | aceptado | consenso
    """
)
# The first word of a list's title that makes each of its bullets an outcome: "Accepted MCPs", "Finalized
# FCPs (disposition merge)", "Approved proposals", "Consented decisions".
OUTCOME_TITLE_WORDS = _words(
    """
    accepted | approved | adopted | agreed | decided | finalized | finalised | resolved | ratified | rejected
    declined | passed | concluded | consented | acceptés | adoptés | approuvés | angenommen | beschlossen
    aceptados | aprobados
    """
)
# The agenda's outcome: deferred, kept or taken off the agenda, sent back to the issue.
DEFERRAL_CUES = _words(
    """
    deferred | postponed | postpone | push to next meeting | pushed to next meeting | push to the next meeting
    to next meeting | to the next meeting | at the next meeting | next time | leave it on the agenda
    leave on the agenda | keep it on the agenda
    keep on the agenda | remove it from the agenda | remove from the agenda | off the agenda | take * back to
    take the discussion back | back to the issue | back to github | continue the discussion | continue discussion
    continue async | continue asynchronously | discuss async | discuss in full meeting | discuss next time
    discuss next week | revisit next | re-review | tabled | punted | punt | un-nominated | unnominated
    wontfix | won't fix | ride the train | not an issue for | out of scope | not really lang team | closed
    let's defer | defer these | defer this | defer it | defer that | defer the | defer to next
    reporté | reportée | prochaine réunion | vertagt | verschoben | nächste sitzung | aplazado | pospuesto
    próxima reunión | próxima sesión
    hold off | holding off | on hold | put on hold | come back to it | come back to this | for later | come later
    """
)
# The group commits itself: "we will ...", "let's ship it in 1.1", "the plan is to ...".
COMMITMENT_CUES = _words(
    """
    we will | we'll | we are going to | we're going to | we would like to | we'd like to | we want to | we want
    we shall | we won't | we will not | we don't want | we do not want | let's | lets | let us
    the plan is | plan is to | going forward | from now on | will continue | we can | we need
    nous allons | on va | wir werden | wir wollen | vamos a
    """
)
# How firmly a commitment binds: "we will" more than "we should", "we should" more than "we can".
FIRM_COMMITMENTS = _words(
    """
    we will | we'll | we are going to | we're going to | we would like to | we'd like to | let's | lets | let us
    the plan is | plan is to | going forward | from now on | we won't | we will not | we shall | nous allons
    on va | wir werden | vamos a
    """
)
WEAK_COMMITMENTS = _words("we can | we need | we want")
# Who takes a task, after their name: "Alice will ...", "Bob to open an issue", "pnkfelix might take a look".
ASSIGNMENT_VERBS = _words(
    """
    will | 'll | to | is to | are to | is going to | are going to | am going to | volunteers to | volunteered to
    volunteers | volunteered | offered to | offers to | agreed to | can help | will help | is looking into
    looking into | will look | will take | took the action | needs to | need to | should | must
    might take | may take | said they'd | said he'd | said she'd | says he'll | says she'll | says they'll
    said he'll | said she'll | said they'll
    would like to | plans to | is planning to | va | wird | werden | va a
    """
)
# Someone takes a task on: "Happy to volunteer to own this", "I can do that", "Jack, Khio - happy to help here".
VOLUNTEER_CUES = _words(
    """
    volunteer to | volunteers to | volunteered to | volunteering | happy to volunteer | happy to help | happy to own
    happy to take | happy to do | happy to write | happy to draft | glad to help | willing to | i can do that
    i can take | i can help | i'll take | i will take | i'll own | i will own | i can own | i'm on it | is on it
    """
)
# A request to the readers: "please review and comment on #123", "check your boxes", "cc @bob".
REQUEST_CUES = _words(
    """
    please | pls | check your | take a look | have a look | reviews welcome | review welcome | feedback welcome
    comments welcome | looking for feedback | looking for reviewers | looking for comments | requesting
    call for | help wanted | volunteers needed | would love feedback | cc | reminder to | reminder for | vote open
    vote at | voting open | deadline | ends today | s'il vous plaît | merci de | bitte | por favor
    """
)
# A task to be done: "need to address the second review", "[TO DO]:", "(ACTION)", "Next step: ...".
TASK_CUES = _words(
    """
    need to | needs to | todo | to-do | to do: | follow up | follow-up | note to self | to be done | (action)
    [to do] | [todo] | il faut | à faire | hay que
    """
)
# Verbs that open a task when they come first: "Run the job weekly", "ask Quansight", "schedule a meeting".
TASK_VERBS = _words(
    """
    act add address adjust analyze analyse announce ask champion drive elaborate handle lead own prep assign audit
    backport book bring build bump call cancel change
    chat check clarify clean close collect comment confirm contact contribute convert coordinate create deploy
    deprecate document draft drop email encourage establish evaluate explore figure file find finalize finish fix
    follow get give host implement look integrate investigate invite join land leave lower make mention merge
    migrate
    move nominate notify open organize organise outline ping plan poll post prepare present prototype publish push
    put raise reach read rebase record re-review reach refactor reject remind remove rename reopen reply report
    request reschedule research respond revert review revise revisit rewrite run schedule send separate set setup
    share ship sort split start submit summarize summarise sync talk tell test think track triage try turn update
    upgrade upload use verify vote write archive
    ajouter contacter créer écrire envoyer mettre organiser préparer relire vérifier
    anlegen erstellen prüfen schreiben senden aktualisieren
    añadir crear enviar escribir preparar revisar
    """
)
# Words that make a line a report of what is or was, not an outcome: "merged", "is out", "working on".
STATUS_CUES = _words(
    """
    done | merged | released | landed | shipped | published | fixed | is out | are out | was | were | has been
    have been | had been | in progress | ongoing | working on | is working | are working | been working | no progress
    no updates | no update | progress | available | started | finished | completed | currently | still | status
    update | updates | presented | reported | created | opened | discussed | mentioned | noted | made | got
    """
)
# A proposal, a hedge or one person's view, not the group's outcome: "maybe", "what about", "I think".
HEDGE_CUES = _words(
    """
    maybe | perhaps | possibly | potentially | could | might | would | suggest | suggests | suggestion
    propose | proposes | proposal | proposed | idea | what about | how about | would be nice | consider
    one possibility | wondering | not sure | unsure | unclear | whether | if | probably
    likely | hopefully
    i think | i feel | thinks | feels like | seems | seem | in favor | in favour | prefer | prefers | i agree
    agrees | +1 | :+1:
    """
)
# Of those, the ones one person says for themself ("Eric: Agreed; that sounds good"): in a speaker's turn, a view.
PERSONAL_AGREEMENT = _words("agreed | agreement | lgtm | approve | sign off | signed off | go ahead with | i agree")
# Of those, the ones that put a proposal forward ("Karl suggests we defer this"): no outcome, whatever follows.
PROPOSAL_CUES = _words("suggest | suggests | suggestion | suggested | propose | proposes | proposal | proposed")
# Of those, the ones that only give a person's view rather than make the line hypothetical.
OPINION_CUES = _words(
    "i think | i feel | thinks | feels like | seems | seem | in favor | in favour | prefer | prefers | i agree | agrees"
)
# Words that open a sentence before "to" without naming anyone: "Happy to share", "Request to rename".
NOT_SUBJECTS = _words(
    """
    happy glad request requests idea ideas plan plans time need needs better easier harder hard easy able going
    want wants trying ready nice good important worth necessary possible impossible difficult open free proposal
    reminder motion suggestion question decision vote goal option way attempt effort work help hoping hope
    likely unlikely due safe unsafe fine okay ok sure best reason tendency move pr prs rfc mcp fcp cep pep api ci
    having ability worthwhile asked planning nobody everything anything something grateful thanks thank
    defaults default
    """
)
# What a note says to its note takers about the meeting itself, which is no outcome of it.
META_CUES = _words(
    """
    agenda items | agenda item | start of the meeting | end of the meeting | beginning of the meeting
    this meeting | meeting slot | sign in | add yourself | roll call | note taker | notetaker | if you are joining
    your update | your report | add item here | turn on recording | turn off recording | start recording
    stop recording | start the recording | stop the recording | call for clarifications | hit record
    """
)
# Lead-ins of a list whose bullets are no outcomes: "One possibility:", "Argument for:", "Niko's thought:".
HEDGE_LEADS = _words(
    """
    possibility possibilities option options alternative alternatives argument arguments idea ideas proposal
    proposals suggestion suggestions concern concerns thought thoughts opinion view views
    pros cons example examples problem problems
    """
)
# Words that stand where the owner of a task goes, without naming anyone: "Someone to look into it".
GROUP_OWNERS = _words(
    """
    we | i | team | group | author | authors | people | folks | everyone | everybody | someone | somebody
    maintainers | reviewers | members | committee | council | chairs | editors | all
    """
)
# Labels whose names they introduce take a task: "Stage 3 reviewers: X, Y", "Owner: Maren".
TASK_ROLE_LABELS = _words(
    """
    reviewers | reviewer | stage 3 reviewers | stage 2 reviewers | editors | editor | owner | owners | assignee
    assignees | assigned to | volunteers | volunteer | champion | champions | responsible | who | driver
    """
)
# Labels that open an answer or an outcome: "Answer: disallowed", "General feeling: yes, let's run a poll".
ANSWER_LABELS = _words("answer | a | answers | response | reply | result | results | verdict | outcome | feeling")
# Words that answer a question in a word: "Yes, if ...", "No.", "Probably yes", "Not quite".
ANSWER_WORDS = _words(
    """
    yes | no | yep | nope | yeah | probably yes | probably not | presumably yes | presumably | not quite | not yet
    agreed | oui | non | ja | nein | sí
    """
)
# Headings and labels of sections whose bullets are no outcomes: announcements, reports, links.
REPORT_SECTIONS = _words(
    """
    announcements announcement reports report updates update quick news links shared celebrations introductions
    introduction attendees attendance present roll call background context welcome reminders highlights
    """
)
# Headings of lists that are agendas or checklists: their items are topics, not tasks.
AGENDA_SECTIONS = _words("agenda checklist before meeting topics proposals items new standing triage")

# --- Labels, sections and verbs the classifier reads ------------------------------------------------
#
# Labels before a colon, by what they make of the rest of the line (``records.units``). ("AI:" is an action
# label in upper case only, which ``records.actions`` reads: "ai:" may be about AI.)
ACTION_LABELS = _words("note to self | task | tasks | to do | todo | todos | to-do")
QUESTION_LABELS = _words("q | question | questions | open question | ask | asks")
PLAN_LABELS = _words("plan | the plan | proposal plan | plan of record")
# Labels of a line that describes or points rather than records: "Status:", "Context:", "Related:".
TOPIC_LABELS = _words(
    """
    status | current status | update | updates | note | notes | fyi | context | example | background | origin
    restrictions | exclusions | problem | concern | concerns | argument | options | option | goal | goals | idea
    ideas | link | links | issue | pr | related | see | cc | docs | side note | heads-up | heads up | reminder | demo
    slides | summary | recap | motivation | request
    """
)
# Words of a label that say its decision is still open: "Decision needed", "Pending decision", "No decision".
NOT_DECIDED = _words("need needs needed pending open no without todo awaiting wanted")
# Words that, with "action", make a heading of the tasks of earlier meetings: "Action items from last week".
PREVIOUS_WORDS = _words("previous last from meeting meetings review week weeks s the of")
# Words of a heading over a summary: "Summary", "Key takeaways", "Wrap-up".
SUMMARY_WORDS = _words("summary summaries key points takeaways recap wrap")
# What the group itself does next, when a line says "Will ..." with no one before it: "Will continue async".
PROCESS_VERBS = _words(
    """
    continue discuss revisit document defer keep wait proceed stick postpone go move use adopt switch start stop
    meet hold skip cancel push resume vote
    """
)
# Verbs that, after "we will" or "let's", say what the group settles on rather than a task to do.
DECIDING_VERBS = _words(
    """
    drop keep use adopt stick continue stay allow require support permit accept reject prefer default switch
    deprecate remove
    """
)
# Abbreviations whose full stop ends no sentence: "e.g. the docs", "vs. the old one".
ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "cf.", "dr.", "mr.", "ms.", "mrs.", "approx.", "no.", "st.")

# --- Words around the cues ------------------------------------------------------------------------
#
# Words of a sentence that ``records.cues`` reads around its cues.
# What may stand before a word that opens a task without being part of it: "Also add ...", "And then ask ...".
TASK_FILLERS = _words("also and then so just first finally next please pls now to")
# Words that are not a task's verb although they open a sentence in the imperative: "See the thread".
NOT_TASK_WORDS = _words("see note re fyi cf eg ie")
# Nouns that a "to" follows without making them a task: "Request to rename", "Call to action".
NOUNS_BEFORE_TO = _words("call request change update fix review vote report plan test")
# Task verbs that are nouns as often ("file", "open", "update"), and the words after which they are verbs.
NOUN_VERBS = _words(
    """
    open close file report review update change test check plan call request document record post draft poll
    vote build release push merge fix start track host set ship turn present sort split run mention publish
    setup
    """
)
OBJECT_WORDS = _words(
    """
    a an the this that these those it them our your their its some all any up out on in to with for back down
    off over through into about more new another each every one two us me him her after before
    """
)
# Pronouns that are no task's owner at either end of its subject: "it will", "this is to", "those to".
SUBJECT_STOPS = _words("it this that there which these those they he she what who nothing one")
# Conjunctions that may open a sentence before its subject: "But Alice will", "And then Bob to ...".
LEADING_CONJUNCTIONS = _words("but and so also then")
