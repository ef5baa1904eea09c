"""Baselines: --write-baseline records, --baseline hides exactly those, stale entries are reported."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from cfgutil import EXAMPLES, found, run, run_json, write
from helpers import frame_line, report
from reportlint.baseline import context, fingerprint

NEW_DEFECT = "截止目前，我局共召开会议3次。"


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in sorted(os.listdir(EXAMPLES)):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(EXAMPLES, name), folder / name)
    return folder


def _lines(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read().split("\n")


def _save(path, lines):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


def test_round_trip_hides_exactly_the_recorded_findings(reports, tmp_path, capsys):
    _, before = run_json(capsys, "check", str(reports), "--fail-on", "info")
    total = len(before["diagnostics"])
    assert total >= 10
    bl = str(tmp_path / "baseline.json")
    code, out, err = run(capsys, "check", str(reports), "--write-baseline", bl)
    assert code == 0 and out.strip() == f"已将 {total} 个问题记录到基线 {bl} / recorded {total} finding(s) in {bl}"
    data = json.load(open(bl, encoding="utf-8"))
    assert data["reportlint-baseline"] == 1 and len(data["entries"]) == total
    assert {e["path"] for e in data["entries"]} == {"reports/" + os.path.basename(d["path"]) for d in before["diagnostics"]}
    code, after = run_json(capsys, "check", str(reports), "--baseline", bl, "--fail-on", "info")
    assert (code, after["diagnostics"]) == (0, [])
    assert after["summary"]["baseline"] == {"files": [bl], "hidden": total, "stale": []}
    assert after["summary"]["total"] == 0


def test_edits_elsewhere_keep_the_fingerprints(reports, tmp_path, capsys):
    bl = str(tmp_path / "baseline.json")
    run(capsys, "check", str(reports), "--write-baseline", bl)
    bureau = reports / "faulty-2017-bureau.txt"
    lines = _lines(bureau)
    # three lines more at the top (every line number moves), a paragraph re-wrapped with blanks,
    # and one new defect
    lines[2:2] = ["", "本报告经局长办公会审议通过。", ""]
    i = next(k for k, l in enumerate(lines) if "截止2017年底" in l)
    lines[i] = lines[i].replace("截止2017年底，", "截止2017年底 ，\u3000")
    lines.insert(i + 1, "")
    lines.insert(i + 2, NEW_DEFECT)
    _save(bureau, lines)
    code, data = run_json(capsys, "check", str(reports), "--baseline", bl, "--fail-on", "info")
    assert found(data) == [("faulty-2017-bureau.txt", "W601", i + 3)]
    assert data["summary"]["baseline"]["stale"] == []
    assert code == 1  # the new W601 is a warning, at --fail-on info


def test_fixed_findings_are_reported_as_stale(reports, tmp_path, capsys):
    bl = str(tmp_path / "baseline.json")
    run(capsys, "check", str(reports), "--write-baseline", bl)
    bureau = reports / "faulty-2017-bureau.txt"
    lines = _lines(bureau)
    lines[14] = lines[14].replace("截止2017年底", "截至2017年底")  # line 15: W601 fixed
    _save(bureau, lines)
    code, data = run_json(capsys, "check", str(reports), "--baseline", bl)
    assert found(data) == []
    stale = data["summary"]["baseline"]["stale"]
    assert [(s["path"], s["code"], s["line"], s["context"]) for s in stale] == [
        ("reports/faulty-2017-bureau.txt", "W601", 15, "截止")]
    code, out, _ = run(capsys, "check", str(reports), "--baseline", bl)
    tail = out.splitlines()[-4:]
    assert tail[0] == f"基线 {bl} 隐藏了 {data['summary']['baseline']['hidden']} 个已记录的问题。"
    assert tail[1] == "基线中有 1 条记录已不再出现（问题已修正或已改动），可用 --write-baseline 更新："
    assert tail[2] == "  失效: reports/faulty-2017-bureau.txt（原第 15 行）: W601 “截止”"
    assert tail[3] == "检查了 6 个文件，未发现问题。"
    code, out, _ = run(capsys, "check", str(reports), "--baseline", bl, "--lang", "en")
    assert "  stale: reports/faulty-2017-bureau.txt (was line 15): W601 “截止”" in out.splitlines()
    assert "1 baseline entry no longer found (fixed or changed); refresh with --write-baseline:" in out.splitlines()


def test_duplicates_are_counted_by_occurrence(tmp_path, capsys):
    target = tmp_path / "r.txt"
    text = report(body=f"{NEW_DEFECT}\n\n{NEW_DEFECT}")
    write(target, text)
    bl = str(tmp_path / "b.json")
    run(capsys, "check", str(target), "--select", "W601", "--write-baseline", bl)
    assert [e["occurrence"] for e in json.load(open(bl, encoding="utf-8"))["entries"]] == [0, 1]
    write(target, report(body=f"{NEW_DEFECT}\n\n{NEW_DEFECT}\n\n{NEW_DEFECT}"))
    _, data = run_json(capsys, "check", str(target), "--select", "W601", "--baseline", bl)
    third = frame_line(NEW_DEFECT, text) + 4
    assert found(data) == [("r.txt", "W601", third)]  # the third one is new
    write(target, report(body=NEW_DEFECT))
    _, data = run_json(capsys, "check", str(target), "--select", "W601", "--baseline", bl)
    assert found(data) == []
    assert [(s["code"], s["occurrence"]) for s in data["summary"]["baseline"]["stale"]] == [("W601", 1)]


def test_stale_only_for_files_and_codes_checked(reports, tmp_path, capsys):
    bl = str(tmp_path / "baseline.json")
    run(capsys, "check", str(reports), "--write-baseline", bl)
    one = str(reports / "faulty-2017-bureau.txt")
    _, data = run_json(capsys, "check", one, "--baseline", bl)  # the other files were not linted: not stale
    assert data["summary"]["baseline"]["stale"] == []
    _, data = run_json(capsys, "check", one, "--baseline", bl, "--select", "W601")  # other codes not checked: not stale
    assert data["summary"]["baseline"]["stale"] == [] and data["summary"]["baseline"]["hidden"] == 1
    os.remove(reports / "clean-2017-department.txt")
    n = sum(1 for e in json.load(open(bl, encoding="utf-8"))["entries"] if e["path"] == "reports/clean-2017-department.txt")
    _, data = run_json(capsys, "check", one, "--baseline", bl)  # a deleted file's entries are stale
    assert len(data["summary"]["baseline"]["stale"]) == n


def test_baseline_from_the_configuration_is_relative_to_it(reports, tmp_path, capsys):
    os.makedirs(tmp_path / "ci")
    bl = str(tmp_path / "ci" / "known.json")
    run(capsys, "check", str(reports), "--write-baseline", bl)
    write(tmp_path / "reportlint.toml", 'baseline = "ci/known.json"\n')
    cwd = os.getcwd()
    os.chdir(reports)
    try:
        code, data = run_json(capsys, "check", ".", "--fail-on", "info")
    finally:
        os.chdir(cwd)
    assert (code, data["diagnostics"]) == (0, [])
    assert data["summary"]["baseline"]["hidden"] >= 10


def test_errors_hidden_by_the_baseline_do_not_fail(reports, tmp_path, capsys):
    bl = str(tmp_path / "b.json")
    bureau = str(reports / "faulty-2017-bureau.txt")
    assert run(capsys, "check", bureau)[0] == 1
    run(capsys, "check", bureau, "--write-baseline", bl)
    assert run(capsys, "check", bureau, "--baseline", bl)[0] == 0


@pytest.mark.parametrize("content,needle", [
    (None, "baseline file not found (create it with --write-baseline)"),
    ("{not json", "the baseline is not valid JSON"),
    ('{"entries": []}', "not a reportlint baseline (version 1)"),
    ('{"reportlint-baseline": 1, "entries": [{"path": "r.txt", "code": "W601", "fingerprint": "x", "occurrence": "0"}]}',
     "not a reportlint baseline (version 1)"),
])
def test_bad_baseline_exits_2(tmp_path, capsys, content, needle):
    target = write(tmp_path / "r.txt", report())
    bl = tmp_path / "b.json"
    if content is not None:
        bl.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "check", target, "--baseline", str(bl))
    assert code == 2 and needle in err and str(bl) in err and "Traceback" not in err


def test_fingerprint_ignores_whitespace_and_line_numbers():
    from reportlint.engine import Linter
    from reportlint.readers.text import source_from_text

    a = report(body=NEW_DEFECT)
    b = "\n\n\n" + report(body="截止 目前，我局\u3000共召开会议3次。")
    linter = Linter()
    fps = []
    for text in (a, b):
        result = linter.lint_source(source_from_text("x.txt", text))
        (d,) = [d for d in result.diagnostics if d.code == "W601"]
        flat = ("\n".join(result.source.lines), [sum(len(l) + 1 for l in result.source.lines[:i])
                                                 for i in range(len(result.source.lines))])
        fps.append(fingerprint(d.code, context(d, flat)))
    assert fps[0] == fps[1]
