"""dmgbuild settings for NeWork-<version>.dmg: the drag-to-Applications layout.

    dmgbuild -s installer/macos/dmg_settings.py -D app=build/pyinstaller/dist/NeWork.app \
        -D version=0.1.0 "NeWork" build/NeWork-0.1.0.dmg

Contents: NeWork.app, a link to /Applications to drop it on, "Uninstall NeWork.command" (the
only way to delete the app's data along with it) and THIRD-PARTY-NOTICES.txt.
dmgbuild runs this file with ``defines`` (the -D values) in its namespace.
"""

import os.path

# ruff: noqa: F821 - ``defines`` is given by dmgbuild
application = defines["app"]
version = defines.get("version", "")
here = os.path.dirname(os.path.abspath(__file__))
notices = os.path.join(
    application, "Contents", "Resources", "nework_desktop", "resources", "notices",
    "THIRD-PARTY-NOTICES.txt",
)  # fmt: skip

volume_name = f"NeWork {version}".strip()
format = "UDZO"
filesystem = "HFS+"
files = [application, os.path.join(here, "Uninstall NeWork.command")]
if os.path.isfile(notices):
    files.append(notices)
symlinks = {"Applications": "/Applications"}
icon = os.path.join(here, "..", "..", "resources", "icons", "nework.icns")
icon_locations = {
    "NeWork.app": (140, 160),
    "Applications": (420, 160),
    "Uninstall NeWork.command": (140, 330),
    "THIRD-PARTY-NOTICES.txt": (420, 330),
}
window_rect = ((200, 120), (560, 460))
default_view = "icon-view"
show_status_bar = False
show_toolbar = False
show_sidebar = False
icon_size = 96
text_size = 13
