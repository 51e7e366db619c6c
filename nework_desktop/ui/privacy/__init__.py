"""The privacy center (policy Art. 2, 6, 8, 10): what the user agreed to, what is collected and
sent, where their data is, and their controls.

* :mod:`.center` -- the window (:class:`PrivacyCenter`): sections list, pages, the signals the
  controller connects;
* :mod:`.pages` -- one page class a file, each with its own ``retranslate()`` and ``refresh()``;
* :mod:`.retrier` -- :class:`DeletionRetrier`, the deletion request sent and retried in the
  background.

Importing this package never loads QtWebEngine, the network or the keyring.
"""

from nework_desktop.ui.privacy.center import PrivacyCenter
from nework_desktop.ui.privacy.pages.data import folder_size
from nework_desktop.ui.privacy.retrier import DeletionRetrier

__all__ = ["DeletionRetrier", "PrivacyCenter", "folder_size"]
