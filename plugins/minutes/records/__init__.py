"""Records: what a meeting decided, owes, discusses and cites (``decisions``, ``actions``, ``topics``,
``references``), found in one meeting's reading and anchored (``extract``, with ``anchors``), then joined
across the archive once people are resolved (``join``). What the notes do not label themselves, plain
sentences and list items, is read by ``classify`` with the cue lexicons of ``cues``."""
