"""Minutes: a static site generator for meeting minutes, as a MkDocs plugin.

The pipeline, one way (an import-linter contract in ``pyproject.toml`` keeps the layers in order and the
core free of MkDocs):

- ``reading``: a note file's bytes to text, its body read once (``reading.body``, on the one block
  reading of ``reading.blocks``: headings, lists, code, tables, quotes), its meetings dated
  (``reading.dating``, running logs in ``reading.logs``) and named (``reading.meetings``: titles, series);
- ``people``: who is named and who said what in a meeting (attendees, person headings, name tags,
  speaker turns, owners), and later one person per set of spellings (``people.resolve``);
- ``records``: each meeting's decisions, action items, topics and references (``records.extract``),
  and later the same joined across meetings (``records.join``);
- ``parse``: one note through reading, people and records; ``notecache`` keeps parses by content and
  parses on every core; ``index``: the archive, resolved and cross-referenced in one step
  (``index.Archive``); ``archive``: read, parse and index in one call;
- ``site``: every page (structured data for the templates), ``minutes.json``, feeds, calendar;
- adapters on top: ``plugin`` and ``config`` (MkDocs), ``settings`` (a site's options, shared with the
  command line), ``cli`` (``minutes new``, ``check``, ``export``).

Beside them: ``model`` (the frozen dataclasses), ``vocabulary`` (the words every parser knows),
``paths`` (every address the plugin gives a page), ``findings`` and ``slugs``.
"""

__version__ = "0.1.0"
