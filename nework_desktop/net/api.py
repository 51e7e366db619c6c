"""Transitional alias of :mod:`.errors`, :mod:`.http` and :mod:`.service` (removed once every
importer moved)."""

from nework_desktop.net.errors import *  # noqa: F403
from nework_desktop.net.http import *  # noqa: F403
from nework_desktop.net.http import MAX_REPLY_BYTES, MAX_TOKEN_LENGTH, Fields, parse_json  # noqa: F401
from nework_desktop.net.service import *  # noqa: F403
