"""--output, --statistics, --format help/errors, and the progress counter."""

from __future__ import annotations

import io
import json
import os

import pytest

from fmtutil import in_root, run  # noqa: F401
from helpers import report
from reportlint.cli import main
from reportlint.formatters import write_output
from reportlint.progress import Progress, for_stream

FORMATS = ["text", "concise", "json", "sarif", "github", "junit", "html"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_file_gets_exactly_what_stdout_would(in_root, capsys, tmp_path, fmt):
    code, expected, _ = run(capsys, "examples", "--format", fmt)
    target = tmp_path / f"out.{fmt}"
    code2, out, err = run(capsys, "examples", "--format", fmt, "--output", str(target))
    assert code2 == code == 1 and out == "" and err == ""
    assert target.read_text("utf-8") == expected
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # an ordinary file, not mkstemp's private 0600
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left behind


def test_output_file_replaced_atomically_and_errors(in_root, capsys, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    write_output(str(target), "new\n")
    assert target.read_text("utf-8") == "new\n"
    code, out, err = run(capsys, "examples", "--output", str(tmp_path / "missing" / "x.txt"))
    assert code == 2 and out == "" and "无法写入 / cannot write" in err


def test_statistics_replace_the_listing(in_root, capsys):
    data = json.loads(run(capsys, "examples", "--format", "json", "--ignore", "T")[1])
    code, out, _ = run(capsys, "examples", "--statistics", "--ignore", "T")
    lines = out.splitlines()
    assert code == 1 and lines[-1] == "检查了 6 个文件，发现 15 个问题：错误 7，警告 8，提示 0。"
    rows = [l.split(None, 3) for l in lines[:-1]]
    by_code = data["summary"]["by_code"]
    assert [(r[1], int(r[0])) for r in rows] == sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))
    d401 = next(r for r in rows if r[1] == "D401")
    assert d401[2:] == ["invalid-date", "不存在的日期"]
    en = run(capsys, "examples", "--statistics", "--lang", "en")[1].splitlines()
    assert any(l.split(None, 3)[1:] == ["D401", "invalid-date", "A date that does not exist"] for l in en)
    assert en[-1].startswith("Checked 6 file(s), found 20 problem(s)")


def test_statistics_counts_sorted_by_count_then_code(tmp_path, capsys):
    p = tmp_path / "r.txt"
    p.write_text(report(body="截止2017年底，我局召开会议3次。请与XX局办公室联系，或与XX科联系，或致电XXXX。"),
                 encoding="utf-8")
    args = (str(p), "--isolated", "--select", "W601,W604")
    counts = json.loads(run(capsys, *args, "--format", "json")[1])["summary"]["by_code"]
    assert counts["W604"] > counts["W601"] >= 1  # the count decides before the code
    out = run(capsys, *args, "--statistics")[1].splitlines()
    assert [l.split()[:2] for l in out[:-1]] == [[str(counts["W604"]), "W604"], [str(counts["W601"]), "W601"]]
    rows = json.loads(run(capsys, *args, "--statistics", "--format", "json")[1])
    assert rows[1] == {"code": "W601", "name": "jiezhi-misuse", "severity": "warning", "count": counts["W601"],
                       "fixable": True, "description": "“截止”误用为“截至”"}
    assert [r["code"] for r in rows] == ["W604", "W601"]


def test_unknown_format_is_exit_2_and_help_lists_formats(capsys):
    code, out, err = run(capsys, "examples", "--format", "xml")
    assert code == 2 and out == "" and "unknown format 'xml'" in err
    assert all(f in err for f in FORMATS)
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    helptext = " ".join(capsys.readouterr().out.split())
    assert "text (default), concise, json, sarif, github, junit, html" in helptext
    assert "--output" in helptext and "--statistics" in helptext


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_counter_on_a_tty():
    stream = _Tty()
    p = Progress(stream, "zh", interval=0)
    for i in range(1, 26):
        p(i, 25)
    written = stream.getvalue()
    assert written.startswith("\r检查中 1/25（4%）") and "\r检查中 25/25（100%）" in written and "\n" not in written
    p.close()
    assert stream.getvalue().endswith("\r" + " " * (2 * len("检查中 25/25（100%）")) + "\r")
    p.close()  # closing twice writes nothing more
    assert stream.getvalue().count("\r") == written.count("\r") + 2


def test_progress_silent_for_small_batches_and_non_tty():
    stream = _Tty()
    with Progress(stream, "en", interval=0) as p:
        for i in range(1, 20):
            p(i, 19)
    assert stream.getvalue() == ""
    assert for_stream(io.StringIO()) is None
    assert isinstance(for_stream(_Tty(), "en"), Progress)
    stream = _Tty()
    with Progress(stream, "en", interval=0) as p:
        p(1, 40)
    assert stream.getvalue().startswith("\rChecking 1/40 (2%)")


def test_progress_throttled():
    stream = _Tty()
    p = Progress(stream, "en", interval=3600)
    for i in range(1, 101):
        p(i, 100)
    # the first call and the last (done == total) draw; the ones between are within the interval
    assert stream.getvalue().count("\r") == 2 and "100/100" in stream.getvalue()


def test_progress_wired_into_check(tmp_path, capsys, monkeypatch):
    body = report(body="截止2017年底，我局召开会议3次。")
    for i in range(25):
        (tmp_path / f"r{i:02}.txt").write_text(body, encoding="utf-8")
    tty = _Tty()
    monkeypatch.setattr("sys.stderr", tty)
    capsys.readouterr()
    assert main(["check", str(tmp_path), "--isolated", "--no-cache", "--format", "json", "--jobs", "1"]) == 0
    data = json.loads(capsys.readouterr().out)  # stdout stays pure JSON
    assert data["summary"]["files"] == 25
    err = tty.getvalue()
    assert "\r检查中 25/25（100%）" in err and err.endswith("\r") and "\n" not in err
    # not a terminal: nothing at all
    monkeypatch.setattr("sys.stderr", io.StringIO())
    main(["check", str(tmp_path), "--isolated", "--no-cache", "--format", "json"])
    assert __import__("sys").stderr.getvalue() == ""
