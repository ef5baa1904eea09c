"""Formatters turn a run's results into text. Each is ``(results, options) -> str``.

A formatter is a pure function of the results: it never prints, never decides
the exit code, and relies only on ``result.path``, ``result.diagnostics`` and
``result.source.lines`` (``result.source`` may be None for an unreadable file,
and a cached result's Source has no logical lines). The helpers here are what
several formats share, so every format says the same thing the same way.

Formats (registered in reportlint/core_plugin.py): text, concise, json, sarif,
github, junit, html; docs/formats.md ("Output formats") describes each.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from reportlint.rule import Severity
from reportlint.records import Record


TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: ~15 M instructions of every start
if TYPE_CHECKING:
    from typing import Any


class FormatOptions(Record):
    """What a formatter may know besides the results.

    ``rules`` maps code → Rule (the registry's), for names, help texts and
    default severities. ``fail_on`` is the failure threshold: a Severity, or a
    callable ``path -> Severity`` when each file's configuration has its own.
    """

    __slots__ = ("lang", "color", "rules", "fail_on")

    def __init__(self, lang: str = "zh", color: bool = False, rules: Mapping[str, Any] | None = None,
                 fail_on: Severity | Callable[[str], Severity] = Severity.ERROR) -> None:
        self.lang = lang
        self.color = color
        self.rules = {} if rules is None else rules
        self.fail_on = fail_on

    def threshold(self, path: str) -> Severity:
        """The lowest severity that fails ``path``."""
        return self.fail_on(path) if callable(self.fail_on) else self.fail_on


def summarize(results: Iterable) -> dict:
    """Counts shared by every formatter's summary."""
    results = list(results)
    by_sev = Counter(d.severity._value_ for r in results for d in r.diagnostics)  # not the `.value` property: faster
    by_code = Counter(d.code for r in results for d in r.diagnostics)
    return {
        "files": len(results),
        "files_with_findings": sum(1 for r in results if r.diagnostics),
        "total": sum(by_sev.values()),
        "by_severity": {s.value: by_sev.get(s.value, 0) for s in Severity},
        "by_code": dict(sorted(by_code.items())),
    }


def summary_line(results: Iterable, lang: str) -> str:
    """The closing line of the human formats: files checked and problems by severity."""
    s = summarize(results)
    sev = s["by_severity"]
    if lang == "zh":
        if s["total"]:
            return (f"检查了 {s['files']} 个文件，发现 {s['total']} 个问题：错误 {sev['error']}，"
                    f"警告 {sev['warning']}，提示 {sev['info']}。")
        return f"检查了 {s['files']} 个文件，未发现问题。"
    if s["total"]:
        return (f"Checked {s['files']} file(s), found {s['total']} problem(s): "
                f"{sev['error']} error(s), {sev['warning']} warning(s), {sev['info']} info.")
    return f"Checked {s['files']} file(s), no problems found."


def baseline_lines(options: FormatOptions) -> list[str]:
    """The baselines' outcome for the human summaries ([] without a baseline)."""
    baselines = getattr(options, "baselines", ())  # reportlint.baseline.BaselineFormatOptions
    if not baselines:
        return []
    from reportlint.baseline import summary_lines

    return summary_lines(baselines, options.lang)


def where(d, lang: str) -> str:
    """``line:col``, or for .docx/.pdf the locator in words (第 3 段, 表格 2 第 3 行第 4 列)."""
    if getattr(d, "locator", None):
        from reportlint.source import describe_locator

        return describe_locator(d.locator, lang)
    return f"{d.span.line}:{d.span.column}"


def rule_summary(options: FormatOptions, code: str) -> str:
    """A rule's one-line description without the trailing ``（CODE）。`` ('' when unknown)."""
    rule = options.rules.get(code)
    if rule is None:
        return ""
    text = rule.summary(options.lang).strip()
    for tail in (f"（{code}）。", f" ({code}).", f"({code})."):
        if text.endswith(tail):
            return text[: -len(tail)].strip()
    return text


def problems(n: int, lang: str) -> str:
    """"3 个问题" / "3 problems"."""
    if lang == "zh":
        return f"{n} 个问题"
    return f"{n} problem{'' if n == 1 else 's'}"


def write_output(path: str, text: str) -> None:
    """Write ``text`` to ``path`` atomically: a reader never sees half a report.

    The text goes to a temporary file in the same folder, which then replaces
    ``path`` (os.replace is atomic on one file system).
    """
    from reportlint.atomic import replace_file

    # mkstemp makes 0600; an output file is an ordinary file (0666 less the umask)
    replace_file(path, text.encode("utf-8"), mode=0o666)


def use_color(stream, environ: Mapping[str, str] | None = None) -> bool:
    """Colours only for a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org)."""
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
