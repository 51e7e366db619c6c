"""The privacy center's "What was sent" page: the egress transmission log in plain words.

Per day (UTC), destination and module: how many connections were allowed and how many blocked,
and why (only these counts and the host names are ever kept); then the latest refusals of this
session.  Nothing here writes: the counts are read from the egress rules' log (or its file).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from nework_desktop.ui.i18n import format_day, format_stamp, user_locale
from nework_desktop.ui.privacy.pages.base import (
    Page,
    section,
    transmission_rows,
)
from nework_desktop.ui.tables import FitTable, table_cell
from nework_desktop.ui.widgets import heading, wrapping_label

__all__ = ["DEFAULT_PERIOD", "PERIODS", "SentPage"]

#: Periods of the page, in days.
PERIODS: tuple[int, ...] = (1, 7, 14, 31)
DEFAULT_PERIOD = 7


class SentPage(Page):
    """The page "What was sent": connections per day and destination, and recent refusals."""

    def build(self, body: QWidget, layout: QVBoxLayout) -> None:
        self.sent_heading = heading(body)
        self.sent_intro = wrapping_label(body)
        controls = QHBoxLayout()
        self.period_label = QLabel(body)
        self.days_combo = QComboBox(body)
        for _ in PERIODS:
            self.days_combo.addItem("")
        self.days_combo.setCurrentIndex(PERIODS.index(DEFAULT_PERIOD))
        self.period_label.setBuddy(self.days_combo)
        self.days_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton(body)
        self.refresh_button.clicked.connect(self.refresh)
        controls.addWidget(self.period_label)
        controls.addWidget(self.days_combo)
        controls.addWidget(self.refresh_button)
        controls.addStretch(1)
        self.sent_table = FitTable(6, body)
        self.sent_empty = wrapping_label(body)
        self.blocked_heading = heading(body, 1.0)
        self.blocked_intro = wrapping_label(body)
        self.blocked_table = FitTable(4, body)
        layout.addWidget(self.sent_heading)
        layout.addWidget(self.sent_intro)
        layout.addLayout(controls)
        layout.addWidget(self.sent_table)
        layout.addWidget(self.sent_empty)
        section(layout, self.blocked_heading, self.blocked_intro, self.blocked_table)

    def title(self) -> str:
        return self.tr("What was sent")

    @property
    def days(self) -> int:
        return PERIODS[max(0, self.days_combo.currentIndex())]

    def retranslate(self) -> None:
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
        self.blocked_table.set_empty_text(self.tr("Nothing was blocked since NeWork started."))
        self.sent_table.set_empty_text(self.tr("None yet."))

    def shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        rows = sorted(
            transmission_rows(self.services, self.days),
            key=lambda r: (r.day, r.host),
            reverse=True,
        )
        ql = user_locale(self.ui_locale)
        table = self.sent_table
        table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            table.setItem(n, 0, table_cell(self._day_text(row.day)))
            table.setItem(n, 1, table_cell(row.host))
            table.setItem(n, 2, table_cell(self._belongs_to(row.host, row.module_id, row.allowed)))
            table.setItem(n, 3, table_cell(ql.toString(row.allowed), number=True))
            table.setItem(n, 4, table_cell(ql.toString(row.blocked), number=True))
            table.setItem(n, 5, table_cell(self._reasons_text(row.reasons)))
        table.refit()
        self.sent_empty.setVisible(not rows)
        egress = self.services.egress
        blocked = list(reversed(egress.recent_blocked())) if egress is not None else []
        table = self.blocked_table
        table.setRowCount(len(blocked))
        for n, item in enumerate(blocked):
            table.setItem(n, 0, table_cell(format_stamp(item.time, self.ui_locale)))
            table.setItem(n, 1, table_cell(item.host or "—"))
            table.setItem(n, 2, table_cell(self._belongs_to(item.host, item.module_id, 0)))
            table.setItem(n, 3, table_cell(self._reason_text(item.reason)))
        table.refit()
        visible = egress is not None
        for widget in (self.blocked_heading, self.blocked_intro, self.blocked_table):
            widget.setVisible(visible)

    def _day_text(self, day: str) -> str:
        try:
            return format_day(date.fromisoformat(day), self.ui_locale)
        except ValueError:
            return day

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
