"""The bundle's entry point: the ``factdesk`` command (with no command, the window).

``freeze_support`` first: spaCy's ``nlp.pipe(n_process=2)`` starts worker processes, which
a frozen app on Windows and macOS starts as itself.
"""

import multiprocessing

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from desktop.launch import main

    main()
