"""Lint a hostile input beside a good report through ``reportlint.cli.main``.

Every hostile case asserts the same things: the hostile file gets exactly the
expected code with a meaningful message in Chinese and in English, the text
output has a clear ``path:line:col: CODE`` line, no traceback is printed, and the
good file in the same run is linted exactly as when it is linted alone.
"""

from __future__ import annotations

import json
import shutil
from functools import lru_cache
from pathlib import Path

from reportlint.cli import main
from reportlint.engine import Linter

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "examples" / "faulty-2017-bureau.txt"


@lru_cache(maxsize=None)
def good_alone() -> tuple[tuple[str, int], ...]:
    result = Linter().lint_file(str(GOOD))
    return tuple(sorted((d.code, d.line) for d in result.diagnostics))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args, "--isolated", "--no-cache", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err, out + err
    return code, out, err


def by_path(out: str) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for d in json.loads(out)["diagnostics"]:
        found.setdefault(d["path"], []).append(d)
    return found


def check_hostile(tmp_path: Path, capsys, hostile: Path, code: str, zh: str, en: str, *, line: int = 1) -> dict:
    """Lint ``hostile`` with a good report; assert one ``code`` finding whose message holds ``zh`` / ``en``."""
    good = tmp_path / "good-companion.txt"
    shutil.copyfile(GOOD, good)
    rc, out, err = run(capsys, str(hostile), str(good), "--lang", "en", "--format", "json")
    found = by_path(out)
    mine = found.get(str(hostile), [])
    assert [d["code"] for d in mine] == [code], mine
    assert en in mine[0]["message"], mine[0]["message"]
    assert mine[0]["line"] == line
    assert tuple(sorted((d["code"], d["line"]) for d in found[str(good)])) == good_alone()
    assert rc == 1
    rc, out, err = run(capsys, str(hostile), str(good))  # text, Chinese
    lines = [ln for ln in out.splitlines() if ln.startswith(f"{hostile}:{line}:")]
    assert len(lines) == 1 and f" {code} " in lines[0] and zh in lines[0], out[:2000]
    assert f"{good}:" in out
    return mine[0]
