"""The engine: read, parse, run the selected rules, collect diagnostics.

It isolates every failure to the file and rule it belongs to: an unreadable
file becomes E001, a file without report structure E002, a rule that raises or
returns something that is not a finding E900 — and the other rules and files
still run.
"""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field, replace
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
    # From configuration files (reportlint/config.py, docs/configuration.md):
    severities: Mapping[str, str] = field(default_factory=dict)  # code or prefix -> error/warning/info/off
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob relative to root, codes)
    root: str | None = None  # folder of the configuration file
    era: str | None = None  # replaces the detected era ("fmt2021" …)
    agency_kind: str | None = None  # replaces the detected agency kind ("department" …)
    deadlines: Mapping[tuple, tuple[int, int]] = field(default_factory=dict)  # (Era, AgencyKind) -> (month, day)
    baseline: str | None = None  # baseline file (reportlint/baseline.py)
    config_path: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)  # keys contributed by plugins' config schemas


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
    # Stable place in a .docx/.pdf ("t2r3c4", see source.describe_locator); None for text and HTML.
    locator: str | None = None

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
            "locator": self.locator,
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
                                   if not r.engine_only and is_selected(code, s.select, s.ignore)
                                   and self._severity(code, r.severity) is not None]
        self.profile = self.registry.profiles.get(s.profile) or self.registry.profiles["national"]
        if s.deadlines:  # configured deadlines tighten (or relax) the profile's
            self.profile = replace(self.profile, name=f"{self.profile.name}+config",
                                   deadlines={**self.profile.deadlines, **s.deadlines})

    # -- configuration: severity overrides, per-file ignores, era/kind overrides -------------
    def _severity(self, code: str, default: Severity) -> Severity | None:
        """The configured severity of ``code`` (longest matching prefix), None when "off"."""
        best, value = -1, None
        for prefix, sev in self.settings.severities.items():
            if code.startswith(prefix) and len(prefix) > best:
                best, value = len(prefix), sev
        if value is None:
            return default
        return None if value == "off" else Severity(value)

    def _file_ignored(self, path: str, code: str) -> bool:
        if not self.settings.per_file_ignores:
            return False
        from reportlint.config import file_ignores

        return any(code.startswith(p) for p in file_ignores(self.settings, path))

    def _override(self, report: Report) -> Report:
        """Apply the configured ``era`` / ``agency-kind`` after parsing (replacing what was detected)."""
        s = self.settings
        if not (s.era or s.agency_kind):
            return report
        from reportlint.model import AgencyKind, Era

        return replace(report, era=Era(s.era) if s.era else report.era,
                       agency_kind=AgencyKind(s.agency_kind) if s.agency_kind else report.agency_kind)

    # -- diagnostics the engine raises itself -------------------------------------------
    def _engine(self, path: str, code: str, zh: str, en: str, span: Span = _FILE_START, **evidence) -> list[Diagnostic]:
        if not is_selected(code, self.settings.select, self.settings.ignore) or self._file_ignored(path, code):
            return []
        rule = self.registry.rules.get(code)
        name = rule.name if rule else code
        severity = self._severity(code, rule.severity if rule else Severity.ERROR)
        if severity is None:
            return []
        return [Diagnostic(path, code, name, severity, span, Message(zh, en), evidence)]

    # -- entry points ----------------------------------------------------------------------
    def lint_paths(self, paths: Iterable[str], *, previous: FileResult | None = None) -> list[FileResult]:
        results = []
        for path, explicit in discover(paths, self.registry.readers):
            results.append(self.lint_file(path, explicit=explicit))
        self.lint_across(results, previous)
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
        report = self._override(report)
        diagnostics = self._run_rules(report)
        if self.settings.per_file_ignores:
            diagnostics = [d for d in diagnostics if not self._file_ignored(path, d.code)]
        if source.suppressions:  # <!-- reportlint-disable … --> in .md / .html
            diagnostics = [d for d in diagnostics if not source.suppressed(d.code, d.span)]
        if source.locators:
            diagnostics = [replace(d, locator=source.locator(d.span.line, d.span.column)) for d in diagnostics]
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
            if rule.cross_report or not self._applies(rule, report):
                continue  # cross-report rules run in lint_across
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
                out.append(Diagnostic(report.path, rule.code, rule.name, self._severity(rule.code, rule.severity),
                                      f.span, f.message, f.evidence, f.fix))
        return out

    # -- cross-report rules (X7xx) ----------------------------------------------------------
    def lint_across(self, results: list[FileResult], previous: FileResult | None = None) -> None:
        """Run the rules marked ``cross_report`` on each (last year, this year) pair of
        :func:`report_pairs`; their findings join this year's file. ``previous`` is the
        report named by ``--previous`` (context only: its own findings are not reported)."""
        rules = [r for r in self.active if r.cross_report]
        for prev, cur in report_pairs(results, previous) if rules else ():
            out: list[Diagnostic] = []
            for rule in rules:
                if not self._applies(rule, cur.report):
                    continue
                ctx = RuleContext({**rule.options, **self.settings.rule_options.get(rule.code, {})}, self.profile)
                try:
                    findings = list(rule.check_pair(prev.report, cur.report, ctx) or ())
                    if any(not isinstance(f, Finding) or not isinstance(f.span, Span) for f in findings):
                        raise TypeError("check_pair() returned something that is not a Finding with a Span")
                except Exception as exc:
                    out.extend(self._engine(cur.path, "E900", f"规则 {rule.code}（{rule.name}）运行出错：{type(exc).__name__}: {exc}",
                                            f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}", rule=rule.code,
                                            traceback=traceback.format_exc() if self.settings.verbose else ""))
                    continue
                out.extend(Diagnostic(cur.path, rule.code, rule.name, self._severity(rule.code, rule.severity), f.span,
                                      f.message, f.evidence, f.fix)
                           for f in findings)
            src = cur.source
            out = [d for d in out if not (src.suppressions and src.suppressed(d.code, d.span))
                   and not self._file_ignored(cur.path, d.code)]
            if src.locators:
                out = [replace(d, locator=src.locator(d.span.line, d.span.column)) for d in out]
            cur.diagnostics = sorted(cur.diagnostics + out, key=Diagnostic.sort_key)


def agency_key(agency: str | None) -> str | None:
    """An agency name for grouping: NFKC, no spaces; different names stay different."""
    import unicodedata

    key = "".join(unicodedata.normalize("NFKC", agency or "").split())
    return key or None


def report_pairs(results: Iterable[FileResult], previous: FileResult | None = None) -> list[tuple[FileResult, FileResult]]:
    """(last year, this year) pairs for the cross-report rules.

    Reports linted together pair up when their agencies (:func:`agency_key`) are
    equal and their years consecutive; when an agency has two reports for last
    year, which one counts is unknown and that year is not paired. An explicit
    ``previous`` report is paired with every report of the following year, and
    then replaces the automatic partner.
    """
    usable = [r for r in results if r.report is not None and r.report.year is not None]
    by_key: dict[tuple[str, int], list[FileResult]] = {}
    for r in usable:
        key = agency_key(r.report.agency)
        if key:
            by_key.setdefault((key, r.report.year), []).append(r)
    prev_ok = previous is not None and previous.report is not None and previous.report.year is not None
    pairs = []
    for r in usable:
        if prev_ok and previous.report.year == r.report.year - 1:
            if os.path.realpath(previous.path) != os.path.realpath(r.path):
                pairs.append((previous, r))
            continue
        key = agency_key(r.report.agency)
        before = by_key.get((key, r.report.year - 1), []) if key else []
        if len(before) == 1:
            pairs.append((before[0], r))
    return pairs


def discover(paths: Iterable[str], readers: Mapping[str, Any]) -> list[tuple[str, bool]]:
    """Expand directories (sorted, hidden folders skipped, symlinks not followed)."""
    found: list[tuple[str, bool]] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                # *.egg-info holds pip's build metadata (SOURCES.txt …), e.g. of an example plugin, not reports.
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__" and not d.endswith(".egg-info"))
                for name in sorted(files):
                    # "~$x.docx" is Word's lock file beside an open document, not a report.
                    if os.path.splitext(name)[1].lower() in readers and not name.startswith((".", "~$")):
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
