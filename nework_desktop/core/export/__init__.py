"""The data export ("Export my data", policy Art. 6): one zip of what the app keeps about you.

The zip holds::

    consent-receipts.json   one Kantara Consent Receipt v1.1 per consent ledger record
    consent-acknowledgements.json   the service's signed acknowledgement of each (or "waiting")
    ledger.json             the consent ledger itself, byte for byte (hash-chained)
    preferences.json        the preferences (no secrets are kept there)
    account.json            the account summary: provider, masked e-mail, time of sign-in
    transmissions.json      the transmission log: requests allowed/blocked per day and host
    README.txt              what each file is (Japanese and English)

Never in it: tokens (they live only in the OS keyring), the full e-mail address (memory only),
web data.  The file is written next to the destination under a temporary name and renamed into
place, so a half-written export never carries the chosen name; an existing file is replaced only
when the caller says so (``overwrite=True``: the UI asks first).

Consent receipts
----------------
Each receipt follows the field names of the Kantara Initiative Consent Receipt Specification
v1.1 (``version`` ``"KI-CR-v1.1.0"``).  The principal is the random per-install device ID
(:mod:`nework_desktop.core.device`), not an e-mail address.  The PII controller is NTT
Communications with the contact the policy gives (the inquiry form of Art. 10); the policy
publishes no postal address, e-mail address or telephone number for it, so those fields -- which
v1.1 requires -- say ``"not published"``.  Purposes come from the Art. 2-1 table (the company's
own purposes) and from the Art. 2-2 modules the record allows (third-party disclosure to Google
or PLAID).  Our own fields (policy version, text hash, decision, module choices, record hash)
sit under ``"x-nework"``.  The receipts are built by :mod:`.receipts`, the zip by :mod:`.archive`.

No Qt here.
"""

from nework_desktop.core.export.archive import EXPORT_FILES, export_data
from nework_desktop.core.export.receipts import RECEIPT_VERSION, build_receipt, receipt_id

__all__ = ["EXPORT_FILES", "RECEIPT_VERSION", "build_receipt", "export_data", "receipt_id"]
