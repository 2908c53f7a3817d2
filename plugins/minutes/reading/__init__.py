"""Reading a note: bytes to repaired text (``source``); then, in the order ``parse`` calls them, its body
read once (``body``: front matter and the one block reading every extractor asks, ``blocks``, with
``inline`` for the shapes inside a line, repaired and checked), its meetings dated (``dating``, with the
date grammar of ``dates`` and the running logs of ``logs``) and named (``meetings``, with their series,
``series``); with the findings of everything doubtful (``checks``, ``images``, ``duplicates``,
``accounting``)."""
