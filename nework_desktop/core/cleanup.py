"""Transitional alias of :mod:`nework_desktop.core.wipe` (removed once every importer moved)."""

from nework_desktop.core.wipe import *  # noqa: F403
from nework_desktop.core.wipe import __all__  # noqa: F401
