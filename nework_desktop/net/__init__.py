"""Networking: the NeWork service API client (:mod:`.api`) and OAuth sign-in (:mod:`.oauth`).

Every request goes through :class:`~nework_desktop.net.http.HttpClient` (on the standard
library's ``http.client``, :mod:`.transport`), which enforces https (plain http only for
loopback), certificate verification, timeouts, retries for idempotent calls only, a size limit
on replies and the ``before_request`` hook that the egress rules plug into.  No Qt here: the UI
runs these calls in worker threads.
"""
