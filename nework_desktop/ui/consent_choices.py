"""The consent dialog's module choices, next to "Agree": one switch per module that may be off.

The switches (Google Analytics, KARTE) sit in the dialog's bottom row, always visible, so that
reading to the end, switching both off and agreeing takes a handful of key presses.  Each is a
:class:`~nework_desktop.ui.toggle.ToggleSwitch` whose accessible name starts with its visible
label (WCAG 2.5.3) and whose description says what "off" means.  The module cards in the
summary pane describe the same modules and point to these switches (``card.switch``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from nework_desktop.core.policy import Policy
from nework_desktop.ui.toggle import ToggleSwitch

__all__ = ["ModuleChoices"]


class ModuleChoices(QWidget):
    """ "Allow in this app: [Google Analytics] [KARTE]" -- the switches, on by default."""

    def __init__(self, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy = policy
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        row.addWidget(self.label)
        #: Module id → its switch, in the policy's order.
        self.switches: dict[str, ToggleSwitch] = {}
        defaults = policy.default_module_choices()
        for module in policy.modules:
            if not (module.on_desktop and module.opt_out_allowed):
                continue
            switch = ToggleSwitch(self)
            switch.setChecked(defaults.get(module.id, module.default_enabled))
            row.addWidget(switch)
            self.switches[module.id] = switch
        row.addStretch(1)

    def focus_widgets(self) -> list[QWidget]:
        """The switches in visual order."""
        return list(self.switches.values())

    def retranslate(self) -> None:
        self.label.setText(self.tr("Allow in this app:"))
        self.setAccessibleName(self.tr("Collection modules"))
        for module_id, switch in self.switches.items():
            name = self.policy.module(module_id).name
            switch.setText(name)
            switch.set_state_texts(self.tr("On"), self.tr("Off"))
            switch.setAccessibleName(self.tr("{0}: allow in this app").format(name))
            switch.setAccessibleDescription(
                self.tr(
                    "When off, nothing is sent to {0} from this app. You can change this later "
                    "in the privacy center."
                ).format(name)
            )
