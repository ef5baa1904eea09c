"""The engine: read, parse, run the selected rules, collect diagnostics.

It isolates every failure to the file and rule it belongs to: an unreadable
file becomes E001, a file without report structure E002, a rule that raises or
returns something that is not a finding E900 — and the other rules and files
still run.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from reportlint.model import Report
from reportlint.plugins import Registry, load_registry
from reportlint.readers import ReadError
from reportlint.rule import Edit, Finding, Message, Rule, RuleContext, Severity
from reportlint.selection import is_selected
from reportlint.source import Source, Span
from reportlint.timelimit import DEFAULT_RULE_TIMEOUT, RuleClock, RuleTimeout, timeout_message
from reportlint.records import Record

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Any


# Refuse to read files larger than this; a report is rarely over 1 MB.
MAX_FILE_BYTES = 64 * 1024 * 1024


# O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused after fstat); O_BINARY on Windows.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_input(path: str) -> bytes:
    """The bytes of the file at ``path``, never more than :data:`MAX_FILE_BYTES`.

    Raises :class:`ReadError` for what is not a regular file (a FIFO would block
    forever, a link to /dev/zero never ends) or is too large — also when it grows
    while being read — and ``OSError`` when it cannot be read (gone, no permission).
    Read with ``os.open``/``os.read``, sized by ``fstat`` of the opened file: the
    buffered file object cost ~10 µs a file, a tenth of a re-run from the cache.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError("不是普通文件（而是管道、设备或套接字），未读取", "not a regular file (a pipe, device or socket): not read")
        chunks = []
        got = 0
        if st.st_size <= MAX_FILE_BYTES:
            want = st.st_size + 1  # one byte more than stat says tells that it grew: read on, still bounded
            while got < want:
                chunk = os.read(fd, want - got)
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
                if got == want:
                    want = MAX_FILE_BYTES + 1
    finally:
        os.close(fd)
    size = max(st.st_size, got)
    if size > MAX_FILE_BYTES:
        raise ReadError(f"文件过大（{size // 1048576} MB，上限 {MAX_FILE_BYTES // 1048576} MB）",
                        f"file too large ({size // 1048576} MB, limit {MAX_FILE_BYTES // 1048576} MB)")
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


# A file that could not be read (E001) or a rule that crashed or overran (E900)
# means the file was not checked: a narrow --select must not turn that into a
# silent pass. Only an explicit ignore (or the severity "off") hides them.
ALWAYS_REPORTED = ("E001", "E900")


class Settings(Record):
    """Everything a run can be told: command-line flags and configuration files
    (reportlint/config.py, docs/configuration.md).

    ``severities`` maps a code or prefix to error/warning/info/off;
    ``per_file_ignores`` holds (glob relative to ``root``, codes); ``root`` is the
    configuration file's folder; ``era`` and ``agency_kind`` replace what was
    detected ("fmt2021", "department" …); ``deadlines`` maps (Era, AgencyKind) to
    (month, day); ``baseline`` names a baseline file (reportlint/baseline.py);
    ``extra`` holds keys contributed by plugins' configuration schemas;
    ``rule_timeout`` is in seconds per rule per file (reportlint/timelimit.py).
    """

    __slots__ = ("select", "ignore", "fail_on", "lang", "verbose", "profile", "rule_options", "severities",
                 "per_file_ignores", "root", "era", "agency_kind", "deadlines", "baseline", "config_path", "extra",
                 "rule_timeout")

    def __init__(self, select: tuple[str, ...] = ("ALL",), ignore: tuple[str, ...] = (),
                 fail_on: Severity = Severity.ERROR, lang: str = "zh", verbose: bool = False, profile: str = "national",
                 rule_options: Mapping[str, Mapping[str, Any]] | None = None, severities: Mapping[str, str] | None = None,
                 per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (), root: str | None = None,
                 era: str | None = None, agency_kind: str | None = None,
                 deadlines: Mapping[tuple, tuple[int, int]] | None = None, baseline: str | None = None,
                 config_path: str | None = None, extra: Mapping[str, Any] | None = None,
                 rule_timeout: float = DEFAULT_RULE_TIMEOUT) -> None:
        self.select = select
        self.ignore = ignore
        self.fail_on = fail_on
        self.lang = lang
        self.verbose = verbose
        self.profile = profile
        self.rule_options = {} if rule_options is None else rule_options
        self.severities = {} if severities is None else severities
        self.per_file_ignores = per_file_ignores
        self.root = root
        self.era = era
        self.agency_kind = agency_kind
        self.deadlines = {} if deadlines is None else deadlines
        self.baseline = baseline
        self.config_path = config_path
        self.extra = {} if extra is None else extra
        self.rule_timeout = rule_timeout


class Diagnostic(Record):
    """A finding with the engine's additions: file, code, name and severity.

    ``locator`` is the stable place in a .docx/.pdf ("t2r3c4", see
    source.describe_locator); None for text and HTML.
    """

    __slots__ = ("path", "code", "name", "severity", "span", "message", "evidence", "fix", "locator")

    def __init__(self, path: str, code: str, name: str, severity: Severity, span: Span, message: Message,
                 evidence: Mapping[str, Any] | None = None, fix: tuple[Edit, ...] = (),
                 locator: str | None = None) -> None:
        self.path = path
        self.code = code
        self.name = name
        self.severity = severity
        self.span = span
        self.message = message
        self.evidence = {} if evidence is None else evidence
        self.fix = fix
        self.locator = locator

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
        span = self.span
        evidence = self.evidence
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "severity": self.severity._value_,  # the member's own attribute; ``.value`` is a property call
            "line": span.line,
            "column": span.column,
            "end_line": span.end_line,
            "end_column": span.end_column,
            "message": self.message.get(lang),
            "evidence": dict(evidence) if evidence.__class__ is JsonEvidence else jsonable_evidence(evidence),
            "fixable": bool(self.fix),
            "locator": self.locator,
        }


class JsonEvidence(dict):
    """Evidence already reduced to JSON values: that of slim and cached results.

    A rule's evidence may hold any value (a Span, a Decimal …), so output converts
    it; a re-run answered from the cache writes thousands of findings whose
    evidence came from JSON, and need not convert each of them again.
    """

    __slots__ = ()


def jsonable_evidence(evidence: Mapping[str, Any]) -> JsonEvidence:
    return JsonEvidence({k: _jsonable(v) for k, v in evidence.items()})


def _jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)


class FileResult(Record):
    """One file's outcome.

    ``source`` and ``report`` are the full reader and parser products when the
    file was linted in this process. Results that crossed a process boundary
    (``--jobs``) or came from the cache are *slim*: ``report`` is None and
    ``source`` keeps only what formatters and baselines read (the original
    lines, locators, suppressions). ``agency`` and ``year`` survive slimming so
    cross-report pairs can still be found; the pair's reports are then parsed
    again (:meth:`Linter.load_report`). ``structured`` says the file parsed as a
    report (False after E001/E002); ``content_hash`` is that of the bytes linted
    (reportlint.cache keys results by it). Unlike the other records, a result is
    completed after it is made (its hash, the cross-report findings).
    """

    __slots__ = ("path", "diagnostics", "source", "report", "agency", "year", "structured", "content_hash")

    def __init__(self, path: str, diagnostics: list[Diagnostic], source: Source | None = None,
                 report: Report | None = None, agency: str | None = None, year: int | None = None,
                 structured: bool = False, content_hash: str | None = None) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.source = source
        self.report = report
        self.agency = agency
        self.year = year
        self.structured = structured
        self.content_hash = content_hash
        if report is not None:
            self.agency, self.year, self.structured = report.agency, report.year, True

    def slim(self) -> "FileResult":
        """A copy without the parsed report and logical lines, cheap to pickle and to cache."""
        src = self.source
        if src is not None:
            src = Source(src.path, src.lines, (), src.encoding, src.bom, src.newline, src.layout,
                         locators=src.locators, suppressions=src.suppressions)
        diagnostics = [d.replace(evidence=jsonable_evidence(d.evidence)) for d in self.diagnostics]
        return FileResult(self.path, diagnostics, src, None, self.agency, self.year, self.structured, self.content_hash)


def os_reason_zh(exc: OSError) -> str:
    """The operating system's reason in Chinese for the common cases (its own text otherwise)."""
    import errno

    words = {errno.ENOENT: "文件不存在（可能已被删除或移动）", errno.EACCES: "没有读取权限", errno.EPERM: "没有读取权限",
             errno.EISDIR: "这是一个目录", errno.ELOOP: "符号链接循环", errno.ENAMETOOLONG: "路径过长",
             errno.EIO: "输入/输出错误"}
    return words.get(exc.errno) or exc.strerror or str(exc)


def content_hash(data: bytes) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def blake2b(data: bytes = b"", *, digest_size: int):
    """hashlib's BLAKE2b, taken from CPython's own module when there is one: importing
    hashlib loads OpenSSL (~3 ms of a one-file check) for a hash that does not use it."""
    try:
        from _blake2 import blake2b as impl
    except ImportError:  # another Python implementation
        from hashlib import blake2b as impl
    return impl(data, digest_size=digest_size)


def _traceback_text() -> str:
    import traceback  # only for --verbose crash reports: not part of every start-up

    return traceback.format_exc()


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
            self.profile = self.profile.replace(name=f"{self.profile.name}+config",
                                                deadlines={**self.profile.deadlines, **s.deadlines})
        # What every report's run needs per rule, worked out once: its context (options are
        # read-only, as a rule must not change what the next report sees) and its severity.
        self._per_report = [(rule, RuleContext(MappingProxyType({**rule.options, **s.rule_options.get(rule.code, {})}),
                                               self.profile), self._severity(rule.code, rule.severity))
                            for rule in self.active if not rule.cross_report]

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

        return report.replace(era=Era(s.era) if s.era else report.era,
                              agency_kind=AgencyKind(s.agency_kind) if s.agency_kind else report.agency_kind)

    # -- diagnostics the engine raises itself -------------------------------------------
    def _engine(self, path: str, code: str, zh: str, en: str, span: Span = _FILE_START, **evidence) -> list[Diagnostic]:
        s = self.settings
        selected = is_selected(code, s.select, s.ignore) or (
            code in ALWAYS_REPORTED and not any(code.startswith(p.upper()) for p in s.ignore if p))
        if not selected or self._file_ignored(path, code):
            return []
        rule = self.registry.rules.get(code)
        name = rule.name if rule else code
        severity = self._severity(code, rule.severity if rule else Severity.ERROR)
        if severity is None:
            return []
        return [Diagnostic(path, code, name, severity, span, Message(zh, en), evidence)]

    # -- entry points ----------------------------------------------------------------------
    def discover(self, paths: Iterable[str]) -> list[tuple[str, bool]]:
        return discover(paths, self.registry.readers)

    def lint_paths(self, paths: Iterable[str], *, previous: FileResult | None = None, jobs: int | None = 1,
                   cache=None, progress=None, slim: bool = False) -> list[FileResult]:
        """Lint files and folders; see :func:`reportlint.batch.run` for ``jobs``, ``cache``, ``progress``, ``slim``."""
        from reportlint.batch import run

        return run(self, paths, jobs=jobs, cache=cache, progress=progress, previous=previous, slim=slim)

    def load_report(self, path: str) -> Report | None:
        """Read and parse ``path`` again without running rules (for a slim result's cross-report pair)."""
        result = self.lint_file(path, rules=False)
        return result.report

    def lint_file(self, path: str, *, explicit: bool = True, rules: bool = True) -> FileResult:
        suffix = os.path.splitext(path)[1].lower()
        reader = self.registry.readers.get(suffix)
        if reader is None:
            known = " ".join(sorted(self.registry.readers))
            return FileResult(path, self._engine(
                path, "E001", f"不支持的文件格式“{suffix or '（无扩展名）'}”（支持：{known}）",
                f"unsupported file format '{suffix or '(no suffix)'}' (supported: {known})"))
        try:
            data = read_input(path)
        except ReadError as exc:
            return FileResult(path, self._engine(path, "E001", exc.zh, exc.en))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return FileResult(path, self._engine(path, "E001", f"无法读取文件：{os_reason_zh(exc)}", f"cannot read file: {reason}"))
        result = self.lint_bytes(path, data, reader, rules=rules)
        result.content_hash = content_hash(data)
        return result

    def lint_bytes(self, path: str, data: bytes, reader=None, *, rules: bool = True) -> FileResult:
        if reader is None:
            reader = self.registry.readers.get(os.path.splitext(path)[1].lower()) or self.registry.readers[".txt"]
        try:
            source = reader(path, data)
        except ReadError as exc:
            return FileResult(path, self._engine(path, "E001", exc.zh, exc.en))
        except Exception as exc:  # a reader bug must not hide the other files
            return FileResult(path, self._engine(path, "E001", f"读取文件时出错：{type(exc).__name__}: {exc}",
                                                 f"error while reading the file: {type(exc).__name__}: {exc}"))
        return self.lint_source(source, rules=rules)

    def lint_source(self, source: Source, *, rules: bool = True) -> FileResult:
        from reportlint.parse import ParseError, parse_source  # the parser only when a file is parsed, not for cache hits

        path = source.path
        try:
            report = parse_source(source)
        except (ParseError, RecursionError, ValueError) as exc:
            return FileResult(path, self._engine(path, "E002", f"无法识别报告结构：{exc}", f"cannot recognise the report structure: {exc}"), source)
        report = self._override(report)
        if not rules:
            return FileResult(path, [], source, report)
        diagnostics = self._run_rules(report)
        if self.settings.per_file_ignores:
            diagnostics = [d for d in diagnostics if not self._file_ignored(path, d.code)]
        if source.suppressions:  # <!-- reportlint-disable … --> in .md / .html
            diagnostics = [d for d in diagnostics if not source.suppressed(d.code, d.span)]
        if source.locators:
            diagnostics = [d.replace(locator=source.locator(d.span.line, d.span.column)) for d in diagnostics]
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
        with RuleClock(self.settings.rule_timeout) as clock:
            for rule, ctx, severity in self._per_report:  # cross-report rules run in lint_across
                if self._applies(rule, report):
                    out.extend(self._call_rule(clock, rule, report.path, "check", rule.check, report, ctx,
                                               severity=severity))
        return out

    def _call_rule(self, clock: RuleClock, rule: Rule, path: str, what: str, call, *args,
                   severity: Severity | None = None) -> list[Diagnostic]:
        """One ``check``/``check_pair`` call under the time limit: its findings as Diagnostics, or one E900
        when it raises, returns something that is not a Finding, or runs longer than ``rule_timeout``."""
        try:
            clock.enter()
            try:
                findings = list(call(*args) or ())
            finally:
                overran = clock.leave()
            if overran:
                raise RuleTimeout()
            bad = next((f for f in findings if not isinstance(f, Finding) or not isinstance(f.span, Span)), None)
            if bad is not None:
                raise TypeError(f"{what}() returned {type(bad).__name__}, not a Finding with a Span")
        except RuleTimeout:
            zh, en = timeout_message(rule.code, rule.name, clock.limit)
            return self._engine(path, "E900", zh, en, rule=rule.code, timeout=clock.limit,
                                traceback=_traceback_text() if self.settings.verbose else "")
        except Exception as exc:
            return self._engine(path, "E900", f"规则 {rule.code}（{rule.name}）运行出错：{type(exc).__name__}: {exc}",
                                f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}", rule=rule.code,
                                traceback=_traceback_text() if self.settings.verbose else "")
        if not findings:
            return findings
        if severity is None:
            severity = self._severity(rule.code, rule.severity)
        return [Diagnostic(path, rule.code, rule.name, severity, f.span, f.message, f.evidence, f.fix) for f in findings]

    # -- cross-report rules (X7xx) ----------------------------------------------------------
    def lint_across(self, results: list[FileResult], previous: FileResult | None = None, cache=None,
                    pair_map=None) -> None:
        """Run the rules marked ``cross_report`` on each (last year, this year) pair of
        :func:`report_pairs`; their findings join this year's file. ``previous`` is the
        report named by ``--previous`` (context only: its own findings are not reported).
        ``cache`` (a :class:`reportlint.cache.ResultCache`) keeps each pair's findings.

        ``pair_map(linter, pairs)``, when given, computes ``linter.pair_findings`` for a
        list of pairs of slim results, in order, elsewhere (worker processes:
        reportlint/batch.py)."""
        rules = [r for r in self.active if r.cross_report]
        todo = []
        for prev, cur in report_pairs(results, previous) if rules else ():
            cached = cache.get_pair(self, prev, cur) if cache is not None else None
            if cached is not None:
                cur.diagnostics = sorted(cur.diagnostics + cached, key=Diagnostic.sort_key)
            else:
                todo.append((prev, cur))
        if pair_map is not None and todo and all(p.report is None and c.report is None for p, c in todo):
            found = pair_map(self, todo)
        else:
            found = [self.pair_findings(prev, cur) for prev, cur in todo]
        for (prev, cur), out in zip(todo, found):
            if out is None:
                continue  # a slim result whose file can no longer be parsed
            if cache is not None:
                cache.put_pair(self, prev, cur, out)
            cur.diagnostics = sorted(cur.diagnostics + out, key=Diagnostic.sort_key)

    def pair_findings(self, prev: FileResult, cur: FileResult) -> list[Diagnostic] | None:
        """The cross-report findings of one pair (parsing a slim result's file again); None when a
        file of the pair can no longer be parsed."""
        if not self._ensure_reports(prev, cur):
            return None
        out: list[Diagnostic] = []
        with RuleClock(self.settings.rule_timeout) as clock:
            for rule in self.active:
                if not rule.cross_report or not self._applies(rule, cur.report):
                    continue
                ctx = RuleContext({**rule.options, **self.settings.rule_options.get(rule.code, {})}, self.profile)
                out.extend(self._call_rule(clock, rule, cur.path, "check_pair", rule.check_pair,
                                           prev.report, cur.report, ctx))
        src = cur.source if cur.source is not None else cur.report.source
        out = [d for d in out if not (src.suppressions and src.suppressed(d.code, d.span))
               and not self._file_ignored(cur.path, d.code)]
        if src.locators:
            out = [d.replace(locator=src.locator(d.span.line, d.span.column)) for d in out]
        return out

    def _ensure_reports(self, *pair: FileResult) -> bool:
        """Give slim results of a cross-report pair their parsed reports back (parsing again)."""
        for r in pair:
            if r.report is None:
                r.report = self.load_report(r.path)
        return all(r.report is not None for r in pair)


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
    usable = [r for r in results if r.structured and r.year is not None]
    by_key: dict[tuple[str, int], list[FileResult]] = {}
    for r in usable:
        key = agency_key(r.agency)
        if key:
            by_key.setdefault((key, r.year), []).append(r)
    prev_ok = previous is not None and previous.structured and previous.year is not None
    pairs = []
    for r in usable:
        if prev_ok and previous.year == r.year - 1:
            if os.path.realpath(previous.path) != os.path.realpath(r.path):
                pairs.append((previous, r))
            continue
        key = agency_key(r.agency)
        before = by_key.get((key, r.year - 1), []) if key else []
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
                        found.append((shown_path(os.path.join(root, name)), False))
        else:
            found.append((shown_path(path), True))
    return found


def shown_path(path: str) -> str:
    """A path as results name it, the same on every platform and however the folder was written:
    forward slashes, no ``.`` segments, no doubled separators (``./examples//a.txt`` → ``examples/a.txt``).
    ``..`` is kept (collapsing it could name another file behind a symbolic link); relative stays relative."""
    unc = os.sep == "\\" and path[:2] in ("\\\\", "//")  # a Windows share keeps its two slashes
    path = path.replace(os.sep, "/")
    prefix = "//" if unc else "/" if path.startswith("/") else ""
    parts = [p for p in path.split("/") if p not in ("", ".")]
    return prefix + "/".join(parts) or "."


def worst(results: Iterable[FileResult]) -> Severity | None:
    """The highest severity among all diagnostics, or None when there are none."""
    best = None
    for r in results:
        for d in r.diagnostics:
            if best is None or d.severity.rank > best.rank:
                best = d.severity
    return best
