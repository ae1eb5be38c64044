"""Sizes Factdesk supports, enforced with a message rather than a hang."""

MAX_ARTICLE_CHARS = 1_000_000
"""spaCy's default ``max_length``: longer texts need ~1 GB of memory per million characters."""

MAX_FILE_BYTES = 20_000_000
"""A file larger than this is not one news article."""
