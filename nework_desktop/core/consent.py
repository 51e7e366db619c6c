"""The consent ledger: an append-only, hash-chained record of what the user agreed to (Art. 4).

Every decision the user takes on the privacy policy (accept, withdraw, accept a new version) is
appended as a :class:`ConsentRecord`.  A record names the policy and its version, the SHA-256 of
the exact text shown, the language it was shown in, the optional modules switched on or off, the
UTC time and the app version.  Records are never modified: each carries the hash of the previous
one (``prev_hash``) and its own hash over every other field, so an edited, removed, reordered or
inserted record breaks the chain and is detected on the next read.

Storage: one JSON file
----------------------
``<data>/consent-ledger.json`` holds ``{"schema": 1, "records": [...]}`` and is rewritten as a
whole on each append: a temporary file is created next to it (``O_EXCL``, mode 0600), written,
flushed and fsync'ed, then moved onto the ledger with :func:`os.replace`, and on POSIX the folder
is fsync'ed so the rename itself is durable.  Why a JSON file and not SQLite:

* the ledger is a handful of records (one per decision, a few per year); rewriting it is free;
* :func:`os.replace` is atomic, so every crash leaves either the old ledger or the new one, never
  a torn one -- SQLite gives the same guarantee but through ``-journal``/``-wal``/``-shm`` side
  files, which are extra uninstall residue and extra states to reason about;
* a support engineer (or the user, through the data export) can read it with any text editor;
* every step of the write is a named point (:data:`WRITE_STEPS`) where a test can inject a crash,
  so "never torn" is tested, not assumed.

A crash may leave a stray ``.consent-ledger.json.<random>.tmp`` next to the ledger; reading
ignores it and the next successful write removes it.

What the chain proves, and what it does not
-------------------------------------------
The hashes are not keyed: they detect accidental damage and naive edits, but someone who rewrites
a record *and* recomputes every later hash produces a valid-looking ledger.  Proof against that
needs the head hash kept somewhere else: each record's receipt goes to the service with the head
hash, and the service's signed acknowledgement of it is kept and checked against the ledger on
every read (:mod:`nework_desktop.core.proof`), so a rewritten record loses its confirmation.

Reading never writes.  :meth:`ConsentLedger.read` (used by the window-less ``status`` command)
raises :class:`LedgerCorrupt` on any problem; :meth:`ConsentLedger.load` (used by the GUI
bootstrap) moves a corrupt ledger aside into ``<data>/quarantine/`` for support, logs where it
went, and reports "no consent", so the user is asked again -- consent is never assumed.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import nework_desktop
from nework_desktop.core import storage
from nework_desktop.core.consent_records import (
    LEDGER_NAME,
    LEDGER_SCHEMA,
    MAX_LEDGER_BYTES,
    QUARANTINE_DIR,
    ZERO_HASH,
    ConsentRecord,
    ConsentState,
    Decision,
    LedgerCorrupt,
    check_decision,
    check_hex64,
    check_locale,
    check_modules,
    check_text,
    parse_ledger,
    record_hash,
    serialize_ledger,
    utc_stamp,
)
from nework_desktop.core.paths import AppPaths

__all__ = [
    "LEDGER_NAME",
    "LEDGER_SCHEMA",
    "QUARANTINE_DIR",
    "WRITE_STEPS",
    "ZERO_HASH",
    "ConsentLedger",
    "ConsentRecord",
    "ConsentState",
    "Decision",
    "LedgerCorrupt",
    "parse_ledger",
    "record_hash",
    "serialize_ledger",
]

log = logging.getLogger("nework.consent")

#: The write steps, in order, each announced to the ``fault`` hook before it is performed
#: (``mkdir`` here, the rest in :func:`storage.atomic_write`).  ``dir-fsync`` is POSIX only.
WRITE_STEPS: tuple[str, ...] = ("mkdir", *storage.WRITE_STEPS)

# -- the ledger ----------------------------------------------------------------------------


def _no_fault(step: str) -> None:
    """Default write hook: do nothing."""


def _default_clock() -> datetime:
    return datetime.now(UTC)


class ConsentLedger:
    """The consent ledger under ``paths.data``.  Construct once in the bootstrap, pass it on."""

    def __init__(
        self,
        paths: AppPaths,
        *,
        clock: Callable[[], datetime] | None = None,
        app_version: str = nework_desktop.__version__,
        fault: Callable[[str], None] | None = None,
    ) -> None:
        self._paths = paths
        self._clock = clock or _default_clock
        self._app_version = check_text("app_version", app_version)
        self._fault = fault or _no_fault

    @property
    def path(self) -> Path:
        return self._paths.data / LEDGER_NAME

    # -- reading ------------------------------------------------------------------------

    def _read_records(self) -> tuple[ConsentRecord, ...]:
        try:
            data = storage.read_bytes(self.path, limit=MAX_LEDGER_BYTES)
        except storage.FileDamaged as exc:
            raise LedgerCorrupt(str(exc)) from None
        return () if data is None else parse_ledger(data)

    def read(self) -> ConsentState:
        """The ledger's state; creates nothing, changes nothing.

        Raises :class:`LedgerCorrupt` if the ledger cannot be trusted, :class:`OSError` if it
        cannot be read at all (which says nothing about its content).
        """
        return ConsentState.of(self._read_records())

    def load(self) -> ConsentState:
        """Like :meth:`read`, but a corrupt ledger is moved into quarantine and reads as "none".

        Only for the GUI bootstrap, which then asks for consent again.  An :class:`OSError`
        while reading is not corruption and propagates; the file is left where it is.
        """
        try:
            return self.read()
        except LedgerCorrupt as exc:
            dest = self._quarantine()
            log.error(
                "consent ledger %s is corrupt or was altered (%s); moved it to %s for support "
                "and starting with no consent on record",
                self.path,
                exc,
                dest,
            )
            return ConsentState.of((), quarantined=dest)

    def _quarantine(self) -> Path:
        folder = self._paths.data / QUARANTINE_DIR
        folder.mkdir(mode=0o700, exist_ok=True)
        if os.name == "posix":
            folder.chmod(0o700)
        stamp = self._clock().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        stem = LEDGER_NAME.removesuffix(".json")
        dest = folder / f"{stem}.{stamp}.json"
        n = 1
        while dest.exists() or dest.is_symlink():
            n += 1
            dest = folder / f"{stem}.{stamp}-{n}.json"
        storage.replace(self.path, dest)
        storage.fsync_dir(folder)
        storage.fsync_dir(self._paths.data)
        return dest

    # -- writing ------------------------------------------------------------------------

    def record(
        self,
        decision: Decision,
        *,
        policy_id: str,
        policy_version: str,
        text_sha256: str,
        locale: str,
        modules: Mapping[str, bool],
    ) -> ConsentRecord:
        """Append one decision and return it.

        The existing chain is verified first: a corrupt ledger raises :class:`LedgerCorrupt`
        and nothing is written (call :meth:`load` to set it aside).  If this raises during the
        write, the ledger holds either the previous records or the new one, never a mix; call
        :meth:`read` to know which.
        """
        checked_decision = check_decision(decision)
        checked = (
            check_text("policy_id", policy_id),
            check_text("policy_version", policy_version),
            check_hex64("text_sha256", text_sha256),
            check_locale(locale),
        )
        checked_modules = check_modules(modules)
        recorded_at = utc_stamp(self._clock())

        existing = self._read_records()
        draft = ConsentRecord(
            seq=len(existing) + 1,
            decision=checked_decision,
            policy_id=checked[0],
            policy_version=checked[1],
            text_sha256=checked[2],
            locale=checked[3],
            modules=checked_modules,
            recorded_at=recorded_at,
            app_version=self._app_version,
            prev_hash=existing[-1].hash if existing else ZERO_HASH,
            hash="",
        )
        rec = dataclasses.replace(draft, hash=draft.computed_hash())
        records = (*existing, rec)
        data = serialize_ledger(records)
        parse_ledger(data)  # never write a ledger this module would refuse to read
        self._write(data)
        return rec

    def _write(self, data: bytes) -> None:
        self._fault("mkdir")
        folder = self._paths.ensure("data")
        storage.atomic_write(folder / LEDGER_NAME, data, fault=self._fault)
        storage.remove_strays(folder, LEDGER_NAME, on_error=_stray_not_removed)


def _stray_not_removed(stray: Path, exc: OSError) -> None:
    log.warning("could not remove stray temp file %s: %s", stray, exc)
