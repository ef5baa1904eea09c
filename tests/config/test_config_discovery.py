"""Configuration discovery: the closest file wins, per file; --config and --isolated; CLI over config."""

from __future__ import annotations

import os

import pytest

from cfgutil import found, run, run_json, write
from helpers import frame_line, report
from reportlint import config as config_mod

BODY = "截止目前，我局共召开会议3次。"  # W601 (warning)
TEXT = report(body=BODY)
W601_LINE = frame_line("截止目前", TEXT)


@pytest.fixture
def tree(tmp_path):
    """tmp/reportlint.toml (only W601 and D) with reports in folders that have configs of their own."""
    write(tmp_path / "reportlint.toml", 'select = ["W601", "D"]\n')
    for folder in ("a", "b", "c", "d", "e"):
        write(tmp_path / folder / "r.txt", TEXT)
    write(tmp_path / "b" / ".reportlint.toml", 'ignore = ["W601"]\n')
    write(tmp_path / "c" / "pyproject.toml", """
        [project]
        name = "c"
        [tool.reportlint]
        select = ["D"]
        """)
    # a pyproject.toml that mentions reportlint but has no [tool.reportlint]: skipped, the lookup goes on up
    write(tmp_path / "d" / "pyproject.toml", """
        [project]
        name = "d"
        dependencies = ["reportlint"]
        """)
    write(tmp_path / "e" / "deeper" / "r.txt", TEXT)
    write(tmp_path / "e" / "reportlint.toml", 'select = ["S"]\n')
    return tmp_path


def test_closest_configuration_wins_per_file(tree, capsys):
    code, data = run_json(capsys, "check", str(tree), "--fail-on", "warning")
    assert found(data) == [("r.txt", "W601", W601_LINE), ("r.txt", "W601", W601_LINE)]
    paths = sorted(os.path.relpath(d["path"], tree) for d in data["diagnostics"])
    assert paths == [os.path.join("a", "r.txt"), os.path.join("d", "r.txt")]
    assert data["summary"]["files"] == 6
    assert code == 1


def test_order_within_one_folder(tmp_path, capsys):
    write(tmp_path / "r.txt", TEXT)
    write(tmp_path / "pyproject.toml", '[tool.reportlint]\nselect = ["D"]\n')
    write(tmp_path / "reportlint.toml", 'select = ["W"]\n')
    _, data = run_json(capsys, "check", str(tmp_path / "r.txt"))
    assert found(data) == [("r.txt", "W601", W601_LINE)]  # reportlint.toml before pyproject.toml
    write(tmp_path / ".reportlint.toml", 'select = ["D"]\n')
    _, data = run_json(capsys, "check", str(tmp_path / "r.txt"))
    assert found(data) == []  # .reportlint.toml first of all


def test_find_config_caches_every_folder_on_the_way(tree, monkeypatch):
    cache: dict = {}
    deeper = str(tree / "e" / "deeper")
    assert config_mod.find_config(deeper, cache) == str(tree / "e" / "reportlint.toml")
    assert cache[deeper] == cache[str(tree / "e")] == str(tree / "e" / "reportlint.toml")
    calls = []
    monkeypatch.setattr(os.path, "isfile", lambda p: calls.append(p) or False)
    assert config_mod.find_config(deeper, cache) == str(tree / "e" / "reportlint.toml")
    assert calls == []  # answered from the cache, no file system access


def test_pyproject_without_the_table_is_not_a_configuration(tree):
    assert config_mod.find_config(str(tree / "d")) == str(tree / "reportlint.toml")
    assert config_mod.find_config(str(tree / "c")) == str(tree / "c" / "pyproject.toml")


def test_explicit_config_applies_to_every_file(tree, capsys):
    cfg = write(tree / "elsewhere" / "only-w.toml", 'select = ["W601"]\n')
    _, data = run_json(capsys, "check", str(tree), "--config", cfg)
    assert [c for _, c, _ in found(data)] == ["W601"] * 6


def test_isolated_ignores_every_configuration(tree, capsys):
    _, data = run_json(capsys, "check", str(tree / "c" / "r.txt"), "--isolated", "--select", "W601")
    assert found(data) == [("r.txt", "W601", W601_LINE)]


def test_config_and_isolated_together_is_a_usage_error(tree, capsys):
    with pytest.raises(SystemExit) as exc:
        run(capsys, "check", str(tree), "--isolated", "--config", str(tree / "reportlint.toml"))
    assert exc.value.code == 2


@pytest.mark.parametrize("content,needle", [
    (None, "no such file"),
    ('[project]\nname = "x"\n', "no [tool.reportlint] table"),
])
def test_bad_explicit_config_exits_2(tmp_path, capsys, content, needle):
    target = write(tmp_path / "r.txt", TEXT)
    cfg = tmp_path / "pyproject.toml"
    if content is not None:
        write(cfg, content)
    code, out, err = run(capsys, "check", target, "--config", str(cfg))
    assert code == 2 and needle in err and "pyproject.toml" in err and "Traceback" not in err


def test_cli_flags_override_the_configuration(tmp_path, capsys):
    target = write(tmp_path / "r.txt", report(body=BODY + "\n\n我局于2017年 月 日召开会议。"))
    write(tmp_path / "reportlint.toml", 'select = ["D"]\nextend-select = ["S106"]\nignore = ["W6"]\n')
    _, data = run_json(capsys, "check", target)
    assert [c for _, c, _ in found(data)] == ["D402"]
    _, data = run_json(capsys, "check", target, "--select", "S106")  # replaces select and extend-select
    assert [c for _, c, _ in found(data)] == []
    _, data = run_json(capsys, "check", target, "--select", "W6")  # the configured ignore W6 still holds (a tie: ignore wins)
    assert [c for _, c, _ in found(data)] == []
    _, data = run_json(capsys, "check", target, "--select", "W601", "--ignore", "D")  # --ignore replaces ignore
    assert [c for _, c, _ in found(data)] == ["W601"]
    _, data = run_json(capsys, "check", target, "--extend-select", "W601", "--ignore", "X")
    assert [c for _, c, _ in found(data)] == ["D402", "W601"]


def test_fail_on_and_lang_from_the_configuration(tmp_path, capsys):
    target = write(tmp_path / "r.txt", TEXT)
    write(tmp_path / "reportlint.toml", 'fail-on = "warning"\nlang = "en"\n')
    code, out, _ = run(capsys, "check", target)
    assert code == 1
    assert "W601 [warning] '截止' (to stop)" in out and out.splitlines()[-1].startswith("Checked 1 file(s), found 1")
    code, out, _ = run(capsys, "check", target, "--fail-on", "error", "--lang", "zh")
    assert code == 0 and "W601 [警告]" in out


def test_fail_on_is_per_file(tmp_path, capsys):
    strict = write(tmp_path / "strict" / "r.txt", TEXT)
    lax = write(tmp_path / "lax" / "r.txt", TEXT)
    write(tmp_path / "strict" / "reportlint.toml", 'fail-on = "warning"\n')
    assert run(capsys, "check", lax)[0] == 0
    assert run(capsys, "check", lax, strict)[0] == 1
