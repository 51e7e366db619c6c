"""A toggle switch: a :class:`QCheckBox` that looks like an on/off switch.

It is a check box in every other respect -- Space toggles it, ``toggled`` and ``isChecked``
work, screen readers announce it as checked or not -- so everything that handles the module
switches (tests, the privacy center, QA automation) keeps working.  Only the drawing differs: a
rounded track with a knob, filled with the palette's highlight colour when on, and the state
spelled out ("On"/"Off") next to the label so that colour is never the only clue (WCAG 1.4.1).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QCheckBox, QWidget

__all__ = ["ToggleSwitch"]


class ToggleSwitch(QCheckBox):
    """An on/off switch with a text label (a check box underneath)."""

    TRACK_W = 38
    TRACK_H = 20
    GAP = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.on_text = "On"
        self.off_text = "Off"

    def set_state_texts(self, on: str, off: str) -> None:
        """The words for the two states, in the UI's language."""
        self.on_text, self.off_text = on, off
        self.updateGeometry()
        self.update()

    def _state_text(self) -> str:
        return self.on_text if self.isChecked() else self.off_text

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        state = max(
            metrics.horizontalAdvance(self.on_text), metrics.horizontalAdvance(self.off_text)
        )
        text = metrics.horizontalAdvance(self.text())
        width = self.TRACK_W + self.GAP + text + self.GAP + state + 8
        height = max(self.TRACK_H + 6, metrics.height() + 6)
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def hitButton(self, pos: QPoint) -> bool:
        return bool(self.rect().contains(pos))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        top = (self.height() - self.TRACK_H) / 2
        track = QRectF(1, top, self.TRACK_W, self.TRACK_H)
        on = self.isChecked()
        fill = palette.color(group, QPalette.ColorRole.Highlight) if on else QColor(0, 0, 0, 0)
        border = palette.color(
            group, QPalette.ColorRole.Highlight if on else QPalette.ColorRole.Text
        )
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(track, self.TRACK_H / 2, self.TRACK_H / 2)
        knob = self.TRACK_H - 6
        x = track.right() - knob - 3 if on else track.left() + 3
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(
            palette.color(group, QPalette.ColorRole.HighlightedText)
            if on
            else palette.color(group, QPalette.ColorRole.Text)
        )
        painter.drawEllipse(QRectF(x, top + 3, knob, knob))
        painter.setPen(palette.color(group, QPalette.ColorRole.WindowText))
        left = int(track.right()) + self.GAP
        metrics = self.fontMetrics()
        text_rect = self.rect().adjusted(left, 0, 0, 0)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), self.text())
        state_left = left + metrics.horizontalAdvance(self.text()) + self.GAP
        painter.setPen(palette.color(group, QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            self.rect().adjusted(state_left, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignVCenter),
            self._state_text(),
        )
        painter.end()
