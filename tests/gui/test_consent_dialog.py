"""The consent dialog (Art. 2, 4, 8, 10, 11) and the translation machinery behind it."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from nework_desktop.core.policy import Policy
from nework_desktop.resources import resource_path
from nework_desktop.ui import i18n
from nework_desktop.ui.consent_dialog import ConsentDialog, ConsentOutcome, Mode
from nework_desktop.ui.widgets import LinkLabel

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("_clean_translators")]

REPO = Path(__file__).resolve().parents[2]

DialogFactory = Callable[..., ConsentDialog]


@pytest.fixture
def opened() -> list[str]:
    """URLs the dialog handed to the system browser (recorded, never really opened)."""
    return []


@pytest.fixture
def make_dialog(qtbot: QtBot, policy: Policy, opened: list[str]) -> DialogFactory:
    def make(
        locale: str = "en", *, mode: Mode = "first", accepted_version: str | None = None
    ) -> ConsentDialog:
        def record(url: QUrl) -> bool:
            opened.append(url.toString())
            return True

        dialog = ConsentDialog(
            policy,
            locale,
            mode=mode,
            accepted_version=accepted_version,
            open_url=record,
        )
        # Never a real confirmation box (also when pytest-qt closes the dialog at teardown).
        dialog.confirm_decline = lambda: True  # type: ignore[method-assign]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def read_to_end(qtbot: QtBot, dialog: ConsentDialog) -> None:
    QTest.keyClick(dialog.text, Qt.Key.Key_End)
    qtbot.waitUntil(dialog.agree_button.isEnabled)


def heading_visible(dialog: ConsentDialog, index: int) -> bool:
    top = dialog.text.verticalScrollBar().value()
    heading = dialog.reading._heading_top(index)
    return top - 1 <= heading <= top + dialog.text.viewport().height()


def run_modal(qtbot: QtBot, act: Callable[[ConsentDialog], None]) -> None:
    """Call ``act`` on the consent dialog once ``exec()`` runs it (closing it if ``act`` fails)."""

    def step() -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, ConsentDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(20, step)
            return
        dialog = dialogs[0]
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.done(0)

    QTimer.singleShot(0, step)


# -- reading to the end ------------------------------------------------------------------------


def test_agree_is_disabled_until_the_end_key_reaches_the_end(
    qtbot: QtBot, make_dialog: DialogFactory
) -> None:
    dialog = make_dialog("en")
    bar = dialog.text.verticalScrollBar()
    assert bar.maximum() > 0, "the policy must be longer than one screen for this test"
    assert not dialog.agree_button.isEnabled()
    assert dialog.read_hint.isVisible()
    assert "Please read to the end" in dialog.read_hint.text()
    assert dialog.agree_button.toolTip() == "Please read to the end"

    QTest.keyClick(dialog.text, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    assert not dialog.agree_button.isEnabled()
    assert 0 < dialog.reading.progress.value() < 100

    QTest.keyClick(dialog.text, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    assert dialog.agree_button.isEnabled()
    assert dialog.has_read_to_end
    assert not dialog.read_hint.isVisible()
    assert dialog.reading.progress.value() == 100

    # Once read, Agree stays available even when the reader scrolls back up.
    QTest.keyClick(dialog.text, Qt.Key.Key_Home)
    assert bar.value() == 0
    assert dialog.agree_button.isEnabled()


def test_ctrl_end_and_the_scroll_bar_count_as_reading(
    qtbot: QtBot, make_dialog: DialogFactory
) -> None:
    by_key = make_dialog("ja")
    QTest.keyClick(by_key.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert by_key.agree_button.isEnabled()

    by_bar = make_dialog("en")
    bar = by_bar.text.verticalScrollBar()
    bar.setValue(bar.maximum() - 5)
    assert not by_bar.agree_button.isEnabled()
    bar.setValue(bar.maximum())
    assert by_bar.agree_button.isEnabled()


def test_agree_cannot_be_forced_before_reading(make_dialog: DialogFactory) -> None:
    dialog = make_dialog("en")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.outcome is None


def test_initial_focus_is_in_the_text(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog("en")
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.text)


# -- the outcome -------------------------------------------------------------------------------


def test_agree_returns_locale_hash_and_module_choices(qtbot: QtBot, policy: Policy) -> None:
    def act(dialog: ConsentDialog) -> None:
        assert set(dialog.module_switches) == {"google_analytics", "karte"}
        assert all(switch.isChecked() for switch in dialog.module_switches.values())
        dialog.module_switches["karte"].click()
        bar = dialog.text.verticalScrollBar()
        bar.setValue(bar.maximum())
        QTest.mouseClick(dialog.agree_button, Qt.MouseButton.LeftButton)

    run_modal(qtbot, act)
    outcome = ConsentDialog.ask(policy, "en")
    assert outcome == ConsentOutcome(
        locale="en",
        text_sha256=policy.text_sha256("en"),
        modules={"google_analytics": True, "karte": False},
    )


def test_outcome_is_in_the_language_shown_when_agreeing(
    qtbot: QtBot, make_dialog: DialogFactory, policy: Policy
) -> None:
    dialog = make_dialog("en")
    read_to_end(qtbot, dialog)
    dialog.header.language_combo.setCurrentIndex(dialog.header.language_combo.findData("ja"))
    assert dialog.agree_button.isEnabled(), "reading once is enough, in either language"
    with qtbot.waitSignal(dialog.accepted):
        QTest.mouseClick(dialog.agree_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome == ConsentOutcome(
        "ja",
        policy.text_sha256("ja"),
        {
            "google_analytics": True,
            "karte": True,
        },
    )
    assert dialog.outcome.text_sha256 != policy.text_sha256("en")


def test_decline_returns_none_and_writes_nothing(
    qtbot: QtBot, policy: Policy, sandbox_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(sandbox_home / var.lower()))

    def act(dialog: ConsentDialog) -> None:
        QTest.keyClick(dialog.text, Qt.Key.Key_End)  # even after reading
        dialog.module_switches["google_analytics"].click()
        QTest.mouseClick(dialog.decline_button, Qt.MouseButton.LeftButton)

    run_modal(qtbot, act)
    assert ConsentDialog.ask(policy, "ja") is None
    assert sorted(sandbox_home.rglob("*")) == []


# -- Escape ------------------------------------------------------------------------------------


def test_escape_asks_before_declining(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog("en")
    answers = [False, True]
    asked: list[bool] = []

    def confirm() -> bool:
        asked.append(True)
        return answers.pop(0)

    dialog.confirm_decline = confirm  # type: ignore[method-assign]
    QTest.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert asked == [True]
    assert dialog.isVisible(), "answering 'keep reading' keeps the dialog open"

    with qtbot.waitSignal(dialog.rejected):
        QTest.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert asked == [True, True]
    assert not dialog.isVisible()
    assert dialog.outcome is None


def test_the_decline_button_needs_no_confirmation(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog("en")
    dialog.confirm_decline = lambda: pytest.fail("the explicit button must not ask again")  # type: ignore[method-assign]
    with qtbot.waitSignal(dialog.rejected):
        QTest.mouseClick(dialog.decline_button, Qt.MouseButton.LeftButton)


def test_confirm_decline_says_the_app_will_close(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog("en")
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        keep = [b for b in box.buttons() if b.text() == "Keep reading"]
        assert keep, [b.text() for b in box.buttons()]
        keep[0].click()

    QTimer.singleShot(0, answer)
    assert ConsentDialog.confirm_decline(dialog) is False
    assert seen == ["NeWork will close. Decline?"]


# -- language ----------------------------------------------------------------------------------


def test_language_switch_changes_text_and_buttons(
    qtbot: QtBot, make_dialog: DialogFactory, qapp: QApplication
) -> None:
    dialog = make_dialog("en")
    assert "Article 1" in dialog.text.toPlainText()
    assert dialog.agree_button.text() == "Agree and start"
    assert dialog.decline_button.text() == "Decline (quit)"
    assert dialog.header.translation_label.isVisible()
    assert (
        dialog.header.translation_label.text()
        == "This is a translation; the Japanese text prevails."
    )

    dialog.header.language_combo.setCurrentIndex(dialog.header.language_combo.findData("ja"))
    assert dialog.shown_locale == "ja"
    assert "第１条" in dialog.text.toPlainText()
    assert "Article 1" not in dialog.text.toPlainText()
    assert dialog.agree_button.text() == "同意して開始"
    assert dialog.decline_button.text() == "同意しない（終了）"
    assert "最後までお読みください" in dialog.read_hint.text()
    assert dialog.agree_button.toolTip() == "最後までお読みください"
    assert not dialog.header.translation_label.isVisible()
    assert i18n.current_locale(qapp) == "ja"
    assert dialog.reading.toc.item(0).text().startswith("第１条")

    dialog.header.language_combo.setCurrentIndex(dialog.header.language_combo.findData("en"))
    assert "Article 1" in dialog.text.toPlainText()
    assert dialog.agree_button.text() == "Agree and start"
    assert dialog.decline_button.text() == "Decline (quit)"
    assert dialog.header.translation_label.isVisible()
    # The posted LanguageChange events change nothing afterwards.
    qtbot.wait(50)
    assert dialog.agree_button.text() == "Agree and start"


def test_language_switch_keeps_the_article(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog("en")
    article = 6  # Article 7
    dialog.reading.scroll_to_article(article)
    assert dialog.reading.current_article() == article
    dialog.header.language_combo.setCurrentIndex(dialog.header.language_combo.findData("ja"))
    assert dialog.reading.toc.item(article).text().startswith("第７条")
    assert dialog.reading.current_article() == article
    assert heading_visible(dialog, article)
    dialog.header.language_combo.setCurrentIndex(dialog.header.language_combo.findData("en"))
    assert dialog.reading.current_article() == article
    assert heading_visible(dialog, article)


def test_dialog_starts_in_the_given_language(make_dialog: DialogFactory) -> None:
    dialog = make_dialog("ja")
    assert dialog.header.language_combo.currentData() == "ja"
    assert dialog.agree_button.text() == "同意して開始"
    assert "第１条" in dialog.text.toPlainText()


# -- reading aids ------------------------------------------------------------------------------


def test_toc_click_scrolls_to_the_article(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog("en")
    bar = dialog.text.verticalScrollBar()
    assert bar.value() == 0
    headings = [dialog.reading.toc.item(i).text() for i in range(dialog.reading.toc.count())]
    assert headings[0].startswith("Article 1")
    assert headings[-1] == "Supplementary Provisions"
    assert len(headings) == 12

    row = 4  # Article 5
    item = dialog.reading.toc.item(row)
    rect = dialog.reading.toc.visualItemRect(item)
    QTest.mouseClick(dialog.reading.toc.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert bar.value() > 0
    assert dialog.reading.current_article() == row
    assert heading_visible(dialog, row)
    assert not dialog.agree_button.isEnabled()


@pytest.mark.parametrize("locale", ["en", "ja"])
def test_the_article_being_read_follows_the_thresholds_all_the_way_down(
    make_dialog: DialogFactory, locale: str
) -> None:
    """current_article measures only the headings it needs; the answer is the thresholds'."""
    dialog = make_dialog(locale)
    reading = dialog.reading
    bar = dialog.text.verticalScrollBar()
    thresholds = reading.thresholds()
    seen = set()
    for value in [*range(0, bar.maximum() + 1, max(1, bar.maximum() // 300)), bar.maximum()]:
        bar.setValue(value)
        expected = max([i for i, t in enumerate(thresholds) if t <= value + 2], default=0)
        assert reading.current_article() == expected, value
        seen.add(expected)
    assert seen == set(range(len(thresholds)))  # every article, the last ones included


def test_what_we_collect_is_a_real_table_beside_the_text(
    make_dialog: DialogFactory, policy: Policy
) -> None:
    dialog = make_dialog("en")
    table = dialog.reading.summary.collect_table
    assert dialog.text.isVisible() and table.isVisible()
    headers = []
    for column in range(table.columnCount()):
        header = table.horizontalHeaderItem(column)
        assert header is not None
        headers.append(header.text())
    assert headers == ["Information", "Purpose", "How it is collected", "Plans"]
    assert table.rowCount() == sum(len(item.purposes) for item in policy.items)
    cells: dict[tuple[int, int], str] = {}
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            cell = table.item(row, column)
            if cell is not None:
                cells[(row, column)] = cell.text()
    assert cells[(0, 0)] == "Email address"
    assert cells[(1, 3)] == "Enterprise only"
    assert table.rowSpan(0, 0) == 2
    assert "Collected automatically by the Application" in cells.values()


@pytest.mark.parametrize("width", [760, 900, 1040])
def test_on_a_narrow_dialog_the_table_scrolls_and_the_text_keeps_its_room(
    qtbot: QtBot, make_dialog: DialogFactory, width: int
) -> None:
    """A small screen or 150 % scaling: no column of the table is cut (the pane scrolls
    sideways instead), and the text the user must read keeps at least ~300 px."""
    dialog = make_dialog("en")
    dialog.resize(width, 700)
    dialog.reading.fit_summary()
    pane = dialog.reading.summary
    table = pane.collect_table
    qtbot.waitUntil(lambda: table.width() >= sum(table.columnWidth(c) for c in range(4)))
    for column in range(4):
        assert table.columnWidth(column) >= table.column_limits(column)[0]
    body = pane.widget()
    assert body is not None
    right = table.mapTo(body, table.rect().topRight()).x()
    assert pane.horizontalScrollBar().maximum() >= right - pane.viewport().width()
    assert dialog.text.width() >= 280
    if width >= 1040:
        assert pane.horizontalScrollBar().maximum() == 0  # the usual size: all of it at once


def test_firebase_is_listed_without_a_switch(make_dialog: DialogFactory) -> None:
    dialog = make_dialog("en")
    assert set(dialog.module_switches) == {"google_analytics", "karte"}
    cards = {card.module.id: card for card in dialog.reading.summary.module_cards}
    assert set(cards) == {"google_analytics", "firebase_analytics", "karte"}
    firebase = cards["firebase_analytics"]
    assert firebase.switch is None
    assert firebase.findChildren(QCheckBox) == []
    assert "used only by the smartphone apps" in firebase.status_label.text().lower()
    assert "not part of the desktop app" in firebase.status_label.text()
    for module_id in ("google_analytics", "karte"):
        card = cards[module_id]
        assert card.switch is not None and card.switch.isChecked()
        assert card.provider_label.text().startswith("Provider: ")
        assert any(link is None for _, link in card.link_labels), "an opt-out link"


def test_reading_progress_is_shown(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog("en")
    start = dialog.reading.progress.value()
    assert 0 < start < 100
    dialog.reading.scroll_to_article(5)
    assert start < dialog.reading.progress.value() < 100
    assert dialog.reading.progress.text().startswith("Read:")


# -- links -------------------------------------------------------------------------------------


def test_only_https_links_are_opened(
    make_dialog: DialogFactory, opened: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    dialog = make_dialog("ja")
    with caplog.at_level(logging.WARNING, logger="nework.ui.consent"):
        dialog.text.anchorClicked.emit(QUrl("http://www.ntt.com/privacy/"))
        dialog.text.anchorClicked.emit(QUrl("file:///etc/passwd"))
        dialog.text.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == []
    assert len([r for r in caplog.records if "refused" in r.getMessage()]) == 3

    dialog.text.anchorClicked.emit(QUrl("https://karte.io/optout/"))
    assert opened == ["https://karte.io/optout/"]


def test_document_and_module_links_open_through_the_opener(
    qtbot: QtBot, make_dialog: DialogFactory, opened: list[str], policy: Policy
) -> None:
    dialog = make_dialog("en")
    for button, _ in dialog.documents.buttons:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [link.url for link in policy.links]
    assert {link.id for _, link in dialog.documents.buttons} == {
        "company_privacy",
        "terms",
        "app_privacy",
        "contact",
    }

    opened.clear()
    karte = next(card for card in dialog.reading.summary.module_cards if card.module.id == "karte")
    label = karte.link_labels[0][0]
    assert isinstance(label, LinkLabel)
    label.linkActivated.emit(label.url)
    assert opened == ["https://karte.io/optout/"]


# -- keyboard and screen readers ---------------------------------------------------------------


def _focusable(dialog: ConsentDialog) -> list[QWidget]:
    return [
        w
        for w in dialog.findChildren(QWidget)
        if w.isVisibleTo(dialog) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


@pytest.mark.parametrize("locale", ["en", "ja"])
@pytest.mark.parametrize("mode", ["first", "reconsent"])
def test_every_control_has_an_accessible_name(
    make_dialog: DialogFactory, locale: str, mode: Mode
) -> None:
    dialog = make_dialog(locale, mode=mode, accepted_version="2022-06-28")
    pages = [dialog.pages.currentIndex()]
    if mode == "reconsent":
        dialog.show_full_text()
        pages.append(dialog.pages.currentIndex())
    for page in pages:
        dialog.pages.setCurrentIndex(page)
        focusable = _focusable(dialog)
        assert len(focusable) >= 10 or page == 0
        unnamed = [
            f"{type(w).__name__}:{w.objectName()}" for w in focusable if not w.accessibleName()
        ]
        assert unnamed == []
    assert dialog.agree_button.accessibleDescription()
    assert dialog.text.accessibleDescription()


def test_tab_follows_the_visual_order(qtbot: QtBot, make_dialog: DialogFactory) -> None:
    dialog = make_dialog("en")
    expected = [w for w in dialog.focus_order() if w.isVisibleTo(dialog)]
    assert set(expected) == set(_focusable(dialog)), "every control is in the declared order"
    chain: list[QWidget] = []
    widget: QWidget | None = expected[0]
    for _ in range(500):
        assert widget is not None
        if widget in expected and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is expected[0]:
            break
    assert chain == expected
    # The buttons come last, in the order the platform style lays them out.
    assert set(chain[-2:]) == {dialog.agree_button, dialog.decline_button}
    first, second = chain[-2:]
    assert (
        first.mapTo(dialog, first.rect().topLeft()).x()
        < second.mapTo(dialog, second.rect().topLeft()).x()
    )


def test_enter_does_not_agree_or_decline_by_accident(
    qtbot: QtBot, make_dialog: DialogFactory
) -> None:
    dialog = make_dialog("en")
    read_to_end(qtbot, dialog)
    dialog.text.setFocus()
    QTest.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.isVisible()
    dialog.agree_button.setFocus()
    with qtbot.waitSignal(dialog.accepted):
        QTest.keyClick(dialog.agree_button, Qt.Key.Key_Return)


# -- re-consent --------------------------------------------------------------------------------


def test_reconsent_starts_with_what_changed(
    qtbot: QtBot, make_dialog: DialogFactory, policy: Policy
) -> None:
    dialog = make_dialog("en", mode="reconsent", accepted_version="2022-06-28")
    assert dialog.on_changes_page
    assert dialog.changes.view.isVisible()
    assert not dialog.text.isVisible()
    assert dialog.changes.heading.text() == "What changed"
    summary = dialog.changes.view.toPlainText()
    for revision in policy.revisions_after("2022-06-28"):
        assert revision.summary.en in summary
    assert "Original version" not in summary  # 2021-12-21, before the accepted version
    assert policy.change_summary.en in summary
    assert "June 28, 2022" in summary and "February 8, 2024" in summary
    assert not dialog.agree_button.isEnabled()

    dialog.header.language_combo.setCurrentIndex(dialog.header.language_combo.findData("ja"))
    assert dialog.on_changes_page
    assert policy.change_summary.ja in dialog.changes.view.toPlainText()
    assert "2024年2月8日" in dialog.changes.view.toPlainText()
    assert dialog.changes.continue_button.text() == "全文へ進む"

    QTest.mouseClick(dialog.changes.continue_button, Qt.MouseButton.LeftButton)
    assert not dialog.on_changes_page
    assert dialog.text.isVisible()
    assert "第１条" in dialog.text.toPlainText()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.text)
    assert not dialog.agree_button.isEnabled()
    read_to_end(qtbot, dialog)


def test_reconsent_through_ask(qtbot: QtBot, policy: Policy) -> None:
    def act(dialog: ConsentDialog) -> None:
        assert dialog.on_changes_page
        dialog.show_full_text()
        QTest.keyClick(dialog.text, Qt.Key.Key_End)
        dialog.agree_button.click()

    run_modal(qtbot, act)
    outcome = ConsentDialog.ask(policy, "ja", mode="reconsent", accepted_version="2021-12-21")
    assert outcome is not None
    assert outcome.locale == "ja"
    assert outcome.text_sha256 == policy.text_sha256("ja")


# -- translation machinery ---------------------------------------------------------------------


def test_install_translator_replaces_the_previous_one(qapp: QApplication) -> None:
    i18n.install_translator(qapp, "ja")
    assert i18n.current_locale(qapp) == "ja"
    assert QCoreApplication.translate("ConsentDialog", "Agree and start") == "同意して開始"
    i18n.install_translator(qapp, "en")
    assert i18n.current_locale(qapp) == "en"
    assert QCoreApplication.translate("ConsentDialog", "Agree and start") == "Agree and start"
    i18n.install_translator(qapp, "fr_FR")  # unsupported: English
    assert i18n.current_locale(qapp) == "en"


def test_system_locale_is_ja_or_en() -> None:
    assert i18n.system_locale() in {"ja", "en"}
    assert i18n.normalize_locale("ja_JP") == "ja"
    assert i18n.normalize_locale("en-GB") == "en"
    assert i18n.normalize_locale("de") == "en"


def test_japanese_catalogue_is_complete_and_compiled() -> None:
    for locale in ("ja", "en"):
        ts = REPO / "translations" / f"nework_{locale}.ts"
        root = ET.parse(ts).getroot()  # noqa: S314 - our own file
        unfinished = [
            m.findtext("source")
            for m in root.iter("message")
            if (m.find("translation") is not None)
            and m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        ]
        assert unfinished == [], f"{ts.name}: unfinished {unfinished}"
        assert resource_path("i18n", f"nework_{locale}.qm").is_file()
