"""Make every app icon from the one source image, ``resources/icons/nework-source.png``.

    python installer/icons/make_icons.py [--out DIR]      (needs Pillow; default DIR:
                                                           resources/icons)

Writes, from the 1024 px master:

* ``nework.ico``  -- Windows: NeWork.exe, the installer, the Uninstall entry (16-256 px);
* ``nework.icns`` -- macOS: NeWork.app (16-1024 px, the retina sizes included);
* ``nework-<N>.png`` -- Linux and the window icon (16-512 px).

The outputs are committed (the build needs no Pillow); ``tests/installer/test_icons.py`` checks
that they are what this script makes from the source.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "resources" / "icons" / "nework-source.png"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _scaled(master: Image.Image, size: int) -> Image.Image:
    return master.resize((size, size), Image.Resampling.LANCZOS)


def make_icons(source: Path, out: Path) -> list[Path]:
    """Write the icons into ``out``; returns the files written."""
    with Image.open(source) as image:
        master = image.convert("RGBA")
    if master.size != (1024, 1024):
        raise SystemExit(f"{source}: the source must be 1024x1024 px, not {master.size}")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for size in PNG_SIZES:
        path = out / f"nework-{size}.png"
        _scaled(master, size).save(path, optimize=True)
        written.append(path)
    ico = out / "nework.ico"
    # Each size from the master (not Pillow's own downscaling of the largest one).
    frames = [_scaled(master, s) for s in ICO_SIZES]
    frames[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames)
    written.append(ico)
    icns = out / "nework.icns"
    big = [_scaled(master, s) for s in ICNS_SIZES]
    big[-1].save(icns, format="ICNS", append_images=big[:-1])
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=SOURCE.parent)
    args = parser.parse_args(argv)
    for path in make_icons(args.source, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
