"""Human-readable output: ``path:line:col: CODE [severity] message``, the source line, a caret.

For .docx and .pdf the place is a locator instead of line:col (``path:表格 2 第 3 行第 4 列:``).
"""

from __future__ import annotations

from reportlint.formatters import FormatOptions, summarize
from reportlint.patterns import display_width
from reportlint.source import describe_locator

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def _caret(line_text: str, column: int, end_column: int | None) -> str:
    prefix = line_text[: max(column - 1, 0)].replace("\t", " ")
    marked = line_text[max(column - 1, 0): (end_column - 1) if end_column else None]
    width = max(display_width(marked.replace("\t", " ")), 1)
    return " " * display_width(prefix) + "^" * width


_LONG = 300  # a line longer than this (a minified web page) is shown only around the finding
_WINDOW = 100  # characters shown around the finding in such a line


def _window(text: str, column: int, end: int | None) -> tuple[str, int, int | None]:
    """Cut a very long source line down to the part around ``column`` (with "…" marks)."""
    if len(text) <= _LONG:
        return text, column, end
    start = max(column - 1 - _WINDOW // 2, 0)
    stop = min(max(end - 1 if end else column, column) + _WINDOW // 2, len(text))
    head = "…" if start > 0 else ""
    shown = head + text[start:stop] + ("…" if stop < len(text) else "")
    shift = start - len(head)
    return shown, column - shift, (min(end, stop + 1) - shift) if end else None


def format_results(results, options: FormatOptions) -> str:
    lang = options.lang
    out: list[str] = []
    for result in results:
        for d in result.diagnostics:
            sev = d.severity.label(lang)
            if options.color:
                sev = f"{_COLORS[d.severity.value]}{sev}{_RESET}"
            # .docx/.pdf findings carry a locator (第 3 段, 表格 2 第 3 行第 4 列, 第 2 页第 5 行)
            # instead of line:col; the line shown is then the paragraph or table row itself.
            where = (describe_locator(d.locator, lang) if getattr(d, "locator", None)
                     else f"{d.span.line}:{d.span.column}")
            out.append(f"{d.path}:{where}: {d.code} [{sev}] {d.message.get(lang)}")
            src = result.source.line_text(d.span.line) if result.source else ""
            if src.strip():
                end = d.span.end_column if d.span.end_line == d.span.line else None
                src, column, end = _window(src, d.span.column, end)
                gutter = "      | " if getattr(d, "locator", None) else f"{d.span.line:>5} | "
                out.append(gutter + src.replace("\t", " "))
                out.append(" " * 6 + "| " + _caret(src, column, end))
    baselines = getattr(options, "baselines", ())  # reportlint.baseline.BaselineFormatOptions
    if baselines:
        from reportlint.baseline import summary_lines

        out.extend(summary_lines(baselines, lang))
    s = summarize(results)
    sev = s["by_severity"]
    if lang == "zh":
        if s["total"]:
            out.append(f"检查了 {s['files']} 个文件，发现 {s['total']} 个问题：错误 {sev['error']}，警告 {sev['warning']}，提示 {sev['info']}。")
        else:
            out.append(f"检查了 {s['files']} 个文件，未发现问题。")
    else:
        if s["total"]:
            out.append(f"Checked {s['files']} file(s), found {s['total']} problem(s): "
                       f"{sev['error']} error(s), {sev['warning']} warning(s), {sev['info']} info.")
        else:
            out.append(f"Checked {s['files']} file(s), no problems found.")
    return "\n".join(out) + "\n"
