"""Every file the app reads, fuzzed: each reader ends in its own declared error or a default,
never in another exception, a hang or a crash (issue 10)."""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nework_desktop.core import secrets
from nework_desktop.core.account_store import read_summary
from nework_desktop.core.consent import ConsentLedger, LedgerCorrupt, parse_ledger
from nework_desktop.core.deletion import read_state
from nework_desktop.core.device import device_id
from nework_desktop.core.egress import read_transmissions
from nework_desktop.core.paths import MARKER_NAME, AppPaths, read_marker
from nework_desktop.core.policy import PolicyError, load_policy
from nework_desktop.core.prefs import Preferences
from nework_desktop.core.wipe.traces import read_traces
from nework_desktop.resources import resource_path
from tests.fuzz.strategies import FUZZ, hostile_bytes, json_values, mutated
from tests.helpers import record_acceptance

pytestmark = pytest.mark.fuzz


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> AppPaths:
    base = tmp_path_factory.mktemp("fuzz") / "base"
    p = AppPaths.from_environment(basedir=base)
    for role in ("data", "config", "state"):
        p.ensure(role)
    return p


@pytest.fixture(scope="module")
def good_ledger(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    p = AppPaths.from_environment(basedir=tmp_path_factory.mktemp("ledger") / "base")
    policy = load_policy()
    record_acceptance(p, policy)
    record_acceptance(p, policy, locale="en")
    doc = json.loads(ConsentLedger(p).path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


@FUZZ
@given(data=hostile_bytes)
def test_ledger_bytes(data: bytes) -> None:
    with contextlib.suppress(LedgerCorrupt):
        parse_ledger(data)


@FUZZ
@given(data=st.data())
def test_ledger_mutations(good_ledger: dict[str, Any], data: st.DataObject) -> None:
    doc = data.draw(mutated(good_ledger))
    with contextlib.suppress(LedgerCorrupt):
        parse_ledger(json.dumps(doc).encode("utf-8"))


@FUZZ
@given(data=st.one_of(hostile_bytes, json_values.map(lambda v: json.dumps(v).encode())))
def test_every_small_file_of_the_data_roots(paths: AppPaths, data: bytes) -> None:
    """One hostile content in place of each file at once: each reader gets every case."""
    ledger = ConsentLedger(paths)
    for target in (
        ledger.path,
        paths.config / "preferences.json",
        paths.data / "account.json",
        paths.data / secrets.INDEX_NAME,
        paths.data / "shared-traces.json",
        paths.state / "deletion-request.json",
        paths.data / "device-id",
        paths.state / "transmissions.json",
        paths.data / MARKER_NAME,
    ):
        target.write_bytes(data)
    assert ledger.load().state in ("none", "accepted", "withdrawn")  # corrupt: set aside
    prefs = Preferences.load(paths, environ={})
    assert prefs.service_url and prefs.locale in (None, "ja", "en")
    summary = read_summary(paths)
    assert summary is None or isinstance(summary.provider, str)
    refs, problem = secrets.read_index_checked(paths)
    assert all(isinstance(r.service, str) and r.service for r in refs)
    assert problem is None or isinstance(problem, str)
    traces = read_traces(paths)
    assert all(isinstance(k, tuple) and len(k) == 2 for k in traces.created)
    state = read_state(paths)
    assert state is None or state.status in ("pending", "acknowledged")
    value = device_id(paths)
    assert value is None or len(value) == 36
    assert isinstance(read_transmissions(paths), list)
    marker = read_marker(paths.data)
    assert marker is None or marker.app == "NeWork"
    quarantine = paths.data / "quarantine"
    if quarantine.exists():
        shutil.rmtree(quarantine)


@FUZZ
@given(
    prefs=json_values,
    entries=json_values,
    created=json_values,
)
def test_the_same_files_with_wrong_types_inside(
    paths: AppPaths, prefs: object, entries: object, created: object
) -> None:
    """Well-formed JSON with the wrong shapes where the readers look."""
    (paths.config / "preferences.json").write_text(
        json.dumps({"schema": 1, "values": prefs}), encoding="utf-8"
    )
    (paths.data / secrets.INDEX_NAME).write_text(
        json.dumps({"schema": 1, "entries": entries}), encoding="utf-8"
    )
    (paths.data / "shared-traces.json").write_text(
        json.dumps({"schema": 1, "created": created}), encoding="utf-8"
    )
    assert Preferences.load(paths, environ={}).service_url
    secrets.read_index_checked(paths)
    read_traces(paths)


@pytest.fixture(scope="module")
def policy_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("policy") / "policy"
    shutil.copytree(resource_path("policy"), root)
    yield root


@pytest.fixture(scope="module")
def policy_json(policy_dir: Path) -> tuple[Path, dict[str, Any]]:
    current = json.loads((policy_dir / "index.json").read_text(encoding="utf-8"))["current"]
    path = policy_dir / current / "policy.json"
    return path, json.loads(path.read_text(encoding="utf-8"))


@FUZZ
@given(data=st.data())
def test_policy_metadata_mutations(
    policy_dir: Path, policy_json: tuple[Path, dict[str, Any]], data: st.DataObject
) -> None:
    path, good = policy_json
    path.write_text(json.dumps(data.draw(mutated(good))), encoding="utf-8")
    try:
        load_policy(policy_dir)
    except PolicyError:
        pass
    finally:
        path.write_text(json.dumps(good), encoding="utf-8")


@FUZZ
@given(data=hostile_bytes)
def test_policy_index_bytes(policy_dir: Path, data: bytes) -> None:
    index = policy_dir / "index.json"
    good = index.read_bytes()
    index.write_bytes(data)
    try:
        load_policy(policy_dir)
    except PolicyError:
        pass
    finally:
        index.write_bytes(good)
