"""Line breaks as sentence breaks: an article's first line is often its headline, and
without a full stop the parser runs it into the first sentence of the body ("Crossrail
opening delayed again\\nThe heavily delayed Crossrail will not open..."), so that the
headline's words became the body sentence's participants.

The component marks the first token after a line break as a sentence start (or the first
after the line's dateline: "WASHINGTON - "), and a clock time's zone as no start ("4:05 a.m.
Pacific time on May 5": the parser would end a sentence at "a.m."); the parser keeps preset
boundaries. ``headline_end`` tells the analysis where a
headline (a first line without closing punctuation) ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from desktop.nlp.timex.vocab import ZONE_CODES, ZONE_KINDS, ZONE_NAMES

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "factdesk_line_breaks"
CLOSING = ".!?:;\"”'’)"


@Language.component(COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    for i in range(len(doc) - 1):
        token = doc[i]
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[i + 1].is_sent_start = True
            _after_dateline(doc, i + 1)
            _no_start_after_first_word(doc, i + 1)
        elif token.lower_ in {"a.m.", "p.m."} and _zone_after(doc, i + 1):
            doc[i + 1].is_sent_start = False
    if len(doc) > 2:
        _after_dateline(doc, 0)
    return doc


DASHES = {"-", "–", "—"}


def _after_dateline(doc: Doc, start: int) -> None:
    """A line that opens with a dateline ("WASHINGTON - President Barack Obama will
    visit", "GUBA, Ethiopia - Prime Minister Meles ..."): the sentence starts after the
    dash, or the parser makes the place a word of the first name."""
    if not (doc[start].is_alpha and doc[start].is_upper and len(doc[start]) > 1):
        return
    for j in range(start + 1, min(start + 6, len(doc) - 1)):
        token = doc[j]
        if "\n" in token.whitespace_:
            return
        if token.text in DASHES and token.whitespace_ and doc[j - 1].whitespace_:
            doc[j + 1].is_sent_start = True
            return


def _no_start_after_first_word(doc: Doc, first: int) -> None:
    """ "NEET will now take place on 13 September": the parser may end a sentence after a
    line's first word in capitals; a word in lower case after it goes on the sentence."""
    after = first + 1
    if after >= len(doc) or doc[first].is_punct or "\n" in doc[first].whitespace_:
        return
    if doc[after].text[:1].islower() and doc[after].is_sent_start is not True:
        doc[after].is_sent_start = False


def _zone_after(doc: Doc, i: int) -> bool:
    """A time zone at ``i``: a code ("GMT", "EST") or a zone's name with "time" ("Pacific
    time", "Eastern Daylight Time"; not "Central bank officials")."""
    if doc[i].text.upper() in ZONE_CODES:
        return True
    if doc[i].lower_ not in ZONE_NAMES:
        return False
    rest = [t.lower_ for t in doc[i + 1 : i + 3]] + ["", ""]
    return rest[0] == "time" or (rest[0] in ZONE_KINDS and rest[1] == "time")


def add_line_breaks(nlp: Language) -> None:
    """Put the component before the parser (or first, in a pipeline without one)."""
    if COMPONENT in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
    else:
        nlp.add_pipe(COMPONENT, first=True)


def headline_end(text: str) -> int:
    """The end of the text's first line when it reads as a headline (a line of several
    words, followed by more text, without closing punctuation); else -1."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    cut = stripped.find("\n")
    if cut <= 0:
        return -1
    line = stripped[:cut].rstrip()
    if len(line.split()) < 3 or line[-1] in CLOSING or not stripped[cut:].strip():
        return -1
    return offset + len(line)
