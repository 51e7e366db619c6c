"""The wipe itself (:func:`wipe`): keyring entries, shared-store traces, owned roots, parents."""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from nework_desktop.core import secrets
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.wipe import walk
from nework_desktop.core.wipe.lock import LOCK_TIMEOUT_S, WipeBusy, wipe_lock
from nework_desktop.core.wipe.plan import WipePlan, plan
from nework_desktop.core.wipe.report import Problem, Progress, WipeReport
from nework_desktop.core.wipe.safety import reason
from nework_desktop.core.wipe.stores import StoreRun, stores_for
from nework_desktop.core.wipe.traces import TRACES_NAME
from nework_desktop.core.wipe.walk_paths import walk_paths

log = logging.getLogger("nework.cleanup")


def wipe(
    paths: AppPaths,
    *,
    backend: Any | None,
    dry_run: bool = False,
    progress: Progress | None = None,
    the_plan: WipePlan | None = None,
    lock_timeout: float = LOCK_TIMEOUT_S,
) -> WipeReport:
    """Delete every keyring entry, shared-store trace, owned root and created parent of ours.

    ``backend`` is the keyring backend (``secrets.system_backend()``; None when there is none).
    ``the_plan`` is the plan the user confirmed (made now when not given); it is what runs.
    One wipe of the same roots runs at a time (:mod:`.lock`): a second one waits for the first,
    then finds nothing left.
    """
    if dry_run:
        return _wipe(paths, backend, True, progress, the_plan or plan(paths))
    try:
        with wipe_lock(paths.data, lock_timeout):
            # Made (or re-made) under the lock: another wipe may have run meanwhile.
            return _wipe(paths, backend, False, progress, the_plan or plan(paths))
    except WipeBusy as exc:
        report = WipeReport(layout=paths.layout, dry_run=False)
        report.failed.append(Problem(str(paths.data), f"{exc}: nothing was deleted; try again"))
        report.residue.extend(str(r) for r in paths.existing_roots())
        return report


def _wipe(
    paths: AppPaths,
    backend: Any | None,
    dry_run: bool,
    progress: Progress | None,
    the_plan: WipePlan,
) -> WipeReport:
    report = WipeReport(layout=paths.layout, dry_run=dry_run)
    for r in the_plan.roots:
        if r.action != "delete":
            report.refused.append(Problem(str(r.path), r.reason))
        if r.action == "unproven":
            report.residue.append(str(r.path))
    report.failed.extend(the_plan.problems)  # damaged indexes: reported, and the wipe goes on
    keep: set[Path] = set()

    # 1. keyring entries, before the data root that holds their index
    if the_plan.keyring:
        _wipe_keyring(paths, the_plan.keyring, backend, dry_run=dry_run, report=report, keep=keep)

    # 2. shared stores (only our traces)
    traces = the_plan.traces
    for store in stores_for(paths.layout):
        outcome = store.run(StoreRun(paths, traces.created, traces.left, dry_run=dry_run))
        report.shared_stores.append(outcome)
        report.removed.shared_store_traces += outcome.traces
        if outcome.status in ("failed", "refused"):
            problems = report.failed if outcome.status == "failed" else report.refused
            problems.append(Problem(outcome.location, outcome.error))
            report.residue.append(outcome.location)
            keep.add(paths.data / TRACES_NAME)

    # 3. the owned roots
    tally = walk.Tally(progress)
    for r in the_plan.roots:
        if r.action != "delete":
            continue
        pins = frozenset(tuple(k.relative_to(r.path).parts) for k in keep if r.path in k.parents)
        bounds = walk.Bounds(r.device, pins, r.mounts)
        walker = walk.walk_fd if walk.use_fd_walk() else walk_paths
        if walker(r.path, bounds, dry_run, tally):
            report.removed.roots.append(str(r.path))
        tally.tick(str(r.path), force=True)
    removed = tally.removed
    removed.roots = report.removed.roots
    removed.keyring_entries = report.removed.keyring_entries
    removed.shared_store_traces = report.removed.shared_store_traces
    report.removed = removed
    report.failed.extend(tally.failed)

    # 4. parents we created, deepest first, only when empty
    _remove_parents(the_plan.parents, {Path(p) for p in report.removed.roots}, dry_run, report)

    # 5. what of ours is still there
    for r in the_plan.roots:
        gone = str(r.path) in report.removed.roots
        if r.action == "delete" and not gone and (dry_run or os.path.lexists(r.path)):
            report.residue.append(str(r.path))
    if progress is not None:
        progress(tally.done, tally.done, "")
    return report


def _wipe_keyring(
    paths: AppPaths,
    refs: Sequence[secrets.SecretRef],
    backend: Any | None,
    *,
    dry_run: bool,
    report: WipeReport,
    keep: set[Path],
) -> None:
    if dry_run:
        if backend is None:
            reason = f"no keyring available to delete {len(refs)} stored entries"
            report.failed.append(Problem("keyring", reason))
            report.residue.extend(f"keyring:{r.service}/{r.name}" for r in refs)
            keep.add(secrets.index_path(paths))
        else:
            report.removed.keyring_entries = len(refs)
        return
    gone, errors = secrets.wipe_entries(refs, backend)
    report.removed.keyring_entries = len(gone)
    report.failed.extend(Problem("keyring", e) for e in errors)
    left = [r for r in refs if r not in gone]
    report.residue.extend(f"keyring:{r.service}/{r.name}" for r in left)
    if errors or left:
        keep.add(secrets.index_path(paths))  # the next run must still know what to delete


def _remove_parents(
    parents: Sequence[Path], gone_roots: set[Path], dry_run: bool, report: WipeReport
) -> None:
    gone = set(gone_roots)
    for parent in parents:  # deepest first
        if parent.is_symlink() or not parent.is_dir():
            continue
        try:
            if dry_run:
                if any(parent / name not in gone for name in os.listdir(parent)):
                    continue
            else:
                os.rmdir(parent)  # fails on a folder that is not empty: then it is not ours alone
        except FileNotFoundError:
            continue  # removed meanwhile
        except OSError as exc:
            if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                report.failed.append(Problem(str(parent), reason(exc)))
            continue
        gone.add(parent)
        report.removed.parents.append(str(parent))
