"""What a wipe would touch (:func:`plan`); computing it reads only.

The plan is shown to the user (or printed by ``uninstall-cleanup``), and the same plan runs.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from nework_desktop.core import secrets
from nework_desktop.core.paths import MARKER_NAME, AppPaths, Marker, read_marker
from nework_desktop.core.wipe.mounts import is_mount_point, mount_points, mounts_inside
from nework_desktop.core.wipe.report import Problem, StoreOutcome
from nework_desktop.core.wipe.safety import is_link, protected_reason, reason
from nework_desktop.core.wipe.stores import StoreRun, stores_for
from nework_desktop.core.wipe.traces import TRACES_NAME, Traces, read_traces

Action = Literal["delete", "refuse", "unproven"]


@dataclass(frozen=True)
class RootPlan:
    path: Path
    action: Action
    reason: str = ""
    marker: Marker | None = None
    device: int = 0
    #: Mount points inside the root (relative parts): never crossed.
    mounts: frozenset[tuple[str, ...]] = frozenset()


@dataclass(frozen=True)
class WipePlan:
    """What a wipe would touch; computing it reads only."""

    layout: str
    roots: tuple[RootPlan, ...]
    keyring: tuple[secrets.SecretRef, ...]
    shared_stores: tuple[StoreOutcome, ...]
    parents: tuple[Path, ...]
    #: The traces index as read for this plan (empty unless the data root is provably ours).
    traces: Traces = field(default_factory=Traces)
    #: Damaged indexes: reported by the wipe, which goes on without them.
    problems: tuple[Problem, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "layout": self.layout,
            "roots": [
                {"path": str(r.path), "action": r.action, "reason": r.reason} for r in self.roots
            ],
            "keyring_entries": [f"{k.service}/{k.name}" for k in self.keyring],
            "shared_stores": [
                {"store": s.store, "location": s.location, "status": s.status, "traces": s.traces}
                for s in self.shared_stores
            ],
            "parents": [str(p) for p in self.parents],
            "problems": [{"path": p.path, "reason": p.reason} for p in self.problems],
        }


def plan(paths: AppPaths) -> WipePlan:
    """What :func:`wipe` would delete, refuse or leave; touches nothing.

    The indexes in the data root (keyring entries, shared-store files) are trusted only when the
    data root is provably ours; a damaged one is a :attr:`WipePlan.problems` entry, and the
    plan goes on without it.
    """
    mounts = mount_points()
    roots = tuple(p for p in (_plan_root(r, mounts) for r in paths.roots()) if p is not None)
    keyring: tuple[secrets.SecretRef, ...] = ()
    traces = Traces()
    problems: list[Problem] = []
    if data_root_plan(paths, roots) is not None:
        refs, keyring_problem = secrets.read_index_checked(paths)
        keyring = tuple(refs)
        if keyring_problem:
            why = f"{keyring_problem}: keyring entries it listed may remain in the OS keyring"
            problems.append(Problem(str(secrets.index_path(paths)), why))
        traces = read_traces(paths)
        if traces.problem:
            why = f"{traces.problem}: shared settings files we created are kept whole"
            problems.append(Problem(str(paths.data / TRACES_NAME), why))
    stores = tuple(
        s.run(StoreRun(paths, traces.created, traces.left, dry_run=True))
        for s in stores_for(paths.layout)
    )
    parents = _candidate_parents(roots)
    return WipePlan(paths.layout, roots, keyring, stores, parents, traces, tuple(problems))


def _plan_root(root: Path, mounts: list[str] | None) -> RootPlan | None:
    try:
        st = os.lstat(root)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return RootPlan(root, "unproven", f"cannot prove ownership: {reason(exc)}")
    if is_link(st):
        return RootPlan(root, "refuse", "the root is a symbolic link or junction (not followed)")
    protected = protected_reason(root, roots_only=True)
    if protected:
        return RootPlan(root, "refuse", protected)
    if not stat.S_ISDIR(st.st_mode):
        return RootPlan(root, "unproven", "cannot prove ownership: not a folder")
    if is_mount_point(root, mounts):
        return RootPlan(root, "refuse", "another file system is mounted at the root (not crossed)")
    marker = read_marker(root)
    if marker is None:
        return RootPlan(
            root, "unproven", f"cannot prove ownership: no valid {MARKER_NAME} marker in it"
        )
    return RootPlan(root, "delete", "", marker, st.st_dev, mounts_inside(root, mounts or ()))


def data_root_plan(paths: AppPaths, roots: Iterable[RootPlan]) -> RootPlan | None:
    """The plan of the root holding the data folder, if it will be deleted (then we trust it)."""
    data_root = paths.root_of("data")
    for r in roots:
        if r.path == data_root and r.action == "delete":
            return r
    return None


def _candidate_parents(roots: Iterable[RootPlan]) -> tuple[Path, ...]:
    found: set[Path] = set()
    for r in roots:
        if r.action != "delete" or r.marker is None:
            continue
        for raw in r.marker.created_parents:
            parent = Path(raw)
            # A marker is data: accept only real ancestors of its own root, never a protected one.
            if parent.is_absolute() and parent in r.path.parents and not protected_reason(parent):
                found.add(parent)
    return tuple(sorted(found, key=lambda p: (-len(p.parts), str(p))))
