"""``policy fetch`` and ``status --json`` as a user runs them (subprocesses), against the
reference service over loopback; and the consent receipts of the real app across a restart."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.core.env import POLICY_DEV_KEYS
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import load_policy
from nework_desktop.qa.refservice.signing import FeedKey
from tests import helpers
from tests.helpers import add_version, record_acceptance, shipped_copy, tree
from tests.refservice import RefService


def run_app(
    *args: str, home: Path, env: dict[str, str] | None = None, python: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    command = tuple(python) if python else helpers.APP
    return helpers.run_app(*args, env=helpers.app_env(home, env), command=command)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return shipped_copy(tmp_path / "published")


@pytest.fixture
def svc(folder: Path) -> Iterator[RefService]:
    with RefService(policy_feed=folder) as service:
        yield service


def env_for(svc: RefService) -> dict[str, str]:
    return {"NEWORK_SERVICE_URL": svc.url, POLICY_DEV_KEYS: svc.signing_key.dev_keys_value()}


def fetch(base: Path, home: Path, env: dict[str, str]) -> tuple[int, dict[str, Any], str]:
    result = run_app("policy", "fetch", "--json", "--basedir", str(base), home=home, env=env)
    return result.returncode, json.loads(result.stdout), result.stderr


def status(base: Path, home: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    result = run_app("status", "--json", "--basedir", str(base), home=home, env=env)
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_without_consent_nothing_is_fetched_and_nothing_written(
    base: Path, home: Path, svc: RefService
) -> None:
    code, report, _ = fetch(base, home, env_for(svc))
    assert code == 10 and report["outcome"] == "no-consent"
    assert svc.count("/api/v1/policy/feed") == 0
    assert not base.exists()
    human = run_app("policy", "fetch", "--basedir", str(base), home=home, env=env_for(svc))
    assert human.returncode == 10
    assert human.stdout.strip() == "policy fetch: no consent on record: nothing was fetched"


def test_current_then_a_material_update_then_status_shows_it(
    base: Path, home: Path, svc: RefService, folder: Path
) -> None:
    record_acceptance(AppPaths.from_environment(basedir=base), load_policy())
    code, report, _ = fetch(base, home, env_for(svc))
    assert code == 0 and report["outcome"] == "current", report
    assert report["policy"]["source"] == "bundled" and report["policy"]["verified_at"]

    add_version(folder, "2030-01-01", material=True, summary_en="Meetings are now recorded.")
    code, report, _ = fetch(base, home, env_for(svc))
    assert code == 0 and report["outcome"] == "updated" and report["material"] is True
    assert report["feed_version"] == 2 and report["previous_version"] == "2024-02-08"

    # Without the development key the kept feed is not believed: the bundled policy.
    assert status(base, home)["policy"]["source"] == "bundled"
    shown = status(base, home, env_for(svc))
    assert shown["policy"] == {
        "bundled_version": "2024-02-08",
        "current_version": "2030-01-01",
        "source": "service",
        "verified_at": report["policy"]["verified_at"],
        "feed_version": 2,
    }
    assert shown["consent"]["state"] == "outdated"  # the app asks again at its next start
    assert shown["consent"]["current_policy_version"] == "2030-01-01"
    human = run_app("status", "--basedir", str(base), home=home, env=env_for(svc))
    assert "policy: 2030-01-01 (service; the service's feed verified" in human.stdout


def test_a_refused_feed_exits_6_and_the_bundled_policy_stands(
    base: Path, home: Path, svc: RefService, folder: Path
) -> None:
    record_acceptance(AppPaths.from_environment(basedir=base), load_policy())
    add_version(folder, "2030-01-01", material=True)
    assert svc.feed is not None
    svc.feed.switches.tampered = True
    code, report, stderr = fetch(base, home, env_for(svc))
    assert code == 8 and report["refusal"]["reason"] == "bad_signature"
    assert "policy feed refused (bad_signature)" in stderr
    assert status(base, home)["policy"]["current_version"] == "2024-02-08"


def test_unreachable_exits_7(base: Path, home: Path) -> None:
    record_acceptance(AppPaths.from_environment(basedir=base), load_policy())
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {"NEWORK_SERVICE_URL": f"http://127.0.0.1:{port}"}
    code, report, _ = fetch(base, home, env)
    assert code == 9 and report["outcome"] == "unreachable"


def test_a_release_build_does_not_honour_the_development_keys(
    base: Path, home: Path, svc: RefService, folder: Path
) -> None:
    record_acceptance(AppPaths.from_environment(basedir=base), load_policy())
    add_version(folder, "2030-01-01", material=True)
    frozen = [
        sys.executable,
        "-c",
        "import sys; sys.frozen = True; from nework_desktop.cli import main; sys.exit(main())",
    ]
    result = run_app(
        "policy",
        "fetch",
        "--json",
        "--basedir",
        str(base),
        home=home,
        env=env_for(svc),
        python=frozen,
    )
    assert result.returncode == 8, result.stderr
    assert json.loads(result.stdout)["refusal"]["reason"] == "unknown_key"
    assert "NEWORK_POLICY_DEV_KEYS is ignored: this is a release build" in result.stderr


# -- the real app: offline → queued → acknowledged after a restart ------------------------------


def test_offline_the_receipt_waits_and_is_acknowledged_after_a_restart(
    home: Path, base: Path, key: FeedKey
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {"NEWORK_SERVICE_URL": f"http://127.0.0.1:{port}", POLICY_DEV_KEYS: key.dev_keys_value()}
    args = ["--basedir", str(base), "--automate"]
    first = run_app(*args, "accept-consent,quit", home=home, env=env)
    assert first.returncode == 0, first.stderr
    assert "consent receipt of record 1 not acknowledged" in first.stderr
    ack = status(base, home, env)["consent"]["acknowledgement"]
    assert ack["state"] == "waiting" and ack["record_seq"] == 1 and ack["waiting"] == 1

    with RefService(port=port, signing_key=key) as svc:
        second = run_app(*args, "quit", home=home, env=env)
        assert second.returncode == 0, second.stderr
        assert len(svc.consent_receipts) == 1
    assert "consent record 1 confirmed by the service" in second.stderr
    ack = status(base, home, env)["consent"]["acknowledgement"]
    assert ack["state"] == "confirmed" and ack["key_id"] == key.key_id and ack["waiting"] == 0
    stored = [
        p for p in tree(base) if p.endswith(("consent-acks.json", "consent-receipt-queue.json"))
    ]
    assert sorted(stored) == ["data/consent-acks.json", "state/consent-receipt-queue.json"]
