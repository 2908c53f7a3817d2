"""Records: what a meeting decided, owes, discusses and cites, found in one meeting's reading and anchored
(``extract``, with ``anchors``), then joined across the archive once people are resolved (``join``).

- What the notes label themselves: ``decisions`` (Decision sections, ``Decision:`` lines, ``!!! decision``)
  and ``actions`` (Action items sections, ``ACTION:`` and ``TODO`` lines, label lines over a list).
- What plain sentences and list items say, read by ``classify``: ``units`` (what is read: list items' own
  lines, sentences, their prefixes), ``place`` (where a unit sits: section kinds, parent, question above,
  lead-in), ``rules`` (the named rules and adjustments, each with its confidence), ``owners`` and ``status``
  of action items, the cue lexicons of ``cues`` and ``lexicons``, and the learned re-ranker's weights
  (``classifier.json``, trained in ``benchmarks/train.py``).
- What an outcome answers when its words do not say (``subjects``); what a maintainer confirmed or dropped
  (``review``); topics (``topics``) and GitHub references (``references``).
"""
