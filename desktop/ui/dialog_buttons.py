"""The button row every Factdesk dialog ends with."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout


def button_box(dialog: QDialog, *, save: bool = False) -> QDialogButtonBox:
    """OK (or Save) and Cancel, wired to the dialog's accept and reject."""
    first = QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Ok
    buttons = QDialogButtonBox(first | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def add_buttons(dialog: QDialog, form: QFormLayout, *, save: bool = False) -> None:
    """``button_box`` as the last row of ``form``."""
    form.addRow(button_box(dialog, save=save))
