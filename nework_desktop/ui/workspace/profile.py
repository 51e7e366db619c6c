"""The workspace's web profile: inside the owned roots, or off the record; hardened settings.

:func:`create_profile` builds the profile with explicit storage and cache paths
(``paths.ensure("web_profile")`` / ``paths.ensure("web_cache")``) through
``QWebEngineProfileBuilder``, so Qt's default locations are never used, not even briefly.
Before consent the profile is off the record and nothing is created on disk.  Qt is asked to
remember no permission itself (``AskEveryTime``: the camera/microphone answers live in
:mod:`nework_desktop.core.permissions`), the spell checker and the push service are off, the
download folder is set explicitly, and the settings that would reach files, plugins or hosts
the egress rules never see are switched off.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStandardPaths
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineProfileBuilder, QWebEngineSettings

from nework_desktop.core.paths import AppPaths

__all__ = ["HTTP_CACHE_BYTES", "PROFILE_NAME", "create_profile"]

log = logging.getLogger("nework.workspace")

#: Storage name of the persistent profile (its files live in the web_profile role's folder).
PROFILE_NAME: Final = "NeWork"
#: Upper bound of the disk HTTP cache (bytes).
HTTP_CACHE_BYTES: Final = 200 * 1024 * 1024


def _downloads_folder() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    return folder or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)


def _harden(settings: QWebEngineSettings) -> None:
    attr = QWebEngineSettings.WebAttribute
    off = (
        attr.LocalContentCanAccessFileUrls,
        attr.LocalContentCanAccessRemoteUrls,
        attr.ErrorPageEnabled,  # our own error page instead
        attr.PluginsEnabled,
        attr.AllowRunningInsecureContent,
        attr.AllowGeolocationOnInsecureOrigins,
        attr.HyperlinkAuditingEnabled,  # <a ping>
        attr.DnsPrefetchEnabled,  # host lookups the egress rules would never see
        attr.JavascriptCanAccessClipboard,
        attr.ScreenCaptureEnabled,
        attr.NavigateOnDropEnabled,  # a dropped file would be a file: navigation
    )
    for attribute in off:
        settings.setAttribute(attribute, False)


def create_profile(
    paths: AppPaths, *, off_the_record: bool, parent: QObject | None = None
) -> QWebEngineProfile:
    """The workspace's web profile: persistent inside the owned roots, or off the record.

    The persistent profile keeps its storage in ``paths.ensure("web_profile")`` and its HTTP cache
    in ``paths.ensure("web_cache")``; both are given to ``QWebEngineProfileBuilder`` before the
    profile exists, so Qt's default folders are never created.  The off-the-record profile (used
    before consent) writes nothing at all.
    """
    builder = QWebEngineProfileBuilder()
    policy = QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime
    builder.setPersistentPermissionsPolicy(policy)
    if off_the_record:
        builder.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        profile = QWebEngineProfileBuilder.createOffTheRecordProfile(parent)
        profile.setPersistentPermissionsPolicy(policy)
        profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    else:
        storage = paths.ensure("web_profile")
        cache = paths.ensure("web_cache")
        builder.setPersistentStoragePath(str(storage))
        builder.setCachePath(str(cache))
        builder.setHttpCacheType(QWebEngineProfile.HttpCacheType.DiskHttpCache)
        builder.setHttpCacheMaximumSize(HTTP_CACHE_BYTES)
        builder.setPersistentCookiesPolicy(
            QWebEngineProfile.PersistentCookiesPolicy.AllowPersistentCookies
        )
        profile = builder.createProfile(PROFILE_NAME, parent)
        if profile is None:
            # A profile on these paths may be waiting for its deferred deletion (a workspace
            # closed in this event-loop turn): let it go, then try once more.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            profile = builder.createProfile(PROFILE_NAME, parent)
        if profile is None:
            raise RuntimeError("another web profile is still using the workspace's folders")
        if Path(profile.persistentStoragePath()) != storage or Path(profile.cachePath()) != cache:
            raise RuntimeError("QtWebEngine did not take the profile paths inside the owned roots")
    profile.setSpellCheckEnabled(False)  # no dictionary download, no typing sent anywhere
    profile.setPushServiceEnabled(False)  # no connection to a push service
    profile.setDownloadPath(_downloads_folder())  # each download still asks where to save
    _harden(profile.settings())
    log.info(
        "web profile: %s",
        "off the record"
        if off_the_record
        else f"storage {profile.persistentStoragePath()}, cache {profile.cachePath()}",
    )
    return profile
