"""The data export zip: what the app keeps about the user, in one file (policy Art. 6).

The file is built in memory (it is small) and written with :func:`core.storage.atomic_write`,
so a half-written export never carries the chosen name; an existing file is replaced only when
the caller says so (``overwrite=True``: the UI asks first).  No Qt here.
"""

from __future__ import annotations

import io
import json
import logging
import time
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from nework_desktop import __version__
from nework_desktop.core import storage
from nework_desktop.core.account_store import AccountSummary
from nework_desktop.core.consent import LEDGER_SCHEMA, ConsentLedger, ConsentRecord
from nework_desktop.core.device import device_id as read_device_id
from nework_desktop.core.egress import TransmissionRow
from nework_desktop.core.export.receipts import NOT_PUBLISHED, build_receipt
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.core.prefs import Preferences
from nework_desktop.core.signed import TrustedKey

__all__ = ["EXPORT_FILES", "export_data"]

log = logging.getLogger("nework.export")

RECEIPTS_FILE: Final = "consent-receipts.json"
ACKS_FILE: Final = "consent-acknowledgements.json"
LEDGER_FILE: Final = "ledger.json"
PREFERENCES_FILE: Final = "preferences.json"
ACCOUNT_FILE: Final = "account.json"
TRANSMISSIONS_FILE: Final = "transmissions.json"
README_FILE: Final = "README.txt"
EXPORT_FILES: Final = (
    RECEIPTS_FILE,
    ACKS_FILE,
    LEDGER_FILE,
    PREFERENCES_FILE,
    ACCOUNT_FILE,
    TRANSMISSIONS_FILE,
    README_FILE,
)

Progress = Callable[[int, int], None]


_README: Final = """\
NeWork Desktop — データのエクスポート / data export
====================================================

作成日時 / created: {created}
アプリのバージョン / app version: {version}

日本語
------
このファイルには、このコンピューター上の NeWork Desktop があなたについて保存している情報が
入っています（プライバシーポリシー第6条）。

- consent-receipts.json : 同意の記録1件ごとの同意レシート（Kantara Initiative Consent Receipt
  v1.1 形式）。piiPrincipalId はこのインストールごとに作られたランダムな端末識別 ID で、
  ハードウェアの ID ではありません。独自の項目は "x-nework" にあります。
- consent-acknowledgements.json : 同意の記録ごとに、NeWork サービスがレシートを受け取ったことを
  示す署名付きの確認（受領日時、署名した鍵、台帳の先頭ハッシュ）。確認待ちの記録は "waiting"
  です。署名は Ed25519 で、"acknowledgement" の内容をそのまま検証できます。
- ledger.json : 同意の記録（台帳）そのもの。各記録は前の記録のハッシュを含み、改変を検出できます。
- preferences.json : 設定。
- account.json : アカウントの概要（サインイン方法、一部を伏せたメールアドレス、サインイン日時）。
  トークンなどの秘密情報とメールアドレス全体は含まれません。
- transmissions.json : 通信の記録。日ごと・送信先ごとの、許可した／ブロックした通信の件数
  （URL の内容は記録していません）。
- README.txt : このファイル。

English
-------
This archive holds what NeWork Desktop keeps about you on this computer (privacy policy
Art. 6).

- consent-receipts.json: one consent receipt per consent record, in the Kantara Initiative
  Consent Receipt v1.1 format. piiPrincipalId is the random device ID made for this
  installation, not a hardware ID. Our own fields are under "x-nework".
- consent-acknowledgements.json: per consent record, the NeWork service's signed confirmation
  that it received the receipt (when, the signing key, the ledger's head hash); records still
  waiting for one say "waiting". The Ed25519 envelope under "acknowledgement" can be checked
  as it is.
- ledger.json: the consent record (ledger) itself. Each record carries the hash of the one
  before it, so changes can be detected.
- preferences.json: the settings.
- account.json: the account summary (how you sign in, the masked e-mail address, when you
  signed in). No tokens or other secrets, and not the full e-mail address.
- transmissions.json: the transmission log: per day and destination, how many requests the app
  allowed and blocked (nothing of the addresses' paths or contents).
- README.txt: this file.
"""


def _json_bytes(data: object) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def _account_json(summary: AccountSummary | None) -> dict[str, Any]:
    if summary is None:
        return {"signed_in": False}
    return {
        "signed_in": True,
        "provider": summary.provider,
        "masked_email": summary.masked_email,
        "signed_in_at": summary.signed_in_at,
        "persistent": summary.persistent,
    }


def _prefs_json(prefs: Preferences | Mapping[str, Any] | None) -> dict[str, Any]:
    if prefs is None:
        return {}
    if isinstance(prefs, Preferences):
        return prefs.as_dict()
    return dict(prefs)


def _transmissions_json(rows: Sequence[TransmissionRow]) -> dict[str, Any]:
    return {
        "note": "requests per UTC day, destination host and module; no paths or contents",
        "rows": [
            {
                "day": row.day,
                "host": row.host,
                "module": row.module_id,
                "allowed": row.allowed,
                "blocked": row.blocked,
                "blocked_reasons": dict(row.reasons),
            }
            for row in rows
        ],
    }


def _acknowledgements_json(
    paths: AppPaths, records: Sequence[ConsentRecord], keys: Mapping[str, TrustedKey] | None
) -> dict[str, Any]:
    from nework_desktop.core.proof import proofs, read_queue, trusted_acks

    acks = trusted_acks(paths, records, keys)
    standing = proofs(records, acks, read_queue(paths))
    rows: list[dict[str, Any]] = []
    for record in records:
        ack = acks.get(record.seq)
        if ack is not None:
            rows.append({"state": "confirmed", **ack.to_json()})
        else:
            rows.append({"state": standing[record.seq].state, "record_seq": record.seq})
    return {
        "note": "the NeWork service's signed acknowledgement of each consent record's receipt",
        "acknowledgements": rows,
    }


def _zip_info(name: str, when: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def export_data(
    paths: AppPaths,
    policy: Policy,
    ledger: ConsentLedger,
    *,
    account_summary: AccountSummary | None,
    prefs: Preferences | Mapping[str, Any] | None,
    transmissions: Sequence[TransmissionRow],
    dest: Path,
    overwrite: bool = False,
    principal_id: str | None = None,
    progress: Progress | None = None,
    clock: Callable[[], float] = time.time,
    keys: Mapping[str, TrustedKey] | None = None,
) -> Path:
    """Write the data export zip to ``dest`` and return its path.

    Raises :class:`FileExistsError` if ``dest`` exists and ``overwrite`` is false (ask the user,
    then call again with ``overwrite=True``), :class:`OSError` if it cannot be written, and
    :class:`~nework_desktop.core.consent.LedgerCorrupt` if the ledger cannot be trusted.
    ``principal_id`` defaults to the device ID (read, never created here); ``keys`` are the
    keys the acknowledgements are checked with (default: the installation's trust anchor).
    """
    dest = Path(dest)
    if not overwrite and (dest.exists() or dest.is_symlink()):
        raise FileExistsError(str(dest))
    steps = len(EXPORT_FILES) + 1
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, steps)

    state = ledger.read()
    principal = principal_id or read_device_id(paths) or NOT_PUBLISHED
    receipts = [build_receipt(r, policy, principal_id=principal) for r in state.records]
    try:
        ledger_bytes = ledger.path.read_bytes()
    except FileNotFoundError:
        ledger_bytes = _json_bytes({"schema": LEDGER_SCHEMA, "records": []})
    now = clock()
    created = datetime.fromtimestamp(now, UTC)
    local = time.localtime(now)
    when = (local.tm_year, local.tm_mon, local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec)
    contents: list[tuple[str, bytes]] = [
        (RECEIPTS_FILE, _json_bytes(receipts)),
        (ACKS_FILE, _json_bytes(_acknowledgements_json(paths, state.records, keys))),
        (LEDGER_FILE, ledger_bytes),
        (PREFERENCES_FILE, _json_bytes(_prefs_json(prefs))),
        (ACCOUNT_FILE, _json_bytes(_account_json(account_summary))),
        (TRANSMISSIONS_FILE, _json_bytes(_transmissions_json(transmissions))),
        (
            README_FILE,
            _README.format(
                created=created.isoformat(timespec="seconds").replace("+00:00", "Z"),
                version=__version__,
            ).encode("utf-8"),
        ),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in contents:
            archive.writestr(_zip_info(name, when), data)
            step()
    storage.atomic_write(dest, buffer.getvalue(), overwrite=overwrite)
    step()
    log.info("data export written (%d receipts)", len(receipts))
    return dest
