"""``--format junit``: JUnit XML, a test suite per file and a failing test case per finding.

A file without findings is one passing test case, so CI dashboards count every cable. The
suites are kept in a temporary file until the totals for the root element are known.
"""

from __future__ import annotations

import tempfile
from xml.etree import ElementTree

from . import Chunk, Reporter


class Report(Reporter):
    def begin(self) -> None:
        self.suites = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+",
                                                    encoding="utf-8")
        self.tests = self.failures = 0

    @classmethod
    def render(cls, name, diagnostics, fixed, color=False) -> Chunk:
        """The file's test suite; tally (tests, failures)."""
        suite = ElementTree.Element("testsuite", name=name,
                                    tests=str(max(1, len(diagnostics))),
                                    failures=str(len(diagnostics)), errors="0")
        if not diagnostics:
            ElementTree.SubElement(suite, "testcase", name="cablelint", classname=name)
        for d in diagnostics:
            case = ElementTree.SubElement(suite, "testcase", classname=name,
                                          name=f"{d.code} {d.name} at {d.line}:{d.column}")
            failure = ElementTree.SubElement(case, "failure", type=d.severity.label,
                                             message=f"{d.code} {d.message}")
            failure.text = f"{d.path}:{d.line}:{d.column}: {d.code} {d.message} ({d.name})"
        ElementTree.indent(suite, space="  ", level=1)
        text = "  " + ElementTree.tostring(suite, encoding="unicode").rstrip() + "\n"
        return Chunk(text, (max(1, len(diagnostics)), len(diagnostics)))

    def write(self, chunk: Chunk) -> None:
        self.suites.write(chunk.text)
        tests, failures = chunk.tally
        self.tests += tests
        self.failures += failures

    def end(self) -> None:
        root = ElementTree.Element("testsuites", name="cablelint", tests=str(self.tests),
                                   failures=str(self.failures))
        opening = ElementTree.tostring(root, encoding="unicode").replace(" />", ">")
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n' + opening + "\n")
        self.suites.seek(0)
        while chunk := self.suites.read(1 << 16):
            self.stream.write(chunk)
        self.suites.close()
        self.stream.write("</testsuites>\n")
