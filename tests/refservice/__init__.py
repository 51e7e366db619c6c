"""The reference NeWork service for the tests: the packaged one, plus test-only helpers.

The service itself ships with the QA tool (:mod:`nework_desktop.qa.refservice`; its docstring
has the walk-through); this package re-exports it for the tests and adds, in
:mod:`tests.refservice.testing`, what only tests need (the private real keyring, a scripted
browser, secret scans).  ``python -m tests.refservice --port 8765`` still runs it in the
foreground (the same as ``nework-qa refservice --port 8765``).

In tests: ``with RefService() as svc: ...``.
"""

from nework_desktop.qa.refservice import (
    TAG_URLS,
    Account,
    Canned,
    Faults,
    RefService,
    TestUser,
    WorkspaceVisit,
    generate,
    public_jwk,
    running,
    sign_jwt,
    spoil_signature,
)

__all__ = [
    "TAG_URLS",
    "Account",
    "Canned",
    "Faults",
    "RefService",
    "TestUser",
    "WorkspaceVisit",
    "generate",
    "public_jwk",
    "running",
    "sign_jwt",
    "spoil_signature",
]
