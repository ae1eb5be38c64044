"""``make bench``: figures measured against references taken in the same run.

Not collected by pytest; nothing here is a timed unit test.
"""
