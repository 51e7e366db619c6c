"""Test oracles: independent checks the tests hold the product's output against.

``validate_receipt`` checks a consent receipt against the required fields and types of the
Kantara Initiative Consent Receipt Specification v1.1 (it was shipped in the product; a test
oracle belongs here).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from nework_desktop.core.export import RECEIPT_VERSION

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
