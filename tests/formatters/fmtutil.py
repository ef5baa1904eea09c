"""Helpers for the output-format tests: run the CLI on the bundled examples, build results by hand."""

from __future__ import annotations

import os

import pytest

from reportlint.cli import main
from reportlint.engine import Diagnostic, FileResult
from reportlint.readers.text import source_from_text
from reportlint.rule import Message, Severity
from reportlint.source import Span

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "examples")
EXAMPLE_FILES = sorted(f for f in os.listdir(EXAMPLES) if f.endswith(".txt"))
FAULTY = [f for f in EXAMPLE_FILES if f.startswith("faulty")]


@pytest.fixture
def in_root(monkeypatch):
    """Run from the repository root, so paths print as examples/…"""
    monkeypatch.chdir(ROOT)
    return ROOT


def run(capsys, *args: str) -> tuple[int, str, str]:
    """main(["check", *args]) in-process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def diag(path: str, code: str, span: tuple[int, int, int, int], zh: str, en: str | None = None, *,
         severity: Severity = Severity.WARNING, name: str = "some-rule", locator: str | None = None) -> Diagnostic:
    return Diagnostic(path, code, name, severity, Span(*span), Message(zh, en if en is not None else zh), {},
                      locator=locator)


def result(path: str, text: str, diagnostics: list[Diagnostic]) -> FileResult:
    return FileResult(path, diagnostics, source_from_text(path, text))
