"""The questions the UI asks before it acts, asked one way so that every box behaves alike.

* :func:`ask_choice` -- a question with two named answers; the safe one ("Keep reading",
  "Go back", "Don't Allow") is the default and what Escape picks;
* :func:`ask_yes_no` -- a plain Yes/No question whose default is No.

The callers pass their texts already translated (in their own classes' contexts): nothing here
is translated, and nothing is remembered.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["ask_choice", "ask_yes_no"]


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


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a Yes/No question (No is the default); True for Yes."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
