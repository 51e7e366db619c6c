"""The reference NeWork service and OpenID provider: a stand-in for QA and tests (loopback only).

It ships with ``nework-qa``, so that an installed tool needs no source checkout:
``nework-qa lifecycle`` starts it for the run when no ``--service-url`` is given, and
``nework-qa refservice --port 8765`` runs it in the foreground (docs/qa.md).

Walk through consent → registration → main window on one machine
----------------------------------------------------------------
In one terminal::

    nework-qa refservice --port 8765

It prints its URL and, later, every one-time code it "mails".  In another terminal::

    export NEWORK_SERVICE_URL=http://127.0.0.1:8765
    export NEWORK_OAUTH_ISSUER_OVERRIDE=http://127.0.0.1:8765   # every provider → the reference
    nework-desktop --basedir /tmp/nework-try

Agree to the policy, then register with any address (the code appears in the first terminal) or
with a provider button (the system browser opens, the reference provider signs in its test user
without asking and sends the browser back to the app).  Restart: you are still signed in.  Sign
out from the NeWork menu; ``nework-desktop --basedir /tmp/nework-try uninstall-cleanup`` removes
the keyring entries with everything else.  The workspace page it shows loads nothing from other
hosts; ``--tags`` adds the GA and KARTE tags, for ``nework-qa lifecycle`` only (it maps every host
name of the web view to 127.0.0.1; a NeWork started as above would really contact Google).

In-process: ``with RefService() as svc: ...`` (``svc.url``, ``svc.faults``, ``svc.count(…)``).

Modules
-------
* :mod:`.server`     the HTTP server and the dispatch (recording, faults, idempotency, routes);
* :mod:`.api`        the NeWork API (``/api/v1``: e-mail codes, sessions, account, receipts,
  deletion requests) and the test-only code endpoint;
* :mod:`.oidc`       the OpenID provider (discovery, authorize, token, userinfo, key set);
* :mod:`.workspace`  the web client's ``/workspace`` pages;
* :mod:`.state`      what the service knows (users, codes, sessions, visits, faults);
* :mod:`.protocol`   the request and reply the endpoint modules share;
* :mod:`.keys`       the RS256 key (made by ``cryptography``), its JWK and ID tokens (``joserfc``);
* :mod:`.command`    ``nework-qa refservice``.
"""

from nework_desktop.qa.refservice.keys import (
    SigningKey,
    generate,
    public_jwk,
    sign_jwt,
    spoil_signature,
)
from nework_desktop.qa.refservice.server import RefService, running
from nework_desktop.qa.refservice.state import (
    Account,
    Canned,
    Faults,
    TestUser,
    WorkspaceVisit,
)
from nework_desktop.qa.refservice.workspace import TAG_URLS

__all__ = [
    "TAG_URLS",
    "Account",
    "Canned",
    "Faults",
    "RefService",
    "SigningKey",
    "TestUser",
    "WorkspaceVisit",
    "generate",
    "public_jwk",
    "running",
    "sign_jwt",
    "spoil_signature",
]
