"""``nework-qa``: the QA engineer's tool (snapshot, diff, lifecycle, JUnit).

It checks what NeWork Desktop leaves on a machine.  It imports no Qt at all: the app is always
run as a subprocess, so the tool works against a source checkout and against an installed build
(``--app``) alike, and it needs nothing from the source tree (``tests`` is never imported).

Modules
-------
* :mod:`.common`     exit codes, the one-line error, progress on a terminal, atomic writes;
* :mod:`.ownership`  which entries are ``ours``, ``shared`` or ``unknown`` (roots from
  :mod:`nework_desktop.core.paths` for every layout, plus the known Qt/OS stores);
* :mod:`.snapshot`   a home's files, the app's keyring entries and (Windows) registry keys;
* :mod:`.diff`       what appeared or changed between two snapshots, classified;
* :mod:`.junit`      JUnit XML for CI systems;
* :mod:`.lifecycle`  run the real app in an empty sandbox home, wipe, and check what is left;
* :mod:`.refservice` the reference NeWork service and OpenID provider (loopback only), which
  the lifecycle starts for its run; it ships with the tool, so no source checkout is needed;
* :mod:`.cli`        the ``nework-qa`` command line (also ``python -m nework_desktop.qa``).
"""
