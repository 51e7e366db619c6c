"""The questions the UI asks before it acts, asked one way so that every box behaves alike.

* :func:`file_dialog_options` -- save dialogs in the app's language;
* :func:`ask_choice` -- a question with two answers named for what they do ("Withdraw consent",
  "Cancel"); the safe one ("Keep reading", "Go back", "Don't Allow") is the default and what
  Escape picks.  There is no plain Yes/No question: every answer says what it does;
* :func:`show_problem` -- something failed: what it means for the user, the details below.

The callers pass their texts already translated (in their own classes' contexts): nothing here
is translated, and nothing is remembered.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

__all__ = ["ask_choice", "file_dialog_options", "show_problem"]


def file_dialog_options(
    *extra: QFileDialog.Option, platform: str | None = None
) -> QFileDialog.Option:
    """Options for a save dialog in the app's language.

    Windows and macOS show their own dialogs (in the OS's language, as users expect there).  On
    Linux the "native" dialog would be a GTK or portal dialog in the language of the session, not
    the app's, so Qt's own dialog is used: it is translated with the app (qtbase catalogue).
    """
    options = QFileDialog.Option(0)
    for option in extra:
        options |= option
    if (platform or sys.platform).startswith("linux"):
        options |= QFileDialog.Option.DontUseNativeDialog
    return options


def ask_choice(
    parent: QWidget | None,
    *,
    title: str,
    text: str,
    go: str,
    stay: str,
    informative: str = "",
    go_name: str = "",
    stay_name: str = "",
    go_role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.DestructiveRole,
) -> bool:
    """Ask ``text``; True only if the user picked ``go`` (``stay`` is the default answer).

    ``go_name``/``stay_name`` are the buttons' accessible names (when they differ from the
    button text).
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    go_button = box.addButton(go, go_role)
    stay_button = box.addButton(stay, QMessageBox.ButtonRole.RejectRole)
    if go_name:
        go_button.setAccessibleName(go_name)
    if stay_name:
        stay_button.setAccessibleName(stay_name)
    box.setDefaultButton(stay_button)
    box.setEscapeButton(stay_button)
    box.exec()
    return box.clickedButton() is go_button


def show_problem(parent: QWidget | None, *, title: str, text: str, details: str) -> None:
    """Say that something failed (a critical box): ``text`` what it means and what to do,
    ``details`` (paths, errors) behind the box's "Show Details…" button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(text)
    box.setDetailedText(details)
    box.exec()
