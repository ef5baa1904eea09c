"""JUnit XML, for CI dashboards: one ``<testsuite>``, one ``<testcase>`` per checked file.

A file passes when it has no finding at or above the failure threshold (``--fail-on``,
or its configuration's); otherwise its testcase gets one ``<failure>`` whose text
lists all its findings. Findings below the threshold go to ``<system-out>`` so they
are visible without failing the case. The tree is built with xml.etree, which
escapes every text and attribute.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

from reportlint.formatters import FormatOptions, problems, where


# Characters XML 1.0 cannot carry even escaped (controls other than tab/LF/CR, surrogates, U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _names(path: str) -> tuple[str, str]:
    """(classname, name): the folder as a dotted name ("examples"; "." for the working
    folder) and the file's path with forward slashes."""
    shown = _clean(path.replace(os.sep, "/"))
    folder = os.path.dirname(shown).strip("/")
    return (folder.replace("/", ".") or "."), shown


def _line(d, lang: str) -> str:
    return _clean(f"{d.path}:{where(d, lang)}: {d.code} [{d.severity.label(lang)}] {d.message.get(lang)}")


def format_results(results, options: FormatOptions) -> str:
    lang = options.lang
    suite = ET.Element("testsuite", name="reportlint", tests=str(len(results)), errors="0", skipped="0")
    failures = 0
    for r in results:
        classname, name = _names(r.path)
        case = ET.SubElement(suite, "testcase", classname=classname, name=name, file=name)
        threshold = options.threshold(r.path).rank
        failing = [d for d in r.diagnostics if d.severity.rank >= threshold]
        if failing:
            failures += 1
            codes = ", ".join(sorted({d.code for d in failing}))
            message = (f"{problems(len(failing), lang)}达到失败级别：{codes}" if lang == "zh"
                       else f"{problems(len(failing), lang)} at or above the failure level: {codes}")
            failure = ET.SubElement(case, "failure", message=message, type="reportlint")
            failure.text = "\n".join(_line(d, lang) for d in r.diagnostics)
        elif r.diagnostics:
            ET.SubElement(case, "system-out").text = "\n".join(_line(d, lang) for d in r.diagnostics)
    suite.set("failures", str(failures))
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"
