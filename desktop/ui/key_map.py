"""The key map: every window-wide key with its menu entry, menu by menu in the order the
menus show them. The window registers them (``MainWindow._add_menus``); the follow-up
queue's own keys (C H D U P S Enter) live with its panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from db.models import MentionState

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

KeyAction = tuple[str, str, Callable[[], object]] | None
"""A menu entry: (text, shortcut, what it does); None is a separator."""
UNDO = "undo"
"""Where the Edit history's Undo and Redo go (between separators)."""


def key_map(window: MainWindow) -> dict[str, list[KeyAction | str]]:
    r, f, i, e, s = window.review, window.facts, window.intake, window.export, window.sources
    return {
        "&File": [
            ("&Import files…", "Ctrl+I", i.import_dialog),
            ("Import &web pages…", "Ctrl+Shift+I", i.url_dialog),
            ("Add &feed…", "", s.add_dialog),
            ("&Poll feeds now", "F5", lambda: s.poll()),
            ("Export &facts as CSV…", "Ctrl+E", lambda: e.export("facts")),
            ("Export &highlights as CSV…", "", lambda: e.export("mentions")),
            None,
            ("New article from text…", "Ctrl+Shift+V", i.paste_dialog),
            ("Export the current view…", "Ctrl+Shift+E", lambda: e.export_view()),
            None,
            ("&Quit", "Ctrl+Q", window.close),
            ("Search articles", "Ctrl+F", window.focus_search),
        ],
        "&View": [("Dark palette", "", window.toggle_dark)],
        "&Review": [
            ("Next highlight", "J", lambda: r.move(1)),
            ("Previous highlight", "K", lambda: r.move(-1)),
            ("Next undecided highlight", "Shift+J", lambda: r.move(1, True)),
            ("Previous undecided highlight", "Shift+K", lambda: r.move(-1, True)),
            ("Accept", "A", lambda: r.decide(MentionState.ACCEPTED)),
            ("Edit the selected fact…", "Shift+F", f.edit_fact),
            ("Reject", "X", lambda: r.decide(MentionState.REJECTED)),
            ("Relabel…", "L", r.relabel),
            ("Link to entity…", "E", r.link_entity),
            ("Start one token earlier", "[", lambda: r.move_edge("start", -1)),
            ("End one token later", "]", lambda: r.move_edge("end", 1)),
            ("Start one token later", "{", lambda: r.move_edge("start", 1)),
            ("End one token earlier", "}", lambda: r.move_edge("end", -1)),
            ("Highlight the selection…", "N", r.add_highlight),
            UNDO,
            ("New fact…", "F", f.new_fact),
            ("Link the selected fact…", "Ctrl+L", f.link_fact),
        ],
    }
