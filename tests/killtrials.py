"""Kill-at-random-instants trials (R1): a process recording consent is SIGKILLed at a random
moment, again and again; afterwards the ledger must read back whole, and every decision the
process had reported as recorded must be in it.

``python -m tests.killtrials --trials 500`` runs the long series (the figure in the README);
the suite runs :data:`CI_TRIALS` of them (``tests/e2e/test_kill_trials.py``).  Trials are
seeded: the same seed gives the same kill delays.

Each trial: a fresh folder; a child process that records consent through the app's own path
(``services.consent.ConsentService``: the ledger's verify-then-atomic-write) in a loop,
printing ``recorded <seq>`` after each record returns; the parent kills it after a random delay
(0-400 ms after its first record); then ``ConsentLedger.read()`` must not raise (no corrupt
ledger), and it must hold at least every reported record (no lost consent).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CI_TRIALS = 30
MAX_DELAY_S = 0.4

_CHILD = """
import sys
from nework_desktop.core.consent import ConsentLedger
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.policy import load_policy
from nework_desktop.services.consent import ConsentService
paths = AppPaths.from_environment(basedir=sys.argv[1])
policy = load_policy()
ledger = ConsentLedger(paths)
consent = ConsentService(policy, ledger, ledger.read())
locale = "ja"
while True:
    if consent.state.state == "accepted":
        record = consent.withdraw(locale)
    else:
        record = consent.accept(text_sha256=policy.text_sha256(locale), locale=locale,
                                modules=policy.default_module_choices())
    print(f"recorded {record.seq}", flush=True)
"""


@dataclass
class Outcome:
    trials: int = 0
    corrupt: int = 0
    lost: int = 0
    records: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.trials} kill trials: {self.corrupt} corrupt ledgers, {self.lost} lost "
            f"consents ({self.records} records written in all)"
        )


def trial(folder: Path, delay: float) -> tuple[int, int, str]:
    """One trial; returns (reported records, records on disk, problem or "")."""
    from nework_desktop.core.consent import ConsentLedger, LedgerCorrupt
    from nework_desktop.core.paths import AppPaths

    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    reported = 0
    first = child.stdout.readline()  # the first record is on disk: the clock starts
    if first.startswith("recorded "):
        reported = int(first.split()[1])
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    rest, _ = child.communicate(timeout=30)
    for line in rest.splitlines():
        if line.startswith("recorded "):
            reported = int(line.split()[1])
    try:
        on_disk = len(ConsentLedger(AppPaths.from_environment(basedir=folder)).read().records)
    except LedgerCorrupt as exc:
        return reported, -1, f"corrupt: {exc}"
    if on_disk < reported:
        return reported, on_disk, f"lost: {reported} reported, {on_disk} on disk"
    return reported, on_disk, ""


def run_trials(count: int, seed: int = 2026, base: Path | None = None) -> Outcome:
    rng = random.Random(seed)  # noqa: S311 - kill delays, not secrets
    outcome = Outcome()
    with tempfile.TemporaryDirectory(prefix="nework-kill-", dir=base) as tmp:
        for n in range(count):
            _reported, on_disk, problem = trial(Path(tmp) / f"t{n}", rng.uniform(0, MAX_DELAY_S))
            outcome.trials += 1
            outcome.records += max(on_disk, 0)
            if problem.startswith("corrupt"):
                outcome.corrupt += 1
            elif problem.startswith("lost"):
                outcome.lost += 1
            if problem:
                outcome.problems.append(f"trial {n}: {problem}")
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.killtrials", description=__doc__)
    parser.add_argument("--trials", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    outcome = run_trials(args.trials, args.seed)
    print(outcome.line())
    for problem in outcome.problems:
        print(f"  {problem}")
    return 0 if not (outcome.corrupt or outcome.lost) else 1


if __name__ == "__main__":
    sys.exit(main())
