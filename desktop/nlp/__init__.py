"""Suggestions: the spaCy pipeline and what it proposes. No Qt here.

spaCy is imported inside functions, never at module import, so that the window can be
shown before the ~0.7 s ``import spacy``.
"""
