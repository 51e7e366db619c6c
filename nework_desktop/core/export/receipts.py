"""Consent receipts (Kantara Initiative Consent Receipt Specification v1.1) of ledger records.

Each receipt follows the field names of v1.1 (``version`` ``"KI-CR-v1.1.0"``).  The principal is
the random per-install device ID (:mod:`nework_desktop.core.device`), not an e-mail address.
The PII controller is NTT Communications with the contact the policy gives (the inquiry form of
Art. 10); the policy publishes no postal address, e-mail address or telephone number for it, so
those fields -- which v1.1 requires -- say ``"not published"``.  Purposes come from the Art. 2-1
table (the company's own purposes) and from the Art. 2-2 modules the record allows (third-party
disclosure to Google or PLAID).  Our own fields (policy version, text hash, decision, module
choices, record hash) sit under ``"x-nework"``.  No Qt here.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Final

from nework_desktop.core.consent import ConsentRecord, Decision
from nework_desktop.core.policy import Module, Policy, PolicyItem

__all__ = ["NOT_PUBLISHED", "RECEIPT_VERSION", "build_receipt", "receipt_id"]

RECEIPT_VERSION: Final = "KI-CR-v1.1.0"
JURISDICTION: Final = "JP"
COLLECTION_METHOD: Final = "desktop app consent dialog"
NOT_PUBLISHED: Final = "not published"
SERVICE_NAME: Final = "NeWork"
#: Namespace of the receipt ids: a record always gets the same receipt id (uuid5 of its hash).
RECEIPT_NAMESPACE: Final = uuid.UUID("5b0f3d0e-2f0a-4c7e-9a57-6e65776f726b")


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
