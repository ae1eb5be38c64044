"""The key map: every window-wide key with its menu entry, menu by menu in the order the
menus show them. The window registers them (``desktop.ui.menus``), and Help → Keys shows
them all, with the follow-up queue's own keys (``QUEUE_KEYS``, active in that panel)."""

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
UNDO_KEYS = (("Undo", "Ctrl+Z"), ("Redo", "Ctrl+Shift+Z"))
REUSE_HERE = "Apply the last decision to the same text in this article"
REUSE_ALL = "Apply the last decision to the same text in all articles"
QUEUE_KEYS = (
    ("Confirm proposed follow-up", "C"),
    ("Happened", "H"),
    ("Did not happen", "D"),
    ("Unclear", "U"),
    ("Postponed…", "P"),
    ("Snooze…", "S"),
    ("Open source article", "Return"),
)
"""The follow-up queue's keys (they act while the Follow-ups panel has the focus)."""


def key_map(window: MainWindow) -> dict[str, list[KeyAction | str]]:
    from desktop.ui import menus

    r, f, i, e, s = window.review, window.facts, window.intake, window.export, window.sources
    return {
        "&File": [
            ("&Import files…", "Ctrl+I", i.import_dialog),
            ("Import a &folder…", "Ctrl+Shift+O", i.import_folder),
            ("Import &web pages…", "Ctrl+Shift+I", i.url_dialog),
            ("New article from text…", "Ctrl+Shift+V", i.paste_dialog),
            ("Suggest highlights for articles without them", "", i.suggest_now),
            None,
            ("Add &feed…", "", s.add_dialog),
            ("&Poll feeds now", "F5", lambda: s.poll()),
            None,
            ("Export &facts as CSV…", "Ctrl+E", lambda: e.export("facts")),
            ("Export &highlights as CSV…", "", lambda: e.export("mentions")),
            ("Export the current view…", "Ctrl+Shift+E", lambda: e.export_view()),
            None,
            ("Search articles", "Ctrl+F", window.focus_search),
            ("&Quit", "Ctrl+Q", window.close),
        ],
        "&Review": [
            ("Next highlight", "J", lambda: r.move(1)),
            ("Previous highlight", "K", lambda: r.move(-1)),
            ("Next undecided highlight", "Shift+J", lambda: r.move(1, True)),
            ("Previous undecided highlight", "Shift+K", lambda: r.move(-1, True)),
            ("Accept", "A", lambda: r.decide(MentionState.ACCEPTED)),
            ("Reject", "X", lambda: r.decide(MentionState.REJECTED)),
            ("Relabel…", "L", r.relabel),
            ("Link to entity…", "E", r.link_entity),
            (
                "Apply the last decision to the same text in this article",
                "Alt+A",
                lambda: r.apply_reuse(False),
            ),
            (
                "Apply the last decision to the same text in all articles",
                "Alt+Shift+A",
                lambda: r.apply_reuse(True),
            ),
            ("Start one token earlier", "[", lambda: r.move_edge("start", -1)),
            ("End one token later", "]", lambda: r.move_edge("end", 1)),
            ("Start one token later", "{", lambda: r.move_edge("start", 1)),
            ("End one token earlier", "}", lambda: r.move_edge("end", -1)),
            ("Highlight the selection…", "N", r.add_highlight),
            UNDO,
            ("New fact…", "F", f.new_fact),
            ("Edit the selected fact…", "Shift+F", f.edit_fact),
            ("Link the selected fact…", "Ctrl+L", f.link_fact),
        ],
        "&View": [
            ("Dark palette", "", lambda: menus.toggle_dark(window)),
            ("Move on after A and X", "", lambda: menus.toggle_move_on(window)),
            None,
            ("Reset layout", "", lambda: menus.reset_layout(window)),
        ],
        "&Help": [("Keys…", "F1", lambda: menus.show_keys(window))],
    }


def key_lines(window: MainWindow) -> list[tuple[str, str, str]]:
    """(menu, entry, key) of every key the window answers: what Help → Keys lists."""
    from desktop.ui.workspace_menu import workspace_keys

    lines: list[tuple[str, str, str]] = []
    for title, entries in key_map(window).items():
        menu = title.replace("&", "")
        for entry in entries:
            if entry == UNDO:
                lines += [(menu, text, key) for text, key in UNDO_KEYS]
            elif isinstance(entry, tuple) and entry[1]:
                lines.append((menu, entry[0].replace("&", ""), entry[1]))
    lines += [("Follow-ups panel", text, key) for text, key in QUEUE_KEYS]
    lines += [("Follow-up workspace", text, key) for text, key in workspace_keys(window.workspace)]
    return lines
