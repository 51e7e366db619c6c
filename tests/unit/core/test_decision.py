from __future__ import annotations

import json
from pathlib import Path

import pytest

from nework_desktop.core.consent import ConsentLedger, Decision
from nework_desktop.core.decision import Launch, decide, status_name
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import load_policy
from tests.helpers import policy_with_new_version, record_acceptance


def test_first_launch_asks(paths: AppPaths) -> None:
    policy = load_policy()
    state = ConsentLedger(paths).read()
    assert decide(state, policy).launch is Launch.CONSENT
    assert status_name(state, policy) == "none"


def test_current_version_opens(paths: AppPaths) -> None:
    policy = load_policy()
    record_acceptance(paths, policy)
    state = ConsentLedger(paths).read()
    decision = decide(state, policy)
    assert decision.launch is Launch.OPEN and decision.may_open
    assert status_name(state, policy) == "accepted"


def test_withdrawn_is_first_launch(paths: AppPaths) -> None:
    policy = load_policy()
    record_acceptance(paths, policy)
    ConsentLedger(paths).record(
        Decision.WITHDRAWN,
        policy_id=policy.policy_id,
        policy_version=policy.version,
        text_sha256=policy.text_sha256("ja"),
        locale="ja",
        modules={},
    )
    state = ConsentLedger(paths).read()
    assert decide(state, policy).launch is Launch.CONSENT
    assert status_name(state, policy) == "withdrawn"


@pytest.mark.parametrize(
    ("material", "expected"), [(True, Launch.RECONSENT), (False, Launch.NOTICE)]
)
def test_older_version(paths: AppPaths, tmp_path: Path, material: bool, expected: Launch) -> None:
    old = load_policy()
    record_acceptance(paths, old)
    new = load_policy(policy_with_new_version(tmp_path, "2030-01-01", material=material))
    state = ConsentLedger(paths).read()
    decision = decide(state, new)
    assert decision.launch is expected
    assert decision.accepted_version == old.version
    assert [r.version for r in decision.changes] == ["2030-01-01"]
    assert decision.may_open is (not material)
    assert status_name(state, new) == "outdated"


def test_material_revision_in_between_still_asks(paths: AppPaths, tmp_path: Path) -> None:
    old = load_policy()
    record_acceptance(paths, old)
    root = policy_with_new_version(tmp_path / "a", "2030-01-01", material=True)
    mid = load_policy(root)
    # A minor revision after a material one the user never saw: still a re-consent.
    newer = policy_with_new_version(tmp_path / "b", "2031-01-01", material=False)
    meta_path = newer / "2031-01-01" / "policy.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["revisions"].insert(
        -1,
        {
            **meta["revisions"][-1],
            "version": "2030-01-01",
            "announced": "2030-01-01",
            "effective": "2030-01-01",
            "material": True,
        },
    )
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    latest = load_policy(newer)
    assert mid.version == "2030-01-01"
    decision = decide(ConsentLedger(paths).read(), latest)
    assert decision.launch is Launch.RECONSENT
    assert [r.version for r in decision.changes] == ["2030-01-01", "2031-01-01"]
