"""Fixes never lose data: SIGKILL during ``--fix`` leaves the original or the fully fixed file,
a file changed during the write is left alone, a link met in a folder is not written through.

Encoding, BOM and line endings surviving a fix, and a file changed between the check and the
write, are covered in tests/test_fix.py (test_encoding_bom_and_mixed_line_endings_are_kept,
test_file_changed_on_disk_is_not_overwritten); the kill test below also runs on a GB18030 CRLF copy.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import report
from hostile.batch import GOOD, ROOT, run
from reportlint.cli import main
from reportlint.engine import Linter
from reportlint.fix import FixError, fix_file, write_atomic

KILLFIX = Path(__file__).with_name("killfix.py")
TEMP_RE = re.compile(r"^\.report\.txt\.[A-Za-z0-9_]+\.reportlint-tmp$")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGKILL (POSIX)")
@pytest.mark.parametrize("encoding,newline", [("utf-8", "\n"), ("gb18030", "\r\n")])
def test_kill_during_fix_never_tears_the_file(tmp_path, capsys, encoding, newline):
    source = tmp_path / "source.txt"
    source.write_bytes(GOOD.read_text(encoding="utf-8").replace("\n", newline).encode(encoding))
    work = tmp_path / "work"
    work.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""), REPORTLINT_NO_CACHE="1")
    proc = subprocess.run([sys.executable, str(KILLFIX), str(work), "24", str(source)], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    head, *kills = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert head["changed"] and head["chunks"] > 8 and len(kills) > 24
    fixed = (work / "reference" / "report.txt").read_bytes()
    assert fixed.decode(encoding).count(newline) == source.read_bytes().decode(encoding).count(newline)
    states = [k["state"] for k in kills]
    assert "torn" not in states, kills
    assert {"original", "fixed"} <= set(states), kills  # the kills straddle the replace
    exact = {k["kill_at"][0]: k["state"] for k in kills if k["kill_at"]}
    assert all(k["reached"] == "chunk" and k["state"] == "original" for k in kills if k["kill_at"] and k["kill_at"][0] == "chunk")
    assert exact["replace"] == "original" and exact["replaced"] == "fixed", exact  # just before / after the swap
    for k in kills:
        leftovers = [n for n in k["beside"] if n != "report.txt"]
        assert all(TEMP_RE.match(n) for n in leftovers), k
        if k["state"] == "fixed":
            assert not leftovers, k
    # A temporary file left by a kill is hidden: a later check skips it and a later --fix completes.
    folder = next(work / f"kill{i:02d}" for i, k in enumerate(kills) if len(k["beside"]) > 1)
    rc, out, err = run(capsys, str(folder), "--format", "json")
    assert {d["path"] for d in json.loads(out)["diagnostics"]} == {str(folder / "report.txt")}
    main(["check", "--fix", "--isolated", "--no-cache", "--jobs", "1", str(folder)])
    capsys.readouterr()
    assert (folder / "report.txt").read_bytes() == fixed


def test_file_changed_during_the_write_is_not_replaced(tmp_path, monkeypatch):
    """The last look before the swap: an edit made while the temporary file was written wins."""
    import reportlint.fix as fixmod

    p = tmp_path / "r.txt"
    p.write_text(report(2017, "截止目前，共召开会议3次。"), encoding="utf-8")
    out = fix_file(Linter(), str(p))
    real_fsync = os.fsync

    def edit_meanwhile(fd):
        real_fsync(fd)
        p.write_text(report(2017, "有人同时在编辑。"), encoding="utf-8")

    monkeypatch.setattr(fixmod.os, "fsync", edit_meanwhile)
    with pytest.raises(FixError):
        write_atomic(str(p), out.fixed, expected=out.original)
    monkeypatch.undo()
    assert "有人同时在编辑" in p.read_text(encoding="utf-8")
    assert os.listdir(tmp_path) == ["r.txt"]  # the temporary file is removed


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_fix_does_not_write_through_a_link_found_in_a_folder(tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "elsewhere.txt"
    shutil.copyfile(GOOD, target)
    folder = tmp_path / "repo"
    folder.mkdir()
    os.symlink(target, folder / "link.txt")
    main(["check", "--fix", "--isolated", "--no-cache", "--jobs", "1", str(folder)])
    err = capsys.readouterr().err
    assert target.read_bytes() == GOOD.read_bytes()
    assert "符号链接" in err
    # Named on the command line, the link's target is fixed (as for any editor's save).
    main(["check", "--fix", "--isolated", "--no-cache", "--jobs", "1", str(folder / "link.txt")])
    capsys.readouterr()
    assert target.read_bytes() != GOOD.read_bytes() and os.path.islink(folder / "link.txt")
