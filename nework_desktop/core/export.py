"""The data export ("Export my data", policy Art. 6): one zip of what the app keeps about you.

The zip holds::

    consent-receipts.json   one Kantara Consent Receipt v1.1 per consent ledger record
    ledger.json             the consent ledger itself, byte for byte (hash-chained)
    preferences.json        the preferences (no secrets are kept there)
    account.json            the account summary: provider, masked e-mail, time of sign-in
    transmissions.json      the transmission log: requests allowed/blocked per day and host
    README.txt              what each file is (Japanese and English)

Never in it: tokens (they live only in the OS keyring), the full e-mail address (memory only),
web data.  The file is written next to the destination under a temporary name and renamed into
place, so a half-written export never carries the chosen name; an existing file is replaced only
when the caller says so (``overwrite=True``: the UI asks first).

Consent receipts
----------------
Each receipt follows the field names of the Kantara Initiative Consent Receipt Specification
v1.1 (``version`` ``"KI-CR-v1.1.0"``).  The principal is the random per-install device ID
(:mod:`nework_desktop.core.device`), not an e-mail address.  The PII controller is NTT
Communications with the contact the policy gives (the inquiry form of Art. 10); the policy
publishes no postal address, e-mail address or telephone number for it, so those fields -- which
v1.1 requires -- say ``"not published"``.  Purposes come from the Art. 2-1 table (the company's
own purposes) and from the Art. 2-2 modules the record allows (third-party disclosure to Google
or PLAID).  Our own fields (policy version, text hash, decision, module choices, record hash)
sit under ``"x-nework"``.  :func:`validate_receipt` checks a receipt's required fields and types.

No Qt here.
"""

from __future__ import annotations

import io
import json
import logging
import time
import uuid
import zipfile
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from nework_desktop import __version__
from nework_desktop.core import storage
from nework_desktop.core.account_store import AccountSummary
from nework_desktop.core.consent import (
    LEDGER_SCHEMA,
    ConsentLedger,
    ConsentRecord,
    Decision,
)
from nework_desktop.core.device import device_id as read_device_id
from nework_desktop.core.egress import TransmissionRow
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Module, Policy, PolicyItem
from nework_desktop.core.prefs import Preferences

__all__ = [
    "EXPORT_FILES",
    "RECEIPT_VERSION",
    "build_receipt",
    "export_data",
    "receipt_id",
    "validate_receipt",
]

log = logging.getLogger("nework.export")

RECEIPT_VERSION: Final = "KI-CR-v1.1.0"
JURISDICTION: Final = "JP"
COLLECTION_METHOD: Final = "desktop app consent dialog"
NOT_PUBLISHED: Final = "not published"
SERVICE_NAME: Final = "NeWork"
#: Namespace of the receipt ids: a record always gets the same receipt id (uuid5 of its hash).
RECEIPT_NAMESPACE: Final = uuid.UUID("5b0f3d0e-2f0a-4c7e-9a57-6e65776f726b")

RECEIPTS_FILE: Final = "consent-receipts.json"
LEDGER_FILE: Final = "ledger.json"
PREFERENCES_FILE: Final = "preferences.json"
ACCOUNT_FILE: Final = "account.json"
TRANSMISSIONS_FILE: Final = "transmissions.json"
README_FILE: Final = "README.txt"
EXPORT_FILES: Final = (
    RECEIPTS_FILE,
    LEDGER_FILE,
    PREFERENCES_FILE,
    ACCOUNT_FILE,
    TRANSMISSIONS_FILE,
    README_FILE,
)

Progress = Callable[[int, int], None]

# -- receipts ------------------------------------------------------------------------------------

#: Kantara v1.1 purpose categories (Appendix) for the Art. 2-1 items; the rest is "Core Function".
_ITEM_CATEGORIES: Final[Mapping[str, str]] = {"usage_history": "Improve Performance"}
_ENTERPRISE_CATEGORY: Final = "Contracted Service"
_MODULE_CATEGORY: Final = "Improve Performance"

_TERMINATION: Final[Mapping[str, str]] = {
    "ja": (
        "同意の撤回、本アプリのローカルデータの削除、またはアンインストールまで"
        "（プライバシーポリシー第6条・第7条）。サーバー上のデータは削除依頼または"
        "サービス終了時に廃棄されます。"
    ),
    "en": (
        "Until consent is withdrawn, the app's local data is deleted or the app is uninstalled "
        "(policy Art. 6 and 7). Data on the service's servers is discarded on a deletion "
        "request or when the service ends."
    ),
}
_MODULE_TERMINATION: Final[Mapping[str, str]] = {
    "ja": "プライバシーセンターで{name}をオフにするか、同意を撤回するまで。",
    "en": "Until you switch {name} off in the privacy center or withdraw consent.",
}


def _lang(locale: str) -> str:
    return "ja" if locale.lower().startswith("ja") else "en"


def receipt_id(record: ConsentRecord) -> str:
    """The receipt id of a ledger record: stable (uuid5 of the record hash), so a receipt
    exported or uploaded twice keeps its id."""
    return str(uuid.uuid5(RECEIPT_NAMESPACE, record.hash))


def _epoch_seconds(stamp: str) -> int:
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def _item_purposes(item: PolicyItem, locale: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for purpose in item.purposes:
        category = (
            _ENTERPRISE_CATEGORY
            if purpose.plan == "enterprise"
            else _ITEM_CATEGORIES.get(item.id, "Core Function")
        )
        out.append(
            {
                "purpose": purpose.text.get(locale),
                "purposeCategory": [category],
                "consentType": "EXPLICIT",
                "piiCategory": [item.item.get(locale)],
                "primaryPurpose": purpose.plan == "all",
                "termination": _TERMINATION[_lang(locale)],
                "thirdPartyDisclosure": False,
            }
        )
    return out


def _module_purpose(module: Module, locale: str) -> dict[str, Any]:
    return {
        "purpose": module.purpose.get(locale),
        "purposeCategory": [_MODULE_CATEGORY],
        "consentType": "EXPLICIT",
        "piiCategory": [module.collects.get(locale)],
        "primaryPurpose": False,
        "termination": _MODULE_TERMINATION[_lang(locale)].format(name=module.name),
        "thirdPartyDisclosure": True,
        "thirdPartyName": f"{module.provider.get(locale)} ({module.name})",
    }


def _module_on(module: Module, record: ConsentRecord) -> bool:
    if not module.opt_out_allowed:
        return True
    return bool(record.modules.get(module.id, module.default_enabled))


def build_receipt(record: ConsentRecord, policy: Policy, *, principal_id: str) -> dict[str, Any]:
    """The Kantara v1.1 consent receipt of one ledger record (see the module docstring).

    ``principal_id`` is the device ID.  Texts are in the language the policy was shown in.
    """
    locale = record.locale
    try:
        policy_url = policy.link("app_privacy").url
    except KeyError:
        policy_url = NOT_PUBLISHED
    try:
        contact = policy.link("contact").url
    except KeyError:
        contact = NOT_PUBLISHED
    purposes: list[dict[str, Any]] = []
    for item in policy.items:
        purposes.extend(_item_purposes(item, locale))
    for module in policy.modules:
        if module.on_desktop and _module_on(module, record):
            purposes.append(_module_purpose(module, locale))
    return {
        "version": RECEIPT_VERSION,
        "jurisdiction": JURISDICTION,
        "consentTimestamp": _epoch_seconds(record.recorded_at),
        "collectionMethod": COLLECTION_METHOD,
        "consentReceiptID": receipt_id(record),
        "language": locale,
        "piiPrincipalId": principal_id,
        "piiControllers": [
            {
                "piiController": policy.company.get(locale),
                "onBehalf": False,
                "contact": contact,
                "address": {"addressCountry": "JP", "streetAddress": NOT_PUBLISHED},
                "email": NOT_PUBLISHED,
                "phone": NOT_PUBLISHED,
                "piiControllerUrl": contact,
            }
        ],
        "policyUrl": policy_url,
        "services": [{"service": SERVICE_NAME, "purposes": purposes}],
        "sensitive": False,
        "spiCat": [],
        "x-nework": {
            "policy_id": record.policy_id,
            "policy_version": record.policy_version,
            "text_sha256": record.text_sha256,
            "decision": record.decision.value,
            "modules": dict(record.modules),
            "recorded_at": record.recorded_at,
            "app_version": record.app_version,
            "record_seq": record.seq,
            "record_hash": record.hash,
            "prev_hash": record.prev_hash,
            "withdrawn": record.decision is Decision.WITHDRAWN,
        },
    }


# -- validation ----------------------------------------------------------------------------------

_TOP_REQUIRED: Final[Mapping[str, type]] = {
    "version": str,
    "jurisdiction": str,
    "consentTimestamp": int,
    "collectionMethod": str,
    "consentReceiptID": str,
    "piiPrincipalId": str,
    "piiControllers": list,
    "policyUrl": str,
    "services": list,
    "sensitive": bool,
    "spiCat": list,
}
_TOP_OPTIONAL: Final[Mapping[str, type]] = {"publicKey": str, "language": str}
_CONTROLLER_REQUIRED: Final[Mapping[str, type]] = {
    "piiController": str,
    "contact": str,
    "address": dict,
    "email": str,
    "phone": str,
}
_CONTROLLER_OPTIONAL: Final[Mapping[str, type]] = {"onBehalf": bool, "piiControllerUrl": str}
_SERVICE_REQUIRED: Final[Mapping[str, type]] = {"service": str, "purposes": list}
_PURPOSE_REQUIRED: Final[Mapping[str, type]] = {
    "purpose": str,
    "purposeCategory": list,
    "consentType": str,
    "piiCategory": list,
    "termination": str,
    "thirdPartyDisclosure": bool,
}
_PURPOSE_OPTIONAL: Final[Mapping[str, type]] = {"primaryPurpose": bool, "thirdPartyName": str}
_CONSENT_TYPES: Final = frozenset({"EXPLICIT", "IMPLICIT"})


def _type_ok(value: object, kind: type) -> bool:
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is str:
        return isinstance(value, str) and bool(value.strip())
    return isinstance(value, kind)


def _check_fields(
    where: str,
    obj: object,
    required: Mapping[str, type],
    optional: Mapping[str, type],
    *,
    extensions: bool = False,
) -> list[str]:
    if not isinstance(obj, dict):
        return [f"{where}: expected an object"]
    problems: list[str] = []
    for name, kind in required.items():
        if name not in obj:
            problems.append(f"{where}.{name}: required field is missing")
        elif not _type_ok(obj[name], kind):
            problems.append(f"{where}.{name}: expected {kind.__name__}")
    for name, kind in optional.items():
        if name in obj and not _type_ok(obj[name], kind):
            problems.append(f"{where}.{name}: expected {kind.__name__}")
    for name in obj:
        if name in required or name in optional:
            continue
        if extensions and isinstance(name, str) and name.startswith("x-"):
            continue
        problems.append(f"{where}.{name}: not a Consent Receipt v1.1 field")
    return problems


def _string_list(where: str, value: object, *, non_empty: bool) -> list[str]:
    if not isinstance(value, list):
        return []  # reported by _check_fields
    if non_empty and not value:
        return [f"{where}: must not be empty"]
    if not all(isinstance(v, str) and v.strip() for v in value):
        return [f"{where}: expected non-empty strings"]
    return []


def validate_receipt(obj: object) -> list[str]:
    """Problems of a consent receipt against the v1.1 required fields and types ([] = valid).

    Extension fields are accepted at the top level when their name starts with ``x-``.
    """
    problems = _check_fields("receipt", obj, _TOP_REQUIRED, _TOP_OPTIONAL, extensions=True)
    if not isinstance(obj, dict):
        return problems
    if obj.get("version") != RECEIPT_VERSION:
        problems.append(f"receipt.version: expected {RECEIPT_VERSION!r}")
    stamp = obj.get("consentTimestamp")
    if _type_ok(stamp, int) and isinstance(stamp, int) and stamp < 0:
        problems.append("receipt.consentTimestamp: must be seconds since the epoch")
    problems += _string_list("receipt.spiCat", obj.get("spiCat"), non_empty=False)
    controllers = obj.get("piiControllers")
    if isinstance(controllers, list):
        if not controllers:
            problems.append("receipt.piiControllers: must not be empty")
        for n, controller in enumerate(controllers):
            problems += _check_fields(
                f"receipt.piiControllers[{n}]",
                controller,
                _CONTROLLER_REQUIRED,
                _CONTROLLER_OPTIONAL,
            )
    services = obj.get("services")
    if isinstance(services, list):
        if not services:
            problems.append("receipt.services: must not be empty")
        for n, service in enumerate(services):
            where = f"receipt.services[{n}]"
            problems += _check_fields(where, service, _SERVICE_REQUIRED, {})
            purposes = service.get("purposes") if isinstance(service, dict) else None
            if not isinstance(purposes, list):
                continue
            if not purposes:
                problems.append(f"{where}.purposes: must not be empty")
            for k, purpose in enumerate(purposes):
                pwhere = f"{where}.purposes[{k}]"
                problems += _check_fields(pwhere, purpose, _PURPOSE_REQUIRED, _PURPOSE_OPTIONAL)
                if not isinstance(purpose, dict):
                    continue
                problems += _string_list(
                    f"{pwhere}.purposeCategory", purpose.get("purposeCategory"), non_empty=True
                )
                problems += _string_list(
                    f"{pwhere}.piiCategory", purpose.get("piiCategory"), non_empty=True
                )
                if "consentType" in purpose and purpose["consentType"] not in _CONSENT_TYPES:
                    problems.append(f"{pwhere}.consentType: expected EXPLICIT or IMPLICIT")
                if purpose.get("thirdPartyDisclosure") is True and not _type_ok(
                    purpose.get("thirdPartyName"), str
                ):
                    problems.append(
                        f"{pwhere}.thirdPartyName: required when thirdPartyDisclosure is true"
                    )
    return problems


# -- the export ----------------------------------------------------------------------------------

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
) -> Path:
    """Write the data export zip to ``dest`` and return its path.

    Raises :class:`FileExistsError` if ``dest`` exists and ``overwrite`` is false (ask the user,
    then call again with ``overwrite=True``), :class:`OSError` if it cannot be written, and
    :class:`~nework_desktop.core.consent.LedgerCorrupt` if the ledger cannot be trusted.
    ``principal_id`` defaults to the device ID (read, never created here).
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
