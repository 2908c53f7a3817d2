"""People: who a meeting names and who said what (``attribution`` runs ``attendees``, ``headings``,
``name_tags``, ``speakers``, ``owners``, all on ``names``' one test of a name), and one person for every
set of spellings across the archive (``resolve``, with the ``people_file`` always winning, on the keys of
``spellings`` and the ``graph``; ``persons`` drafts the records, ``resolution_findings`` the warnings)."""
