"""The uninstall wipe (policy Art. 7-2): delete all of the user's data on this device at once.

:func:`plan` says what would go; :func:`wipe` deletes it and proves it with a :class:`WipeReport`.
Both are plain Python (no Qt), so the window-less ``uninstall-cleanup`` command, the Windows
uninstaller's hook, the macOS uninstall script and the GUI's "Delete all local data…" action all
run this one code path -- and the plan the user confirmed is the plan that runs.

What goes, in this order (:mod:`.run`)
--------------------------------------
1. **Keyring entries** named in the secrets index (:func:`secrets.wipe_entries`), *before* the
   data root that holds the index.  If one cannot be deleted the index file is kept (with the
   root's marker), so a later run still knows what to delete.
2. **Shared stores** (:mod:`.stores`): files or registry keys other programs use too; only our
   traces are removed (e.g. Qt file-dialog history entries pointing into our roots).  A file the
   traces index (:mod:`.traces`) says we created goes whole if it is still byte for byte as our
   own last write left it (:func:`note_file_dialog_done` records its SHA-256) or holds nothing
   but ours.
3. **Every owned root** of :meth:`AppPaths.roots` that carries our ownership marker
   (:mod:`.walk`, :mod:`.walk_paths`).
4. **Parent folders** the markers record as created by us (``created_parents``), deepest first,
   each only if it is empty (``rmdir`` fails on a folder that is not).

Safety rules (:mod:`.safety`, :mod:`.plan`)
------------------------------------------
* A root without a valid marker is never deleted: it is reported ("cannot prove ownership") and
  counts as residue.  A root that is a symbolic link/junction, or that resolves to a filesystem
  root, the home folder (or above it), a system folder or one of the user's own folders
  (Documents, Library, AppData …) is refused outright, marker or not.
* Links are never followed: the walk uses ``lstat`` and unlinks a link itself, so whatever it
  points at stays byte for byte intact.  A folder on another file system (a mount point) inside a
  root is not crossed.
* The tree is walked once, post-order, counting as it goes.  The ownership marker is deleted
  last, and only when everything else in its root is gone: after a partial failure the root is
  still provably ours, so the next run finishes the job (the wipe is idempotent).

``ok`` in the report (:mod:`.report`) is True only when nothing of ours remains and nothing was
refused or failed.  In a dry run nothing is touched and the report says what a real run would
do (``ok`` then predicts whether it would leave nothing behind).
"""

from nework_desktop.core.wipe.plan import RootPlan, WipePlan, plan
from nework_desktop.core.wipe.report import (
    FileState,
    InstanceInfo,
    Problem,
    Progress,
    Removed,
    StoreOutcome,
    WipeReport,
)
from nework_desktop.core.wipe.run import wipe
from nework_desktop.core.wipe.stores import (
    SHARED_STORES,
    QtIniStore,
    WindowsRegistryStore,
    scrub_ini,
)
from nework_desktop.core.wipe.traces import (
    TRACES_NAME,
    note_file_dialog,
    note_file_dialog_done,
    note_shared_store_created,
    note_shared_store_left,
)

__all__ = [
    "SHARED_STORES",
    "TRACES_NAME",
    "FileState",
    "InstanceInfo",
    "Problem",
    "Progress",
    "QtIniStore",
    "Removed",
    "RootPlan",
    "StoreOutcome",
    "WindowsRegistryStore",
    "WipePlan",
    "WipeReport",
    "note_file_dialog",
    "note_file_dialog_done",
    "note_shared_store_created",
    "note_shared_store_left",
    "plan",
    "scrub_ini",
    "wipe",
]
