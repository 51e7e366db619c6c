"""The app's translation machinery: which language to start in, and one live translator.

Source strings in the code are English, written as ``self.tr("...")`` inside QObject
subclasses; ``scripts/update_translations.sh`` extracts them into ``translations/nework_*.ts``
and compiles ``resources/i18n/nework_*.qm``.  Both languages ship a catalogue (the English one
maps every string to itself), so the language in use is always an explicit choice.

:func:`install_translator` keeps exactly one NeWork translator (plus Qt's own ``qtbase``
catalogue, for the strings Qt's widgets bring along, such as a text field's context menu) on
the application.  Installing sends ``QEvent.LanguageChange`` to every widget, and widgets
re-translate themselves in ``changeEvent`` → ``retranslate()``, so a switch is live.

The translators are kept as named children of the application instead of module globals, so
that a second ``QApplication`` (tests) starts clean.

Every date, moment and size the UI shows is formatted here, with the user's QLocale
(:func:`user_locale`): :func:`format_day`, :func:`format_moment`, :func:`format_stamp` and
:func:`format_size`.  So are the names that sentences use in the UI's own language: a
language (:func:`language_label` -- "英語" in Japanese, where the language switch itself keeps
"English"), a sign-in provider (:func:`provider_label`) and the OS's credential store, one word
per platform (:func:`credential_store_name`: Credential Manager, Keychain, keyring).
"""

from __future__ import annotations

import logging
import re
import sys
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTranslator

from nework_desktop.core.validate import parse_utc
from nework_desktop.resources import resource_path

log = logging.getLogger("nework.i18n")

# The languages the app ships, in the order a language switch lists them.
SUPPORTED_LOCALES: tuple[str, ...] = ("ja", "en")
DEFAULT_LOCALE = "en"
#: Each language in its own name (never translated: a reader looks for their own language).
LANGUAGE_NAMES: dict[str, str] = {"ja": "日本語", "en": "English"}

_APP_TRANSLATOR = "nework-translator"
_QT_TRANSLATOR = "nework-qt-translator"


def normalize_locale(locale: str) -> str:
    """Map ``"ja_JP"``, ``"ja-JP"``, ``"JA"`` … to a supported language; anything else → ``en``."""
    lang = locale.replace("-", "_").split("_", 1)[0].strip().lower()
    return lang if lang in SUPPORTED_LOCALES else DEFAULT_LOCALE


def language_name(locale: str) -> str:
    """The language of ``locale`` in its own name ("日本語", "English")."""
    return LANGUAGE_NAMES[normalize_locale(locale)]


def system_locale() -> str:
    """``"ja"`` when the system locale is Japanese, otherwise ``"en"``."""
    if QLocale.system().language() == QLocale.Language.Japanese:
        return "ja"
    return "en"


def current_locale(app: QCoreApplication) -> str | None:
    """The language of the NeWork translator installed on ``app``, or None if there is none."""
    translator = app.findChild(QTranslator, _APP_TRANSLATOR)
    if translator is None:
        return None
    value = translator.property("nework_locale")
    return value if isinstance(value, str) else None


def installed_locale(fallback: str) -> str:
    """The language now installed on the application (after a LanguageChange), else
    ``fallback``."""
    app = QCoreApplication.instance()
    installed = current_locale(app) if app is not None else None
    return installed or fallback


def install_translator(app: QCoreApplication, locale: str) -> None:
    """Load ``nework_<locale>.qm`` into one translator on ``app``, replacing any earlier one.

    Widgets receive ``QEvent.LanguageChange`` (posted by Qt) and re-translate themselves.  An
    unsupported locale falls back to English; a missing catalogue is logged and leaves the
    English source strings in place.
    """
    lang = normalize_locale(locale)
    if lang != locale:
        log.debug("locale %r mapped to %r", locale, lang)
    _replace(app, _APP_TRANSLATOR, lang, str(resource_path("i18n", f"nework_{lang}.qm")))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _replace(app, _QT_TRANSLATOR, lang, f"{qt_dir}/qtbase_{lang}.qm", required=False)


def _replace(
    app: QCoreApplication, name: str, lang: str, path: str, *, required: bool = True
) -> None:
    old = app.findChild(QTranslator, name)
    translator = QTranslator(app)
    translator.setObjectName(name)
    translator.setProperty("nework_locale", lang)
    loaded = translator.load(path)
    if old is not None:
        QCoreApplication.removeTranslator(old)
        old.setParent(None)  # Python owns it now and frees it on return
    if not loaded:
        if required:
            log.warning("translation catalogue %s could not be loaded; using English", path)
        translator.setParent(None)
        return
    QCoreApplication.installTranslator(translator)
    log.debug("translator %s installed from %s", name, path)


def remove_translator(app: QCoreApplication) -> None:
    """Remove NeWork's translators from ``app`` (the English source strings show again)."""
    for name in (_APP_TRANSLATOR, _QT_TRANSLATOR):
        old = app.findChild(QTranslator, name)
        if old is not None:
            QCoreApplication.removeTranslator(old)
            old.setParent(None)  # Python owns it now and frees it on return


# -- names in the UI's language -------------------------------------------------------------


def language_label(locale: str) -> str:
    """The language of ``locale`` named in the UI's language ("英語", "Japanese")."""
    if normalize_locale(locale) == "ja":
        return QCoreApplication.translate("Languages", "Japanese")
    return QCoreApplication.translate("Languages", "English")


def provider_label(provider_id: str, fallback: str = "") -> str:
    """A sign-in provider's name in the UI's language (brand names stay as they are)."""
    names = {
        "email": QCoreApplication.translate("Providers", "e-mail"),
        "google": "Google",
        "docomo_business": QCoreApplication.translate("Providers", "business d account"),
        "apple": "Apple",
        "microsoft": "Microsoft",
    }
    return names.get(provider_id, fallback or provider_id)


def credential_store_name(platform: str | None = None) -> str:
    """The OS's credential store, as the OS itself calls it, in the UI's language."""
    platform = platform or sys.platform
    if platform.startswith("win"):
        return QCoreApplication.translate("CredentialStore", "Credential Manager")
    if platform == "darwin":
        return QCoreApplication.translate("CredentialStore", "Keychain")
    return QCoreApplication.translate("CredentialStore", "keyring")


# -- dates and sizes in the user's locale ------------------------------------------------------

_WEEKDAY = re.compile(r"\s*[(（]?dddd[)）]?[,、]?\s*")


def user_locale(locale: str) -> QLocale:
    """The user's QLocale for dates and numbers: the system's when it speaks the app's
    language, else that language's usual country."""
    japanese = locale.lower().startswith("ja")
    want = QLocale.Language.Japanese if japanese else QLocale.Language.English
    system = QLocale.system()
    if system.language() == want:
        return system
    country = QLocale.Country.Japan if japanese else QLocale.Country.UnitedStates
    return QLocale(want, country)


def _long_date_format(qlocale: QLocale) -> str:
    """The locale's long date format without the weekday ("MMMM d, yyyy", "yyyy年M月d日")."""
    fmt = qlocale.dateFormat(QLocale.FormatType.LongFormat)
    return _WEEKDAY.sub(" ", fmt).strip(" ,")


def format_day(value: date, locale: str) -> str:
    """A date in the user's locale, long form without the weekday."""
    ql = user_locale(locale)
    return ql.toString(QDate(value.year, value.month, value.day), _long_date_format(ql))


def format_moment(moment: datetime, locale: str) -> str:
    """A moment as local date and time in the user's locale."""
    ql = user_locale(locale)
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    day = ql.toString(local.date(), _long_date_format(ql))
    return f"{day} {ql.toString(local.time(), QLocale.FormatType.ShortFormat)}"


def format_stamp(stamp: str | None, locale: str) -> str:
    """A UTC stamp from a record as local date and time, or the raw text if unreadable."""
    moment = parse_utc(stamp)
    return format_moment(moment, locale) if moment is not None else (stamp or "—")


def format_size(size: int, locale: str) -> str:
    """Bytes as people read them: "512 bytes", "1.5 KB", "12.3 MB" ("512 バイト" in Japanese).

    Base 1024 with one decimal and the locale's separators (QLocale's traditional format).
    Qt's English data writes the kilo unit "kB" even in base 1024; the traditional symbol, and
    the one the Japanese data uses, is "KB".
    """
    text = user_locale(locale).formattedDataSize(
        size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )
    return text[: -len("kB")] + "KB" if text.endswith(" kB") else text
