"""``nework-qa lifecycle`` end to end: subprocesses all the way down, in a sandbox home.

The first tests drive the real app (``python -m nework_desktop``: consent, sign-in against the
reference service, the workspace -- QtWebEngine loading the service's page, which sets a cookie,
localStorage and IndexedDB and tries the GA and KARTE tags, so the wipe meets a real Chromium
profile --, restart, status, uninstall-cleanup) for each layout, with the real keyring (the
private one of ``scripts/with-test-keyring``; skipped without it, failed under CI=true).  The
lifecycle maps every host name of the web view to 127.0.0.1, so the tags never leave the machine.
The others give ``--app`` a small stand-in program so that the failure paths (a crash, a wipe
that leaves files or a keyring entry, a sign-in that stores nothing, a workspace that does not
load or keeps its profile elsewhere, a program that is not NeWork) are tested without breaking
the real app.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.core.secrets import SERVICE
from nework_desktop.qa import lifecycle
from nework_desktop.qa.lifecycle import HOST_RESOLVER_RULES, Options, chromium_flags, run_lifecycle
from nework_desktop.qa.ownership import relative
from nework_desktop.services.account import SECRET_ACCESS, SECRET_REFRESH
from tests.helpers import tree
from tests.refservice import TAG_URLS, Account, RefService
from tests.refservice.testing import delete_service, keyring_names, real_keyring, unique_service

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def run_qa(
    *args: str | Path, cwd: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "nework_desktop.qa.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=240,
        check=False,
    )


def report_of(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def step(report: dict[str, Any], name: str) -> dict[str, Any]:
    found = [s for s in report["steps"] if s["name"] == name]
    assert found, f"no step {name!r} in {[s['name'] for s in report['steps']]}"
    result = found[0]
    assert isinstance(result, dict)
    return result


@pytest.fixture
def backend() -> Iterator[Any]:
    """The private test keyring, empty of the app's entries before and after the test."""
    found = real_keyring()
    delete_service(found, SERVICE)
    yield found
    delete_service(found, SERVICE)


# -- the real app ----------------------------------------------------------------------------

APP_ENTRIES = [f"keyring:{SERVICE}/{SECRET_ACCESS}", f"keyring:{SERVICE}/{SECRET_REFRESH}"]
STEPS = ["consent", "sign-in", "workspace", "restart", "status", "uninstall-cleanup"]
#: Hosts of the tags on the reference service's page (the egress log must count each).
TAG_HOSTS = sorted({url.split("/")[2] for urls in TAG_URLS.values() for url in urls})

CONSENT_FILES = {
    "linux": (".local/share/NeWork/consent-ledger.json", ".local/state/NeWork/log/nework.log"),
    "macos": (
        "Library/Application Support/NeWork/consent-ledger.json",
        "Library/Logs/NeWork/nework.log",
    ),
    "windows": (
        "AppData/Local/NTTCom/NeWork/consent-ledger.json",
        "AppData/Local/NTTCom/NeWork/Logs/nework.log",
    ),
}


@pytest.mark.keyring
@pytest.mark.parametrize("layout", ["linux", "macos", "windows"])
def test_lifecycle_of_the_real_app_leaves_nothing(
    tmp_path: Path, layout: str, backend: Any
) -> None:
    home = tmp_path / "home"
    junit = tmp_path / "junit.xml"
    args: list[str | Path] = ["lifecycle", "--layout", layout, "--home", home, "--json"]
    with RefService(tags=True) as svc:
        # windows: a service QA started (--service-url); the others: the one nework-qa starts.
        given = layout == "windows"
        if given:
            args += ["--service-url", svc.url]
        result = run_qa(*args, "--junit", junit, cwd=tmp_path)
        codes_asked = svc.count("/api/v1/auth/email/code")
        visits = [v.to_json() for v in svc.workspace_visits]
    assert result.stdout, result.stderr
    report = report_of(result)

    assert report["layout"] == layout and report["home"] == str(home)
    assert report["service"]["source"] == ("--service-url" if given else "reference")
    assert report["environment"]["NEWORK_SERVICE_URL"] == report["service"]["url"]
    # Always: every host name of the web view resolves to 127.0.0.1 (the tags stay here).
    assert report["environment"]["QTWEBENGINE_CHROMIUM_FLAGS"].endswith(HOST_RESOLVER_RULES)
    assert codes_asked == (1 if given else 0)
    assert [s["name"] for s in report["steps"]] == STEPS
    consent = step(report, "consent")
    assert consent["exit_code"] == 0
    assert consent["command"][-2:] == ["--automate", "accept-consent,quit"]
    for path in CONSENT_FILES[layout]:
        assert path in consent["files_created"]
    assert consent["keyring_entries"] == []

    sign_in = step(report, "sign-in")
    assert sign_in["ok"] is True, sign_in
    assert sign_in["command"][-2:] == ["--automate", "sign-in-email:qa@example.com,quit"]
    assert sign_in["keyring_entries"] == APP_ENTRIES
    assert not any(p.startswith("keyring:") for p in sign_in["files_created"])
    if not given:
        asked = sign_in["service_requests"]
        assert asked["POST /api/v1/auth/email/code"] == 1, asked
        assert asked["POST /api/v1/auth/email/verify"] == 1, asked

    workspace = step(report, "workspace")
    assert workspace["ok"] is True, workspace
    assert workspace["command"][-2:] == ["--automate", "open-workspace,quit"]
    assert workspace["workspace"] == "loaded"
    assert workspace["keyring_entries"] == []
    # A real Chromium profile, inside the roots the app names.
    profile = relative(report["roots"]["web_profile"], str(home))
    assert profile is not None
    created = set(workspace["files_created"])
    for name in ("Cookies", "Local Storage", "IndexedDB"):
        assert f"{profile}/{name}" in created, sorted(created)
        assert name in workspace["web_profile_created"]
    assert any(p.startswith(f"{profile}/Local Storage/") for p in created)
    assert workspace["web_cache_created"], "no HTTP cache in the web_cache root"
    roots = [r for r in (relative(p, str(home)) for p in report["roots"].values()) if r]
    outside = [
        p
        for p in created
        if not any(p == r or p.startswith(f"{r}/") or r.startswith(f"{p}/") for r in roots)
    ]
    assert outside == [], "the workspace wrote outside the app's roots"
    # The egress rules counted the page and its tags (allowed by the default consent).
    counted = {row["host"]: row for row in workspace["transmissions"]}
    assert set(TAG_HOSTS) <= set(counted), counted
    assert {counted[h]["module"] for h in TAG_HOSTS} == {"google_analytics", "karte"}
    # The session reached the web client, and the page stored what it stores.
    page = visits[-1] if given else workspace["workspace_page"]
    assert page == {
        "authorization": True,
        "signed_in": True,
        "tags": True,
        "stored": {"cookie": True, "local_storage": True, "indexed_db": True},
    }
    if not given:
        assert workspace["service_requests"]["GET /workspace"] == 1
        assert not any("/email/" in k for k in workspace["service_requests"])
    assert len(visits) == (1 if given else 0)
    assert report["notes"] == []

    restart = step(report, "restart")
    assert restart["ok"] is True, restart
    assert restart["command"][-2:] == ["--automate", "quit"]
    assert restart["account"] == "signed-in" and restart["session_resumed"] is True
    assert restart["keyring_entries"] == [] and restart["files_created"] == [], restart
    if not given:
        assert not any("/email/" in k for k in restart["service_requests"])

    assert step(report, "status")["files_created"] == []
    assert step(report, "status")["consent_state"] == "accepted"
    # Issue 14: the fetched policy (the reference service publishes one), the receipt queue and
    # the acknowledgements exist before the wipe, the consent is confirmed, and the wipe
    # removes all of them (the final diff has no residue either).
    status_step = step(report, "status")
    assert status_step["acknowledgement"]["state"] == "confirmed"
    kept = {p.rsplit("/", 1)[-1] for p in status_step["consent_proof_files"]}
    wanted = {"consent-acks.json", "consent-receipt-queue.json"}
    if not given:
        wanted |= {"feed.json", "state.json"}
        assert status_step["policy"]["verified_at"] is not None
    assert kept == wanted, status_step["consent_proof_files"]
    removed = step(report, "uninstall-cleanup")["consent_proof_removed"]
    assert removed == status_step["consent_proof_files"]
    assert all(p.startswith(str(home)) for p in report["roots"].values())
    cleanup = step(report, "uninstall-cleanup")
    assert cleanup["exit_code"] == 0, cleanup
    assert cleanup["keyring_entries_removed"] == APP_ENTRIES
    assert report["cleanup"]["ok"] is True
    assert report["keyring"]["entries"] == APP_ENTRIES
    assert report["keyring"]["remaining"] == []
    assert report["residue"] == [], report["residue"]
    assert report["verdict"] == "clean"
    assert result.returncode == 0, result.stderr
    assert tree(home) == []
    assert keyring_names(backend, SERVICE) == []  # checked without nework-qa, too

    suite = ET.parse(junit).getroot().find("testsuite")  # noqa: S314 - our own file
    assert suite is not None and suite.get("failures") == "0" and suite.get("errors") == "0"
    names = [c.get("name") for c in suite.iter("testcase")]
    assert names == [*STEPS, "residue"]


@pytest.mark.keyring
def test_lifecycle_with_session_tokens_kept_in_parts_leaves_nothing(
    tmp_path: Path, backend: Any
) -> None:
    home = tmp_path / "home"
    args: list[str | Path] = ["lifecycle", "--layout", "windows", "--home", home, "--json"]
    with RefService(tags=True) as svc:
        svc.token_bytes = 2400  # 3,205-character tokens: four parts each (core/secrets.py)
        result = run_qa(*args, "--service-url", svc.url, cwd=tmp_path)
    assert result.stdout, result.stderr
    report = report_of(result)
    parts = [f"{entry}#{i}" for entry in APP_ENTRIES for i in range(1, 5)]
    entries = sorted([*APP_ENTRIES, *parts])
    assert sorted(step(report, "sign-in")["keyring_entries"]) == entries
    assert step(report, "restart")["session_resumed"] is True  # the joined token was accepted
    assert sorted(step(report, "uninstall-cleanup")["keyring_entries_removed"]) == entries
    assert report["keyring"]["remaining"] == [] and report["residue"] == []
    assert report["verdict"] == "clean" and result.returncode == 0, result.stderr
    assert keyring_names(backend, SERVICE) == []


@pytest.mark.keyring
def test_lifecycle_with_a_provider_sign_in_wipes_the_oauth_session(
    tmp_path: Path, backend: Any
) -> None:
    """``--sign-in oauth:microsoft``: the app signs in through the real dialog, a stand-in
    browser and the reference OpenID provider; the session's keyring entries go at uninstall."""
    home = tmp_path / "home"
    result = run_qa(
        "lifecycle", "--layout", "linux", "--home", home, "--sign-in", "oauth:microsoft",
        "--json", cwd=tmp_path,
    )  # fmt: skip
    assert result.stdout, result.stderr
    report = report_of(result)
    assert [s["name"] for s in report["steps"]] == STEPS
    assert report["environment"]["NEWORK_OAUTH_ISSUER_OVERRIDE"] == report["service"]["url"]
    sign_in = step(report, "sign-in")
    assert sign_in["ok"] is True, sign_in
    assert sign_in["command"][-2:] == ["--automate", "sign-in-oauth:microsoft,quit"]
    assert sign_in["keyring_entries"] == APP_ENTRIES
    asked = sign_in["service_requests"]
    assert asked["POST /oauth/token"] == 1 and asked["POST /api/v1/auth/oauth"] == 1, asked
    assert not any("/email/" in k for k in asked)
    restart = step(report, "restart")
    assert restart["account"] == "signed-in" and restart["session_resumed"] is True
    cleanup = step(report, "uninstall-cleanup")
    assert cleanup["keyring_entries_removed"] == APP_ENTRIES
    assert report["keyring"]["remaining"] == []
    assert report["residue"] == [] and report["verdict"] == "clean"
    assert result.returncode == 0, result.stderr
    assert keyring_names(backend, SERVICE) == []


def test_an_unknown_sign_in_is_a_usage_error(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_qa("lifecycle", "--home", home, "--sign-in", "oauth:myspace", cwd=tmp_path)
    assert result.returncode == 2 and "--sign-in oauth:myspace" in result.stderr
    assert not home.exists()


@pytest.mark.keyring
def test_no_cleanup_leaves_the_data_and_the_keyring_entries_and_says_where(
    tmp_path: Path, backend: Any
) -> None:
    home = tmp_path / "home"
    result = run_qa("lifecycle", "--layout", "linux", "--home", home, "--no-cleanup", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "verdict: no-cleanup" in result.stdout
    assert str(home / ".local/share/NeWork") in result.stdout
    assert "uninstall-cleanup --yes" in result.stdout
    for entry in APP_ENTRIES:
        assert f"+ keyring  {entry}" in result.stdout
    assert (home / ".local/share/NeWork/consent-ledger.json").is_file()
    assert (home / ".local/state/NeWork/log/nework.log").is_file()
    assert (home / ".local/state/NeWork/transmissions.json").is_file()
    assert (home / ".local/share/NeWork/WebEngine/profile/Cookies").is_file()
    assert keyring_names(backend, SERVICE) == [SECRET_ACCESS, SECRET_REFRESH]
    delete_service(backend, SERVICE)

    home = tmp_path / "h2"
    result = run_qa(
        "lifecycle", "--layout", "linux", "--home", home, "--no-cleanup", "--json", cwd=tmp_path
    )
    report = report_of(result)
    assert result.returncode == 0 and report["verdict"] == "no-cleanup"
    assert report["cleanup"] is None
    assert [s["name"] for s in report["steps"]] == STEPS[:-1]
    residue = {e["path"]: e for e in report["residue"]}
    assert ".local/share/NeWork/consent-ledger.json" in residue
    assert ".local/share/NeWork/secrets-index.json" in residue
    assert ".local/share/NeWork/WebEngine/profile/Cookies" in residue
    for entry in APP_ENTRIES:  # the keyring entries the wipe would have to remove
        assert residue[entry]["kind"] == "keyring" and residue[entry]["class"] == "ours"
    assert report["keyring"]["remaining"] == APP_ENTRIES

    # The app's own wipe, with the run's environment, removes them (and the files).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NEWORK_"))}
    env.update(report["environment"], XDG_RUNTIME_DIR=os.environ["XDG_RUNTIME_DIR"])
    env["PYTHONPATH"] = str(REPO)
    wipe = subprocess.run(
        [*report["app"], "uninstall-cleanup", "--yes"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert wipe.returncode == 0, wipe.stdout + wipe.stderr
    assert keyring_names(backend, SERVICE) == []
    assert not (home / ".local/share/NeWork").exists()
    assert not (home / ".cache/NeWork").exists()


def test_a_home_that_is_not_empty_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "mine.txt").write_text("keep me", encoding="utf-8")
    result = run_qa("lifecycle", "--layout", "linux", "--home", home, "--json", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "not empty" in result.stderr
    assert tree(home) == ["Documents", "Documents/mine.txt"]

    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    result = run_qa("lifecycle", "--home", afile, cwd=tmp_path)
    assert result.returncode == 2 and "not a folder" in result.stderr


def test_an_app_command_that_does_not_exist(tmp_path: Path) -> None:
    result = run_qa(
        "lifecycle", "--home", tmp_path / "home", "--app", tmp_path / "NeWork.exe", cwd=tmp_path
    )
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "app command not found" in result.stderr
    assert not (tmp_path / "home").exists()


# -- the reference service's web client, the Chromium flags --------------------------------


def fetch(
    url: str, *, token: str | None = None, body: bytes | None = None, cookie: str | None = None
) -> tuple[int, dict[str, str], bytes]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if cookie:
        headers["Cookie"] = cookie
    assert url.startswith("http://127.0.0.1:")
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 - checked
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy
    with opener.open(request, timeout=10) as reply:
        return reply.status, dict(reply.headers.items()), reply.read()


def test_the_reference_workspace_page_shows_the_session_and_records_what_it_stored() -> None:
    with RefService() as svc:
        with svc.lock:
            token = svc.new_grant(Account("u-1", "email", "qa@example.com"))["access_token"]
        status, headers, page = fetch(f"{svc.url}/workspace")
        assert status == 200 and b"NeWork workspace" in page
        cookie = headers["Set-Cookie"].split(";")[0]
        assert cookie.startswith("nework_ws=") and "Max-Age=" in headers["Set-Cookie"]
        assert b"data-state='signed-out'" in page and b"Not signed in." in page
        assert b"localStorage.setItem" in page and b"indexedDB.open" in page
        assert b"karte" not in page and b"google" not in page  # no tags unless asked for
        assert b"data-state='signed-in'" in fetch(f"{svc.url}/workspace", token=token)[2]
        assert b"data-state='invalid-token'" in fetch(f"{svc.url}/workspace", token="nope")[2]
        first, signed_in, wrong = svc.workspace_visits
        assert (first.authorization, first.signed_in, first.tags, first.stored) == (
            False, False, False, None,
        )  # fmt: skip
        assert signed_in.signed_in and wrong.authorization and not wrong.signed_in

        # The script's report; the hold image answers at once once it came (or for no visit).
        report = json.dumps({"visit": first.visit, "local_storage": True, "indexed_db": True})
        fetch(f"{svc.url}/workspace/stored", body=report.encode(), cookie=cookie)
        assert first.stored == {"cookie": True, "local_storage": True, "indexed_db": True}
        start = time.monotonic()
        status, headers, _ = fetch(f"{svc.url}/workspace/hold?visit={first.visit}")
        fetch(f"{svc.url}/workspace/hold?visit=unknown")
        assert status == 200 and headers["Content-Type"] == "image/gif"
        assert time.monotonic() - start < 2
        body = json.dumps({"visit": signed_in.visit}).encode()
        fetch(f"{svc.url}/workspace/stored", body=body)  # no cookie came back
        assert signed_in.stored == {"cookie": False, "local_storage": False, "indexed_db": False}

    with RefService(tags=True) as svc:
        text = fetch(f"{svc.url}/workspace")[2].decode()
        for url in (u for urls in TAG_URLS.values() for u in urls):
            assert url.replace("&", "&amp;") in text
        assert svc.workspace_visits[0].tags is True


@pytest.mark.parametrize(
    ("given", "root", "expected"),
    [
        ("", False, HOST_RESOLVER_RULES),
        ("", True, f"--no-sandbox {HOST_RESOLVER_RULES}"),
        (
            '--foo --host-resolver-rules="MAP * ~NOTFOUND" --bar',
            False,
            f"--foo --bar {HOST_RESOLVER_RULES}",
        ),
        ("--host-resolver-rules=MAP --no-sandbox", True, f"--no-sandbox {HOST_RESOLVER_RULES}"),
        (f"--no-sandbox {HOST_RESOLVER_RULES}", True, f"--no-sandbox {HOST_RESOLVER_RULES}"),
    ],
)
def test_the_web_view_always_resolves_every_host_to_loopback(
    given: str, root: bool, expected: str
) -> None:
    assert chromium_flags(given, no_sandbox=root) == expected


# -- a stand-in app for the failure paths ----------------------------------------------------

STAND_IN = textwrap.dedent(
    """
    import json, os, shutil, sys, urllib.request
    from pathlib import Path
    from nework_desktop.core.paths import AppPaths

    mode = os.environ.get("STAND_IN_MODE", "")
    service = os.environ.get("STAND_IN_SERVICE", "")  # keyring service for its "session"
    url = os.environ.get("NEWORK_SERVICE_URL", "")  # the reference service the lifecycle started
    paths = AppPaths.from_environment()
    args = sys.argv[1:]
    steps = args[1].split(",") if args[:1] == ["--automate"] else []
    index = paths.data / "secrets-index.json"
    SENT = {"schema": 1, "days": {"2030-01-01": [
        {"host": "127.0.0.1", "module": None, "allowed": 1, "blocked": 0},
        {"host": "www.googletagmanager.com", "module": "google_analytics", "allowed": 1,
         "blocked": 0},
        {"host": "cdn-edge.karte.io", "module": "karte", "allowed": 0, "blocked": 1,
         "reasons": {"opted-out": 1}}]}}

    def call(path, body=None, token=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url + path, data=data, headers=headers)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(request, timeout=10) as reply:
            return reply.read()

    def sign_in(address):
        # A session of the reference service (its access token), as the real app gets one.
        if not url:
            return "stand-in-secret"
        asked = json.loads(call("/api/v1/auth/email/code", {"email": address, "locale": "en"}))
        code = json.loads(call("/_test/email-code", {"email": address}))["code"]
        answer = {"request_id": asked["request_id"], "code": code}
        return json.loads(call("/api/v1/auth/email/verify", answer))["access_token"]
    if mode == "not-nework":
        sys.exit(0)
    if args[:1] == ["status"]:
        print(json.dumps({"layout": paths.layout, "paths": paths.as_dict(), "consent": {}}))
    elif steps:
        if mode == "crash":
            print("Fatal: simulated crash", file=sys.stderr)
            os.abort()
        paths.ensure("data")
        if "accept-consent" in steps:
            (paths.data / "consent-ledger.json").write_text("{}")
        signing_in = [s for s in steps if s.startswith("sign-in-email:")]
        if signing_in:
            (paths.data / "account.json").write_text("{}")
            if service and mode != "no-session":
                import keyring
                entry = {"service": service, "name": "session:refresh_token"}
                index.write_text(json.dumps({"schema": 1, "entries": [entry]}))
                token = sign_in(signing_in[0].split(":", 1)[1])
                keyring.set_password(service, entry["name"], token)
            elif mode == "no-session":
                print("nework.registration: automation: e-mail sign-in failed: the code was "
                      "not accepted", file=sys.stderr)
        if steps == ["quit"]:
            state = "sign-in-again" if mode == "not-resumed" else "signed-in"
            print(f"INFO nework.app: account: {state}", file=sys.stderr)
        if "open-workspace" in steps and mode == "no-workspace":
            print("INFO nework.app: automation: workspace not loaded", file=sys.stderr)
        elif "open-workspace" in steps:  # plays the web view: the page, a profile, the log
            token = None
            if service and mode not in ("no-session", "signed-out-page"):
                import keyring
                token = keyring.get_password(service, "session:refresh_token")
            if url:
                call("/workspace", token=token)
            if mode == "profile-elsewhere":
                profile = Path(os.environ["HOME"]) / ".config" / "Chromium"
                profile.mkdir(parents=True)
            else:
                profile = paths.ensure("web_profile")
            (profile / "Cookies").write_text("")
            if mode != "no-egress-log":
                (paths.ensure("state") / "transmissions.json").write_text(json.dumps(SENT))
            print("INFO nework.app: automation: workspace loaded", file=sys.stderr)
    elif args[:1] == ["uninstall-cleanup"]:
        removed = []
        if mode in ("", "crash"):
            for root in paths.existing_roots():
                shutil.rmtree(root)  # forgets the parents it created: residue
                removed.append(str(root))
        else:  # a tidy wipe of the files; the keyring too unless the mode forgets it
            if mode != "forget-keyring" and index.is_file():
                import keyring
                for e in json.loads(index.read_text())["entries"]:
                    keyring.delete_password(e["service"], e["name"])
            home = Path(os.environ["HOME"])
            for child in list(home.iterdir()):
                shutil.rmtree(child)
                removed.append(str(child))
        print(json.dumps({"ok": True, "removed": removed, "failed": [], "refused": [],
                          "residue": []}))
    """
)


@pytest.fixture
def stand_in(tmp_path: Path) -> str:
    script = tmp_path / "stand_in.py"
    script.write_text(STAND_IN, encoding="utf-8")
    return f"{sys.executable} {script}"


def test_residue_left_by_the_wipe_fails_the_run(tmp_path: Path, stand_in: str) -> None:
    home = tmp_path / "home"
    junit = tmp_path / "junit.xml"
    result = run_qa(
        "lifecycle", "--layout", "linux", "--home", home, "--app", stand_in,
        "--json", "--junit", junit, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = report_of(result)
    assert report["verdict"] == "residue"
    residue = {e["path"]: e["class"] for e in report["residue"]}
    assert residue == {".local": "unknown", ".local/share": "unknown", ".local/state": "unknown"}
    suite = ET.parse(junit).getroot().find("testsuite")  # noqa: S314
    assert suite is not None
    cases = {c.get("name", ""): c for c in suite.iter("testcase")}
    failure = cases["residue"].find("failure")
    assert failure is not None and ".local/share" in (failure.text or "")
    assert cases["consent"].find("failure") is None


def test_a_crashing_app_is_an_error_with_a_report(tmp_path: Path, stand_in: str) -> None:
    home = tmp_path / "home"
    result = run_qa(
        "lifecycle", "--layout", "windows", "--home", home, "--app", stand_in, "--json",
        cwd=tmp_path, extra_env={"STAND_IN_MODE": "crash"},
    )  # fmt: skip
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "SIGABRT" in result.stderr
    assert "Traceback" not in result.stderr
    report = report_of(result)
    assert report["verdict"] == "error"
    consent = step(report, "consent")
    assert consent["ok"] is False and "simulated crash" in "\n".join(consent["stderr_tail"])


def test_a_program_that_is_not_nework_is_stopped_before_it_runs(
    tmp_path: Path, stand_in: str
) -> None:
    home = tmp_path / "home"
    result = run_qa(
        "lifecycle", "--home", home, "--app", stand_in, cwd=tmp_path,
        extra_env={"STAND_IN_MODE": "not-nework"},
    )  # fmt: skip
    assert result.returncode == 3 and result.stdout == ""
    assert "is --app a NeWork Desktop executable?" in result.stderr
    assert not home.exists()  # the folder it created for the run is gone again


@pytest.fixture
def stand_in_service(backend: Any) -> Iterator[str]:
    """A keyring service name of this test only, for the stand-in's "session"."""
    name = unique_service()
    yield name
    delete_service(backend, name)


@pytest.mark.keyring
def test_a_keyring_entry_the_wipe_forgets_is_residue(
    tmp_path: Path, stand_in: str, stand_in_service: str, backend: Any
) -> None:
    home = tmp_path / "home"
    junit = tmp_path / "junit.xml"
    result = run_qa(
        "lifecycle", "--layout", "linux", "--home", home, "--app", stand_in,
        "--json", "--junit", junit, cwd=tmp_path,
        extra_env={"STAND_IN_MODE": "forget-keyring", "STAND_IN_SERVICE": stand_in_service},
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = report_of(result)
    label = f"keyring:{stand_in_service}/session:refresh_token"
    assert step(report, "sign-in")["keyring_entries"] == [label]
    assert step(report, "restart")["session_resumed"] is True
    assert step(report, "uninstall-cleanup")["keyring_entries_removed"] == []
    assert tree(home) == []  # every file went: only the keyring entry is left
    assert report["verdict"] == "residue"
    assert [(e["path"], e["kind"], e["class"]) for e in report["residue"]] == [
        (label, "keyring", "ours")
    ]
    assert report["keyring"]["remaining"] == [label]
    assert keyring_names(backend, stand_in_service) == ["session:refresh_token"]
    suite = ET.parse(junit).getroot().find("testsuite")  # noqa: S314
    assert suite is not None
    cases = {c.get("name", ""): c for c in suite.iter("testcase")}
    failure = cases["residue"].find("failure")
    assert failure is not None and label in (failure.text or "")

    # The same stand-in with a wipe that removes its keyring entry: clean.
    result = run_qa(
        "lifecycle", "--layout", "macos", "--home", tmp_path / "h2", "--app", stand_in,
        "--json", cwd=tmp_path,
        extra_env={"STAND_IN_MODE": "tidy", "STAND_IN_SERVICE": stand_in_service},
    )  # fmt: skip
    report = report_of(result)
    assert report["verdict"] == "clean", report
    assert step(report, "uninstall-cleanup")["keyring_entries_removed"] == [label]
    assert report["keyring"] == {
        "backend": report["keyring"]["backend"],
        "note": None,
        "entries": [label],
        "remaining": [],
    }
    assert result.returncode == 0
    assert keyring_names(backend, stand_in_service) == []


@pytest.mark.keyring
@pytest.mark.parametrize(
    "case",
    [
        ("no-session", "sign-in", "no keyring entry of ours was created (the app says: the code"),
        ("not-resumed", "restart", "the session was not resumed (the app reports 'account: sign"),
        ("no-workspace", "workspace", "the page did not load in time ('automation: workspace not"),
        ("profile-elsewhere", "workspace", "the workspace wrote no web profile in its folder ("),
        ("no-egress-log", "workspace", "no transmissions.json in the state folder after the work"),
        ("signed-out-page", "workspace", "the session did not reach the web client (the page got"),
    ],
    ids=lambda case: case[0],
)
def test_a_step_that_does_not_do_what_it_must_fails(
    tmp_path: Path, stand_in: str, stand_in_service: str, case: tuple[str, str, str]
) -> None:
    mode, failing, why = case
    result = run_qa(
        "lifecycle", "--layout", "linux", "--home", tmp_path / "home", "--app", stand_in,
        "--json", cwd=tmp_path,
        extra_env={"STAND_IN_MODE": mode, "STAND_IN_SERVICE": stand_in_service},
    )  # fmt: skip
    report = report_of(result)
    assert report["verdict"] == "failed" and report["residue"] == []
    assert result.returncode == 1
    bad = step(report, failing)
    assert bad["ok"] is False and why in bad["problem"], bad
    assert [s["name"] for s in report["steps"] if not s["ok"]] == [failing]


def test_without_a_service_the_sign_in_is_skipped_and_said_so(
    tmp_path: Path, stand_in: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No --service-url and the reference service cannot start: skip, and say so."""
    monkeypatch.setattr(lifecycle.service, "REFERENCE_HOST", "tests.no_such_service")
    monkeypatch.setenv("PYTHONPATH", str(REPO))  # for the stand-in
    monkeypatch.setenv("STAND_IN_MODE", "tidy")
    home = tmp_path / "home"
    report = run_lifecycle(Options(layout="linux", home=home, app=stand_in))
    data = report.to_json()
    assert [s["name"] for s in data["steps"]] == STEPS
    for name in ("sign-in", "workspace"):
        skipped = step(data, name)
        assert skipped["exit_code"] is None and skipped["ok"] is True
        assert "--service-url was not given" in skipped["skipped"]
        assert "tests.no_such_service" in skipped["skipped"]
    assert data["service"]["url"] is None
    assert "NEWORK_SERVICE_URL" not in data["environment"]
    assert "session_resumed" not in step(data, "restart")  # nothing to resume
    assert data["verdict"] == "clean" and data["exit_code"] == 0
    human = report.human()
    assert "sign-in            skipped: no NeWork service for the run" in human
    assert "workspace          skipped: no NeWork service for the run" in human
    cases = {c.name: c for c in report.junit_cases()}
    assert cases["sign-in"].skipped and cases["workspace"].skipped
    assert cases["restart"].skipped is None


def test_service_url_must_be_a_local_test_service_that_answers(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_qa(
        "lifecycle", "--home", home, "--service-url", "https://nework.app", cwd=tmp_path
    )
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "test service on this machine" in result.stderr
    result = run_qa("lifecycle", "--home", home, "--service-url", "ftp://x", cwd=tmp_path)
    assert result.returncode == 2 and "--service-url" in result.stderr
    assert not home.exists()

    with RefService() as svc:
        url = svc.url  # a port that nothing listens on once the service has stopped
    result = run_qa("lifecycle", "--home", home, "--service-url", url, cwd=tmp_path)
    assert result.returncode == 3 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "does not answer" in result.stderr
    assert not home.exists()  # nothing ran: the folder it created is gone again


@pytest.mark.keyring
def test_a_real_signed_in_installation_is_not_touched(
    tmp_path: Path, stand_in_service: str, backend: Any
) -> None:
    """The keyring is not sandboxed: a session of the caller's own NeWork stops the run."""
    real_home = tmp_path / "real-home"
    data = real_home / ".local/share/NeWork"
    data.mkdir(parents=True)
    entry = {"service": stand_in_service, "name": "session:refresh_token"}
    (data / "secrets-index.json").write_text(json.dumps({"schema": 1, "entries": [entry]}))
    backend.set_password(stand_in_service, entry["name"], "the real session")
    home = tmp_path / "home"
    result = run_qa(
        "lifecycle", "--layout", "linux", "--home", home, cwd=tmp_path,
        extra_env={"HOME": str(real_home)},
    )  # fmt: skip
    assert result.returncode == 3 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "NeWork is signed in" in result.stderr
    assert f"keyring:{stand_in_service}/session:refresh_token" in result.stderr
    assert not home.exists()
    assert backend.get_password(stand_in_service, entry["name"]) == "the real session"
