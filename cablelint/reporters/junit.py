"""``--format junit``: JUnit XML, a test suite per file and a failing test case per finding.

A file without findings is one passing test case, so CI dashboards count every cable.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree


def report(diagnostics, stream, *, files=(), **context) -> None:
    by_path = defaultdict(list)
    for d in diagnostics:
        by_path[d.path].append(d)
    paths = list(dict.fromkeys([*files, *by_path]))
    root = ElementTree.Element("testsuites", name="cablelint", tests="0", failures="0")
    tests = failures = 0
    for path in paths:
        found = by_path.get(path, [])
        suite = ElementTree.SubElement(root, "testsuite", name=path,
                                       tests=str(max(1, len(found))),
                                       failures=str(len(found)), errors="0")
        if not found:
            ElementTree.SubElement(suite, "testcase", name="cablelint", classname=path)
        for d in found:
            case = ElementTree.SubElement(suite, "testcase", classname=path,
                                          name=f"{d.code} {d.name} at {d.line}:{d.column}")
            failure = ElementTree.SubElement(case, "failure", type=d.severity.label,
                                             message=f"{d.code} {d.message}")
            failure.text = f"{d.path}:{d.line}:{d.column}: {d.code} {d.message} ({d.name})"
        tests += max(1, len(found))
        failures += len(found)
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    ElementTree.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ElementTree.tostring(root, encoding="unicode"))
    stream.write("\n")
