"""The privacy center (policy Art. 2, 6, 8, 10): what the user agreed to, what is collected and
sent, where their data is, and their controls.

* :mod:`.center` -- the window (:class:`PrivacyCenter`): sections list, pages, the signals the
  controller connects;
* :mod:`.pages` -- one page class a file, each with its own ``retranslate()`` and ``refresh()``;
* :mod:`.retrier` -- :class:`DeletionRetrier`, the deletion request sent and retried in the
  background.

Import from the modules themselves: this package imports nothing, so that the deletion retrier
(made when the workspace opens) does not load the center and its pages before they are asked
for.  Importing any of them never loads QtWebEngine, the network or the keyring.
"""
