"""The benchmark harness works and prints the promised shape (no timing is asserted here).

Runs ``python -m tests.bench --quick --only P5 --json`` for real (a few seconds: two short
commands, a few rounds) and checks the JSON; the GUI figures are exercised by running the
benchmark itself (docs/performance.md).  Also checks that the baselines report their events
exactly as the app does (their copy of ``StartupTiming`` matches the app's).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.run import FIGURES, TARGETS, parse_args, ratio, table, verdict
from tests.bench.tree import plan_tree

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_quick_p5_prints_json_with_medians_and_ratio(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWORK_")}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--quick", "--only", "P5", "--json"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"P5", "meta"}
    p5 = result["P5"]
    assert p5["unit"] == "ms"
    for side in ("ours", "baseline"):
        assert p5[side]["errors"] == []
        assert len(p5[side]["samples"]) == 6  # 2 quick rounds x 3 for P5
        assert p5[side]["median"] > 0
    assert p5["ratio"] == pytest.approx(p5["ours"]["median"] / p5["baseline"]["median"], rel=0.01)
    assert p5["target"] == 2.0
    assert p5["verdict"] in ("meets", "MISSES")
    # The minimal program must keep printing exactly what status --json prints.
    assert p5["minimal"]["errors"] == []
    assert p5["minimal_output_identical"] is True
    assert result["meta"]["machine"]["cpus"] >= 1
    # The human table goes to stderr with --json.
    assert "P5 status --json (vs python -c pass)" in done.stderr


def test_options() -> None:
    quick = parse_args(["--quick", "--only", "p4,P1"])
    assert quick.only == ("P1", "P4")
    assert (quick.rounds, quick.tree_files, quick.tree_bytes) == (2, 2_000, 32 << 20)
    full = parse_args([])
    assert full.only == FIGURES
    assert (full.tree_files, full.tree_bytes) == (50_000, 1 << 30)
    with pytest.raises(SystemExit):
        parse_args(["--only", "P9"])


def test_ratio_verdict_and_table() -> None:
    assert ratio(120.0, 100.0) == 1.2
    assert ratio(None, 100.0) is None
    assert verdict(1.2, TARGETS["P1"]) == "meets"
    assert verdict(1.21, TARGETS["P1"]) == "MISSES"
    assert verdict(None, 2.0) == "n/a"
    fig = {
        "unit": "ms",
        "ours": {"median": 30.0, "samples": [30.0], "errors": []},
        "baseline": {"median": 20.0, "samples": [20.0], "errors": []},
        "ratio": 1.5,
        "target": 2.0,
        "verdict": "meets",
    }
    text = table({"P5": fig})
    assert "P5 status --json" in text and "1.50×" in text and "meets" in text


def test_tree_plan_is_exact_and_deterministic() -> None:
    plan = plan_tree(3_000, 16 << 20)
    assert len(plan.files) == 3_000
    assert plan.total_bytes == 16 << 20
    assert plan == plan_tree(3_000, 16 << 20)
    assert {p.split("/", 1)[0] for p, _ in plan.files} == {"data", "cache"}
    assert max(f.count("/") for f in plan.folders) >= 10  # some folders deep


def test_baselines_report_events_as_the_app_does() -> None:
    from nework_desktop.app.timing import StartupTiming
    from tests.bench.baselines import timing

    assert timing.StartupTiming is StartupTiming
