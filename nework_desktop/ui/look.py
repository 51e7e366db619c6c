"""What every NeWork window shares in look: the application icon and a visible focus ring.

* :func:`app_icon` -- the icon from ``resources/icons/nework-<size>.png`` (every size found), or,
  where a build ships none, one drawn here (the letter N on the brand blue);
* :class:`FocusRing` -- a high-contrast frame drawn around whichever control has the keyboard
  focus, in every window.  The platform style stays as it is (native look); the ring is an extra
  child widget that ignores the mouse, follows the focused control (moves, resizes, scrolls)
  and hides when the focus leaves the application.  Text views, tables and lists get the same
  ring as buttons and links, so focus is never invisible;
* :func:`apply_window_look` -- called by each top-level window: icon and ring, once per app.

Nothing here is written anywhere and nothing is translated.
"""

from __future__ import annotations

import re
from functools import cache

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from nework_desktop.resources import resource_path

__all__ = ["FocusRing", "app_icon", "apply_window_look", "focus_ring"]

#: The brand colour of the drawn fallback icon.
BRAND_BLUE = QColor(0, 92, 175)
_ICON_NAME = re.compile(r"nework-(\d+)\.png")
_RING_NAME = "nework-focus-ring"


def _drawn_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BRAND_BLUE)
        painter.drawRoundedRect(0, 0, size, size, size * 0.22, size * 0.22)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(8, int(size * 0.7)))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "N")
        painter.end()
        icon.addPixmap(pixmap)
    return icon


@cache
def app_icon() -> QIcon:
    """The application icon: the shipped PNGs (``resources/icons``), else a drawn one."""
    icon = QIcon()
    try:
        folder = resource_path("icons")
        names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    except OSError:
        names = []
    for name in names:
        match = _ICON_NAME.fullmatch(name)
        if match is not None:
            size = int(match.group(1))
            icon.addFile(str(folder / name), QSize(size, size))
    return icon if not icon.isNull() else _drawn_icon()


class _Ring(QWidget):
    """The frame itself: a child of the focused control's parent that ignores the mouse."""

    WIDTH = 3

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(_RING_NAME)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        target = self.target
        if target is None or not shiboken6.isValid(target):
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = target.palette()
        ring = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        # The ring must stand out against light and dark windows alike (WCAG 1.4.11: 3:1).
        background = palette.color(QPalette.ColorRole.Window)
        if abs(ring.lightness() - background.lightness()) < 90:
            ring = QColor("#0b57d0") if background.lightness() > 128 else QColor("#a8c7fa")
        inner = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        painter.setPen(QPen(ring, self.WIDTH - 0.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = 2.0 if isinstance(target, QAbstractScrollArea) else 4.0
        painter.drawRoundedRect(inner, radius, radius)
        painter.end()


class FocusRing(QObject):
    """Keeps a high-contrast frame around the control with the keyboard focus (one per app)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(_RING_NAME)
        self.target: QWidget | None = None
        self._ring: _Ring | None = None
        app.focusChanged.connect(self._focus_changed)

    @property
    def ring(self) -> QWidget | None:
        """The frame widget now shown (None when no control has the focus)."""
        ring = self._ring
        if ring is None or not shiboken6.isValid(ring) or not ring.isVisible():
            return None
        return ring

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        target = self.target
        if target is not None and shiboken6.isValid(target):
            target.removeEventFilter(self)
        self.target = new
        if new is not None:
            new.installEventFilter(self)
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.Show,
            QEvent.Type.Hide,
            QEvent.Type.ParentChange,
        ):
            self.follow()
        return False

    def _hide(self) -> None:
        ring = self._ring
        if ring is not None and shiboken6.isValid(ring):
            ring.hide()

    def follow(self) -> None:
        """Put the frame around the focused control (in its parent, so scrolling clips it)."""
        target = self.target
        if target is None or not shiboken6.isValid(target):
            self._hide()
            return
        parent = target.parentWidget()
        if target.isWindow() or parent is None or not target.isVisible():
            self._hide()
            return
        ring = self._ring
        if ring is None or not shiboken6.isValid(ring):
            ring = self._ring = _Ring(parent)
        elif ring.parentWidget() is not parent:
            ring.setParent(parent)
        ring.target = target
        width = _Ring.WIDTH
        # Around the control, but inside its parent so that no side is clipped away.
        around = target.geometry().adjusted(-width, -width, width, width)
        ring.setGeometry(around.intersected(parent.rect()))
        ring.show()
        ring.raise_()
        ring.update()


def focus_ring(app: QApplication | None = None) -> FocusRing | None:
    """The application's focus ring, made on first use (None without a QApplication)."""
    instance = app or QApplication.instance()
    if not isinstance(instance, QApplication):
        return None
    existing = instance.findChild(FocusRing, _RING_NAME)
    return existing if isinstance(existing, FocusRing) else FocusRing(instance)


def apply_window_look(window: QWidget) -> None:
    """Give ``window`` (and the application) the NeWork icon and the focus ring."""
    icon = app_icon()
    window.setWindowIcon(icon)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        if QGuiApplication.windowIcon().isNull():
            QGuiApplication.setWindowIcon(icon)
        focus_ring(app)
