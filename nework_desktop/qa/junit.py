"""JUnit XML, the format CI systems (GitLab, Jenkins, GitHub test reporters, Azure) read.

One ``<testsuites>`` with one ``<testsuite>``; each :class:`Case` is a ``<testcase>`` with at
most one ``<failure>`` (the check failed: residue, a step that went wrong), ``<error>`` (the run
itself broke) or ``<skipped>``, and optional ``<system-out>`` (warnings, listings).  Text is
cleaned of what XML 1.0 cannot carry (control characters, undecodable file names).
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from nework_desktop.qa.common import safe_text, write_atomic

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", safe_text(text))


@dataclass
class Case:
    name: str
    classname: str
    time: float = 0.0
    failure: tuple[str, str] | None = None  # (message, text)
    error: tuple[str, str] | None = None
    skipped: str | None = None
    system_out: str | None = None


def render(suite: str, cases: Sequence[Case], *, timestamp: str = "") -> str:
    failures = sum(1 for c in cases if c.failure)
    errors = sum(1 for c in cases if c.error)
    skipped = sum(1 for c in cases if c.skipped is not None)
    total = sum(c.time for c in cases)
    counts = {
        "tests": str(len(cases)),
        "failures": str(failures),
        "errors": str(errors),
        "skipped": str(skipped),
        "time": f"{total:.3f}",
    }
    root = ET.Element("testsuites", {"name": xml_text(suite), **counts})
    attrs = {"name": xml_text(suite), **counts}
    if timestamp:
        attrs["timestamp"] = timestamp
    node = ET.SubElement(root, "testsuite", attrs)
    for case in cases:
        item = ET.SubElement(
            node,
            "testcase",
            {
                "name": xml_text(case.name),
                "classname": xml_text(case.classname),
                "time": f"{case.time:.3f}",
            },
        )
        for tag, value in (("failure", case.failure), ("error", case.error)):
            if value is not None:
                message, text = value
                sub = ET.SubElement(item, tag, {"message": xml_text(message), "type": tag})
                sub.text = xml_text(text)
        if case.skipped is not None:
            ET.SubElement(item, "skipped", {"message": xml_text(case.skipped)})
        if case.system_out:
            ET.SubElement(item, "system-out").text = xml_text(case.system_out)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write(
    path: str | os.PathLike[str], suite: str, cases: Sequence[Case], *, timestamp: str = ""
) -> None:
    write_atomic(path, render(suite, cases, timestamp=timestamp))
