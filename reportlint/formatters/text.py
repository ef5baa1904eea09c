"""Human-readable output: ``path:line:col: CODE [severity] message``, the source line, a caret."""

from __future__ import annotations

from reportlint.formatters import FormatOptions, summarize
from reportlint.patterns import display_width

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET = "\033[0m"


def _caret(line_text: str, column: int, end_column: int | None) -> str:
    prefix = line_text[: max(column - 1, 0)].replace("\t", " ")
    marked = line_text[max(column - 1, 0): (end_column - 1) if end_column else None]
    width = max(display_width(marked.replace("\t", " ")), 1)
    return " " * display_width(prefix) + "^" * width


def format_results(results, options: FormatOptions) -> str:
    lang = options.lang
    out: list[str] = []
    for result in results:
        for d in result.diagnostics:
            sev = d.severity.label(lang)
            if options.color:
                sev = f"{_COLORS[d.severity.value]}{sev}{_RESET}"
            out.append(f"{d.path}:{d.span.line}:{d.span.column}: {d.code} [{sev}] {d.message.get(lang)}")
            src = result.source.line_text(d.span.line) if result.source else ""
            if src.strip():
                end = d.span.end_column if d.span.end_line == d.span.line else None
                gutter = f"{d.span.line:>5} | "
                out.append(gutter + src.replace("\t", " "))
                out.append(" " * 6 + "| " + _caret(src, d.span.column, end))
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
