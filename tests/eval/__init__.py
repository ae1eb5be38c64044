"""Evaluations on data the rules were not tuned on: ``make eval`` (not collected by pytest).

Each part is a module with ``run(shared: Path | None) -> list[str]`` returning the lines it
prints; ``shared`` is the folder holding third-party evaluation data (``../shared`` in the
developers' workplace), which is never copied into the repository.
"""
