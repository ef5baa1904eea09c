"""Helpers for the configuration tests: write files, run the CLI in-process or as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import uuid

from reportlint.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "examples")
NINGXIA = os.path.join(EXAMPLES, "plugins", "reportlint-ningxia")
HOUSE_STYLE = os.path.join(EXAMPLES, "packs", "house-style.toml")


def write(path, text: str) -> str:
    path = str(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(textwrap.dedent(text).lstrip("\n"))
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    """main(args) in-process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *args: str) -> tuple[int, dict]:
    code, out, err = run(capsys, *args, "--format", "json")
    assert out, err
    return code, json.loads(out)


def found(data: dict, codes: str | tuple[str, ...] = "") -> list[tuple[str, str, int]]:
    """Sorted (file name, code, line) of a JSON run, optionally only codes starting with ``codes``."""
    prefixes = (codes,) if isinstance(codes, str) else codes
    return sorted((os.path.basename(d["path"]), d["code"], d["line"]) for d in data["diagnostics"]
                  if d["code"].startswith(prefixes))


def subprocess_run(*args: str, cwd, env_extra: dict | None = None, python_args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run([sys.executable, *python_args, "-m", "reportlint", *args], capture_output=True, text=True,
                          cwd=str(cwd), env=env, encoding="utf-8")


def unique(prefix: str = "rl_local") -> str:
    """A module name no other test uses (local plugins are imported into sys.modules)."""
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


OPTION_RULE = '''
from reportlint.hookspecs import hookimpl
from reportlint.rule import Rule, Severity


class Words(Rule):
    """报告提到了配置的词（LP101）。"""

    code = "LP101"
    name = "configured-words"
    severity = Severity.WARNING
    options = {"words": ["微博"], "threshold": 0.8, "limit": 3, "enabled": True, "label": "词"}

    def check(self, report, ctx):
        if not ctx.options["enabled"]:
            return
        for p in report.paragraphs:
            for w in ctx.options["words"]:
                i = p.text.find(w)
                if i >= 0:
                    yield self.finding(p.span(i, i + len(w)), f"提到了{ctx.options['label']}“{w}”", f"mentions {w}",
                                       threshold=ctx.options["threshold"], limit=ctx.options["limit"])


@hookimpl
def reportlint_rules():
    return [Words]
'''
