"""Errors the store raises with a sentence fit to show a user as it is."""


class StoreError(Exception):
    """A database cannot be opened or used; ``str(error)`` says what to do."""
