"""Sizes Factdesk supports, enforced with a message rather than a hang."""

MAX_ARTICLE_CHARS = 1_000_000
"""spaCy's default ``max_length``: longer texts need ~1 GB of memory per million characters."""

MAX_FILE_BYTES = 20_000_000
"""A file larger than this is not one news article."""

MAX_ARTICLES = 500_000
"""Articles in one database. ``make bench`` measures lists, search and update checks at
100,000 articles and 1,000,000 facts; five times that is the most we stand behind."""
