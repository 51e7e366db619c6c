"""The consent dialog's startup path imports only what it needs (benchmarks P1/P3)."""

from __future__ import annotations

import json
import subprocess
import sys

AFTER_CONSENT_ONLY = [
    "hashlib",  # OpenSSL: 3.6 MiB (core.digest hashes without it)
    "joserfc",
    "keyring",
    "requests",
    "nework_desktop.services.account",
    "nework_desktop.core.egress",
    "nework_desktop.core.secrets",
    "nework_desktop.net.http",
    "nework_desktop.net.oauth",
    "nework_desktop.net.service",
    "nework_desktop.services.policy_feed",
    "nework_desktop.services.receipts",
    "nework_desktop.core.proof",
    "nework_desktop.app.policy_updates",
    "nework_desktop.cli.policy",
    "cryptography.hazmat.primitives.asymmetric.ed25519",
    "nework_desktop.ui.main_window",
    "nework_desktop.ui.privacy",
    "nework_desktop.ui.registration",
    "nework_desktop.ui.workspace",
    "nework_desktop.ui.settings",
    "nework_desktop.ui.about",
    "nework_desktop.ui.help",
    "nework_desktop.ui.policy_viewer",
    "nework_desktop.app.panels",
    "nework_desktop.core.notices",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
]


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded once it ran ``code``."""
    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(result.stdout))


def test_bootstrap_module_defers_post_consent_imports() -> None:
    loaded = modules_after("import nework_desktop.app.bootstrap")
    assert sorted(loaded & set(AFTER_CONSENT_ONLY)) == []


#: Imported by the first request, the first sign-in or the first ID token -- not by building the
#: network services (the workspace's start, benchmark P2).
FIRST_USE_ONLY = ["requests", "joserfc", "cryptography", "http.server", "http.client", "ssl"]


def test_network_services_defer_first_use_imports() -> None:
    loaded = modules_after(
        "import nework_desktop.net.http, nework_desktop.net.oauth, nework_desktop.net.service\n"
        "import nework_desktop.services.account"
    )
    assert sorted(loaded & set(FIRST_USE_ONLY)) == []


def test_a_request_never_imports_requests() -> None:
    """The app's HTTP is the standard library's: urllib3, charset detection and requests cost
    ~10 MiB of memory (P3) and are only the QA stand-in browser's."""
    loaded = modules_after(
        "import socket\n"
        "from nework_desktop.net.http import HttpClient\n"
        "from nework_desktop.net.errors import OfflineError\n"
        "with socket.socket() as s:\n"
        "    s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]\n"
        "try:\n"
        "    HttpClient(attempts=1).request('GET', f'http://127.0.0.1:{port}/')\n"
        "except OfflineError:\n"
        "    pass\n"
        "else:\n"
        "    raise SystemExit('a closed port answered')\n"
    )
    assert "http.client" in loaded  # the request was really sent
    assert sorted(loaded & {"requests", "urllib3", "charset_normalizer", "idna"}) == []


#: What a launch straight into the workspace (consent given, signed in) must not import: the
#: consent dialog, registration, the wipe, the privacy center and the OAuth flow are imported
#: when they are asked for (P2: ~60-80 ms of the bootstrap; P3: the workspace's memory).
NOT_FOR_THE_WORKSPACE = [
    "nework_desktop.ui.consent_dialog",
    "nework_desktop.ui.registration",
    "nework_desktop.ui.wipe",
    "nework_desktop.core.wipe",
    "nework_desktop.ui.privacy.center",
    "nework_desktop.net.oauth.flow",
    "nework_desktop.net.oauth.endpoints",
    "nework_desktop.net.oauth.idtoken",
]


def test_the_workspace_launch_path_defers_what_it_does_not_show() -> None:
    loaded = modules_after(
        "import nework_desktop.app.bootstrap, nework_desktop.app.panels\n"
        "import nework_desktop.ui.main_window, nework_desktop.ui.workspace\n"
        "import nework_desktop.services.account, nework_desktop.services.deletion\n"
        "import nework_desktop.services.session, nework_desktop.app.policy_updates\n"
        "import nework_desktop.ui.privacy.retrier"
    )
    assert "nework_desktop.ui.workspace.window" in loaded  # the probe imported the path
    assert sorted(loaded & set(NOT_FOR_THE_WORKSPACE)) == []
