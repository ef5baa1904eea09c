"""Baselines: record today's findings, then hide exactly those.

``reportlint check … --write-baseline FILE`` records every finding of the run;
``--baseline FILE`` (or ``baseline = "FILE"`` in the configuration) hides the
recorded ones, so a legacy report does not fail CI forever while new problems
still do.

A finding is recognised by a **fingerprint** that survives edits elsewhere in
the file: the rule code, the text the finding points at and a few characters
either side (:data:`CONTEXT` non-blank characters, not crossing a blank line
into another paragraph), all with whitespace removed
(so re-wrapping a paragraph changes nothing), plus an occurrence index when the
same fingerprint appears several times in one file. Line numbers are recorded
for people to read but never compared.

Entries whose file was linted in this run (or no longer exists) but which no
longer match a finding are **stale**: the summary lists them so the baseline can
be refreshed with ``--write-baseline``. Entries for files not linted in this
run, or for codes not selected in it, are left alone.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from typing import Callable, Iterable, Sequence

from reportlint.formatters import FormatOptions
from reportlint.records import Record
from reportlint.rule import Severity

VERSION = 1
CONTEXT = 12  # non-blank characters kept on each side of the finding, within its paragraph
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u3000\r]*\n")


class BaselineError(Exception):
    """A baseline file cannot be read or has the wrong shape (exit code 2)."""


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _flat(source) -> tuple[str, list[int]] | None:
    """The original text of a file as one string, and where each line starts in it."""
    if source is None or not getattr(source, "lines", None):
        return None
    starts, pos = [], 0
    for line in source.lines:
        starts.append(pos)
        pos += len(line) + 1
    return "\n".join(source.lines), starts


def context(diagnostic, flat: tuple[str, list[int]] | None) -> tuple[str, str, str]:
    """(before, the finding's text, after), whitespace removed; empty without a source.

    ``flat`` is :func:`_flat` of the file's source.
    """
    if flat is None:
        return "", "", ""
    text, starts = flat
    span = diagnostic.span

    def offset(line: int, column: int) -> int:
        if line < 1:
            return 0
        if line > len(starts):
            return len(text)
        return min(starts[line - 1] + max(column - 1, 0), len(text))

    a = offset(span.line, span.column)
    b = max(a, offset(span.end_line, span.end_column))
    # The surrounding text stays within the finding's paragraph: a blank line ends it.
    before = _PARAGRAPH_BREAK.split(text[max(0, a - 8 * CONTEXT):a])[-1]
    after = _PARAGRAPH_BREAK.split(text[b:b + 8 * CONTEXT])[0]
    return _squeeze(before)[-CONTEXT:], _squeeze(text[a:b]), _squeeze(after)[:CONTEXT]


def fingerprint(code: str, ctx: tuple[str, str, str]) -> str:
    import hashlib  # not at the top: a run without a baseline never pays for it

    raw = "\x1f".join((code, *ctx)).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()[:20]


def _rel(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def _ordered(result) -> list:
    return sorted(result.diagnostics, key=lambda d: (d.span.line, d.span.column, d.code))


def _keyed(result, root: str) -> list[tuple[tuple, object, tuple[str, str, str]]]:
    """(entry key, diagnostic, context) for each diagnostic of ``result``, by position; occurrences counted."""
    path = _rel(result.path, root)
    flat = _flat(result.source)
    seen: Counter = Counter()
    out = []
    for d in _ordered(result):
        ctx = context(d, flat)
        fp = fingerprint(d.code, ctx)
        out.append(((path, d.code, fp, seen[(d.code, fp)]), d, ctx))
        seen[(d.code, fp)] += 1
    return out


def entries(results: Iterable, root: str) -> list[dict]:
    """Baseline entries of a run's results; paths relative to ``root`` (the baseline's folder)."""
    out = []
    for r in results:
        for (path, code, fp, occurrence), d, ctx in _keyed(r, root):
            out.append({"path": path, "code": code, "fingerprint": fp, "occurrence": occurrence,
                        "line": d.span.line, "context": ctx[1][:60], "message": d.message.zh})
    out.sort(key=lambda e: (e["path"], e["line"], e["code"], e["occurrence"]))
    return out


def write(path: str, results: Iterable) -> int:
    """Write the baseline of ``results`` to ``path``; returns the number of entries."""
    root = os.path.dirname(os.path.abspath(path))
    data = {"reportlint-baseline": VERSION, "entries": entries(results, root)}
    from reportlint.atomic import replace_file

    try:
        replace_file(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"), mode=0o666)
    except OSError as exc:
        raise BaselineError(f"{path}: 无法写入基线文件 / cannot write the baseline: {exc.strerror or exc}") from None
    return len(data["entries"])


class Baseline(Record):
    __slots__ = ("path", "entries")

    def __init__(self, path: str, entries: list[dict]) -> None:
        self.path = path
        self.entries = entries

    @property
    def root(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"{path}: 基线文件不存在（先用 --write-baseline 生成） / baseline file not found "
                            f"(create it with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"{path}: 无法读取基线文件 / cannot read the baseline: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BaselineError(f"{path}: 基线文件不是有效的 JSON / the baseline is not valid JSON: {exc}") from None
    def good(e) -> bool:
        return (isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("path", "code", "fingerprint"))
                and isinstance(e.get("occurrence"), int) and isinstance(e.get("line", 0), int)
                and isinstance(e.get("context", ""), str))

    if not (isinstance(data, dict) and data.get("reportlint-baseline") == VERSION and isinstance(data.get("entries"), list)
            and all(good(e) for e in data["entries"])):
        raise BaselineError(f"{path}: 不是 reportlint 基线文件（版本 {VERSION}） / not a reportlint baseline (version {VERSION})")
    return Baseline(path, data["entries"])


class BaselineReport(Record):
    """What one baseline did in a run: how many findings it hid, which entries are stale."""

    __slots__ = ("path", "hidden", "stale")

    def __init__(self, path: str, hidden: int, stale: tuple[dict, ...] = ()) -> None:
        self.path = path
        self.hidden = hidden
        self.stale = stale


class BaselineFormatOptions(FormatOptions):
    """FormatOptions plus the baselines' outcome, for the summaries (text and JSON)."""

    __slots__ = ("baselines",)

    def __init__(self, lang: str = "zh", color: bool = False, rules=None, fail_on=Severity.ERROR,
                 baselines: tuple[BaselineReport, ...] = ()) -> None:
        super().__init__(lang, color, rules, fail_on)
        self.baselines = baselines


def _key(e: dict) -> tuple:
    return (e["path"], e["code"], e["fingerprint"], e["occurrence"])


def apply(baseline: Baseline, results: Sequence, active: Callable[[object, str], bool] = lambda r, code: True) -> BaselineReport:
    """Hide the recorded findings in ``results`` (in place) and report the stale entries.

    ``active(result, code)`` tells whether ``code`` was checked for that file in
    this run; an entry of a code that was not is neither matched nor stale.
    """
    root = baseline.root
    recorded = {_key(e): e for e in baseline.entries}
    matched: set[tuple] = set()
    linted: dict[str, object] = {}
    hidden = 0
    for r in results:
        linted[_rel(r.path, root)] = r
        keep = []
        for k, d, _ in _keyed(r, root):
            if k in recorded:
                matched.add(k)
                hidden += 1
            else:
                keep.append(d)
        r.diagnostics = sorted(keep, key=lambda d: d.sort_key())
    stale = []
    for k, e in recorded.items():
        if k in matched:
            continue
        r = linted.get(e["path"])
        if r is not None:
            if active(r, e["code"]):
                stale.append(e)
        elif not os.path.exists(os.path.join(root, e["path"])):
            stale.append(e)
    stale.sort(key=lambda e: (e["path"], e.get("line", 0), e["code"]))
    return BaselineReport(baseline.path, hidden, tuple(stale))


def summary_dict(reports: Sequence[BaselineReport]) -> dict:
    """The ``summary.baseline`` object of the JSON output."""
    return {
        "files": [b.path for b in reports],
        "hidden": sum(b.hidden for b in reports),
        "stale": [{"baseline": b.path, "path": e["path"], "code": e["code"], "line": e.get("line"),
                   "context": e.get("context", ""), "fingerprint": e["fingerprint"], "occurrence": e["occurrence"]}
                  for b in reports for e in b.stale],
    }


def summary_lines(reports: Sequence[BaselineReport], lang: str) -> list[str]:
    """Lines for the text summary."""
    out = []
    for b in reports:
        if lang == "zh":
            out.append(f"基线 {b.path} 隐藏了 {b.hidden} 个已记录的问题。")
            if b.stale:
                out.append(f"基线中有 {len(b.stale)} 条记录已不再出现（问题已修正或已改动），可用 --write-baseline 更新：")
        else:
            out.append(f"Baseline {b.path} hid {b.hidden} recorded problem(s).")
            if b.stale:
                out.append(f"{len(b.stale)} baseline entr{'y' if len(b.stale) == 1 else 'ies'} no longer found "
                           f"(fixed or changed); refresh with --write-baseline:")
        for e in b.stale:
            where = f"{e['path']}" + (f"（原第 {e['line']} 行）" if lang == "zh" and e.get("line") else
                                      f" (was line {e['line']})" if e.get("line") else "")
            shown = f" “{e['context']}”" if e.get("context") else ""
            out.append(f"  {'失效' if lang == 'zh' else 'stale'}: {where}: {e['code']}{shown}")
    return out


def _display(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith(os.pardir) else rel


def apply_all(results: Sequence, linter) -> tuple[BaselineReport, ...]:
    """Apply the baseline of each file's configuration (or ``--baseline``) to ``results``, in place.

    ``linter`` is a :class:`reportlint.config.ConfiguredLinter`: it knows each
    file's settings and which codes were checked for it.
    """
    groups: dict[str, list] = {}
    for r in results:
        path = linter.settings_for(r.path).baseline
        if path:
            groups.setdefault(path, []).append(r)
    out = []
    for path, group in groups.items():
        report = apply(load(path), group, active=lambda r, code: linter.checks(r.path, code))
        out.append(BaselineReport(_display(path), report.hidden, report.stale))
    return tuple(out)
