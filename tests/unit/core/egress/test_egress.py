"""Egress rules (Art. 2-2, 4, 5, 6, 9): the decision, the transmission log, the app's own HTTP.

The HTTP tests run the real :class:`nework_desktop.net.http.HttpClient` with the egress rules as
its ``before_request`` hook against loopback recorders: the service on plain http, and the
modules' (and an undeclared) host names over https, mapped to 127.0.0.1 for the app's HTTP
client only (the URL, Host header and TLS server name stay as they are).
"""

from __future__ import annotations

import json
import logging
import ssl
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nework_desktop.core.consent import ConsentLedger, Decision
from nework_desktop.core.egress import (
    FIRST_PARTY_COOKIES,
    TRANSMISSIONS_NAME,
    EgressPolicy,
    EgressState,
    TransmissionLog,
    Verdict,
    read_transmissions,
)
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import Policy
from nework_desktop.net.errors import BlockedError
from nework_desktop.net.http import HttpClient
from tests.gui.webengine_recorder import Recorder, map_hosts, self_signed
from tests.helpers import record_acceptance, tree

SERVICE = "https://nework.example"
GA = "www.google-analytics.com"
KARTE = "t.karte.io"
FIREBASE = "app-measurement.com"
UNDECLARED = "tracker.example"
ALL_ON = {"google_analytics": True, "karte": True}
ALL_OFF = {"google_analytics": False, "karte": False}


class Clock:
    """A settable clock (seconds since the epoch)."""

    def __init__(self, start: float = datetime(2026, 5, 1, 12, tzinfo=UTC).timestamp()) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def egress(
    policy: Policy,
    *,
    consented: bool = True,
    choices: dict[str, bool] | None = None,
    service_url: str = SERVICE,
    log: TransmissionLog | None = None,
    clock: Clock | None = None,
) -> EgressPolicy:
    return EgressPolicy(
        policy,
        service_url,
        state=EgressState(consented, ALL_ON if choices is None else choices),
        transmissions=log,
        clock=clock or Clock(),
    )


# -- the decision ----------------------------------------------------------------------------


def test_before_consent_nothing_goes(policy: Policy) -> None:
    rules = egress(policy, consented=False)
    for url in (
        f"{SERVICE}/workspace",
        f"https://{GA}/g/collect",
        f"https://{KARTE}/",
        f"https://{UNDECLARED}/",
        "http://127.0.0.1:8765/",
        "file:///etc/passwd",
        "nonsense",
    ):
        verdict = rules.decide(url)
        assert not verdict.allowed, url
        assert verdict.reason == "before-consent", url


def test_service_host_is_declared(policy: Policy) -> None:
    rules = egress(policy, choices=ALL_OFF)
    assert rules.decide(f"{SERVICE}/workspace") == Verdict(True, None, "service", "nework.example")
    assert rules.decide("wss://NEWORK.example./socket").reason == "service"
    # Another host of the same domain is not the service.
    assert rules.decide("https://cdn.nework.example/x.js").reason == "undeclared-host"


def test_extra_service_hosts(policy: Policy) -> None:
    rules = EgressPolicy(
        policy, SERVICE, state=EgressState(True, ALL_ON), service_hosts=["media.nework.example"]
    )
    assert rules.decide("https://media.nework.example/x").reason == "service"


def test_modules_on_and_off(policy: Policy) -> None:
    rules = egress(policy, choices=ALL_ON)
    assert rules.decide(f"https://{GA}/g/collect?tid=G-1") == Verdict(
        True, "google_analytics", "module", GA
    )
    assert rules.decide(f"https://{KARTE}/track").reason == "module"
    assert rules.decide("https://karte.io/").module_id == "karte"
    assert rules.decide("https://deep.sub.karte.io/").module_id == "karte"

    rules.set_choices({"google_analytics": False, "karte": True})
    off = rules.decide(f"https://{GA}/g/collect")
    assert off == Verdict(False, "google_analytics", "opted-out", GA)
    assert rules.decide("https://analytics.google.com/").reason == "opted-out"
    assert rules.decide(f"https://{KARTE}/track").allowed


def test_missing_choice_takes_the_policy_default(policy: Policy) -> None:
    rules = egress(policy, choices={})
    ga = policy.module("google_analytics")
    assert rules.decide(f"https://{GA}/").allowed is ga.default_enabled


def test_firebase_is_not_part_of_the_desktop_app(policy: Policy) -> None:
    rules = egress(policy, choices={**ALL_ON, "firebase_analytics": True})
    verdict = rules.decide(f"https://{FIREBASE}/a")
    assert verdict == Verdict(False, "firebase_analytics", "not-on-desktop", FIREBASE)
    assert rules.decide("https://firebase.googleapis.com/v1").reason == "not-on-desktop"


@pytest.mark.parametrize(
    "url",
    [
        f"https://{UNDECLARED}/",
        f"https://{GA}.evil.example/",  # a declared name as a prefix
        "https://evilkarte.io/",  # the wildcard is a subdomain match, not a suffix match
        "https://google-analytics.com/",  # not in the module's hosts
        "https://93.184.216.34/",
        "https://[2001:db8::1]/",
        "https://127.0.0.1/",  # loopback is undeclared when the service is not on loopback
        "http://localhost:9/",
    ],
)
def test_undeclared_hosts_are_blocked(policy: Policy, url: str) -> None:
    verdict = egress(policy).decide(url)
    assert not verdict.allowed
    assert verdict.reason == "undeclared-host"
    assert verdict.module_id is None


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://ftp.example/x", "javascript:alert(1)", "gopher://x"]
)
def test_other_schemes_are_refused(policy: Policy, url: str) -> None:
    verdict = egress(policy).decide(url)
    assert (verdict.allowed, verdict.reason) == (False, "unsupported-scheme")


def test_malformed_urls_are_refused(policy: Policy) -> None:
    rules = egress(policy)
    for url in ("https://nework.example:99999/", "https://[::1/", "", "https://"):
        assert not rules.decide(url).allowed, url


def test_loopback_service_allows_loopback_only_in_development(policy: Policy) -> None:
    rules = egress(policy, service_url="http://127.0.0.1:8765")
    assert rules.service_is_loopback
    assert rules.decide("http://127.0.0.1:8765/api/v1/health").reason == "service"
    assert rules.decide("http://127.0.0.1:40000/callback").reason == "loopback-dev"
    assert rules.decide("http://localhost:40000/").reason == "loopback-dev"
    assert rules.decide("http://[::1]:40000/").reason == "loopback-dev"
    # Other hosts keep their rules.
    assert rules.decide(f"http://{UNDECLARED}:8765/").reason == "undeclared-host"
    assert rules.decide(f"http://{GA}:8765/collect").reason == "module"


def test_switches_take_effect_at_once_and_notify(policy: Policy) -> None:
    rules = egress(policy, choices=ALL_ON)
    seen: list[EgressState] = []
    unsubscribe = rules.subscribe(seen.append)
    assert rules.allows(f"https://{GA}/")
    rules.set_choices({"google_analytics": False, "karte": True})
    assert not rules.allows(f"https://{GA}/")
    rules.set_choices(ALL_ON)
    assert rules.allows(f"https://{GA}/")
    rules.set_consented(False)
    assert not rules.allows(f"{SERVICE}/")
    assert rules.decide(f"{SERVICE}/").reason == "before-consent"
    rules.set_consented(True, ALL_OFF)
    assert rules.allows(f"{SERVICE}/")
    assert not rules.allows(f"https://{KARTE}/")
    assert [s.consented for s in seen] == [True, True, False, True]
    unsubscribe()
    rules.set_choices(ALL_ON)
    assert len(seen) == 4


def test_state_from_the_consent_ledger(paths: AppPaths, policy: Policy) -> None:
    ledger = ConsentLedger(paths)
    assert EgressState.from_consent(ledger.read()) == EgressState(False, {})
    record_acceptance(paths, policy)
    ledger.record(
        Decision.ACCEPTED,
        policy_id=policy.policy_id,
        policy_version=policy.version,
        text_sha256=policy.text_sha256("en"),
        locale="en",
        modules={"google_analytics": False, "karte": True},
    )
    state = EgressState.from_consent(ledger.read())
    assert state.consented
    assert dict(state.choices) == {"google_analytics": False, "karte": True}
    ledger.record(
        Decision.WITHDRAWN,
        policy_id=policy.policy_id,
        policy_version=policy.version,
        text_sha256=policy.text_sha256("en"),
        locale="en",
        modules={"google_analytics": False, "karte": True},
    )
    assert not EgressState.from_consent(ledger.read()).consented


def test_evaluate_counts_nothing(paths: AppPaths, policy: Policy) -> None:
    log = TransmissionLog(paths)
    rules = egress(policy, log=log)
    rules.evaluate(f"https://{UNDECLARED}/")
    assert log.rows() == []
    assert rules.recent_blocked() == []


def test_blocked_requests_are_logged_without_path_or_query(
    policy: Policy, caplog: pytest.LogCaptureFixture
) -> None:
    rules = egress(policy, choices=ALL_OFF)
    with caplog.at_level(logging.INFO, logger="nework.egress"):
        rules.decide(
            f"https://{GA}/g/collect?cid=secret-client-id&uid=user%40example.com",
            first_party_url=f"{SERVICE}/workspace/room/private-room?token=abc",
        )
        rules.decide(f"{SERVICE}/workspace")  # allowed: not logged
    lines = [r.getMessage() for r in caplog.records if r.name == "nework.egress"]
    assert len(lines) == 1
    line = lines[0]
    assert GA in line
    assert "google_analytics" in line
    assert "opted-out" in line
    assert "2026-05-01T12:00:00+00:00" in line
    for secret in ("collect", "secret-client-id", "user", "private-room", "token", "abc"):
        assert secret not in line
    (blocked,) = rules.recent_blocked()
    assert (blocked.host, blocked.module_id, blocked.reason) == (
        GA,
        "google_analytics",
        "opted-out",
    )
    assert blocked.first_party_host == "nework.example"


def test_cookies_of_modules(policy: Policy) -> None:
    rules = egress(policy, choices=ALL_ON)
    assert rules.cookie_module(".google-analytics.com") == "google_analytics"
    assert rules.cookie_module(GA) == "google_analytics"
    assert rules.cookie_module(".google.com") == "google_analytics"  # sent to analytics.google.com
    assert rules.cookie_module(".karte.io") == "karte"
    assert rules.cookie_module("b.karte.io") == "karte"
    assert rules.cookie_module("nework.example", "_ga") == "google_analytics"
    assert rules.cookie_module("nework.example", "_ga_ABC123") == "google_analytics"
    assert rules.cookie_module("nework.example", "session") is None
    assert rules.cookie_module(".example", "") is None
    assert rules.cookie_allowed(".google-analytics.com")
    rules.set_choices({"google_analytics": False, "karte": True})
    assert not rules.cookie_allowed(".google-analytics.com")
    assert not rules.cookie_allowed("nework.example", "_gid")
    assert rules.cookie_allowed(".karte.io")
    assert rules.cookie_allowed("nework.example", "session")
    rules.set_consented(False)
    assert not rules.cookie_allowed(".karte.io")
    assert set(FIRST_PARTY_COOKIES) <= {m.id for m in policy.modules}


# -- the transmission log -----------------------------------------------------------------------


def test_counts_per_day_host_module(paths: AppPaths, policy: Policy) -> None:
    clock = Clock()
    log = TransmissionLog(paths, clock=clock)
    rules = egress(policy, choices={"google_analytics": True, "karte": False}, log=log, clock=clock)
    rules.decide(f"{SERVICE}/a")
    rules.decide(f"{SERVICE}/b?q=1")
    rules.decide(f"https://{GA}/collect")
    rules.decide(f"https://{KARTE}/t")
    rules.decide(f"https://{UNDECLARED}/x")
    clock.now += 86_400
    rules.decide(f"{SERVICE}/c")
    rows = {
        (r.day, r.host, r.module_id): (r.allowed, r.blocked, dict(r.reasons)) for r in log.rows()
    }
    assert rows == {
        ("2026-05-01", "nework.example", None): (2, 0, {}),
        ("2026-05-01", GA, "google_analytics"): (1, 0, {}),
        ("2026-05-01", KARTE, "karte"): (0, 1, {"opted-out": 1}),
        ("2026-05-01", UNDECLARED, None): (0, 1, {"undeclared-host": 1}),
        ("2026-05-02", "nework.example", None): (1, 0, {}),
    }
    assert [r.day for r in log.rows(days=1)] == ["2026-05-02"]


def test_nothing_is_written_before_consent(paths: AppPaths, policy: Policy) -> None:
    base = paths.basedir
    assert base is not None
    clock = Clock()
    log = TransmissionLog(paths, clock=clock, min_interval=0)
    rules = egress(policy, consented=False, log=log, clock=clock)
    for _ in range(3):
        rules.decide(f"{SERVICE}/")
        clock.now += 60
    assert not log.flush()
    assert not log.maybe_flush()
    rules.close()
    assert tree(base) == []
    assert read_transmissions(paths) == []
    assert tree(base) == []
    # Consent arrives: from now on the log is kept (with what was refused before).
    rules.set_consented(True, ALL_ON)
    rules.decide(f"{SERVICE}/")
    data = json.loads((paths.state / TRANSMISSIONS_NAME).read_text(encoding="utf-8"))
    (entry,) = data["days"]["2026-05-01"]
    assert entry == {
        "host": "nework.example",
        "module": None,
        "allowed": 1,
        "blocked": 3,
        "reasons": {"before-consent": 3},
    }


def test_writes_are_throttled_and_flushed_at_close(paths: AppPaths, policy: Policy) -> None:
    clock = Clock()
    log = TransmissionLog(paths, clock=clock, min_interval=5)
    rules = egress(policy, log=log, clock=clock)
    rules.decide(f"{SERVICE}/1")
    assert log.writes == 1
    for _ in range(10):
        clock.now += 0.1
        rules.decide(f"{SERVICE}/2")
    assert log.writes == 1
    assert not log.maybe_flush()
    clock.now += 5
    assert log.maybe_flush()
    assert log.writes == 2
    assert not log.maybe_flush()  # nothing new
    rules.decide(f"https://{GA}/")
    rules.close()
    assert log.writes == 3
    rows = read_transmissions(paths)
    assert sum(r.allowed for r in rows) == 12


def test_withdrawal_flushes_then_stops_writing(paths: AppPaths, policy: Policy) -> None:
    clock = Clock()
    log = TransmissionLog(paths, clock=clock, min_interval=60)
    rules = egress(policy, log=log, clock=clock)
    rules.decide(f"{SERVICE}/")
    rules.decide(f"{SERVICE}/")  # throttled: not yet on disk
    rules.set_consented(False)
    assert sum(r.allowed for r in read_transmissions(paths)) == 2
    writes = log.writes
    clock.now += 3600
    rules.decide(f"{SERVICE}/")
    rules.close()
    assert log.writes == writes


def test_the_file_is_compact_and_has_no_paths(paths: AppPaths, policy: Policy) -> None:
    log = TransmissionLog(paths, clock=Clock())
    rules = egress(policy, choices=ALL_OFF, log=log)
    rules.decide(f"https://{GA}/g/collect?cid=12345&uid=someone%40example.com")
    rules.decide(f"{SERVICE}/workspace/rooms/secret-room?invite=xyz")
    rules.close()
    text = (paths.state / TRANSMISSIONS_NAME).read_text(encoding="utf-8")
    assert "\n" not in text
    for leak in ("collect", "12345", "someone", "rooms", "secret-room", "invite", "?", "/"):
        assert leak not in text.replace("https://", ""), leak
    assert (paths.state / TRANSMISSIONS_NAME).stat().st_mode & 0o077 == 0


def test_earlier_sessions_are_merged_and_old_days_dropped(paths: AppPaths, policy: Policy) -> None:
    clock = Clock()
    first = TransmissionLog(paths, clock=clock, retention_days=3)
    rules = egress(policy, log=first, clock=clock)
    rules.decide(f"{SERVICE}/")
    rules.close()
    clock.now += 86_400
    second = TransmissionLog(paths, clock=clock, retention_days=3)
    rules = egress(policy, log=second, clock=clock)
    rules.decide(f"{SERVICE}/")
    rules.decide(f"{SERVICE}/")
    rules.close()
    assert [(r.day, r.allowed) for r in read_transmissions(paths)] == [
        ("2026-05-01", 1),
        ("2026-05-02", 2),
    ]
    clock.now += 3 * 86_400
    third = TransmissionLog(paths, clock=clock, retention_days=3)
    rules = egress(policy, log=third, clock=clock)
    rules.decide(f"{SERVICE}/")
    rules.close()
    assert [(r.day, r.allowed) for r in read_transmissions(paths)] == [("2026-05-05", 1)]


def test_a_damaged_file_is_replaced(paths: AppPaths, policy: Policy) -> None:
    paths.ensure("state")
    (paths.state / TRANSMISSIONS_NAME).write_text("{not json", encoding="utf-8")
    assert read_transmissions(paths) == []
    log = TransmissionLog(paths, clock=Clock())
    rules = egress(policy, log=log)
    rules.decide(f"{SERVICE}/")
    rules.close()
    assert [r.allowed for r in read_transmissions(paths)] == [1]


def test_destinations_per_day_are_capped(paths: AppPaths, policy: Policy) -> None:
    log = TransmissionLog(paths, clock=Clock(), max_hosts_per_day=3)
    rules = egress(policy, log=log)
    for n in range(10):
        rules.decide(f"https://h{n}.{UNDECLARED}/")
    hosts = {r.host: r.blocked for r in log.rows()}
    assert hosts == {
        f"h0.{UNDECLARED}": 1,
        f"h1.{UNDECLARED}": 1,
        f"h2.{UNDECLARED}": 1,
        "(other hosts)": 7,
    }


def test_concurrent_decisions_are_all_counted(paths: AppPaths, policy: Policy) -> None:
    log = TransmissionLog(paths, min_interval=0.01)
    rules = EgressPolicy(policy, SERVICE, state=EgressState(True, ALL_ON), transmissions=log)

    def work() -> None:
        for _ in range(200):
            rules.decide(f"{SERVICE}/")
            rules.decide(f"https://{UNDECLARED}/")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rules.close()
    rows = read_transmissions(paths)
    assert sum(r.allowed for r in rows) == 800
    assert sum(r.blocked for r in rows) == 800


# -- the app's own HTTP, through net.http's before_request hook -----------------------------------


@pytest.fixture
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "*")


@pytest.fixture
def service() -> Iterator[Recorder]:
    with Recorder() as recorder:
        yield recorder


@pytest.fixture
def third_parties(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_proxies: None
) -> Iterator[Recorder]:
    """An https recorder for the module hosts and an undeclared host (mapped to 127.0.0.1)."""
    names = [GA, KARTE, FIREBASE, UNDECLARED]
    cert, key = self_signed(tmp_path, names)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    with Recorder(tls=context) as recorder, map_hosts(names):
        yield recorder


def _client(rules: EgressPolicy) -> HttpClient:
    return HttpClient(before_request=rules.allows, attempts=1, timeout=(5.0, 5.0))


def _try(client: HttpClient, url: str) -> bool:
    try:
        client.request("GET", url, accept="*/*")
    except BlockedError:
        return False
    return True


def test_app_http_follows_the_egress_rules(
    policy: Policy, service: Recorder, third_parties: Recorder
) -> None:
    port = third_parties.port
    urls = {
        "service": service.url(path="/api/v1/health"),
        "ga": f"https://{GA}:{port}/g/collect",
        "karte": f"https://{KARTE}:{port}/track",
        "firebase": f"https://{FIREBASE}:{port}/a",
        "undeclared": f"https://{UNDECLARED}:{port}/x",
    }
    rules = egress(policy, consented=False, service_url=service.url())
    client = _client(rules)

    # Before consent: nothing at all.
    assert [_try(client, u) for u in urls.values()] == [False] * 5
    assert service.seen == [] and third_parties.seen == []

    # Consent with every module switched off: only the service.
    rules.set_consented(True, ALL_OFF)
    assert {k: _try(client, u) for k, u in urls.items()} == {
        "service": True,
        "ga": False,
        "karte": False,
        "firebase": False,
        "undeclared": False,
    }
    assert service.hosts() == ["127.0.0.1"]
    assert third_parties.seen == []

    # Switched on (no restart): the modules too; never Firebase or an undeclared host.
    rules.set_choices(ALL_ON)
    assert {k: _try(client, u) for k, u in urls.items()} == {
        "service": True,
        "ga": True,
        "karte": True,
        "firebase": False,
        "undeclared": False,
    }
    assert sorted(third_parties.hosts()) == sorted([GA, KARTE])

    # Off again.
    third_parties.clear()
    rules.set_choices({"google_analytics": False, "karte": True})
    assert _try(client, urls["karte"])
    assert not _try(client, urls["ga"])
    assert third_parties.hosts() == [KARTE]
    client.close()
