"""A plain one-file check stays fast: no jsonschema (nor tomllib) unless a configuration file is found."""

from __future__ import annotations

import re

from cfgutil import subprocess_run, write
from helpers import report


def _imported(stderr: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", stderr, re.M)}


def test_plain_check_does_not_import_jsonschema(tmp_path):
    write(tmp_path / "r.txt", report())
    proc = subprocess_run("check", "r.txt", cwd=tmp_path, python_args=("-X", "importtime"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    modules = _imported(proc.stderr)
    assert "reportlint.config" in modules  # the configuration path ran …
    assert not {m for m in modules if m.split(".")[0] in ("jsonschema", "tomllib", "tomli", "referencing")}


def test_jsonschema_only_when_a_configuration_is_found(tmp_path):
    write(tmp_path / "r.txt", report())
    write(tmp_path / "reportlint.toml", 'lang = "zh"\n')
    proc = subprocess_run("check", "r.txt", cwd=tmp_path, python_args=("-X", "importtime"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert {"jsonschema", "tomllib"} <= _imported(proc.stderr)


def test_a_pyproject_without_our_name_is_not_parsed(tmp_path):
    write(tmp_path / "r.txt", report())
    write(tmp_path / "pyproject.toml", '[project]\nname = "other"\n')
    proc = subprocess_run("check", "r.txt", cwd=tmp_path, python_args=("-X", "importtime"))
    assert proc.returncode == 0
    assert "tomllib" not in _imported(proc.stderr) and "jsonschema" not in _imported(proc.stderr)
