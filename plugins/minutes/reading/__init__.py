"""Reading a note: bytes to repaired text (``source``), front matter, the one block reading that every
extractor asks (``blocks``, with ``inline`` for the shapes inside a line), the date grammar (``dates``), the
dates inferred from it (``dating``: years left out, a note's first date), the note's meetings
(``meetings``) and their series (``series``), with the findings of everything doubtful (``checks``, ``images``,
``duplicates``, ``accounting``)."""
