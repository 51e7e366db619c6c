"""Camera and microphone answers of the workspace, remembered per origin.

A small JSON in the config root (``<config>/web-permissions.json``)::

    {"schema": 1, "origins": {"https://nework.app": {"camera": true, "microphone": false}}}

Why not Qt's own store: a profile with ``PersistentPermissionsPolicy.StoreOnDisk`` keeps answers
inside the web profile, where neither the user (privacy center) nor the data export can read
them; the workspace's profile therefore asks Qt to remember nothing (``AskEveryTime``) and keeps
the answers here.

No Qt in this module, so it lives in ``core`` (the privacy center and the data export can read
the answers without loading QtWebEngine).  Nothing is written unless ``persist`` is true: the
workspace passes "consent is on record"; before consent answers live in memory only.  A damaged
file counts as empty (every origin is asked again) and is replaced on the next answer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Final, Literal

from nework_desktop.core import storage
from nework_desktop.core.paths import AppPaths

__all__ = ["KINDS", "PERMISSIONS_NAME", "Kind", "PermissionStore"]

log = logging.getLogger("nework.permissions")

PERMISSIONS_NAME: Final = "web-permissions.json"
#: Two answers per origin; anything this large is not ours.
MAX_ANSWERS_BYTES: Final = 1024 * 1024
SCHEMA: Final = 1

Kind = Literal["camera", "microphone"]
KINDS: Final[tuple[Kind, ...]] = ("camera", "microphone")


def _origin_ok(origin: str) -> bool:
    return bool(origin) and len(origin) <= 2048 and origin.isprintable()


class PermissionStore:
    """Per-origin answers (allow or deny) for the camera and the microphone."""

    def __init__(self, paths: AppPaths, *, persist: bool) -> None:
        self._paths = paths
        self.persist = persist
        self._lock = threading.Lock()
        self._answers: dict[str, dict[str, bool]] | None = None

    @property
    def path(self) -> Path:
        return self._paths.config / PERMISSIONS_NAME

    def _read(self) -> dict[str, dict[str, bool]]:
        if self._answers is not None:
            return self._answers
        answers: dict[str, dict[str, bool]] = {}
        try:
            data = storage.read_json(self.path, limit=MAX_ANSWERS_BYTES)
        except (OSError, storage.FileDamaged) as exc:
            log.warning("camera/microphone answers unreadable (%s): asking again", exc)
            data = None
        origins = data.get("origins") if isinstance(data, dict) else None
        if isinstance(origins, dict):
            for origin, kinds in origins.items():
                if not isinstance(origin, str) or not _origin_ok(origin):
                    continue
                if not isinstance(kinds, dict):
                    continue
                clean = {k: v for k, v in kinds.items() if k in KINDS and isinstance(v, bool)}
                if clean:
                    answers[origin] = clean
        self._answers = answers
        return answers

    def get(self, origin: str, kind: Kind) -> bool | None:
        """The remembered answer for ``origin`` and ``kind``, or None if never asked."""
        with self._lock:
            return self._read().get(origin, {}).get(kind)

    def answer(self, origin: str, kinds: tuple[Kind, ...]) -> bool | None:
        """The remembered answer covering every kind in ``kinds`` (None if any was never asked).

        False if any of them was denied.
        """
        values = [self.get(origin, kind) for kind in kinds]
        if any(v is False for v in values):
            return False
        if any(v is None for v in values):
            return None
        return True

    def remember(self, origin: str, kinds: tuple[Kind, ...], allowed: bool) -> None:
        """Store the user's answer for ``origin`` (written at once when persisting)."""
        if not _origin_ok(origin):
            return
        with self._lock:
            answers = self._read()
            entry = answers.setdefault(origin, {})
            for kind in kinds:
                entry[kind] = allowed
            self._save(answers)

    def forget(self, origin: str | None = None) -> None:
        """Forget the answers for ``origin`` (all origins when None)."""
        with self._lock:
            answers = self._read()
            if origin is None:
                answers.clear()
            else:
                answers.pop(origin, None)
            self._save(answers)

    def entries(self) -> Mapping[str, Mapping[str, bool]]:
        """Origin → {kind: allowed}, for the privacy center and the data export."""
        with self._lock:
            return {o: dict(k) for o, k in sorted(self._read().items())}

    def _save(self, answers: dict[str, dict[str, bool]]) -> None:
        if not self.persist:
            return
        doc = {"schema": SCHEMA, "origins": answers}
        try:
            storage.write_json(self._paths.ensure("config"), PERMISSIONS_NAME, doc, sort_keys=True)
        except OSError as exc:
            log.warning("camera/microphone answers not saved: %s", exc)
