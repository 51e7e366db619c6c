"""The privacy center's "Consent" page: what the user agreed to, and when.

The policy version and the date agreed to, the language it was read in, the module choices in
effect, where the text came from (shipped with the app, or the NeWork service's verified feed)
and whether NeWork confirmed the latest decision; the change summary of this version, the
revision history (附則) and the user's own decisions (the consent ledger, newest first, each
"Confirmed by NeWork on …" or "Waiting to be confirmed"); "View policy" opens the text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from nework_desktop.core.consent import ConsentRecord, Decision
from nework_desktop.core.proof import RecordProof
from nework_desktop.ui.i18n import format_day, format_stamp, language_label
from nework_desktop.ui.privacy.pages.base import (
    Page,
    consent_state,
    current_choices,
    module_name,
    record_proofs,
    section,
)
from nework_desktop.ui.tables import FitTable, table_cell
from nework_desktop.ui.widgets import heading, wrapping_label

__all__ = ["ConsentPage", "agreed_since"]


def agreed_since(records: Sequence[ConsentRecord], last: ConsentRecord) -> ConsentRecord:
    """The record where the current agreement began (later ones only changed modules)."""
    since = last
    for record in reversed(records):
        if record.decision is not Decision.ACCEPTED or record.policy_version != last.policy_version:
            break
        since = record
    return since


class ConsentPage(Page):
    """The page "Consent": the agreement on record, the policy's history, the decisions."""

    def build(self, body: QWidget, layout: QVBoxLayout) -> None:
        self.policy_viewer: QWidget | None = None
        self.consent_heading = heading(body)
        self.consent_status = wrapping_label(body, selectable=True)
        self.consent_choices = wrapping_label(body)
        self.proof_status = wrapping_label(body, selectable=True)
        self.policy_source = wrapping_label(body)
        self.change_heading = heading(body, 1.0)
        self.change_summary = wrapping_label(body)
        self.view_policy_button = QPushButton(body)
        self.view_policy_button.clicked.connect(self.show_policy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.view_policy_button)
        buttons.addStretch(1)
        self.revisions_heading = heading(body, 1.0)
        self.revisions_table = FitTable(3, body)
        self.decisions_heading = heading(body, 1.0)
        self.decisions_table = FitTable(5, body)
        for label in (
            self.consent_heading,
            self.consent_status,
            self.consent_choices,
            self.proof_status,
            self.policy_source,
        ):
            layout.addWidget(label)
        layout.addLayout(buttons)
        section(layout, self.change_heading, self.change_summary)
        section(layout, self.revisions_heading, self.revisions_table)
        section(layout, self.decisions_heading, self.decisions_table)

    def title(self) -> str:
        return self.tr("Consent")

    def retranslate(self) -> None:
        policy = self.policy
        self.consent_heading.setText(self.tr("Your consent"))
        self.change_heading.setText(
            self.tr("About version {version}").format(version=policy.version)
        )
        self.change_summary.setText(policy.change_summary.get(self.ui_locale))
        self.view_policy_button.setText(self.tr("View policy"))
        self.view_policy_button.setAccessibleName(self.tr("View policy"))
        self.view_policy_button.setAccessibleDescription(self.tr("View the privacy policy"))
        self.revisions_heading.setText(self.tr("Revision history"))
        self.revisions_table.setHorizontalHeaderLabels(
            [self.tr("In effect from"), self.tr("Reference"), self.tr("What changed")]
        )
        self.revisions_table.setAccessibleName(self.tr("Revision history of the policy"))
        self.decisions_heading.setText(self.tr("Your decisions"))
        self.decisions_table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Decision"),
                self.tr("Policy version"),
                self.tr("Modules"),
                self.tr("Confirmed by NeWork"),
            ]
        )
        self.proof_status.setAccessibleName(self.tr("Confirmation by NeWork"))
        self.policy_source.setAccessibleName(self.tr("Where this text came from"))
        self.decisions_table.setAccessibleName(
            self.tr("Your decisions on the privacy policy, newest first")
        )

    def shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        state = consent_state(self.services.ledger)
        records = state.records if state is not None else ()
        proofs = record_proofs(self.services, records)
        self._show_source()
        self._show_proof(proofs.get(records[-1].seq) if records else None)
        accepted = state.last_accepted if state is not None and state.state == "accepted" else None
        if accepted is None or state is None:
            self.consent_status.setText(self.tr("No consent is on record."))
            self.consent_choices.setText("")
        else:
            since = agreed_since(state.records, accepted)
            revision = next(
                (r for r in self.policy.revisions if r.version == accepted.policy_version), None
            )
            effective = (
                format_day(revision.effective, self.ui_locale)
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
                    date=format_stamp(since.recorded_at, self.ui_locale),
                    language=language_label(accepted.locale),
                )
            )
            choices = self.tr("Collection modules: {choices}.").format(
                choices=self._choices_text(current_choices(self.services, accepted))
            )
            if since is not accepted:
                choices += " " + self.tr("Last changed on {date}.").format(
                    date=format_stamp(accepted.recorded_at, self.ui_locale)
                )
            self.consent_choices.setText(choices)
        self._fill_revisions()
        self._fill_decisions(records, proofs)

    def _choices_text(self, modules: Mapping[str, bool]) -> str:
        parts = []
        for module_id, enabled in sorted(modules.items()):
            state = self.tr("on") if enabled else self.tr("off")
            parts.append(f"{module_name(self.policy, module_id)}: {state}")
        return ", ".join(parts) or "—"

    def _fill_revisions(self) -> None:
        revisions = sorted(self.policy.revisions, key=lambda r: r.effective, reverse=True)
        table = self.revisions_table
        table.setRowCount(len(revisions))
        for row, revision in enumerate(revisions):
            table.setItem(row, 0, table_cell(format_day(revision.effective, self.ui_locale)))
            table.setItem(row, 1, table_cell(revision.reference))
            table.setItem(row, 2, table_cell(revision.summary.get(self.ui_locale)))
        table.refit()

    def _show_source(self) -> None:
        source = self.services.source
        version = self.policy.version
        verified = source.verified_at if source is not None else None
        if source is not None and source.source == "service":
            text = self.tr(
                "This text came from the NeWork service (version {version}), verified on {date}."
            ).format(version=version, date=format_stamp(verified, self.ui_locale))
        elif verified:
            text = self.tr(
                "This text shipped with NeWork (version {version}); the NeWork service confirmed "
                "on {date} that it is current."
            ).format(version=version, date=format_stamp(verified, self.ui_locale))
        else:
            text = self.tr("This text shipped with NeWork (version {version}).").format(
                version=version
            )
        self.policy_source.setText(text)

    def _proof_text(self, proof: RecordProof | None) -> str:
        if proof is None or proof.state == "none":
            return "—"
        if proof.state == "confirmed":
            return self.tr("Confirmed by NeWork on {date}").format(
                date=format_stamp(proof.acknowledged_at, self.ui_locale)
            )
        return self.tr("Waiting to be confirmed")

    def _show_proof(self, proof: RecordProof | None) -> None:
        if proof is None or proof.state == "none":
            self.proof_status.setVisible(False)
            return
        if proof.state == "confirmed":
            text = self.tr("Your latest decision was confirmed by NeWork on {date}.").format(
                date=format_stamp(proof.acknowledged_at, self.ui_locale)
            )
        else:
            text = self.tr(
                "Your latest decision is waiting to be confirmed by NeWork; the app sends it "
                "again by itself, also after a restart."
            )
        self.proof_status.setText(text)
        self.proof_status.setVisible(True)

    def _fill_decisions(
        self, records: Sequence[ConsentRecord], proofs: Mapping[int, RecordProof]
    ) -> None:
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
            table.setItem(row, 0, table_cell(format_stamp(record.recorded_at, self.ui_locale)))
            table.setItem(row, 1, table_cell(decision))
            table.setItem(row, 2, table_cell(record.policy_version))
            table.setItem(row, 3, table_cell(self._choices_text(record.modules)))
            table.setItem(row, 4, table_cell(self._proof_text(proofs.get(record.seq))))
        table.refit()

    # -- the policy text -----------------------------------------------------------------------

    def show_policy(self) -> None:
        """View policy: the text in a read-only window (one at a time)."""
        from nework_desktop.ui.policy_viewer import PolicyViewer

        if self.policy_viewer is not None and self.policy_viewer.isVisible():
            self.policy_viewer.raise_()
            self.policy_viewer.activateWindow()
            return
        viewer = PolicyViewer(self.policy, self.ui_locale, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        viewer.destroyed.connect(self._viewer_gone)
        self.policy_viewer = viewer
        viewer.open()

    @Slot()
    def _viewer_gone(self) -> None:
        self.policy_viewer = None

    def close_viewer(self) -> None:
        if self.policy_viewer is not None:
            self.policy_viewer.close()
