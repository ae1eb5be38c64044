"""Python offsets (code points) to positions in a Qt text document and back.

A QTextDocument counts UTF-16 units (an emoji outside the BMP takes two positions) and
turns a CRLF pair into one paragraph separator, while stored offsets count code points
of the exact text. Texts with neither pay nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_NEEDS_MAP = re.compile("[\U00010000-\U0010ffff]|\r\n")


class OffsetMap:
    def __init__(self, text: str) -> None:
        self._py: list[int] = [0]
        self._delta: list[int] = [0]
        delta = 0
        for match in _NEEDS_MAP.finditer(text):
            if match.group() == "\r\n":
                delta -= 1
                self._py.append(match.start() + 2)
            else:
                delta += 1
                self._py.append(match.start() + 1)
            self._delta.append(delta)
        self._qt = [p + d for p, d in zip(self._py, self._delta, strict=True)]

    def to_qt(self, offset: int) -> int:
        return offset + self._delta[bisect_right(self._py, offset) - 1]

    def to_qt_all(self, offsets: list[int]) -> list[int]:
        """``to_qt`` of many offsets (a thousand highlights: one call, not a thousand)."""
        if len(self._py) == 1:
            return offsets
        py, delta, find = self._py, self._delta, bisect_right
        return [o + delta[find(py, o) - 1] for o in offsets]

    def to_py(self, position: int) -> int:
        return position - self._delta[bisect_right(self._qt, position) - 1]
