"""The workspace: the NeWork service's web client in QtWebEngine, kept to the policy's rules.

* :mod:`.profile` -- :func:`create_profile`: the web profile inside the owned roots (or off the
  record before consent), hardened settings;
* :mod:`.interceptor` -- :class:`EgressInterceptor` (every request asks the egress rules) and
  :class:`CookieGuard` (no cookies of a module that may not be contacted);
* :mod:`.page` -- :class:`WorkspacePage` and its navigation rules;
* :mod:`.errors` -- the friendly error page;
* :mod:`.window` -- :class:`Workspace`, the widget the main window hosts.

Importing this package loads QtWebEngine (it always did): nothing on the consent dialog's path
and no window-less command imports it.
"""

from nework_desktop.core.urls import WORKSPACE_PATH
from nework_desktop.ui.workspace.interceptor import CookieGuard, EgressInterceptor
from nework_desktop.ui.workspace.page import Opener, WorkspacePage
from nework_desktop.ui.workspace.profile import PROFILE_NAME, create_profile
from nework_desktop.ui.workspace.window import Workspace

__all__ = [
    "PROFILE_NAME",
    "WORKSPACE_PATH",
    "CookieGuard",
    "EgressInterceptor",
    "Opener",
    "Workspace",
    "WorkspacePage",
    "create_profile",
]
