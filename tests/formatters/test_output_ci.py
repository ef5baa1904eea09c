"""`github` (workflow commands) and `junit` (XML) on the bundled examples."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

from fmtutil import EXAMPLE_FILES, FAULTY, diag, in_root, result, run  # noqa: F401
from reportlint.formatters import FormatOptions, github, junit
from reportlint.rule import Severity

COMMAND = re.compile(r"^::(?P<cmd>error|warning|notice) (?P<props>[^:]*)::(?P<msg>.*)$")


def _props(text: str) -> dict:
    return dict(p.split("=", 1) for p in text.split(","))


def test_github_annotations_for_the_examples(in_root, capsys):
    findings = json.loads(run(capsys, "examples", "--format", "json", "--lang", "en")[1])["diagnostics"]
    code, out, _ = run(capsys, "examples", "--format", "github", "--lang", "en")
    lines = out.splitlines()
    assert code == 1 and len(lines) == len(findings) == 20
    cmds = {"error": "error", "warning": "warning", "info": "notice"}
    for line, d in zip(lines, findings):
        m = COMMAND.match(line)
        assert m, line
        p = _props(m["props"])
        assert m["cmd"] == cmds[d["severity"]]
        assert p == {"file": d["path"], "line": str(d["line"]), "col": str(d["column"]),
                     "endLine": str(d["end_line"]), "endColumn": str(d["end_column"]), "title": f"{d['code']} {d['name']}"}
        assert m["msg"] == d["message"].replace("%", "%25")


def test_github_escaping():
    d = diag("dir,x/a:b.txt", "W601", (2, 3, 2, 5), "100%完成\r\n下一行", "100% done\r\nnext, line: 2",
             severity=Severity.INFO, name="jiezhi-misuse")
    line = github.annotation(d, "en")
    assert line == ("::notice file=dir%2Cx/a%3Ab.txt,line=2,col=3,endLine=2,endColumn=5,title=W601 jiezhi-misuse"
                    "::100%25 done%0D%0Anext, line: 2")
    assert "\n" not in line and "\r" not in line
    assert github.escape_property("a%b:c,d\ne") == "a%25b%3Ac%2Cd%0Ae"
    assert github.format_results([result("a.txt", "x\n", [])], FormatOptions()) == ""


def test_github_locator_named_in_the_message():
    d = diag("a.docx", "W601", (4, 1, 4, 3), "应写“截至”", locator="p4")
    assert github.annotation(d, "zh").endswith("::第 4 段: 应写“截至”")


def test_junit_one_testcase_per_file(in_root, capsys):
    findings = json.loads(run(capsys, "examples", "--format", "json")[1])["diagnostics"]
    code, out, _ = run(capsys, "examples", "--format", "junit")
    assert code == 1 and out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    suite = ET.fromstring(out)
    cases = suite.findall("testcase")
    assert suite.tag == "testsuite" and suite.get("tests") == str(len(EXAMPLE_FILES)) == str(len(cases))
    assert [c.get("name") for c in cases] == [f"examples/{f}" for f in EXAMPLE_FILES]
    assert {c.get("classname") for c in cases} == {"examples"}
    failed = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    # every faulty example has an error-level finding; the clean ones pass
    assert sorted(failed) == [f"examples/{f}" for f in FAULTY] and suite.get("failures") == "3"
    for name, failure in failed.items():
        mine = [d for d in findings if d["path"] == name]
        assert failure.text.splitlines() == [f"{d['path']}:{d['line']}:{d['column']}: {d['code']} [{ {'error': '错误', 'warning': '警告', 'info': '提示'}[d['severity']]}] {d['message']}" for d in mine]
        errors = sorted({d["code"] for d in mine if d["severity"] == "error"})
        assert failure.get("message") == f"{len([d for d in mine if d['severity'] == 'error'])} 个问题达到失败级别：{', '.join(errors)}"


def test_junit_fail_on_and_escaping():
    nasty = "<b>&\"'\x0b]]>"
    r = result("dir/a&b.txt", "x\n", [diag("dir/a&b.txt", "W601", (1, 1, 1, 2), nasty)])
    ok = ET.fromstring(junit.format_results([r], FormatOptions(fail_on=Severity.ERROR)))
    case = ok.find("testcase")
    assert case.get("name") == "dir/a&b.txt" and case.get("classname") == "dir"
    assert case.find("failure") is None and "<b>&\"'\ufffd]]>" in case.find("system-out").text
    bad = ET.fromstring(junit.format_results([r], FormatOptions(lang="en", fail_on=lambda path: Severity.WARNING)))
    assert bad.get("failures") == "1"
    assert bad.find("testcase/failure").get("message") == "1 problem at or above the failure level: W601"
