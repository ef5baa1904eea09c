"""The engine: read, parse, run the selected rules, collect diagnostics.

It isolates every failure to the file and rule it belongs to: an unreadable
file becomes E001, a file without report structure E002, a rule that raises or
returns something that is not a finding E900 — and the other rules and files
still run.
"""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from reportlint.model import Report
from reportlint.parse import ParseError, parse_source
from reportlint.plugins import Registry, load_registry
from reportlint.readers import ReadError
from reportlint.rule import Edit, Finding, Message, Rule, RuleContext, Severity
from reportlint.selection import is_selected
from reportlint.source import Source, Span

# Refuse to read files larger than this; a report is rarely over 1 MB.
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told (CLI flags now, configuration files later)."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    lang: str = "zh"
    verbose: bool = False
    profile: str = "national"
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Diagnostic:
    """A finding with the engine's additions: file, code, name and severity."""

    path: str
    code: str
    name: str
    severity: Severity
    span: Span
    message: Message
    evidence: Mapping[str, Any] = field(default_factory=dict)
    fix: tuple[Edit, ...] = ()

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple:
        # Stable sort: findings of one rule at one place keep the rule's order.
        return (self.span.line, self.span.column, self.code)

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "message": self.message.get(lang),
            "evidence": {k: _jsonable(v) for k, v in self.evidence.items()},
            "fixable": bool(self.fix),
        }


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic]
    source: Source | None = None
    report: Report | None = None


_FILE_START = Span(1, 1, 1, 1)


class Linter:
    def __init__(self, settings: Settings | None = None, registry: Registry | None = None) -> None:
        self.settings = settings or Settings()
        self.registry = registry or load_registry()
        s = self.settings
        self.active: list[Rule] = [r for code, r in self.registry.rules.items()
                                   if not r.engine_only and is_selected(code, s.select, s.ignore)]
        self.profile = self.registry.profiles.get(s.profile) or self.registry.profiles["national"]

    # -- diagnostics the engine raises itself -------------------------------------------
    def _engine(self, path: str, code: str, zh: str, en: str, span: Span = _FILE_START, **evidence) -> list[Diagnostic]:
        if not is_selected(code, self.settings.select, self.settings.ignore):
            return []
        rule = self.registry.rules.get(code)
        name = rule.name if rule else code
        severity = rule.severity if rule else Severity.ERROR
        return [Diagnostic(path, code, name, severity, span, Message(zh, en), evidence)]

    # -- entry points ----------------------------------------------------------------------
    def lint_paths(self, paths: Iterable[str]) -> list[FileResult]:
        results = []
        for path, explicit in discover(paths, self.registry.readers):
            results.append(self.lint_file(path, explicit=explicit))
        return results

    def lint_file(self, path: str, *, explicit: bool = True) -> FileResult:
        suffix = os.path.splitext(path)[1].lower()
        reader = self.registry.readers.get(suffix)
        if reader is None:
            known = " ".join(sorted(self.registry.readers))
            return FileResult(path, self._engine(
                path, "E001", f"不支持的文件格式“{suffix or '（无扩展名）'}”（支持：{known}）",
                f"unsupported file format '{suffix or '(no suffix)'}' (supported: {known})"))
        try:
            size = os.path.getsize(path)
            if size > MAX_FILE_BYTES:
                return FileResult(path, self._engine(
                    path, "E001", f"文件过大（{size // 1048576} MB，上限 {MAX_FILE_BYTES // 1048576} MB）",
                    f"file too large ({size // 1048576} MB, limit {MAX_FILE_BYTES // 1048576} MB)"))
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return FileResult(path, self._engine(path, "E001", f"无法读取文件：{reason}", f"cannot read file: {reason}"))
        return self.lint_bytes(path, data, reader)

    def lint_bytes(self, path: str, data: bytes, reader=None) -> FileResult:
        if reader is None:
            reader = self.registry.readers.get(os.path.splitext(path)[1].lower()) or self.registry.readers[".txt"]
        try:
            source = reader(path, data)
        except ReadError as exc:
            return FileResult(path, self._engine(path, "E001", exc.zh, exc.en))
        except Exception as exc:  # a reader bug must not hide the other files
            return FileResult(path, self._engine(path, "E001", f"读取文件时出错：{type(exc).__name__}: {exc}",
                                                 f"error while reading the file: {type(exc).__name__}: {exc}"))
        return self.lint_source(source)

    def lint_source(self, source: Source) -> FileResult:
        path = source.path
        try:
            report = parse_source(source)
        except (ParseError, RecursionError, ValueError) as exc:
            return FileResult(path, self._engine(path, "E002", f"无法识别报告结构：{exc}", f"cannot recognise the report structure: {exc}"), source)
        diagnostics = self._run_rules(report)
        diagnostics.sort(key=Diagnostic.sort_key)
        return FileResult(path, diagnostics, source, report)

    # -- rules -----------------------------------------------------------------------------
    def _applies(self, rule: Rule, report: Report) -> bool:
        if "structure" in rule.requires and not report.headings:
            return False
        if "year" in rule.requires and report.year is None:
            return False
        if report.era is not None and report.era not in rule.eras:
            return False
        if report.era is None and len(rule.eras) < 3:
            return False  # an era-specific rule cannot decide without the era
        return True

    def _run_rules(self, report: Report) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        for rule in self.active:
            if not self._applies(rule, report):
                continue
            options = {**rule.options, **self.settings.rule_options.get(rule.code, {})}
            ctx = RuleContext(options, self.profile)
            try:
                findings = list(rule.check(report, ctx) or ())
                bad = next((f for f in findings if not isinstance(f, Finding) or not isinstance(f.span, Span)), None)
                if bad is not None:
                    raise TypeError(f"check() returned {type(bad).__name__}, not a Finding with a Span")
            except Exception as exc:
                tb = traceback.format_exc() if self.settings.verbose else ""
                out.extend(self._engine(report.path, "E900",
                                        f"规则 {rule.code}（{rule.name}）运行出错：{type(exc).__name__}: {exc}",
                                        f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}",
                                        rule=rule.code, traceback=tb))
                continue
            for f in findings:
                out.append(Diagnostic(report.path, rule.code, rule.name, rule.severity, f.span, f.message, f.evidence, f.fix))
        return out


def discover(paths: Iterable[str], readers: Mapping[str, Any]) -> list[tuple[str, bool]]:
    """Expand directories (sorted, hidden folders skipped, symlinks not followed)."""
    found: list[tuple[str, bool]] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
                for name in sorted(files):
                    if os.path.splitext(name)[1].lower() in readers and not name.startswith("."):
                        found.append((os.path.join(root, name), False))
        else:
            found.append((path, True))
    return found


def worst(results: Iterable[FileResult]) -> Severity | None:
    """The highest severity among all diagnostics, or None when there are none."""
    best = None
    for r in results:
        for d in r.diagnostics:
            if best is None or d.severity.rank > best.rank:
                best = d.severity
    return best
