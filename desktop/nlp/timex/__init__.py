"""Temporal expressions: finding them in text and resolving them to calendar values.

``find_timexes`` is the time tagger's own pattern set (spaCy's DATE/TIME entities alone
miss many expressions); ``resolve`` turns one expression into an ISO-TimeML TIMEX3 value
relative to the article's publication date; ``find_times`` does both for a parsed
article, with the model's spans as a fallback and the text's context (tense, the date it
last spoke of). Modules: ``vocab`` (words), ``values`` (calendar values), ``registry``
and ``rules_*`` (the patterns), ``finder``, ``fallback``, ``document`` and ``context``.
"""

from desktop.nlp.timex.document import TimeSpan, find_times
from desktop.nlp.timex.finder import TimexMatch, find_timexes, resolve
from desktop.nlp.timex.values import Direction, Timex

__all__ = [
    "Direction",
    "TimeSpan",
    "Timex",
    "TimexMatch",
    "find_times",
    "find_timexes",
    "resolve",
]
