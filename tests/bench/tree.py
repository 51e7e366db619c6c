"""P4's generated profile: many files of spread sizes in folders shaped like a web profile.

:func:`plan_tree` decides, from a seed, every file's path and size (the same plan for the app's
tree and for the ``rm -rf`` tree, so both hold byte-for-byte the same layout and amount of data);
:func:`write_tree` writes it.  About a third of the files go to the cache root (an HTTP cache:
a few folders with many entries), the rest to the data root's web profile (IndexedDB, Local
Storage, Service Worker caches, ...) with some chains of folders 8-24 levels deep.
"""

from __future__ import annotations

import math
import os
import random
from dataclasses import dataclass
from pathlib import PurePosixPath

#: Largest single file (bytes): a few video-call recordings in a cache, not one giant blob.
MAX_FILE = 24 * 1024 * 1024

_PROFILE_TOPS = (
    "IndexedDB/https_nework.app_0.indexeddb.leveldb",
    "IndexedDB/https_nework.app_0.indexeddb.blob/1",
    "Local Storage/leveldb",
    "Session Storage",
    "Service Worker/CacheStorage",
    "Service Worker/ScriptCache",
    "GPUCache",
    "blob_storage",
    "File System/000/p",
    "WebStorage",
)
_CACHE_TOPS = ("Cache/Cache_Data", "Code Cache/js", "Code Cache/wasm", "GPUCache")


@dataclass(frozen=True)
class TreePlan:
    """Relative file paths (under a ``--basedir``) and their sizes, folders first."""

    folders: tuple[str, ...]
    files: tuple[tuple[str, int], ...]

    @property
    def total_bytes(self) -> int:
        return sum(size for _, size in self.files)


def _sizes(rng: random.Random, count: int, total: int) -> list[int]:
    """``count`` log-normally spread sizes (many small files, a few large) summing to ``total``."""
    raw = [rng.lognormvariate(8.5, 2.0) for _ in range(count)]
    scale = total / sum(raw)
    sizes = [min(MAX_FILE, max(0, int(r * scale))) for r in raw]
    # Spread what clamping and rounding lost (or added) over the files, a little each.
    missing = total - sum(sizes)
    order = sorted(range(count), key=lambda i: sizes[i])
    step = 1 if missing >= 0 else -1
    i = 0
    while missing != 0:
        index = order[i % count]
        room = MAX_FILE - sizes[index] if step > 0 else sizes[index]
        take = min(abs(missing), room, max(1, abs(missing) // count + 1))
        sizes[index] += step * take
        missing -= step * take
        i += 1
    return sizes


def plan_tree(files: int, total_bytes: int, seed: int = 6) -> TreePlan:
    """The layout of a profile of ``files`` files, ``total_bytes`` in all (deterministic)."""
    rng = random.Random(seed)  # noqa: S311 (a layout, not a secret)
    profile_dirs: list[str] = []
    for top in _PROFILE_TOPS:
        base = f"data/WebEngine/profile/{top}"
        profile_dirs.append(base)
        for _ in range(max(1, files // 2000)):
            sub = f"{base}/{rng.getrandbits(64):016x}"
            profile_dirs.append(sub)
    # Deep chains: an origin's storage nested like Service Worker cache buckets.
    deep_count = max(2, files // 1000)
    for chain in range(deep_count):
        depth = rng.randint(8, 24)
        parts = [f"data/WebEngine/profile/Service Worker/CacheStorage/deep{chain:03d}"]
        parts += [f"{rng.getrandbits(32):08x}" for _ in range(depth)]
        for level in range(1, len(parts) + 1):
            if level > 4:
                profile_dirs.append("/".join(parts[:level]))
    cache_dirs = [f"cache/WebEngine/{top}" for top in _CACHE_TOPS]
    cache_dirs += [f"cache/WebEngine/Cache/Cache_Data/index-dir{n}" for n in range(2)]
    sizes = _sizes(rng, files, total_bytes)
    planned: list[tuple[str, int]] = []
    for index, size in enumerate(sizes):
        if index % 3 == 0:
            folder = rng.choice(cache_dirs)
            name = f"{rng.getrandbits(64):016x}_0"
        else:
            folder = rng.choice(profile_dirs)
            name = f"{index:06d}.ldb" if index % 7 else f"{index:06d}.log"
        planned.append((f"{folder}/{name}", size))
    folders = sorted(
        {str(PurePosixPath(p).parent) for p, _ in planned} | set(profile_dirs) | set(cache_dirs),
        key=lambda f: (f.count("/"), f),
    )
    return TreePlan(tuple(folders), tuple(planned))


def write_tree(base: str | os.PathLike[str], plan: TreePlan) -> None:
    """Write ``plan`` under ``base`` (folders must not exist yet; roots may)."""
    root = os.fspath(base)
    for folder in plan.folders:
        os.makedirs(os.path.join(root, folder), exist_ok=True)
    largest = max((size for _, size in plan.files), default=0)
    block = os.urandom(1 << 20)
    # Long enough for any file starting at any offset inside the first block.
    pattern = memoryview(block * (2 + math.ceil(largest / len(block))))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for index, (relative, size) in enumerate(plan.files):
        fd = os.open(os.path.join(root, relative), flags, 0o600)
        try:
            start = (index * 4099) % len(block)  # not all files identical
            written = 0
            while written < size:
                written += os.write(fd, pattern[start + written : start + size])
        finally:
            os.close(fd)
