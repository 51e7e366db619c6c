"""Where the start-up time goes: the medians of the app's own ``--startup-timing`` events.

The app writes ``mark:<name>`` lines (:mod:`nework_desktop.app.marks`) next to ``first-frame``
and ``page-loaded``; :class:`Breakdown` collects each run's events (ms after the harness started
the process) and reports, per event, the median time and the median step from the event before.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from typing import Any


class Breakdown:
    def __init__(self) -> None:
        self.runs: list[dict[str, float]] = []

    def add(self, events: Mapping[str, float]) -> None:
        """One run's events (name → ms after start); only the app's own marks and frames."""
        keep = {
            k: v
            for k, v in events.items()
            if k.startswith("mark:") or k in ("first-frame", "page-loaded")
        }
        if keep:
            self.runs.append(keep)

    def medians(self) -> list[tuple[str, float, float]]:
        """``(event, median ms after start, median ms since the event before)``, in order."""
        names: dict[str, list[float]] = {}
        for run in self.runs:
            for name, ms in run.items():
                names.setdefault(name, []).append(ms)
        ordered = sorted(names, key=lambda n: statistics.median(names[n]))
        out: list[tuple[str, float, float]] = []
        previous: str | None = None
        for name in ordered:
            steps = [
                run[name] - (run[previous] if previous is not None else 0.0)
                for run in self.runs
                if name in run and (previous is None or previous in run)
            ]
            step = statistics.median(steps) if steps else 0.0
            out.append((name, statistics.median(names[name]), step))
            previous = name
        return out

    def to_json(self) -> list[dict[str, Any]]:
        return [
            {"event": name, "median_ms": round(at, 1), "step_ms": round(step, 1)}
            for name, at, step in self.medians()
        ]

    def text(self) -> str:
        """One line: ``+180 bootstrap @180, +12 policy-and-ledger @192, ...`` (step, at)."""
        parts = [
            f"+{step:.0f} {name.removeprefix('mark:')} @{at:.0f}"
            for name, at, step in self.medians()
        ]
        return ", ".join(parts) if parts else "(no events)"
