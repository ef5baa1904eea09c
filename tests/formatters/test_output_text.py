"""`text` (default) and `concise` on the bundled examples: grouping, carets, summary, colours."""

from __future__ import annotations

import io
import json
import re
import sys

import pytest

from fmtutil import FAULTY, diag, in_root, result, run  # noqa: F401  (in_root is a fixture)
from reportlint.formatters import FormatOptions, use_color
from reportlint.formatters import concise, text
from reportlint.rule import Severity

FINDING = re.compile(r"^(?P<path>examples/[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d{3}) \[(?P<sev>[^\]]+)\] ")
ANSI = re.compile(r"\033\[[0-9;]*m")


def _json(capsys, *args):
    return json.loads(run(capsys, "examples", "--format", "json", *args)[1])["diagnostics"]


def test_text_groups_findings_by_file_with_source_and_caret(in_root, capsys):
    code, out, err = run(capsys, "examples")
    assert code == 1 and not ANSI.search(out)
    lines = out.splitlines()
    expected = _json(capsys)
    # One header per file with findings, in order, each followed by that file's findings only.
    headers = [l for l in lines if l.startswith("examples/") and not FINDING.match(l)]
    assert headers == [f"examples/{f}（{sum(d['path'] == 'examples/' + f for d in expected)} 个问题）" for f in FAULTY]
    current, seen = None, []
    for i, l in enumerate(lines):
        if l in headers:
            current = l.split("（")[0]
        elif (m := FINDING.match(l)):
            assert m["path"] == current
            seen.append((m["path"], int(m["line"]), int(m["col"]), m["code"]))
            # the source line and a caret under the span follow the finding
            assert lines[i + 1].startswith(f"{int(m['line']):>5} | ")
            assert re.fullmatch(r" {6}\| *\^+", lines[i + 2])
    assert seen == [(d["path"], d["line"], d["column"], d["code"]) for d in expected]
    assert "（" not in lines[-1] and lines[-1] == "检查了 6 个文件，发现 20 个问题：错误 12，警告 8，提示 0。"


def test_text_caret_sits_under_the_span(in_root, capsys):
    out = run(capsys, "examples/faulty-2017-bureau.txt")[1].splitlines()
    i = next(i for i, l in enumerate(out) if ": W601 " in l)
    src, caret = out[i + 1].split(" | ", 1)[1], out[i + 2].split("| ", 1)[1]
    # 截止 is two wide characters: four carets under the columns where it stands
    start = caret.index("^")
    assert caret.count("^") == 4
    from reportlint.patterns import display_width

    assert start == display_width(src[: src.index("截止")])


def test_text_english_summary_and_labels(in_root, capsys):
    out = run(capsys, "examples", "--lang", "en")[1].splitlines()
    assert "examples/faulty-2021-tables.txt (6 problems)" in out
    assert any(": D402 [error] " in l for l in out)
    assert out[-1] == "Checked 6 file(s), found 20 problem(s): 12 error(s), 8 warning(s), 0 info."


def test_text_clean_run_is_one_line(in_root, capsys):
    code, out, _ = run(capsys, "examples/clean-2017-department.txt", "examples/clean-2021-department.txt")
    assert code == 0 and out == "检查了 2 个文件，未发现问题。\n"


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_colour_only_on_a_tty_and_never_with_no_color(in_root, capsys, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    plain = run(capsys, "examples/faulty-2017-bureau.txt")[1]
    tty = _Tty()
    monkeypatch.setattr(sys, "stdout", tty)
    from reportlint.cli import main

    main(["check", "examples/faulty-2017-bureau.txt"])
    coloured = tty.getvalue()
    assert "\033[31m错误\033[0m" in coloured and "\033[33m警告\033[0m" in coloured
    assert not ANSI.search(plain) and ANSI.sub("", coloured) == plain  # the same text, without colour off a TTY

    monkeypatch.setenv("NO_COLOR", "1")
    tty = _Tty()
    monkeypatch.setattr(sys, "stdout", tty)
    main(["check", "examples/faulty-2017-bureau.txt"])
    assert not ANSI.search(tty.getvalue())


@pytest.mark.parametrize("env,tty,expected", [({}, True, True), ({}, False, False), ({"NO_COLOR": "1"}, True, False),
                                              ({"NO_COLOR": ""}, True, True)])
def test_use_color(env, tty, expected):
    stream = _Tty() if tty else io.StringIO()
    assert use_color(stream, env) is expected


def test_text_docx_locator_and_unreadable_file():
    r = result("a.docx", "第一段\n截止2017年底，共召开会议3次。\n",
               [diag("a.docx", "W601", (2, 1, 2, 3), "应写“截至”", locator="p4")])
    gone = type(r)("gone.txt", [diag("gone.txt", "E001", (1, 1, 1, 1), "无法读取", severity=Severity.ERROR)], None)
    out = text.format_results([r, gone], FormatOptions()).splitlines()
    assert out[:4] == ["a.docx（1 个问题）", "a.docx:第 4 段: W601 [警告] 应写“截至”",
                       "      | 截止2017年底，共召开会议3次。", "      | ^^^^"]
    assert out[5:7] == ["gone.txt（1 个问题）", "gone.txt:1:1: E001 [错误] 无法读取"]
    assert out[-1].startswith("检查了 2 个文件，发现 2 个问题")


def test_concise_is_one_line_per_finding(in_root, capsys):
    expected = _json(capsys)
    code, out, _ = run(capsys, "examples", "--format", "concise")
    lines = out.splitlines()
    assert code == 1
    assert lines[:-1] == [f"{d['path']}:{d['line']}:{d['column']}: {d['code']} {d['message']}" for d in expected]
    assert lines[-1] == "发现 20 个问题。"
    en = run(capsys, "examples", "--format", "concise", "--lang", "en")[1].splitlines()
    assert en[-1] == "Found 20 problems." and ": W601 '截止'" in "\n".join(en)
    assert run(capsys, "examples/clean-2017-department.txt", "--format", "concise", "--lang", "en")[1] == "No problems found.\n"


def test_concise_locator():
    r = result("a.pdf", "x\n", [diag("a.pdf", "W601", (1, 1, 1, 2), "应写“截至”", "write 截至", locator="pg1l6")])
    assert concise.format_results([r], FormatOptions(lang="en")).splitlines()[0] == "a.pdf:page 1 line 6: W601 write 截至"


def test_formats_need_only_the_original_lines():
    """A result rebuilt from the cache has a Source with lines and nothing else; every format copes."""
    from reportlint.core_plugin import reportlint_formatters
    from reportlint.source import Source

    slim = Source("r.txt", ("截止2017年底，共召开会议3次。",), (), "utf-8")
    r = type(result("x", "", []))("r.txt", [diag("r.txt", "W601", (1, 1, 1, 3), "应写“截至”", "write 截至")], slim)
    for name, fmt in reportlint_formatters().items():
        for lang in ("zh", "en"):
            out = fmt([r], FormatOptions(lang=lang))
            assert "W601" in out, name
