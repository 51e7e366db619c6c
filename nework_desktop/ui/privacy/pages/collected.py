"""The privacy center's "What is collected" page: the Art. 2-1 table and the Art. 2-2 modules.

The Google Analytics and KARTE switches take effect at once: a new ACCEPTED ledger record (same
policy version, text hash and language, the new module choices, written by
:meth:`ConsentService.change_modules`, which also hands the choices to the egress rules -- the
workspace's CookieGuard then deletes the cookies of a module switched off), then
:attr:`CollectedPage.choices_changed`.  A choice that cannot be recorded changes nothing: the
switch goes back and the page says why.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from nework_desktop.core.consent import ConsentRecord
from nework_desktop.ui.privacy.pages.base import (
    Page,
    ServicesLike,
    accepted_record,
    module_name,
    section,
    sync_module_switches,
)
from nework_desktop.ui.tables import CollectTable
from nework_desktop.ui.widgets import ModuleCard, heading, wrapping_label

__all__ = ["CollectedPage", "change_module_choice"]

log = logging.getLogger("nework.ui.privacy")


def change_module_choice(
    services: ServicesLike, module_id: str, checked: bool
) -> tuple[ConsentRecord | None, str]:
    """Record a module switched on or off (the privacy center and Settings alike).

    Returns the new consent record and what to tell the user, or (None, why) when nothing
    was changed (no consent on record, or the record could not be written).
    """
    from nework_desktop.services.consent import NoConsentOnRecord

    name = module_name(services.policy, module_id)
    try:
        record = services.consent.change_modules(module_id, checked)
    except NoConsentOnRecord:
        return None, QCoreApplication.translate(
            "CollectedPage", "There is no consent on record: nothing was changed."
        )
    except Exception as exc:
        log.error("module choice not recorded: %s", exc)
        return None, QCoreApplication.translate(
            "CollectedPage",
            "Your choice could not be saved, so nothing was changed. Check that the "
            "disk is not full and try again.",
        )
    if checked:
        return record, QCoreApplication.translate("CollectedPage", "{name} is on again.").format(
            name=name
        )
    return record, QCoreApplication.translate(
        "CollectedPage",
        "{name} is off: nothing more is sent to it from this app, and its cookies were deleted.",
    ).format(name=name)


class CollectedPage(Page):
    """The page "What is collected": the table, one card per module, the switches."""

    #: The module choices just recorded (module id → allowed).
    choices_changed = Signal(dict)

    def build(self, body: QWidget, layout: QVBoxLayout) -> None:
        self.collected_heading = heading(body)
        self.collected_intro = wrapping_label(body)
        self.collect_table = CollectTable(body)
        self.modules_heading = heading(body, 1.0)
        self.modules_intro = wrapping_label(body)
        self.switch_status = wrapping_label(body)
        self.switch_status.setVisible(False)
        layout.addWidget(self.collected_heading)
        layout.addWidget(self.collected_intro)
        layout.addWidget(self.collect_table)
        section(layout, self.modules_heading, self.modules_intro, self.switch_status)
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

    def title(self) -> str:
        return self.tr("What is collected")

    def retranslate(self) -> None:
        self.collected_heading.setText(self.tr("What is collected"))
        self.collected_intro.setText(
            self.tr(
                "The information NeWork collects, why, and how (Article 2 of the privacy "
                "policy). The app collects nothing that is not in this table."
            )
        )
        self.collect_table.retranslate(self.policy, self.ui_locale)
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
            card.retranslate(self.ui_locale)
            module = card.module
            if module.on_desktop and module.opt_out_allowed:
                card.status_label.setText(
                    self.tr("Uses cookies. Switch it off below to stop it in this app.")
                    if module.uses_cookies
                    else self.tr("Switch it off below to stop it in this app.")
                )
        self.switch_status.setAccessibleName(self.tr("Result of the last change"))

    def shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Set the switches to the choices in effect (usable only with consent on record)."""
        self._sync_switches(accepted_record(self.services.ledger))

    def _sync_switches(self, accepted: ConsentRecord | None) -> None:
        sync_module_switches(self.module_switches, self.services, accepted)

    def _switch_toggled(self, module_id: str, checked: bool) -> None:
        switch = self.module_switches[module_id]
        record, message = change_module_choice(self.services, module_id, checked)
        if record is None:
            self._revert(switch, checked)
            self._say(message)
            return
        self.choices_changed.emit(dict(record.modules))
        self._say(message)
        self._sync_switches(record)

    @staticmethod
    def _revert(switch: QCheckBox, checked: bool) -> None:
        switch.blockSignals(True)
        switch.setChecked(not checked)
        switch.blockSignals(False)

    def _say(self, message: str) -> None:
        self.switch_status.setText(message)
        self.switch_status.setVisible(bool(message))
