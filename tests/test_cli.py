"""The command line: formats, selection, language, fail-on, exit codes."""

from __future__ import annotations

import json
import os

import pytest

from helpers import report
from reportlint.cli import main

HERE = os.path.dirname(__file__)
SEED_000 = os.path.join(HERE, "fixtures", "000_228735099014d1ff.txt")


@pytest.fixture
def clean(tmp_path):
    p = tmp_path / "clean.txt"
    p.write_text(report(), encoding="utf-8")
    return str(p)


@pytest.fixture
def warn_only(tmp_path):
    p = tmp_path / "warn.txt"
    p.write_text(report(body="截止目前，我局共召开会议3次。"), encoding="utf-8")
    return str(p)


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("reportlint ")


def test_no_command_is_a_usage_error(capsys):
    assert main([]) == 2


def test_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--no-such-option", "x"])
    assert exc.value.code == 2


def test_clean_exits_0(clean, capsys):
    assert main(["check", clean]) == 0
    assert "未发现问题" in capsys.readouterr().out


def test_text_output_shape(capsys):
    assert main(["check", SEED_000]) == 1
    out = capsys.readouterr().out.splitlines()
    first = next(l for l in out if ": C501 " in l)
    assert first.startswith(f"{SEED_000}:40:46: C501 [警告] ")
    i = out.index(first)
    assert out[i + 1].startswith("   40 | 按照《")
    assert out[i + 2].strip().startswith("| ") and "^^^^^^" in out[i + 2]
    assert out[-1].startswith("检查了 1 个文件，发现")


def test_english_messages(capsys):
    main(["check", SEED_000, "--lang", "en"])
    out = capsys.readouterr().out
    assert "C501 [warning] the year in a document number" in out
    assert out.splitlines()[-1].startswith("Checked 1 file(s), found")


def test_json_output(capsys):
    assert main(["check", SEED_000, "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"diagnostics", "summary"}
    d = next(x for x in data["diagnostics"] if x["code"] == "C501")
    assert {k: d[k] for k in ("line", "column", "end_line", "end_column", "severity", "name")} == {
        "line": 40, "column": 46, "end_line": 40, "end_column": 52, "severity": "warning", "name": "document-number-brackets"}
    assert set(d) >= {"path", "code", "name", "severity", "line", "column", "end_line", "end_column", "message", "evidence"}
    assert data["summary"]["files"] == 1 and data["summary"]["total"] == len(data["diagnostics"])


def test_fail_on(warn_only, capsys):
    assert main(["check", warn_only]) == 0
    assert main(["check", warn_only, "--fail-on", "warning"]) == 1
    assert main(["check", warn_only, "--fail-on", "info"]) == 1


def test_select_and_ignore_longest_prefix_wins(capsys):
    main(["check", SEED_000, "--format", "json", "--select", "D", "--ignore", "D4", "--select", "D402"])
    codes = {d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert codes == {"D402"}
    main(["check", SEED_000, "--format", "json", "--ignore", "W6,S1"])
    codes = {d["code"] for d in json.loads(capsys.readouterr().out)["diagnostics"]}
    assert codes == {"C501", "D402"}


def test_unknown_format_exits_2(capsys):
    assert main(["check", SEED_000, "--format", "nope"]) == 2
    assert "nope" in capsys.readouterr().err


def test_missing_file_and_unsupported_suffix_are_e001_and_others_still_linted(tmp_path, clean, capsys):
    odd = tmp_path / "report.xyz"
    odd.write_text("x", encoding="utf-8")
    code = main(["check", str(tmp_path / "missing.txt"), str(odd), SEED_000, "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    by_file = {}
    for d in data["diagnostics"]:
        by_file.setdefault(os.path.basename(d["path"]), []).append(d["code"])
    assert by_file["missing.txt"] == ["E001"] and by_file["report.xyz"] == ["E001"]
    assert "C501" in by_file[os.path.basename(SEED_000)]
    assert code == 1


def test_directory_walk_is_sorted_and_skips_hidden(tmp_path, capsys):
    (tmp_path / "b.txt").write_text(report(), encoding="utf-8")
    (tmp_path / "a.md").write_text(report(body="截止目前，共召开会议3次。"), encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("垃圾", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    main(["check", str(tmp_path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["files"] == 2
    assert [os.path.basename(d["path"]) for d in data["diagnostics"]] == ["a.md"]


def test_rules_and_explain(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"S101", "E900", "W604"} <= {r["code"] for r in rows}
    assert main(["explain", "w601"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("W601 jiezhi-misuse [warning]") and "作用" in out
    assert main(["explain", "Z999"]) == 2


def test_an_unreadable_file_is_reported_even_under_a_narrow_select(tmp_path, capsys):
    """E001 means the file was not checked: --select W601 must not turn that into a pass."""
    from reportlint.cli import main

    bad = tmp_path / "report.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    assert main(["check", str(bad), "--select", "W601", "--no-cache", "--format", "concise"]) == 1
    assert "E001" in capsys.readouterr().out
    assert main(["check", str(bad), "--select", "W601", "--ignore", "E001", "--no-cache"]) == 0
    assert "E001" not in capsys.readouterr().out


def test_top_level_help_lists_every_command_and_a_mistyped_one_exits_2(capsys):
    # A known command builds only its own parser; without one, all are listed.
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in ("check", "rules", "explain", "init", "extract"))
    with pytest.raises(SystemExit) as exc:
        main(["chek", "x.txt"])
    assert exc.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_help_is_as_wide_as_columns_says(capsys, monkeypatch):
    # argparse's width, measured without importing shutil.
    monkeypatch.setenv("COLUMNS", "60")
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert max(map(len, capsys.readouterr().out.splitlines())) <= 60
