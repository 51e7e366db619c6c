"""What people and other programs hand the app, fuzzed: --automate steps, service URLs, the
QA tool's snapshot files, settings INI text, the mount table, the egress rules' URLs."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nework_desktop.app.automation import AutomationError, parse
from nework_desktop.core.egress import EgressPolicy, EgressState
from nework_desktop.core.policy import Policy, load_policy
from nework_desktop.core.prefs import PrefsError, check_service_url
from nework_desktop.core.wipe.mounts import mounts_inside, parse_mountinfo
from nework_desktop.core.wipe.stores import scrub_ini
from nework_desktop.qa.common import QAError
from nework_desktop.qa.diff import compute_diff
from nework_desktop.qa.snapshot import snapshot_from_json
from tests.fuzz.strategies import FUZZ, json_values, mutated

pytestmark = pytest.mark.fuzz

POLICY: Policy = load_policy()

_url_parts = st.sampled_from(
    ["https://", "http://", "ws://", "file:///", "//", "127.0.0.1", "[::1]", "localhost", ":",
     "@", "nework.app", "www.googletagmanager.com", ".", "..", "%2e", "/", "?", "#", "²",
     "例え.jp", "\x00", " ", "\t", ":443", ":99999", "xn--", "*."]
)  # fmt: skip
urls = st.lists(_url_parts, max_size=8).map("".join) | st.text(max_size=60)


@FUZZ
@given(value=st.one_of(st.text(max_size=80), st.lists(st.sampled_from(
    ["accept-consent", "decline-consent", "sign-in-email:", "quit", ":", ",", "+", "=", "on",
     "off", "google_analytics", "karte", "@", "a@b.c", "open-workspace", " "]),
    max_size=8).map("".join)))  # fmt: skip
def test_automation_steps(value: str) -> None:
    with contextlib.suppress(AutomationError):
        steps = parse(value, POLICY.default_module_choices())
        assert all(s.name for s in steps.steps)


@FUZZ
@given(url=urls)
def test_a_service_url_the_preferences_accept_is_one_the_rules_accept(url: str) -> None:
    try:
        cleaned = check_service_url(url)
    except PrefsError:
        return
    EgressPolicy(POLICY, cleaned)  # must not raise


@FUZZ
@given(url=urls, first_party=urls)
def test_the_rules_answer_any_url(url: str, first_party: str) -> None:
    egress = EgressPolicy(POLICY, "https://nework.app", state=EgressState(True, {}))
    verdict = egress.decide(url, first_party_url=first_party)
    assert isinstance(verdict.allowed, bool)
    egress.cookie_allowed(url, first_party)


@FUZZ
@given(text=st.text(max_size=400))
def test_settings_ini_text(text: str) -> None:
    new, traces, remaining = scrub_ini(text, ["/home/u/.local/share/NeWork"])
    assert traces >= 0 and isinstance(new, str) and isinstance(remaining, set)


@FUZZ
@given(text=st.text(max_size=400))
def test_mount_tables(text: str) -> None:
    points = parse_mountinfo(text)
    assert all(p.startswith("/") for p in points)
    mounts_inside(Path("/home/u/.cache/NeWork"), points)


GOOD_SNAPSHOT: dict[str, Any] = {
    "kind": "nework-qa-snapshot",
    "schema": 1,
    "home": "/home/u",
    "taken_at": "2026-01-01T00:00:00Z",
    "host": {"os": "linux"},
    "files": [
        {"path": ".config", "type": "dir"},
        {"path": ".config/NeWork/x", "type": "file", "size": 3, "sha256": "0" * 64},
    ],
    "keyring": {"entries": [{"service": "NeWork Desktop", "name": "a", "present": True}]},
    "registry": {"keys": [{"key": "Software\\\\NTTCom", "values": []}]},
    "errors": [],
    "exclude": [],
}


@FUZZ
@given(data=st.data())
def test_snapshot_documents(data: st.DataObject) -> None:
    doc = data.draw(st.one_of(mutated(GOOD_SNAPSHOT), json_values))
    try:
        snap = snapshot_from_json(json.loads(json.dumps(doc)))
    except QAError as exc:
        assert exc.code == 2  # usage: the input cannot be used as given
        return
    compute_diff(snap, snap)
