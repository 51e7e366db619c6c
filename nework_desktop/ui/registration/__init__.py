"""Registration and sign-in (policy Art. 3): e-mail with a one-time code, or a provider.

* :mod:`.choose` -- the first page: an e-mail address, or one button per provider;
* :mod:`.code` -- the one-time code: attempts left, "Resend code", "Use another address";
* :mod:`.browser` -- waiting while the system browser shows the provider's page;
* :mod:`.dialog` -- :class:`RegistrationDialog`, the frame the pages share (:mod:`.host`).

Strings go through ``self.tr()``; every control has an accessible name; the pages are keyboard
operable.  Open the dialog with :meth:`RegistrationDialog.ask` (tests replace it).
"""

from nework_desktop.ui.registration.dialog import RegistrationDialog, system_browser
from nework_desktop.ui.registration.host import PAGE_BROWSER, PAGE_CHOOSE, PAGE_CODE, Opener

__all__ = [
    "PAGE_BROWSER",
    "PAGE_CHOOSE",
    "PAGE_CODE",
    "Opener",
    "RegistrationDialog",
    "system_browser",
]
