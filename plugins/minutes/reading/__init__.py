"""Reading a note: bytes to repaired text (``source``), front matter, the one block reading that every
extractor asks (``blocks``, with ``inline`` for the shapes inside a line), the date grammar (``dates``) and
the note's meetings (``meetings``), with the findings of everything doubtful (``checks``, ``images``,
``duplicates``, ``accounting``)."""
