"""A reference NeWork service and OpenID provider for development and tests (loopback only).

Walk through consent → registration → main window on one machine
----------------------------------------------------------------
In one terminal::

    .venv/bin/python -m tests.refservice --port 8765

It prints its URL and, later, every one-time code it "mails".  In another terminal::

    export NEWORK_SERVICE_URL=http://127.0.0.1:8765
    export NEWORK_OAUTH_ISSUER_OVERRIDE=http://127.0.0.1:8765   # every provider → the reference
    .venv/bin/nework-desktop --basedir /tmp/nework-try

Agree to the policy, then register with any address (the code appears in the first terminal) or
with a provider button (the system browser opens, the reference provider signs in its test user
without asking and sends the browser back to the app).  Restart: you are still signed in.  Sign
out from the NeWork menu; ``nework-desktop --basedir /tmp/nework-try uninstall-cleanup`` removes
the keyring entries with everything else.  The workspace page it shows loads nothing from other
hosts; ``--tags`` adds the GA and KARTE tags, for ``nework-qa lifecycle`` only (it maps every host
name of the web view to 127.0.0.1; a NeWork started as above would really contact Google).

In tests: ``with RefService() as svc: ...`` (see :mod:`tests.refservice.server`).
"""

from tests.refservice.server import Canned, Faults, RefService, TestUser, WorkspaceVisit, running

__all__ = ["Canned", "Faults", "RefService", "TestUser", "WorkspaceVisit", "running"]
