"""The same input gives byte-identical output: run after run, however the folder is written
(``examples/``, ``./examples``, ``examples``), with one worker process or two, in every
output format the registry knows. Paths are printed relative as given, with forward
slashes, no ``./`` and no doubled separators, on every platform (engine.shown_path)."""

from __future__ import annotations

import json
import os

import pytest

from hostile.batch import ROOT
from reportlint.cli import main
from reportlint.engine import shown_path
from reportlint.plugins import load_registry

FORMATS = sorted(load_registry().formatters)
VARIANTS = [("examples/", "1"), ("./examples", "2"), (".//examples", "1")]


def _output(capsys, folder: str, fmt: str, jobs: str) -> str:
    main(["check", folder, "--format", fmt, "--no-cache", "--jobs", jobs])
    out, err = capsys.readouterr()
    return out


@pytest.fixture
def in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_is_identical_across_runs_spellings_and_jobs(in_root, capsys, fmt):
    first, *others = [_output(capsys, folder, fmt, jobs) for folder, jobs in VARIANTS]
    assert first.strip()
    for other in others:
        assert other == first
    assert "./examples" not in first and "examples//" not in first and "\\" + "examples" not in first


def test_paths_are_printed_relative_with_forward_slashes(in_root, capsys):
    paths = {d["path"] for d in json.loads(_output(capsys, "./examples/", "json", "1"))["diagnostics"]}
    assert paths and all(p.startswith("examples/") and "\\" not in p and "/./" not in p for p in paths), paths
    main(["check", "examples//faulty-2017-bureau.txt", "--format", "json", "--no-cache"])
    out = capsys.readouterr().out
    assert {d["path"] for d in json.loads(out)["diagnostics"]} == {"examples/faulty-2017-bureau.txt"}


@pytest.mark.parametrize("given,shown", [
    ("examples/", "examples"), ("./examples//a.txt", "examples/a.txt"), ("a/./b.txt", "a/b.txt"),
    ("/abs/./x.txt", "/abs/x.txt"), ("./a/../b.txt", "a/../b.txt"), (".", "."), ("a.txt", "a.txt")])
def test_shown_path(given, shown):
    assert shown_path(given) == shown


def test_shown_path_on_windows(monkeypatch):
    monkeypatch.setattr(os, "sep", "\\")
    assert shown_path(".\\examples\\a.txt") == "examples/a.txt"
    assert shown_path("C:\\reports\\a.txt") == "C:/reports/a.txt"
    assert shown_path("\\\\server\\share\\a.txt") == "//server/share/a.txt"
