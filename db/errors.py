"""Errors the store raises with a sentence fit to show a user as it is."""


class StoreError(Exception):
    """A database cannot be opened or used; ``str(error)`` says what to do."""


class ConnectionLost(StoreError):
    """The database server cannot be reached (stopped, restarting, the network cut):
    nothing of the change was saved, and the next action reconnects by itself."""
