"""The privacy center: what the user agreed to, what is collected and sent, and their controls.

A settings-like window (a list of sections on the left, one page each on the right), reached from
the Privacy menu and from the policy-update notice.  It is where the policy's Art. 6 rights
become buttons:

* **Consent** -- the policy version and the date agreed to, the language, the change summary,
  the revision history (附則) and the user's own decisions (the consent ledger); "View policy".
* **What is collected** -- the Art. 2-1 table and the Art. 2-2 modules, with the Google
  Analytics and KARTE switches.  A switch takes effect at once: a new ACCEPTED ledger record
  (same policy version, text hash and language, the new module choices), then
  ``EgressPolicy.set_choices`` (the workspace's CookieGuard deletes the cookies of a module
  switched off), then ``choices_changed``.
* **What was sent** -- per day, destination and module: requests allowed and blocked, and why,
  in plain words (the egress transmission log); the latest refusals of this session.
* **Your data on this device** -- each owned root with its size (counted in a worker thread),
  "Open folder", and the random per-install device ID.
* **Export and delete** -- "Export my data…" (a zip, :mod:`nework_desktop.core.export`, written
  in a worker thread with progress, never twice at once), "Delete all local data…" and
  "Withdraw consent…" (signals the controller acts on), "Ask the service to delete my data…"
  (:class:`DeletionRetrier`: sent once, retried until acknowledged, shown as pending until then).
* **Policies and contact** -- the Art. 8 documents and the Art. 10 inquiry form.

Links open in the system browser through an injectable opener, https only; "Open folder" opens
only an owned root.  Nothing here writes settings or geometry.  QtWebEngine is never imported.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QFont,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nework_desktop.core.account_store import AccountSummary, read_summary
from nework_desktop.core.cleanup import note_file_dialog, note_file_dialog_done
from nework_desktop.core.consent import ConsentLedger, ConsentRecord, ConsentState, Decision
from nework_desktop.core.deletion import DeletionState
from nework_desktop.core.device import device_id
from nework_desktop.core.egress import EgressPolicy, TransmissionRow, read_transmissions
from nework_desktop.core.export import export_data
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.core.prefs import Preferences
from nework_desktop.services.consent import ConsentService
from nework_desktop.ui.i18n import (
    current_locale,
    format_day,
    format_moment,
    parse_utc,
    user_locale,
)
from nework_desktop.ui.widgets import CollectTable, ModuleCard, is_https
from nework_desktop.ui.wipe import confirm_withdrawal
from nework_desktop.ui.workers import Task, run_task

if TYPE_CHECKING:
    from nework_desktop.services.account import AccountManager
    from nework_desktop.services.deletion import DeletionRequests
    from nework_desktop.services.session import Services

__all__ = ["DeletionRetrier", "PrivacyCenter", "folder_size"]

log = logging.getLogger("nework.ui.privacy")

UrlOpener = Callable[[QUrl], bool]

#: Periods of the "What was sent" page, in days.
PERIODS: tuple[int, ...] = (1, 7, 14, 31)
DEFAULT_PERIOD = 7
#: How often the retrier looks at a pending deletion request (it keeps its own back-off).
RETRY_TICK_MS = 60_000


class _ServicesLike(Protocol):
    """What the center needs of :class:`nework_desktop.services.session.Services`."""

    paths: AppPaths
    policy: Policy
    ledger: ConsentLedger
    consent: ConsentService

    @property
    def account(self) -> AccountManager | None: ...

    @property
    def egress(self) -> EgressPolicy | None: ...


# --------------------------------------------------------------------------------------------
# Plain helpers
# --------------------------------------------------------------------------------------------


def folder_size(root: Path) -> int | None:
    """Bytes under ``root`` (links counted as themselves, never followed); None if absent."""
    if not (root.exists() or root.is_symlink()):
        return None
    total = 0
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                else:
                    total += entry.stat(follow_symlinks=False).st_size
            except OSError:
                continue
    return total


# --------------------------------------------------------------------------------------------
# The deletion request, retried in the background
# --------------------------------------------------------------------------------------------


class DeletionRetrier(QObject):
    """Sends and re-sends the deletion request in a worker thread (one at a time).

    :meth:`start` looks at a pending request now (after ``first_delay_ms``) and then every
    ``interval_ms``; :class:`DeletionRequests` decides, with its back-off, whether it is due.
    ``changed`` carries the new :class:`DeletionState` (or None), ``busy_changed`` whether a
    request is on the wire.
    """

    changed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        requests: DeletionRequests,
        *,
        interval_ms: int = RETRY_TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.requests = requests
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.kick)
        self._task: Task[object] | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def state(self) -> DeletionState | None:
        """The request on record (reads only)."""
        return self.requests.status()

    def start(self, first_delay_ms: int = 0) -> None:
        self._timer.start()
        QTimer.singleShot(max(0, first_delay_ms), self, self.kick)

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def kick(self) -> bool:
        """Re-send a pending request if it is due; True if an attempt started."""
        if self._task is not None:
            return False
        current = self.requests.status()
        if current is None or not current.pending:
            return False
        due = self.requests.next_attempt_in(current)
        if due is not None and due > 0:
            return False
        return self._run(lambda _task: self.requests.retry_pending())

    def request(self) -> bool:
        """Ask the service (the user's click); False while a request is on the wire."""
        if self._task is not None:
            return False
        return self._run(lambda _task: self.requests.request())

    def _run(self, fn: Callable[[Task[object]], object]) -> bool:
        self.busy_changed.emit(True)
        self._task = run_task(fn, self._finished, parent=self)
        return True

    def _finished(self, result: object, error: BaseException | None) -> None:
        self._task = None
        if error is not None:
            log.warning("deletion request attempt failed: %s", type(error).__name__)
        self.busy_changed.emit(False)
        self.changed.emit(self.requests.status())


# --------------------------------------------------------------------------------------------
# The window
# --------------------------------------------------------------------------------------------


def _heading(parent: QWidget, scale: float = 1.15) -> QLabel:
    label = QLabel(parent)
    font = QFont(label.font())
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def _text(parent: QWidget, *, selectable: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _FitTable(QTableWidget):
    """A read-only table that grows to show all its rows: the page scrolls, not the table.

    Every column but the last fits its contents; the last one takes the rest of the width and
    wraps.
    """

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(0, columns, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in range(columns - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self._schedule())
        self._pending = False

    def refit(self) -> None:
        """Resize the rows to their text and the table to its rows."""
        self._pending = False
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        height += rows if rows else self.fontMetrics().height() + 8
        bar = self.horizontalScrollBar()
        if bar.maximum() > 0:
            height += bar.sizeHint().height()
        if self.height() != height:
            self.setFixedHeight(height)

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.refit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule()


def _section(layout: QVBoxLayout, heading: QLabel, *widgets: QWidget) -> None:
    """A section of a page: some space, its heading, its widgets."""
    layout.addSpacing(12)
    layout.addWidget(heading)
    for widget in widgets:
        layout.addWidget(widget)


def _cell(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    align = Qt.AlignmentFlag.AlignRight if number else Qt.AlignmentFlag.AlignLeft
    item.setTextAlignment(align | Qt.AlignmentFlag.AlignTop)
    item.setToolTip(text)
    return item


class PrivacyCenter(QWidget):
    """The privacy center window (see the module docstring).

    ``services`` is the bootstrap's :class:`~nework_desktop.services.session.Services` (or
    anything with ``paths``, ``policy``, ``ledger``, ``consent``, ``account`` and ``egress``);
    ``opener`` opens URLs (default: ``QDesktopServices.openUrl``); ``deletions`` is the app's
    deletion retrier (without one, the center makes its own when there is an account).  The
    dialogs are methods that tests replace: :meth:`choose_export_path`, :meth:`confirm_overwrite`,
    :meth:`confirm_withdraw`, :meth:`confirm_deletion_request`.
    """

    choices_changed = Signal(dict)
    delete_requested = Signal()
    withdraw_requested = Signal()
    export_finished = Signal(str)  # the path written
    export_failed = Signal(str)  # a message
    sizes_ready = Signal()

    PAGES: tuple[str, ...] = ("consent", "collected", "sent", "data", "export", "links")

    def __init__(
        self,
        services: Services | _ServicesLike,
        locale: str,
        *,
        opener: UrlOpener | None = None,
        deletions: DeletionRetrier | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.services = services
        self.paths: AppPaths = services.paths
        self.policy: Policy = services.policy
        self.ledger: ConsentLedger = services.ledger
        self._locale = locale
        self._opener: UrlOpener = opener if opener is not None else QDesktopServices.openUrl
        self._export_task: Task[Path] | None = None
        self._size_task: Task[dict[Path, int | None]] | None = None
        self._sizes: dict[Path, int | None] = {}
        self.policy_viewer: QWidget | None = None
        account = services.account
        if deletions is None and account is not None:
            from nework_desktop.services.deletion import DeletionRequests

            deletions = DeletionRetrier(
                DeletionRequests(self.paths, lambda: account.client, account=account), parent=self
            )
            deletions.start(first_delay_ms=1000)
        self.deletions = deletions
        self.resize(960, 680)
        self._build()
        self.retranslate()  # also fills every page (refresh)
        if deletions is not None:
            deletions.changed.connect(self._show_deletion)
            deletions.busy_changed.connect(lambda _busy: self._show_deletion(deletions.state()))
        self.nav.setCurrentRow(0)
        self.nav.setFocus()

    # -- building ------------------------------------------------------------------------------

    def _page(self) -> tuple[QScrollArea, QWidget, QVBoxLayout]:
        area = QScrollArea(self.stack)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(area)
        layout = QVBoxLayout(body)
        area.setWidget(body)
        self.stack.addWidget(area)
        self._page_layouts.append(layout)
        return area, body, layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        row = QHBoxLayout()
        outer.addLayout(row, 1)
        self.nav = QListWidget(self)
        self.nav.setMaximumWidth(240)
        self.nav.setMinimumWidth(180)
        self.nav.setSpacing(3)
        for _ in self.PAGES:
            self.nav.addItem(QListWidgetItem())
        row.addWidget(self.nav)
        self.stack = QStackedWidget(self)
        row.addWidget(self.stack, 1)
        self.nav.currentRowChanged.connect(self._page_changed)
        self._page_layouts: list[QVBoxLayout] = []
        self._build_consent()
        self._build_collected()
        self._build_sent()
        self._build_data()
        self._build_export()
        self._build_links()
        for layout in self._page_layouts:
            layout.addStretch(1)  # pages start at the top
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        bottom.addWidget(self.close_button)
        outer.addLayout(bottom)
        self._close_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        self._close_shortcut.activated.connect(self.close)
        self._escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._escape_shortcut.activated.connect(self.close)

    def _build_consent(self) -> None:
        self.consent_page, body, layout = self._page()
        self.consent_heading = _heading(body)
        self.consent_status = _text(body, selectable=True)
        self.consent_choices = _text(body)
        self.change_heading = _heading(body, 1.0)
        self.change_summary = _text(body)
        self.view_policy_button = QPushButton(body)
        self.view_policy_button.clicked.connect(self.show_policy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.view_policy_button)
        buttons.addStretch(1)
        self.revisions_heading = _heading(body, 1.0)
        self.revisions_table = _FitTable(3, body)
        self.decisions_heading = _heading(body, 1.0)
        self.decisions_table = _FitTable(4, body)
        for label in (self.consent_heading, self.consent_status, self.consent_choices):
            layout.addWidget(label)
        layout.addLayout(buttons)
        _section(layout, self.change_heading, self.change_summary)
        _section(layout, self.revisions_heading, self.revisions_table)
        _section(layout, self.decisions_heading, self.decisions_table)

    def _build_collected(self) -> None:
        self.collected_page, body, layout = self._page()
        self.collected_heading = _heading(body)
        self.collected_intro = _text(body)
        self.collect_table = CollectTable(body)
        self.modules_heading = _heading(body, 1.0)
        self.modules_intro = _text(body)
        self.switch_status = _text(body)
        self.switch_status.setVisible(False)
        layout.addWidget(self.collected_heading)
        layout.addWidget(self.collected_intro)
        layout.addWidget(self.collect_table)
        _section(layout, self.modules_heading, self.modules_intro, self.switch_status)
        self.module_cards: list[ModuleCard] = []
        self.module_switches: dict[str, QCheckBox] = {}
        for module in self.policy.modules:
            card = ModuleCard(module, self.open_link, body)
            layout.addWidget(card)
            self.module_cards.append(card)
            if card.switch is not None:
                self.module_switches[module.id] = card.switch
                card.switch.toggled.connect(
                    lambda checked, mid=module.id: self._switch_toggled(mid, checked)
                )

    def _build_sent(self) -> None:
        self.sent_page, body, layout = self._page()
        self.sent_heading = _heading(body)
        self.sent_intro = _text(body)
        controls = QHBoxLayout()
        self.period_label = QLabel(body)
        self.days_combo = QComboBox(body)
        for _ in PERIODS:
            self.days_combo.addItem("")
        self.days_combo.setCurrentIndex(PERIODS.index(DEFAULT_PERIOD))
        self.period_label.setBuddy(self.days_combo)
        self.days_combo.currentIndexChanged.connect(lambda _i: self.refresh_sent())
        self.refresh_button = QPushButton(body)
        self.refresh_button.clicked.connect(self.refresh_sent)
        controls.addWidget(self.period_label)
        controls.addWidget(self.days_combo)
        controls.addWidget(self.refresh_button)
        controls.addStretch(1)
        self.sent_table = _FitTable(6, body)
        self.sent_empty = _text(body)
        self.blocked_heading = _heading(body, 1.0)
        self.blocked_intro = _text(body)
        self.blocked_table = _FitTable(4, body)
        layout.addWidget(self.sent_heading)
        layout.addWidget(self.sent_intro)
        layout.addLayout(controls)
        layout.addWidget(self.sent_table)
        layout.addWidget(self.sent_empty)
        _section(layout, self.blocked_heading, self.blocked_intro, self.blocked_table)

    def _build_data(self) -> None:
        self.data_page, body, layout = self._page()
        self.data_heading = _heading(body)
        self.data_intro = _text(body)
        layout.addWidget(self.data_heading)
        layout.addWidget(self.data_intro)
        self.folders_box = QGroupBox(body)
        grid = QGridLayout(self.folders_box)
        self.folder_headers = [QLabel(self.folders_box) for _ in range(3)]
        for column, header in enumerate(self.folder_headers):
            font = QFont(header.font())
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
        self.roots: list[Path] = self.paths.roots()
        self.folder_labels: dict[Path, QLabel] = {}
        self.holds_labels: dict[Path, QLabel] = {}
        self.size_labels: dict[Path, QLabel] = {}
        self.open_buttons: dict[Path, QPushButton] = {}
        for n, root in enumerate(self.roots, start=1):
            folder = _text(self.folders_box, selectable=True)
            folder.setText(str(root))
            holds = _text(self.folders_box)
            size = QLabel(self.folders_box)
            size.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            button = QPushButton(self.folders_box)
            button.clicked.connect(lambda _=False, r=root: self.open_folder(r))
            grid.addWidget(folder, n, 0)
            grid.addWidget(holds, n, 1)
            grid.addWidget(size, n, 2)
            grid.addWidget(button, n, 3)
            self.folder_labels[root] = folder
            self.holds_labels[root] = holds
            self.size_labels[root] = size
            self.open_buttons[root] = button
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout.addWidget(self.folders_box)
        self.sizes_refresh_button = QPushButton(body)
        self.sizes_refresh_button.clicked.connect(self.refresh_sizes)
        refresh_row = QHBoxLayout()
        refresh_row.addWidget(self.sizes_refresh_button)
        refresh_row.addStretch(1)
        layout.addLayout(refresh_row)
        self.device_heading = _heading(body, 1.0)
        self.device_intro = _text(body)
        self.device_id_label = _text(body, selectable=True)
        mono = QFont(self.device_id_label.font())
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setFamilies(["Menlo", "Consolas", "monospace"])
        self.device_id_label.setFont(mono)
        _section(layout, self.device_heading, self.device_intro, self.device_id_label)

    def _build_export(self) -> None:
        self.export_page, body, layout = self._page()
        self.export_heading = _heading(body)
        self.export_intro = _text(body)
        self.export_button = QPushButton(body)
        self.export_button.clicked.connect(self.export_my_data)
        self.export_progress = QProgressBar(body)
        self.export_progress.setVisible(False)
        self.export_status = _text(body, selectable=True)
        self.export_status.setVisible(False)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addWidget(self.export_progress)
        export_row.addStretch(1)
        self.export_progress.setMinimumWidth(200)
        layout.addWidget(self.export_heading)
        layout.addWidget(self.export_intro)
        layout.addLayout(export_row)
        layout.addWidget(self.export_status)

        self.service_heading = _heading(body)
        self.service_intro = _text(body)
        self.deletion_button = QPushButton(body)
        self.deletion_button.clicked.connect(self.ask_service_deletion)
        self.deletion_status = _text(body, selectable=True)
        deletion_row = QHBoxLayout()
        deletion_row.addWidget(self.deletion_button)
        deletion_row.addStretch(1)
        _section(layout, self.service_heading, self.service_intro)
        layout.addLayout(deletion_row)
        layout.addWidget(self.deletion_status)

        self.local_heading = _heading(body)
        self.delete_intro = _text(body)
        self.delete_button = QPushButton(body)
        self.delete_button.clicked.connect(self.delete_requested)
        delete_row = QHBoxLayout()
        delete_row.addWidget(self.delete_button)
        delete_row.addStretch(1)
        self.withdraw_intro = _text(body)
        self.withdraw_button = QPushButton(body)
        self.withdraw_button.clicked.connect(self.ask_withdraw)
        withdraw_row = QHBoxLayout()
        withdraw_row.addWidget(self.withdraw_button)
        withdraw_row.addStretch(1)
        _section(layout, self.local_heading, self.delete_intro)
        layout.addLayout(delete_row)
        layout.addWidget(self.withdraw_intro)
        layout.addLayout(withdraw_row)

    def _build_links(self) -> None:
        self.links_page, body, layout = self._page()
        self.links_heading = _heading(body)
        self.links_intro = _text(body)
        layout.addWidget(self.links_heading)
        layout.addWidget(self.links_intro)
        self.link_buttons: list[tuple[QPushButton, str]] = []
        for link in self.policy.links:
            button = QPushButton(body)
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, url=link.url: self.open_link(url))
            layout.addWidget(button)
            self.link_buttons.append((button, link.url))

    # -- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every string in the current language (tr() and the policy's own texts)."""
        loc = self._locale
        policy = self.policy
        self.setWindowTitle(self.tr("Privacy center — NeWork"))
        titles = (
            self.tr("Consent"),
            self.tr("What is collected"),
            self.tr("What was sent"),
            self.tr("Your data on this device"),
            self.tr("Export and delete"),
            self.tr("Policies and contact"),
        )
        for row, title in enumerate(titles):
            item = self.nav.item(row)
            item.setText(title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        self.nav.setAccessibleName(self.tr("Privacy center sections"))
        self.nav.setAccessibleDescription(
            self.tr("Choose a section with the arrow keys; Tab moves into it")
        )
        self.stack.setAccessibleName(self.tr("Privacy center section"))
        pages = (
            self.consent_page,
            self.collected_page,
            self.sent_page,
            self.data_page,
            self.export_page,
            self.links_page,
        )
        for page, title in zip(pages, titles, strict=True):
            page.setAccessibleName(title)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the privacy center"))

        # Consent
        self.consent_heading.setText(self.tr("Your consent"))
        self.change_heading.setText(
            self.tr("About version {version}").format(version=policy.version)
        )
        self.change_summary.setText(policy.change_summary.get(loc))
        self.view_policy_button.setText(self.tr("View policy"))
        self.view_policy_button.setAccessibleName(self.tr("View the privacy policy"))
        self.revisions_heading.setText(self.tr("Revision history"))
        self.revisions_table.setHorizontalHeaderLabels(
            [self.tr("In effect from"), self.tr("Reference"), self.tr("What changed")]
        )
        self.revisions_table.setAccessibleName(self.tr("Revision history of the policy"))
        self.decisions_heading.setText(self.tr("Your decisions"))
        self.decisions_table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Decision"), self.tr("Policy version"), self.tr("Modules")]
        )
        self.decisions_table.setAccessibleName(
            self.tr("Your decisions on the privacy policy, newest first")
        )

        # What is collected
        self.collected_heading.setText(self.tr("What is collected"))
        self.collected_intro.setText(
            self.tr(
                "The information NeWork collects, why, and how (Article 2 of the privacy "
                "policy). The app collects nothing that is not in this table."
            )
        )
        self.collect_table.setHorizontalHeaderLabels(
            [
                self.tr("Information"),
                self.tr("Purpose"),
                self.tr("How it is collected"),
                self.tr("Plans"),
            ]
        )
        self.collect_table.fill(
            policy, loc, {"all": self.tr("All plans"), "enterprise": self.tr("Enterprise only")}
        )
        self.collect_table.setAccessibleName(self.tr("Information collected (Article 2)"))
        self.modules_heading.setText(self.tr("Collection modules"))
        self.modules_intro.setText(
            self.tr(
                "Third-party programs that collect usage data (Article 2-2). A change takes "
                "effect at once: a module you switch off gets nothing more from this app, and "
                "its cookies are deleted. Your choice is added to your consent record."
            )
        )
        for card in self.module_cards:
            card.retranslate(loc)
            module = card.module
            if module.on_desktop and module.opt_out_allowed:
                card.status_label.setText(
                    self.tr("Uses cookies. Uncheck to switch it off in this app.")
                    if module.uses_cookies
                    else self.tr("Uncheck to switch it off in this app.")
                )
        self.switch_status.setAccessibleName(self.tr("Result of the last change"))

        # What was sent
        self.sent_heading.setText(self.tr("What was sent"))
        self.sent_intro.setText(
            self.tr(
                "Before anything leaves this computer, NeWork checks where it goes against the "
                "privacy policy. This table counts, per day and destination, how many "
                "connections were allowed and how many were blocked. Only these counts and the "
                "destination names are kept — never what was sent. Days are counted in UTC."
            )
        )
        self.period_label.setText(self.tr("&Period:"))
        labels = {
            1: self.tr("Today"),
            7: self.tr("Last 7 days"),
            14: self.tr("Last 14 days"),
            31: self.tr("Last 31 days"),
        }
        for index, days in enumerate(PERIODS):
            self.days_combo.setItemText(index, labels[days])
        self.days_combo.setAccessibleName(self.tr("Period shown"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the list of what was sent"))
        self.sent_table.setHorizontalHeaderLabels(
            [
                self.tr("Day"),
                self.tr("Destination"),
                self.tr("Belongs to"),
                self.tr("Allowed"),
                self.tr("Blocked"),
                self.tr("Why blocked"),
            ]
        )
        self.sent_table.setAccessibleName(self.tr("Connections per day and destination"))
        self.sent_empty.setText(self.tr("Nothing was sent or blocked in this period."))
        self.blocked_heading.setText(self.tr("Recently blocked"))
        self.blocked_intro.setText(
            self.tr("The latest connections the app refused since it was started.")
        )
        self.blocked_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Destination"), self.tr("Belongs to"), self.tr("Why")]
        )
        self.blocked_table.setAccessibleName(self.tr("Recently blocked connections"))

        # Your data on this device
        self.data_heading.setText(self.tr("Your data on this device"))
        self.data_intro.setText(
            self.tr(
                "NeWork keeps its data only in these folders. Uninstalling NeWork, or "
                "“Delete all local data”, removes all of them."
            )
        )
        self.folders_box.setTitle(self.tr("Folders"))
        for header, text in zip(
            self.folder_headers,
            (self.tr("Folder"), self.tr("What it holds"), self.tr("Size")),
            strict=True,
        ):
            header.setText(text)
        for root in self.roots:
            self.holds_labels[root].setText(self._holds(root))
            button = self.open_buttons[root]
            button.setText(self.tr("Open folder"))
            button.setAccessibleName(self.tr("Open folder {path}").format(path=root))
            self.folder_labels[root].setAccessibleName(self.tr("Folder"))
            self.size_labels[root].setAccessibleName(
                self.tr("Size of {path}").format(path=root.name)
            )
        self.sizes_refresh_button.setText(self.tr("Recount sizes"))
        self.sizes_refresh_button.setAccessibleName(self.tr("Count the folder sizes again"))
        self.device_heading.setText(self.tr("Device ID"))
        self.device_intro.setText(
            self.tr(
                "A random number made for this installation of NeWork. It is not taken from "
                "your computer's hardware, it identifies only this installation, and it is "
                "deleted with the local data."
            )
        )
        self.device_id_label.setAccessibleName(self.tr("Device ID"))

        # Export and delete
        self.export_heading.setText(self.tr("Export my data"))
        self.export_intro.setText(
            self.tr(
                "Saves a zip file with your consent receipts, your settings, your account "
                "summary and the record of what was sent. It contains no password or token."
            )
        )
        self.export_button.setText(self.tr("Export my data…"))
        self.export_button.setAccessibleName(self.tr("Export my data to a zip file"))
        self.export_progress.setAccessibleName(self.tr("Export progress"))
        self.export_status.setAccessibleName(self.tr("Export result"))
        self.service_heading.setText(self.tr("Your data on the NeWork service"))
        self.service_intro.setText(
            self.tr(
                "Ask NTT Communications to delete the data the NeWork service keeps about you. "
                "The request is sent once; if the service cannot be reached, the app keeps "
                "trying until the service confirms it. If you also want to withdraw your "
                "consent, ask for the deletion first."
            )
        )
        self.deletion_button.setText(self.tr("Ask the service to delete my data…"))
        self.deletion_button.setAccessibleName(self.tr("Ask the NeWork service to delete my data"))
        self.deletion_status.setAccessibleName(self.tr("Deletion request status"))
        self.local_heading.setText(self.tr("On this computer"))
        self.delete_intro.setText(
            self.tr(
                "Delete everything NeWork keeps on this computer and start again from the "
                "beginning. Your account on the NeWork service is not deleted."
            )
        )
        self.delete_button.setText(self.tr("Delete all local data…"))
        self.delete_button.setAccessibleName(
            self.tr("Delete all of NeWork's data on this computer")
        )
        self.withdraw_intro.setText(
            self.tr(
                "Withdraw your consent to the privacy policy: NeWork stops collecting and "
                "sending anything and asks for your consent again."
            )
        )
        self.withdraw_button.setText(self.tr("Withdraw consent…"))
        self.withdraw_button.setAccessibleName(self.tr("Withdraw consent and stop using NeWork"))

        # Policies and contact
        self.links_heading.setText(self.tr("Policies and contact"))
        self.links_intro.setText(
            self.tr(
                "These pages open in your web browser. For questions about how your "
                "information is handled, use the inquiry form (Article 10)."
            )
        )
        for (button, url), link in zip(self.link_buttons, policy.links, strict=True):
            label = link.label.get(loc)
            button.setText(label)
            button.setToolTip(url)
            button.setAccessibleName(label)
            button.setAccessibleDescription(
                self.tr("Opens {url} in your web browser").format(url=url)
            )
        self.refresh()

    def _holds(self, root: Path) -> str:
        names = {
            "data": self.tr("consent record, account summary, device ID"),
            "config": self.tr("settings"),
            "cache": self.tr("temporary files"),
            "log": self.tr("logs"),
            "state": self.tr("record of what was sent, pending requests"),
            "web_profile": self.tr("workspace web data (cookies, storage)"),
            "web_cache": self.tr("workspace web cache"),
        }
        seen: list[str] = []
        for role in self.paths.roles_in(root):
            text = names.get(role, role)
            if text not in seen:
                seen.append(text)
        return ", ".join(seen)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            app = QCoreApplication.instance()
            installed = current_locale(app) if app is not None else None
            if installed:
                self._locale = installed
            self.retranslate()
        super().changeEvent(event)

    # -- formatting ----------------------------------------------------------------------------

    @property
    def qlocale(self) -> QLocale:
        return user_locale(self._locale)

    def format_date(self, value: date) -> str:
        """A date in the user's locale, long form without the weekday."""
        return format_day(value, self._locale)

    def format_time(self, moment: datetime) -> str:
        """A UTC moment as local date and time in the user's locale."""
        return format_moment(moment, self._locale)

    def format_size(self, size: int) -> str:
        """Bytes in KB/MB (base 1024), with the locale's decimal separator."""
        ql = self.qlocale
        if size < 1024:
            return self.tr("{n} bytes").format(n=ql.toString(size))
        for unit, power in (("KB", 1), ("MB", 2), ("GB", 3)):
            value = size / 1024**power
            if value < 1024 or unit == "GB":
                return f"{ql.toString(value, 'f', 1)} {unit}"
        raise AssertionError("unreachable")  # pragma: no cover

    def _stamp_text(self, stamp: str | None) -> str:
        moment = parse_utc(stamp)
        return self.format_time(moment) if moment is not None else (stamp or "—")

    def _language_name(self, locale: str) -> str:
        return "日本語" if locale.startswith("ja") else "English"

    def _module_name(self, module_id: str) -> str:
        try:
            return self.policy.module(module_id).name
        except KeyError:
            return module_id

    def _choices_text(self, modules: Mapping[str, bool]) -> str:
        parts = []
        for module_id, enabled in sorted(modules.items()):
            state = self.tr("on") if enabled else self.tr("off")
            parts.append(f"{self._module_name(module_id)}: {state}")
        return ", ".join(parts) or "—"

    # -- refreshing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read everything cheap (ledger, log, device ID, deletion state); sizes too."""
        self.refresh_consent()
        self.refresh_sent()
        self.refresh_device()
        self._show_deletion(self.deletions.state() if self.deletions is not None else None)
        self._show_sizes()

    def _consent_state(self) -> ConsentState | None:
        try:
            return self.ledger.read()
        except Exception as exc:
            log.warning("consent ledger unreadable: %s", type(exc).__name__)
            return None

    def refresh_consent(self) -> None:
        state = self._consent_state()
        accepted = state.last_accepted if state is not None and state.state == "accepted" else None
        if accepted is None or state is None:
            self.consent_status.setText(self.tr("No consent is on record."))
            self.consent_choices.setText("")
        else:
            since = self._agreed_since(state.records, accepted)
            revision = next(
                (r for r in self.policy.revisions if r.version == accepted.policy_version), None
            )
            effective = (
                self.format_date(revision.effective)
                if revision is not None
                else accepted.policy_version
            )
            self.consent_status.setText(
                self.tr(
                    "You agreed to the privacy policy in effect from {effective} "
                    "(version {version}) on {date}, reading it in {language}."
                ).format(
                    effective=effective,
                    version=accepted.policy_version,
                    date=self._stamp_text(since.recorded_at),
                    language=self._language_name(accepted.locale),
                )
            )
            choices = self.tr("Collection modules: {choices}.").format(
                choices=self._choices_text(self._current_choices(accepted))
            )
            if since is not accepted:
                choices += " " + self.tr("Last changed on {date}.").format(
                    date=self._stamp_text(accepted.recorded_at)
                )
            self.consent_choices.setText(choices)
        self._fill_revisions()
        self._fill_decisions(state.records if state is not None else ())
        self._sync_switches(accepted)

    @staticmethod
    def _agreed_since(records: Sequence[ConsentRecord], last: ConsentRecord) -> ConsentRecord:
        """The record where the current agreement began (later ones only changed modules)."""
        since = last
        for record in reversed(records):
            if (
                record.decision is not Decision.ACCEPTED
                or record.policy_version != last.policy_version
            ):
                break
            since = record
        return since

    def _fill_revisions(self) -> None:
        loc = self._locale
        revisions = sorted(self.policy.revisions, key=lambda r: r.effective, reverse=True)
        table = self.revisions_table
        table.setRowCount(len(revisions))
        for row, revision in enumerate(revisions):
            table.setItem(row, 0, _cell(self.format_date(revision.effective)))
            table.setItem(row, 1, _cell(revision.reference))
            table.setItem(row, 2, _cell(revision.summary.get(loc)))
        table.refit()

    def _fill_decisions(self, records: Sequence[ConsentRecord]) -> None:
        table = self.decisions_table
        rows = list(reversed(records))
        table.setRowCount(len(rows))
        previous: dict[int, ConsentRecord] = {r.seq: r for r in records}
        for row, record in enumerate(rows):
            before = previous.get(record.seq - 1)
            if record.decision is Decision.WITHDRAWN:
                decision = self.tr("Withdrew consent")
            elif (
                before is not None
                and before.decision is Decision.ACCEPTED
                and before.policy_version == record.policy_version
            ):
                decision = self.tr("Changed module choices")
            else:
                decision = self.tr("Agreed")
            table.setItem(row, 0, _cell(self._stamp_text(record.recorded_at)))
            table.setItem(row, 1, _cell(decision))
            table.setItem(row, 2, _cell(record.policy_version))
            table.setItem(row, 3, _cell(self._choices_text(record.modules)))
        table.refit()

    def refresh_device(self) -> None:
        value = device_id(self.paths)  # reads only
        self.device_id_label.setText(value if value else self.tr("Not created yet."))

    # -- What is collected: the switches -------------------------------------------------------

    def _current_choices(self, record: ConsentRecord | None) -> dict[str, bool]:
        choices = self.policy.default_module_choices()
        if record is not None:
            choices.update({k: v for k, v in record.modules.items() if k in choices})
        egress = self.services.egress
        if egress is not None and egress.state.consented:
            choices.update({k: v for k, v in egress.state.choices.items() if k in choices})
        return choices

    def _sync_switches(self, accepted: ConsentRecord | None) -> None:
        choices = self._current_choices(accepted)
        for module_id, switch in self.module_switches.items():
            switch.blockSignals(True)
            switch.setChecked(choices.get(module_id, True))
            switch.setEnabled(accepted is not None)
            switch.blockSignals(False)

    def _switch_toggled(self, module_id: str, checked: bool) -> None:
        from nework_desktop.services.consent import NoConsentOnRecord

        switch = self.module_switches[module_id]
        name = self._module_name(module_id)
        try:
            record = self.services.consent.change_modules(module_id, checked)
        except NoConsentOnRecord:
            self._revert(switch, checked)
            self._say_switch(self.tr("There is no consent on record: nothing was changed."))
            return
        except Exception as exc:
            log.error("module choice not recorded: %s", exc)
            self._revert(switch, checked)
            self._say_switch(
                self.tr(
                    "Your choice could not be saved, so nothing was changed. Check that the "
                    "disk is not full and try again."
                )
            )
            return
        self.choices_changed.emit(dict(record.modules))
        if checked:
            message = self.tr("{name} is on again.").format(name=name)
        else:
            message = self.tr(
                "{name} is off: nothing more is sent to it from this app, and its cookies "
                "were deleted."
            ).format(name=name)
        self._say_switch(message)
        self.refresh_consent()
        self.refresh_sent()

    @staticmethod
    def _revert(switch: QCheckBox, checked: bool) -> None:
        switch.blockSignals(True)
        switch.setChecked(not checked)
        switch.blockSignals(False)

    def _say_switch(self, message: str) -> None:
        self.switch_status.setText(message)
        self.switch_status.setVisible(bool(message))

    # -- What was sent -------------------------------------------------------------------------

    @property
    def days(self) -> int:
        return PERIODS[max(0, self.days_combo.currentIndex())]

    def transmission_rows(self, days: int | None = None) -> list[TransmissionRow]:
        """The counted decisions of the last ``days`` days (all when None)."""
        egress = self.services.egress
        log_ = egress.transmissions if egress is not None else None
        if log_ is not None:
            return log_.rows(days=days)
        rows = read_transmissions(self.paths)
        if days is None:
            return rows
        oldest = (datetime.now(UTC).date() - timedelta(days=days - 1)).isoformat()
        return [row for row in rows if row.day >= oldest]

    def _belongs_to(self, host: str, module_id: str | None, allowed: int) -> str:
        if module_id is not None:
            try:
                module = self.policy.module(module_id)
            except KeyError:
                return module_id
            if not module.on_desktop:
                return self.tr("{name} (smartphone apps only)").format(name=module.name)
            return module.name
        egress = self.services.egress
        if allowed or (egress is not None and egress.is_service_host(host)):
            return self.tr("NeWork service")
        return self.tr("Not in the privacy policy")

    def _reason_text(self, reason: str) -> str:
        texts = {
            "before-consent": self.tr("before you agreed to the policy"),
            "opted-out": self.tr("you switched it off"),
            "undeclared-host": self.tr("not named in the privacy policy"),
            "not-on-desktop": self.tr("not part of the desktop app"),
            "unsupported-scheme": self.tr("not an internet address the app may use"),
        }
        return texts.get(reason, reason)

    def _reasons_text(self, reasons: Mapping[str, int]) -> str:
        if not reasons:
            return ""
        if len(reasons) == 1:
            return self._reason_text(next(iter(reasons)))
        return "; ".join(
            f"{self._reason_text(reason)} ({count})" for reason, count in sorted(reasons.items())
        )

    def _day_text(self, day: str) -> str:
        try:
            return self.format_date(date.fromisoformat(day))
        except ValueError:
            return day

    def refresh_sent(self) -> None:
        rows = sorted(
            self.transmission_rows(self.days), key=lambda r: (r.day, r.host), reverse=True
        )
        ql = self.qlocale
        table = self.sent_table
        table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            table.setItem(n, 0, _cell(self._day_text(row.day)))
            table.setItem(n, 1, _cell(row.host))
            table.setItem(n, 2, _cell(self._belongs_to(row.host, row.module_id, row.allowed)))
            table.setItem(n, 3, _cell(ql.toString(row.allowed), number=True))
            table.setItem(n, 4, _cell(ql.toString(row.blocked), number=True))
            table.setItem(n, 5, _cell(self._reasons_text(row.reasons)))
        table.refit()
        self.sent_empty.setVisible(not rows)
        egress = self.services.egress
        blocked = list(reversed(egress.recent_blocked())) if egress is not None else []
        self.blocked_table.setRowCount(len(blocked))
        for n, item in enumerate(blocked):
            self.blocked_table.setItem(n, 0, _cell(self._stamp_text(item.time)))
            self.blocked_table.setItem(n, 1, _cell(item.host or "—"))
            self.blocked_table.setItem(n, 2, _cell(self._belongs_to(item.host, item.module_id, 0)))
            self.blocked_table.setItem(n, 3, _cell(self._reason_text(item.reason)))
        self.blocked_table.refit()
        visible = egress is not None
        for widget in (self.blocked_heading, self.blocked_intro, self.blocked_table):
            widget.setVisible(visible)

    # -- Your data on this device --------------------------------------------------------------

    def refresh_sizes(self) -> None:
        """Count the folder sizes in a worker thread (one count at a time)."""
        if self._size_task is not None:
            return
        roots = list(self.roots)
        self.sizes_refresh_button.setEnabled(False)
        for root in roots:
            if root not in self._sizes:
                self.size_labels[root].setText(self.tr("Counting…"))
        self._size_task = run_task(
            lambda _t: {root: folder_size(root) for root in roots}, self._sizes_counted, parent=self
        )

    def _sizes_counted(self, result: object, error: BaseException | None) -> None:
        self._size_task = None
        self.sizes_refresh_button.setEnabled(True)
        if isinstance(result, dict):
            self._sizes = {Path(k): v for k, v in result.items()}
        self._show_sizes()
        self.sizes_ready.emit()

    def _show_sizes(self) -> None:
        for root in self.roots:
            label = self.size_labels[root]
            button = self.open_buttons[root]
            exists = root.is_dir()
            button.setEnabled(exists)
            if root not in self._sizes:
                continue
            size = self._sizes[root]
            label.setText(self.tr("Not created") if size is None else self.format_size(size))

    def open_folder(self, root: Path) -> bool:
        """Open an owned root in the file manager (nothing else may be opened this way)."""
        if root not in self.paths.roots() or not root.is_dir():
            log.warning("refused to open a folder that is not an existing owned root")
            return False
        return bool(self._opener(QUrl.fromLocalFile(str(root))))

    # -- links ---------------------------------------------------------------------------------

    def open_link(self, url: QUrl | str) -> bool:
        """Open a link in the system browser: https only."""
        target = url if isinstance(url, QUrl) else QUrl(url)
        if not is_https(target):
            log.warning("refused to open a link that is not https: %s", target.scheme())
            return False
        return bool(self._opener(target))

    # -- Consent: the policy text --------------------------------------------------------------

    def show_policy(self) -> None:
        from nework_desktop.ui.main_window import PolicyViewer

        if self.policy_viewer is not None and self.policy_viewer.isVisible():
            self.policy_viewer.raise_()
            self.policy_viewer.activateWindow()
            return
        viewer = PolicyViewer(self.policy, self._locale, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        viewer.destroyed.connect(self._viewer_gone)
        self.policy_viewer = viewer
        viewer.open()

    @Slot()
    def _viewer_gone(self) -> None:
        self.policy_viewer = None

    # -- Export --------------------------------------------------------------------------------

    @property
    def exporting(self) -> bool:
        return self._export_task is not None

    def default_export_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        base = Path(folder) if folder else Path.home()
        return base / f"NeWork-data-{datetime.now().date().isoformat()}.zip"

    def choose_export_path(self) -> Path | None:
        """Ask where to save the export (replace in tests); None if the user cancelled."""
        note_file_dialog(self.services.paths)
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export my data"),
            str(self.default_export_path()),
            self.tr("Zip archives (*.zip)"),
            "",
            QFileDialog.Option.DontConfirmOverwrite,  # confirm_overwrite() asks
        )
        note_file_dialog_done(self.services.paths)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")

    def confirm_overwrite(self, path: Path) -> bool:
        """Ask before replacing an existing file (replace in tests)."""
        answer = QMessageBox.question(
            self,
            self.tr("Export my data"),
            self.tr("“{name}” already exists. Replace it?").format(name=path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_my_data(self) -> bool:
        """Export my data…: ask where, then write the zip in a worker thread.

        False if an export is already running or the user cancelled.
        """
        if self._export_task is not None:
            return False
        dest = self.choose_export_path()
        if dest is None:
            return False
        overwrite = False
        if dest.exists() or dest.is_symlink():
            if not self.confirm_overwrite(dest):
                return False
            overwrite = True
        account = self.services.account
        summary: AccountSummary | None = (
            account.summary if account is not None else read_summary(self.paths)
        )
        egress = self.services.egress
        if egress is not None and egress.transmissions is not None:
            egress.transmissions.flush()
        rows = self.transmission_rows(None)
        prefs = Preferences.load(self.paths)
        principal = device_id(self.paths)
        paths, policy, ledger = self.paths, self.policy, self.ledger

        def work(task: Task[Path]) -> Path:
            return export_data(
                paths,
                policy,
                ledger,
                account_summary=summary,
                prefs=prefs,
                transmissions=rows,
                dest=dest,
                overwrite=overwrite,
                principal_id=principal,
                progress=task.progress,
            )

        self.export_button.setEnabled(False)
        self.export_progress.setRange(0, 0)
        self.export_progress.setVisible(True)
        self._set_export_status(self.tr("Exporting…"))
        self._export_task = run_task(
            work, self._export_done, progress=self._export_progressed, parent=self
        )
        return True

    def _export_progressed(self, done: int, total: int) -> None:
        self.export_progress.setRange(0, max(1, total))
        self.export_progress.setValue(done)

    def _export_done(self, result: object, error: BaseException | None) -> None:
        self._export_task = None
        self.export_button.setEnabled(True)
        self.export_progress.setVisible(False)
        if error is None and isinstance(result, Path):
            self._set_export_status(
                self.tr("Your data was saved to {path}.").format(path=str(result))
            )
            self.export_finished.emit(str(result))
            return
        if isinstance(error, FileExistsError):
            message = self.tr("A file with that name appeared meanwhile; nothing was replaced.")
        else:
            message = self.tr(
                "Your data could not be exported. Check that the folder exists and that there "
                "is enough free space, then try again."
            )
        log.warning("data export failed: %s", type(error).__name__)
        self._set_export_status(message)
        self.export_failed.emit(message)

    def _set_export_status(self, message: str) -> None:
        self.export_status.setText(message)
        self.export_status.setVisible(bool(message))

    # -- Delete, withdraw ----------------------------------------------------------------------

    def confirm_withdraw(self) -> bool:
        """Ask before withdrawing (replace in tests)."""
        return confirm_withdrawal(self)

    def ask_withdraw(self) -> None:
        if self.confirm_withdraw():
            self.withdraw_requested.emit()

    # -- Ask the service to delete my data -----------------------------------------------------

    def confirm_deletion_request(self) -> bool:
        """Ask before sending the deletion request (replace in tests)."""
        answer = QMessageBox.question(
            self,
            self.tr("Ask the service to delete my data"),
            self.tr(
                "NeWork will ask the NeWork service to delete the data it keeps about you. "
                "This cannot be undone. Send the request?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_service_deletion(self) -> bool:
        """Send the deletion request (once); False if it was not started."""
        retrier = self.deletions
        if retrier is None or retrier.busy:
            return False
        state = retrier.state()
        if state is not None:  # pending (retried by itself) or acknowledged
            return False
        account = self.services.account
        if account is not None and not account.signed_in:
            return False
        if not self.confirm_deletion_request():
            return False
        started = retrier.request()
        self._show_deletion(retrier.state())
        return started

    @Slot(object)
    def _show_deletion(self, state: object) -> None:
        retrier = self.deletions
        button = self.deletion_button
        if retrier is None:
            button.setEnabled(False)
            self.deletion_status.setText(
                self.tr("Sign in to NeWork to ask the service to delete your data.")
            )
            self.deletion_status.setToolTip("")
            return
        current = state if isinstance(state, DeletionState) else None
        busy = retrier.busy
        account = self.services.account
        signed_out = account is not None and not account.signed_in
        button.setEnabled(current is None and not busy and not signed_out)
        if current is None and signed_out and not busy:
            text = self.tr("Sign in to NeWork to ask the service to delete your data.")
            self.deletion_status.setToolTip("")
        elif current is None:
            text = self.tr("Sending the request…") if busy else self.tr("No request was sent.")
            self.deletion_status.setToolTip("")
        elif current.pending:
            text = self.tr(
                "Pending since {date}: waiting for the service to confirm. The app keeps "
                "trying by itself, also after a restart."
            ).format(date=self._stamp_text(current.created_at))
            if busy:
                text += " " + self.tr("Sending now…")
            self.deletion_status.setToolTip(current.last_error or "")
        else:
            text = self.tr("Acknowledged on {date}: the service received your request.").format(
                date=self._stamp_text(current.acknowledged_at or current.last_attempt_at)
            )
            self.deletion_status.setToolTip("")
        self.deletion_status.setText(text)

    # -- window --------------------------------------------------------------------------------

    def show_page(self, name: str) -> None:
        """Show one section ("consent", "collected", "sent", "data", "export", "links")."""
        self.nav.setCurrentRow(self.PAGES.index(name))

    @Slot(int)
    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        name = self.PAGES[row]
        if name == "sent":
            self.refresh_sent()
        elif name == "data":
            self.refresh_device()
            self.refresh_sizes()
        elif name == "consent":
            self.refresh_consent()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sizes and self._size_task is None:
            QTimer.singleShot(0, self, self.refresh_sizes)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Wait for work in progress (export, size count) before the window goes away."""
        for task in (self._export_task, self._size_task):
            if task is not None:
                task.wait(timeout)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.policy_viewer is not None:
            self.policy_viewer.close()
        super().closeEvent(event)
